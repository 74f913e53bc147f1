"""The programs some tests drive, and the skip a test takes where one is missing.

A machine set up with the README's apt line has all of them (CI installs that line);
elsewhere a test that needs one is skipped with a reason naming what to install,
never failed.  The check runs when the test module is imported: ``PATH`` as pytest sees it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def _needs(program: str, package: str) -> pytest.MarkDecorator:
    return pytest.mark.skipif(
        shutil.which(program) is None, reason=f"{program} ({package}) is not installed"
    )


needs_pdftotext = _needs("pdftotext", "poppler-utils")
needs_soffice = _needs("soffice", "LibreOffice")
needs_makensis = _needs("makensis", "NSIS")


def calc_installed() -> bool:
    """Whether the LibreOffice found on ``PATH`` has Calc (Debian ships Writer and Calc apart).

    Calc's library sits beside ``soffice``: ``libsclo.so`` on Linux, ``sclo.dll`` on Windows.
    """
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    program = Path(soffice).resolve().parent
    return any(program.glob("libsclo.*")) or any(program.glob("sclo.dll"))


needs_calc = pytest.mark.skipif(
    not calc_installed(),
    reason="LibreOffice Calc (libreoffice-calc-nogui) is not installed",
)


def compact(text: str) -> str:
    """``text`` without whitespace: what pdftotext reads does not depend on the font's spacing.

    Where a face's advance widths leave no gap, pdftotext drops the space a
    different face leaves (``— 1 —`` comes back as ``—1—``).
    """
    return re.sub(r"\s+", "", text)


def pdftotext(path: Path, *args: str) -> str:
    """The text poppler's ``pdftotext`` reads from ``path`` (``args`` before it: pages, layout).

    Skips the calling test where poppler-utils is not installed.
    """
    program = shutil.which("pdftotext")
    if program is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    done = subprocess.run(
        [program, *args, str(path), "-"], capture_output=True, text=True, check=True
    )
    return done.stdout
