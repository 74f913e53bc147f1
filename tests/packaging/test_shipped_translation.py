"""The compiled translation that ships is the one its ``.ts`` gives.

The ``.qm`` is committed so that a wheel or a frozen build is Chinese with no
build step; lrelease is deterministic, so any edit of the ``.ts`` that was not
compiled (``python3 dev.py app`` or ``test`` compiles it) shows here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

TRANSLATIONS = REPO_ROOT / "resources" / "translations"


def lrelease() -> str:
    folder = Path(sys.executable).parent
    found = shutil.which("pyside6-lrelease", path=str(folder)) or shutil.which("pyside6-lrelease")
    if found is None:
        pytest.skip("pyside6-lrelease is not installed beside this Python")
    return found


@pytest.mark.parametrize("ts", sorted(TRANSLATIONS.glob("*.ts")), ids=lambda p: p.name)
def test_shipped_qm_is_compiled_from_its_ts(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / ts.with_suffix(".qm").name
    subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(fresh)], check=True)
    shipped = ts.with_suffix(".qm")
    assert shipped.exists(), f"{shipped.name} is not committed"
    assert shipped.read_bytes() == fresh.read_bytes(), (
        f"{shipped.name} is older than {ts.name}: run pyside6-lrelease (python3 dev.py test does)"
    )
