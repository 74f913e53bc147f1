"""One entry point for a fresh machine: ``python3 dev.py app`` or ``python3 dev.py test``.

Why a Python script and not a Makefile: clerks' and developers' machines run Windows
(``py dev.py app``) as often as Linux, and both have Python.  The script creates
``.venv`` on first use, installs the project into it (again whenever
``pyproject.toml`` changes), builds the translations, and then runs the app,
the test suite, or the benchmarks inside that environment.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"


def _run(*cmd: object, check: bool = True) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check).returncode


def ensure_env(extras: str) -> None:
    """Create the virtual environment and install the project when needed."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest() + extras
    if not PY.exists():
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            # Debian and Ubuntu ship venv's pip separately.
            sys.exit(
                f"could not create {VENV} ({exc}).\n"
                "On Debian/Ubuntu install the venv module first: sudo apt install python3-venv"
            )
    if not STAMP.exists() or STAMP.read_text() != wanted:
        _run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        target = f".[{extras}]" if extras else "."
        _run(PY, "-m", "pip", "install", "--quiet", "-e", target)
        STAMP.write_text(wanted)
    build_translations()


def build_translations() -> None:
    """Compile every ``resources/translations/*.ts`` into the ``.qm`` Qt loads."""
    lrelease = BIN / ("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            _run(lrelease, "-silent", ts, "-qm", qm)


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    rest = argv[1:]
    if command == "app":
        ensure_env("")
        return _run(PY, "-m", "ui.app", *rest, check=False)
    if command == "cli":
        ensure_env("")
        return _run(PY, "-m", "tracker.cli", *rest, check=False)
    if command == "test":
        ensure_env("test")
        if _run(PY, "-m", "ruff", "check", ".", check=False):
            return 1
        if _run(PY, "-m", "mypy", check=False):
            return 1
        return _run(PY, "-m", "pytest", *rest, check=False)
    if command == "bench":
        ensure_env("test")
        return _run(PY, "-m", "bench", *rest, check=False)
    print(__doc__)
    print("commands: app | cli ARGS | test [PYTEST ARGS] | bench")
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
