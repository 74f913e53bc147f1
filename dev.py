"""One entry point for a fresh machine: ``python3 dev.py app`` or ``python3 dev.py test``.

Why a Python script and not a Makefile: clerks' and developers' machines run Windows
(``py dev.py app``) as often as Linux, and both have Python.  The script checks the
Python version, creates ``.venv`` on first use (and again if it was made by a Python
too old or is broken), installs the exact versions of ``requirements.lock`` into it
once — the same set for the app, the tests and the build, so switching between them
installs nothing — then the project itself, builds the translations, and runs the
app, the test suite, the benchmarks or the build inside that environment.

Offline: ``python3 dev.py wheelhouse --platform win_amd64`` (or ``linux``) fills
``wheelhouse/<platform>/`` with every wheel of the lock file; where that folder
exists for this machine (or ``TRACKER_WHEELHOUSE`` names one), installs read it and
never the network.  ``python3 dev.py lock`` re-resolves the lock file (network).

Everything the script itself says goes to stderr, so the output of
``python3 dev.py cli … --json > file.json`` is the command's alone.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
import venv
from pathlib import Path

MINIMUM_PYTHON = (3, 11)
ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed"
LOCK = ROOT / "requirements.lock"
WHEELHOUSE = ROOT / "wheelhouse"

PLATFORMS = {
    # name: (pip's platform tags, the marker environment of such a machine)
    "win_amd64": (
        ["win_amd64"],
        {
            "sys_platform": "win32",
            "platform_system": "Windows",
            "os_name": "nt",
            "platform_machine": "AMD64",
        },
    ),
    "linux": (
        # glibc 2.39 down to 2.5: pip takes the newest a package offers (PySide6 6.12 needs 2.34)
        [
            *(f"manylinux_2_{minor}_x86_64" for minor in range(39, 4, -1)),
            *("manylinux2014_x86_64", "manylinux2010_x86_64", "manylinux1_x86_64", "linux_x86_64"),
        ],
        {
            "sys_platform": "linux",
            "platform_system": "Linux",
            "os_name": "posix",
            "platform_machine": "x86_64",
        },
    ),
}


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _run(*cmd: object, check: bool = True, quiet_stdout: bool = False) -> int:
    """Run a command from the project folder; its own output goes where it would.

    ``quiet_stdout`` sends the command's stdout to our stderr (pip, lrelease): only
    the app, the CLI and the tests write to stdout.
    """
    say("+ " + " ".join(str(c) for c in cmd))
    stdout = sys.stderr if quiet_stdout else None
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, check=check, stdout=stdout).returncode


def check_python() -> None:
    if sys.version_info < MINIMUM_PYTHON:
        wanted = ".".join(map(str, MINIMUM_PYTHON))
        sys.exit(
            f"督办台账 needs Python {wanted} or newer; this is Python {platform.python_version()} "
            f"({sys.executable}).\nInstall Python {wanted}+ (python.org, or your system's "
            f"packages) and run this command with it, e.g. `py -3.11 dev.py app` on Windows."
        )


def venv_python_ok() -> bool:
    """Whether ``.venv`` runs and was made by a Python this project supports."""
    if not PY.exists():
        return False
    probe = f"import sys; sys.exit(0 if sys.version_info >= {MINIMUM_PYTHON!r} else 3)"
    try:
        return subprocess.run([str(PY), "-c", probe], capture_output=True).returncode == 0
    except OSError:
        return False


def local_wheelhouse() -> Path | None:
    """The wheel folder for this machine, if there is one: installs then stay offline."""
    named = os.environ.get("TRACKER_WHEELHOUSE")
    if named:
        return Path(named)
    name = "win_amd64" if os.name == "nt" else "linux"
    folder = WHEELHOUSE / name
    return folder if folder.is_dir() and any(folder.glob("*.whl")) else None


def ensure_env() -> None:
    """Create (or repair) the virtual environment and install the locked set when needed."""
    check_python()
    if not venv_python_ok():
        if VENV.exists():
            say(f"{VENV} was made by another Python or is broken: making it anew")
            shutil.rmtree(VENV)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (OSError, subprocess.CalledProcessError) as exc:
            # Debian and Ubuntu ship venv's pip separately.
            sys.exit(
                f"could not create {VENV} ({exc}).\n"
                "On Debian/Ubuntu install the venv module first: sudo apt install python3-venv"
            )
    wanted = hashlib.sha256(LOCK.read_bytes() + (ROOT / "pyproject.toml").read_bytes())
    if not STAMP.exists() or STAMP.read_text() != wanted.hexdigest():
        source: list[str] = []
        wheels = local_wheelhouse()
        if wheels is not None:
            say(f"installing offline from {wheels}")
            source = ["--no-index", "--find-links", str(wheels)]
        pip = [PY, "-m", "pip", "--disable-pip-version-check", "install", "--quiet", *source]
        _run(*pip, "--require-hashes", "-r", LOCK, quiet_stdout=True)
        _run(*pip, "--no-deps", "--no-build-isolation", "-e", ".", quiet_stdout=True)
        STAMP.write_text(wanted.hexdigest())
    build_translations()


def build_translations() -> None:
    """Compile every ``resources/translations/*.ts`` that is newer than its ``.qm``.

    The ``.qm`` files are committed (a wheel and a frozen build ship them); this
    keeps them current while a translator edits the ``.ts``.  lrelease's output is
    deterministic, so an unchanged ``.ts`` gives the committed bytes.
    """
    lrelease = BIN / ("pyside6-lrelease.exe" if os.name == "nt" else "pyside6-lrelease")
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            _run(lrelease, "-silent", ts, "-qm", qm, quiet_stdout=True)


def locked_requirements(environment: dict[str, str]) -> list[str]:
    """The lock file's ``name==version`` lines whose markers hold on another machine.

    pip evaluates markers against the machine it runs on, even when it downloads
    for another platform; a Windows wheelhouse made on Linux would lack Windows-only
    packages (tzdata, colorama…) without this.
    """
    from pip._vendor.packaging.markers import Marker  # pip is in every venv

    wanted = []
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        if not line or line[0] in " #-":
            continue
        requirement, _, marker = line.rstrip(" \\").partition(";")
        if marker.strip() and not Marker(marker.strip()).evaluate(environment):
            continue
        wanted.append(requirement.strip())
    return wanted


def wheelhouse(args: list[str]) -> int:
    """Download every locked wheel for a platform and Python into ``wheelhouse/<platform>``."""
    target = args[args.index("--platform") + 1] if "--platform" in args else "linux"
    python = args[args.index("--python") + 1] if "--python" in args else "3.11"
    if target not in PLATFORMS:
        say(f"--platform must be one of {', '.join(PLATFORMS)}")
        return 2
    tags, environment = PLATFORMS[target]
    environment = {
        **environment,
        "python_version": python,
        "python_full_version": f"{python}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
    }
    folder = WHEELHOUSE / target
    folder.mkdir(parents=True, exist_ok=True)
    listing = folder / "requirements.txt"
    listing.write_text("\n".join(locked_requirements(environment)) + "\n", encoding="utf-8")
    platform_args = [arg for tag in tags for arg in ("--platform", tag)]
    return _run(
        PY,
        "-m",
        "pip",
        "--disable-pip-version-check",
        "download",
        "--quiet",
        "--only-binary=:all:",
        *platform_args,
        "--python-version",
        python,
        "--implementation",
        "cp",
        "-d",
        folder,
        "-r",
        listing,
        check=False,
        quiet_stdout=True,
    )


def lock() -> int:
    """Re-resolve ``requirements.lock`` for Windows and Linux, Python 3.11–3.13 (network)."""
    _run(PY, "-m", "pip", "install", "--quiet", "uv", quiet_stdout=True)
    return _run(
        PY,
        "-m",
        "uv",
        "pip",
        "compile",
        "pyproject.toml",
        "--extra",
        "test",
        "requirements-build.in",
        "--universal",
        "--python-version",
        ".".join(map(str, MINIMUM_PYTHON)),
        "--generate-hashes",
        "--no-header",
        "-o",
        LOCK,
        check=False,
        quiet_stdout=True,
    )


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "help"
    rest = argv[1:]
    if command == "app":
        ensure_env()
        return _run(PY, "-m", "ui.app", *rest, check=False)
    if command == "cli":
        ensure_env()
        return _run(PY, "-m", "tracker.cli.cli_main", *rest, check=False)
    if command == "test":
        ensure_env()
        if _run(PY, "-m", "ruff", "check", ".", check=False):
            return 1
        if _run(PY, "-m", "mypy", check=False):
            return 1
        return _run(PY, "-m", "pytest", *rest, check=False)
    if command == "bench":
        ensure_env()
        return _run(PY, "-m", "bench", *rest, check=False)
    if command == "dist":
        ensure_env()
        return _run(PY, ROOT / "packaging" / "build.py", *rest, check=False)
    if command == "wheelhouse":
        ensure_env()
        return wheelhouse(rest)
    if command == "lock":
        ensure_env()
        return lock()
    say(__doc__ or "")
    say(
        "commands: app | cli ARGS | test [PYTEST ARGS] | bench | wheelhouse --platform "
        "win_amd64|linux [--python 3.11] | lock | dist [--smoke] [--installer [--quick]] [--sizes]"
    )
    return 0 if command == "help" else 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
