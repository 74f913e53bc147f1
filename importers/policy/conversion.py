"""Documents as offices receive them: ``.doc``, ``.wps``, ``.rtf`` and ``.odt`` become ``.docx``.

Many documents still arrive as Word 97 ``.doc`` or WPS ``.wps`` files.  Reading
those formats is a word processor's job, so the file is converted by one that
is installed: LibreOffice (any platform, ``soffice --headless --convert-to
docx``), or on Windows Word or WPS through their automation interface (driven by
PowerShell, which every Windows has).  With none of them, the clerk is told to
save the file as ``.docx`` — never just "unsupported".

The fingerprint that keeps a file from being imported twice is taken from the
original bytes, so converting the same file again changes nothing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from importers.messages import QT_TRANSLATE_NOOP
from importers.policy.errors import PolicyReadError

CONVERTIBLE_SUFFIXES = (".doc", ".wps", ".rtf", ".odt")
TIMEOUT_S = 120
"""A converter that has not finished by then is stuck (a dialog nobody sees)."""
WINDOWS_PROG_IDS = ("Word.Application", "KWps.Application", "WPS.Application")
"""Word, then WPS 文字 (which registers Word's interface under its own names)."""

Runner = Callable[[Path, Path], None]
"""Convert the first file into the ``.docx`` named second, or raise ``ConversionFailed``."""


class ConversionFailed(Exception):
    """The converter ran but gave no document; the text says what it printed."""


@dataclass(frozen=True)
class Converter:
    name: str
    convert: Runner


def _libreoffice_candidates() -> list[Path]:
    found = [shutil.which(name) for name in ("soffice", "libreoffice")]
    candidates = [Path(p) for p in found if p]
    if os.name == "nt":
        for root in (os.environ.get("PROGRAMFILES"), os.environ.get("PROGRAMFILES(X86)")):
            if root:
                candidates.append(Path(root) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return [c for c in candidates if c.is_file()]


def _libreoffice(program: Path) -> Runner:
    def convert(source: Path, target: Path) -> None:
        # A profile of its own: a LibreOffice the clerk has open would otherwise take the job
        # and return at once without converting anything.
        with tempfile.TemporaryDirectory(prefix="tracker-lo-") as profile:
            done = subprocess.run(
                [
                    str(program),
                    f"-env:UserInstallation={Path(profile).as_uri()}",
                    "--headless",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    str(target.parent),
                    str(source),
                ],
                capture_output=True,
                text=True,
                errors="replace",
                timeout=TIMEOUT_S,
            )
        produced = target.parent / (source.stem + ".docx")
        if not produced.is_file():
            raise ConversionFailed((done.stderr or done.stdout).strip()[-300:])
        if produced != target:
            produced.replace(target)

    return convert


def _office_automation(prog_id: str) -> Runner:
    """Word or WPS on Windows, opened invisibly and read-only, saving as .docx (format 16)."""

    def convert(source: Path, target: Path) -> None:
        script = (
            "$ErrorActionPreference = 'Stop'; "
            f"$app = New-Object -ComObject '{prog_id}'; $app.Visible = $false; "
            "try { $doc = $app.Documents.Open($env:TRACKER_SOURCE, $false, $true); "
            "$doc.SaveAs2($env:TRACKER_TARGET, 16); $doc.Close($false) } "
            "finally { $app.Quit() }"
        )
        env = {**os.environ, "TRACKER_SOURCE": str(source), "TRACKER_TARGET": str(target)}
        done = subprocess.run(
            ["powershell", "-NoProfile", "-NonInteractive", "-Command", script],
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TIMEOUT_S,
            env=env,
        )
        if not target.is_file():
            raise ConversionFailed((done.stderr or done.stdout).strip()[-300:])

    return convert


def _registered(prog_id: str) -> bool:
    if sys.platform != "win32":
        return False
    import winreg

    try:
        winreg.CloseKey(winreg.OpenKey(winreg.HKEY_CLASSES_ROOT, prog_id))
    except OSError:
        return False
    return True


def find_converters() -> list[Converter]:
    """The word processors on this computer that can turn the file into .docx, best first."""
    converters = [Converter("LibreOffice", _libreoffice(p)) for p in _libreoffice_candidates()]
    converters += [
        Converter(prog_id.split(".")[0], _office_automation(prog_id))
        for prog_id in WINDOWS_PROG_IDS
        if _registered(prog_id)
    ]
    return converters


def convert_to_docx(path: Path, converters: list[Converter] | None = None) -> bytes:
    """The ``.docx`` bytes of a ``.doc``/``.wps``/``.rtf``/``.odt`` file, or ``PolicyReadError``."""
    available = find_converters() if converters is None else converters
    if not available:
        raise PolicyReadError(
            path.name,
            QT_TRANSLATE_NOOP(
                "messages",
                "is a {suffix} file, which needs Word, WPS or LibreOffice to be read, and none "
                "was found on this computer. Open it and save it as a Word document (.docx), "
                "then import that file.",
            ),
            suffix=path.suffix.lower(),
        )
    failures = []
    with tempfile.TemporaryDirectory(prefix="tracker-convert-") as work:
        # A plain ASCII copy: converters driven through a command line stumble on some names.
        source = Path(work) / f"document{path.suffix.lower()}"
        shutil.copyfile(path, source)
        target = Path(work) / "out" / "document.docx"
        target.parent.mkdir()
        for converter in available:
            try:
                converter.convert(source, target)
                return target.read_bytes()
            except (ConversionFailed, OSError, subprocess.SubprocessError) as error:
                failures.append(f"{converter.name}: {error}".strip())
    raise PolicyReadError(
        path.name,
        QT_TRANSLATE_NOOP(
            "messages",
            "could not be converted to .docx ({reason}). Open it and save it as a Word "
            "document (.docx), then import that file.",
        ),
        reason="; ".join(failures),
    )
