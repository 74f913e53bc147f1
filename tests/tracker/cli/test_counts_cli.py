"""tracker-cli's counts read right: "applied 1 file, 1 change", "applied 2 files, 2 changes"."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from tests.tracker.cli.test_cli import db, run  # noqa: F401 (fixture)
from tracker.cli.counts import count

Capture = pytest.CaptureFixture[str]
POLICE, TAX = "自治区公安厅", "宁夏税务局"


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert [count(n, "file") for n in (0, 1, 2)] == ["0 files", "1 file", "2 files"]
    assert count(1, "history entry", "history entries") == "1 history entry"
    assert count(3, "history entry", "history entries") == "3 history entries"


def _started(changed: str) -> None:
    """The first task of a returned ledger started (推进中)."""
    book = openpyxl.load_workbook(changed)
    book.worksheets[0]["J4"] = "推进中"
    book.save(changed)


@pytest.mark.needs_shared
def test_import_ledger_counts_one_file_and_two(
    capsys: Capture,
    db: str,  # noqa: F811
    tmp_path: Path,
    seed_000: Path,
) -> None:
    assert run(capsys, "--db", db, "--today", "2021-06-01", "import-doc", str(seed_000))[0] == 0
    assert (
        run(
            capsys,
            "--db",
            db,
            "--today",
            "2021-06-01",
            "new-round",
            "2021年第4季度",
            "--as-of",
            "2021-12-31",
        )[0]
        == 0
    )
    sent = tmp_path / "sent"
    args = ("export-ledger", "--unit", POLICE, "--unit", TAX, "--out", str(sent))
    assert run(capsys, "--db", db, "--today", "2021-06-01", *args)[0] == 0
    police, tax = (sent / f"{unit}_2021年第4季度_工作台账.xlsx" for unit in (POLICE, TAX))
    _started(str(police))
    code, out, _ = run(
        capsys, "--db", db, "--today", "2021-06-01", "import-ledger", str(police), "--dry-run"
    )
    assert code == 0
    assert out.splitlines()[-1] == (
        "   1 change, 2 rows unchanged, 0 rejected, 0 conflicts, 0 ignored, "
        "0 emptied and kept, 1 warning, 0 finding changes"
    )
    code, out, _ = run(capsys, "--db", db, "--today", "2021-06-01", "import-ledger", str(police))
    assert (code, out.splitlines()[-1]) == (0, "applied 1 file, 1 change, 0 contacts updated")
    assert run(capsys, "--db", db, "--today", "2021-06-01", "undo-import")[0] == 0
    _started(str(tax))
    code, out, _ = run(capsys, "--db", db, "--today", "2021-06-01", "import-ledger", str(sent))
    assert (code, out.splitlines()[-1]) == (0, "applied 2 files, 2 changes, 0 contacts updated")
