"""Build the frozen application, smoke-test it, and package the Windows installer.

    python dev.py dist [--no-build] [--smoke [--document FILE]] [--installer [--quick]] [--sizes]

(``dev.py dist`` runs this file with the project's environment, where the lock file has
put PyInstaller.)  Steps, each only when asked, in this order:

- unless ``--no-build`` (steps over a folder built before): ``packaging/tracker.spec`` →
  ``dist/督办台账/`` (PyInstaller, one folder);
- ``--smoke``: ``tracker-cli smoke`` then ``督办台账 --smoke`` from that folder (the
  window offscreen where there is no display); the exit status says whether both passed;
- ``--installer``: NSIS's ``makensis`` over ``packaging/installer.nsi`` →
  ``dist/督办台账-<version>-安装.exe`` (``--quick``: uncompressed, to check the script in
  seconds — a compressed one takes minutes on two cores);
- ``--sizes``: the folder's size and its zipped size, for ``bench/results.md``.

Why a script of its own: the same steps run on a developer's Linux machine, in CI here
and on the Windows runner (``.github/workflows/windows.yml``); ``dev.py`` stays small.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "督办台账"
SPEC = ROOT / "packaging" / "tracker.spec"
INSTALLER = ROOT / "packaging" / "installer.nsi"
DIST = ROOT / "dist"
FOLDER = DIST / NAME
WINDOWS = os.name == "nt"
EXE = ".exe" if WINDOWS else ""
SMOKE_TIMEOUT_S = 300


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def build() -> float:
    """Run PyInstaller; the seconds it took."""
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(ROOT / "build" / "pyinstaller"),
            str(SPEC),
        ],
        cwd=ROOT,
        check=True,
    )
    return time.monotonic() - started


def smoke(document: str | None) -> int:
    """Both smoke tests of the built folder; 0 when both pass."""
    extra = ["--document", document] if document else []
    env = dict(os.environ)
    if not WINDOWS and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for command in (
        [str(FOLDER / f"tracker-cli{EXE}"), "smoke", *extra],
        [str(FOLDER / f"{NAME}{EXE}"), "--smoke", *extra],
    ):
        say("+ " + " ".join(command))
        try:
            # A message box nobody can click (a crash report, offscreen) must not hang CI.
            status = subprocess.run(command, env=env, timeout=SMOKE_TIMEOUT_S).returncode
        except subprocess.TimeoutExpired:
            say(
                f"smoke test failed: {Path(command[0]).name} still running after "
                f"{SMOKE_TIMEOUT_S} s"
            )
            return 1
        if status:
            say(f"smoke test failed: {Path(command[0]).name} exited with {status}")
            return status
    return 0


def makensis() -> str:
    """NSIS's compiler: on PATH, or where its Windows installer puts it."""
    found = shutil.which("makensis")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        candidate = Path(base or "") / "NSIS" / "makensis.exe"
        if base and candidate.exists():
            return str(candidate)
    sys.exit("makensis not found: install NSIS (apt install nsis / choco install nsis)")


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from tracker import __version__

    return str(__version__)


def installer(quick: bool) -> Path:
    """Compile the NSIS script over the built folder; the installer's path."""
    out = DIST / f"{NAME}-{version()}-安装.exe"
    command = [
        makensis(),
        "-V2",
        f"-DDIST={FOLDER}",
        f"-DVERSION={version()}",
        f"-DOUTFILE={out}",
        *(["-DQUICK"] if quick else []),
        str(INSTALLER),
    ]
    say("+ " + " ".join(command))
    subprocess.run(command, check=True)
    return out


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def zipped_size(folder: Path) -> int:
    """The folder as a deflate zip (level 9): what a download or a USB copy weighs."""
    target = DIST / f"{NAME}.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder.parent))
    size = target.stat().st_size
    target.unlink()
    return size


def main(argv: list[str]) -> int:
    if "--no-build" not in argv:
        seconds = build()
        say(f"built {FOLDER} in {seconds:.0f} s")
    elif not FOLDER.is_dir():
        sys.exit(f"{FOLDER} does not exist: build it first (python dev.py dist)")
    if "--sizes" in argv:
        mb = 1024 * 1024
        say(f"folder {folder_size(FOLDER) / mb:.1f} MiB, zipped {zipped_size(FOLDER) / mb:.1f} MiB")
    if "--smoke" in argv:
        document = argv[argv.index("--document") + 1] if "--document" in argv else None
        status = smoke(document)
        if status:
            return status
        say("smoke tests passed")
    if "--installer" in argv:
        say(f"installer: {installer(quick='--quick' in argv)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
