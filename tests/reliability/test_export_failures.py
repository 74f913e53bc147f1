"""export-ledger when the disk, the name, the permissions or an open workbook stop a file.

Each unit's file is written on its own: one that fails leaves neither a partial file
nor a temporary one and no record; the others are written and recorded; the failure
names the file and the real cause; the CLI exits 2.
"""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from db.models import LedgerExport, Unit
from importers.ledger import sheetxml
from importers.ledger.model import LedgerWorkbook
from importers.ledger.writer import write_ledger
from tests.tracker.conftest import sample_document, source
from tracker.cli.cli_main import main
from tracker.errors import UserError
from tracker.rounds.round_service import RoundService
from tracker.services import Services

ROUND = "2021年第2季度"
UNITS = ["自治区市场监管厅", "自治区公安厅", "宁夏税务局", "自治区政府办公厅"]
"""The sample's units that get a ledger (各市、县（区） has no member yet: none, issue 16)."""
FULL = "cannot write {path}: the disk is full; free some space and export again"


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def _file(unit: str) -> str:
    return f"{unit}_{ROUND}_工作台账.xlsx"


def _recorded(office: Services) -> list[tuple[str | None, str]]:
    with office.store.reading() as session:
        rows = session.execute(
            select(Unit.name, LedgerExport.file_name)
            .join(Unit, Unit.id == LedgerExport.unit_id, isouter=True)
            .order_by(LedgerExport.id)
        )
        return [(unit, name) for unit, name in rows]


@pytest.fixture
def disk_full_for(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Writing the workbook of a unit in the yielded list fails half-way with ENOSPC.

    The real writer runs (a temporary file beside the target, then a rename): only
    the bulk save is followed, for those units, by the file cut in half and ENOSPC —
    so what is left behind is what a full disk leaves.
    """
    failing: list[str] = []
    current: list[str | None] = [None]
    real_write, real_save = write_ledger, sheetxml.save

    def write(book: LedgerWorkbook, path: Path) -> None:
        current[0] = book.unit
        real_write(book, path)

    def save(wb: Any, bulk: Any, path: Path) -> None:
        real_save(wb, bulk, path)
        if current[0] in failing:
            with path.open("r+b") as half:  # what was on disk when it filled
                half.truncate(path.stat().st_size // 2)
            raise OSError(errno.ENOSPC, "No space left on device", str(path))

    monkeypatch.setattr("tracker.ledgers.ledger_export.write_ledger", write)
    monkeypatch.setattr(sheetxml, "save", save)
    yield failing


def test_a_full_disk_for_one_unit_writes_and_records_the_others(
    office: Services, tmp_path: Path, disk_full_for: list[str]
) -> None:
    disk_full_for.append("自治区公安厅")
    out = tmp_path / "out"
    outcome = office.ledger_export.export_each_unit(ROUND, out)
    failed = out / _file("自治区公安厅")
    assert [(f.unit, f.path, str(f)) for f in outcome.failed] == [
        ("自治区公安厅", failed, FULL.format(path=failed))
    ]
    others = [u for u in UNITS if u != "自治区公安厅"]
    assert outcome.written == [out / _file(u) for u in others]
    assert sorted(p.name for p in out.iterdir()) == sorted(_file(u) for u in others)
    assert _recorded(office) == [(u, _file(u)) for u in others]
    previews = office.ledger_import.preview([out])
    assert [p.file for p in previews] == sorted(_file(u) for u in others)


def test_the_cli_names_each_failure_and_exits_2(
    office: Services, tmp_path: Path, disk_full_for: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    disk_full_for += ["宁夏税务局", "自治区政府办公厅"]
    out = tmp_path / "out"
    url = office.store.engine.url.render_as_string(hide_password=False)
    code = main(["--db", url, "export-ledger", "--all", "--out", str(out)])
    printed, errors = capsys.readouterr()
    assert code == 2
    assert printed.splitlines() == [str(out / _file(u)) for u in UNITS[:2]] + [
        "no ledger for 1 collective with no members yet "
        "(give them members: tracker-cli group NAME --add UNIT): 各市、县（区）"
    ]
    assert errors.splitlines() == [
        f"tracker-cli: error: {u}: " + FULL.format(path=out / _file(u))
        for u in ("宁夏税务局", "自治区政府办公厅")
    ]
    assert sorted(p.name for p in out.iterdir()) == sorted(_file(u) for u in UNITS[:2])
    assert [name for _, name in _recorded(office)] == [_file(u) for u in UNITS[:2]]


def test_export_units_still_raises_after_writing_the_others(
    office: Services, tmp_path: Path, disk_full_for: list[str]
) -> None:
    disk_full_for.append("宁夏税务局")
    with pytest.raises(UserError) as caught:
        office.ledger_export.export_units(ROUND, tmp_path / "out")
    assert caught.value.message == FULL.format(path=tmp_path / "out" / _file("宁夏税务局"))
    assert len(_recorded(office)) == 3


def _failing_replace(error: OSError) -> Any:
    def replace(src: Any, dst: Any) -> None:
        raise error

    return replace


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            OSError(errno.ENAMETOOLONG, "File name too long"),
            "cannot write {path}: the name is too long for this folder; "
            "choose a folder with a shorter path",
        ),
        (
            PermissionError(errno.EACCES, "Permission denied"),
            "cannot write {path}: no permission to write there; "
            "choose another folder or ask for access",
        ),
        (
            OSError(errno.EROFS, "Read-only file system"),
            "cannot write {path}: the folder is read-only; choose another folder",
        ),
        (OSError(errno.EIO, "Input/output error"), "cannot write {path} (Input/output error)"),
    ],
    ids=["name-too-long", "permission", "read-only", "other"],
)
def test_each_cause_is_named_and_nothing_is_left(
    office: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    error: OSError,
    expected: str,
) -> None:
    """The rename into place fails: the temporary file is removed, nothing is recorded."""
    monkeypatch.setattr("importers.ledger.writer.os.replace", _failing_replace(error))
    out = tmp_path / "out"
    outcome = office.ledger_export.export_each_unit(ROUND, out, units=["宁夏税务局"])
    path = out / _file("宁夏税务局")
    assert [str(f) for f in outcome.failed] == [expected.format(path=path)]
    assert outcome.written == [] and list(out.iterdir()) == []
    assert _recorded(office) == []


def test_a_file_open_in_excel_is_named_only_when_it_is(
    office: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Refused over an existing file with Excel's lock file beside it: open in Excel.
    The same refusal without the lock file is a permission problem."""
    exporter = office.ledger_export
    out = tmp_path / "out"
    [path] = exporter.export_units(ROUND, out, units=["宁夏税务局"])
    before = path.read_bytes()
    monkeypatch.setattr(
        "importers.ledger.writer.os.replace",
        _failing_replace(PermissionError(errno.EACCES, "Permission denied")),
    )
    [failure] = exporter.export_each_unit(ROUND, out, units=["宁夏税务局"]).failed
    assert str(failure) == (
        f"cannot write {path}: no permission to write there; choose another folder or ask for access"
    )
    (out / f"~${path.name}").write_bytes(b"owner")
    [failure] = exporter.export_each_unit(ROUND, out, units=["宁夏税务局"]).failed
    assert str(failure) == (
        f"cannot write {path}: the file is open in Excel or WPS; close it and export again"
    )
    assert path.read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == sorted([path.name, f"~${path.name}"])
    assert len(_recorded(office)) == 1


def test_a_windows_sharing_violation_is_an_open_workbook(tmp_path: Path) -> None:
    from tracker.ledgers.export_errors import write_failure

    error = PermissionError(errno.EACCES, "being used by another process")
    error.winerror = 32  # type: ignore[attr-defined]
    path = tmp_path / "台账.xlsx"
    assert str(write_failure(path, error)) == (
        f"cannot write {path}: the file is open in Excel or WPS; close it and export again"
    )
    too_long = OSError(errno.EINVAL, "name too long")
    too_long.winerror = 206  # type: ignore[attr-defined]
    assert "the name is too long for this folder" in str(write_failure(path, too_long))


def test_a_folder_import_skips_lock_and_temporary_files(office: Services, tmp_path: Path) -> None:
    out = tmp_path / "out"
    [path] = office.ledger_export.export_units(ROUND, out, units=["宁夏税务局"])
    for scratch in (f"~${path.name}", f".~lock.{path.name}#", ".ledger-k3j2h1.xlsx", "._x.xlsx"):
        (out / scratch).write_bytes(b"not a ledger")
    previews = office.ledger_import.preview([out])
    assert [(p.file, p.error) for p in previews] == [(path.name, None)]


def test_temporaries_left_by_a_killed_export_are_removed_by_the_next(
    office: Services, tmp_path: Path
) -> None:
    """Only those old enough to be no export's in progress; other files are left alone."""
    out = tmp_path / "out"
    out.mkdir()
    old, fresh = out / ".ledger-old123.xlsx", out / ".ledger-new456.xlsx"
    for path in (old, fresh, out / "单位自己的.xlsx", out / ".ledger-notes.txt"):
        path.write_bytes(b"PK\x03\x04half")
    hours_ago = time.time() - 2 * 3600
    os.utime(old, (hours_ago, hours_ago))
    [path] = office.ledger_export.export_units(ROUND, out, units=["宁夏税务局"])
    assert sorted(p.name for p in out.iterdir()) == sorted(
        [path.name, fresh.name, "单位自己的.xlsx", ".ledger-notes.txt"]
    )


def test_a_path_beyond_windows_max_path_is_named_too_long(tmp_path: Path) -> None:
    """Windows without long paths says "not found" for a path of 260 characters or more."""
    from tracker.ledgers.export_errors import write_failure

    folder = tmp_path / ("很长的文件夹名" * 5)
    folder.mkdir()
    path = folder / ("台" * (260 - len(str(folder))))
    assert len(str(path)) > 260
    missing = FileNotFoundError(errno.ENOENT, "No such file or directory")
    assert str(write_failure(path, missing)) == (
        f"cannot write {path}: the name is too long for this folder; "
        "choose a folder with a shorter path"
    )
    short = tmp_path / "gone" / "台账.xlsx"
    assert str(write_failure(short, missing)) == (
        f"cannot write {short} (No such file or directory)"
    )
