"""Backups under faults: a file that is no usable backup is refused naming it, and a backup
that cannot be made stops the risky operation — in every case the database is untouched."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from db import migrate
from db.engine import make_engine
from db.revisions import HEAD
from tests.tracker.backups.test_backups import database_state
from tests.tracker.conftest import sample_document, source
from tracker.backups.backup_service import BackupError, BackupService
from tracker.cli.cli_main import main
from tracker.rounds.round_service import RoundService
from tracker.services import Services

ROUND = "2021年第2季度"


@pytest.fixture(autouse=True)
def _server_backups_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TRACKER_BACKUP_DIR", str(tmp_path / "server-backups"))


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def _live_files(services: Services) -> dict[str, bytes]:
    """The SQLite database's files as bytes (nothing for a server)."""
    db = services.store.engine.url.database
    if services.store.engine.dialect.name != "sqlite" or db is None:
        return {}
    return {p.name: p.read_bytes() for p in Path(db).parent.glob(Path(db).name + "*")}


def _garbage(tmp: Path) -> Path:
    path = tmp / "乱码.sqlite3"
    path.write_bytes(b"PK\x03\x04 this is a zip, not a database" * 100)
    return path


def _truncated(tmp: Path) -> Path:
    whole = tmp / "whole.sqlite3"
    engine = make_engine(f"sqlite:///{whole.as_posix()}")
    migrate.upgrade(engine)
    engine.dispose()
    with sqlite3.connect(whole) as conn:
        conn.execute("PRAGMA journal_mode=DELETE")
    path = tmp / "截断.sqlite3"
    path.write_bytes(whole.read_bytes()[:20_000])
    return path


def _foreign(tmp: Path) -> Path:
    path = tmp / "别的数据库.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    return path


def _empty(tmp: Path) -> Path:
    path = tmp / "空.sqlite3"
    path.write_bytes(b"")
    return path


def _newer(tmp: Path) -> Path:
    path = tmp / "新版本.sqlite3"
    engine = make_engine(f"sqlite:///{path.as_posix()}")
    migrate.upgrade(engine)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    return path


def _orphans(tmp: Path) -> Path:
    """Whole pages, a known schema, but an assignment of a measure and unit not there (made
    with foreign keys off): the backup API would have copied it into the live file."""
    path = tmp / "孤立行.sqlite3"
    engine = make_engine(f"sqlite:///{path.as_posix()}")
    migrate.upgrade(engine)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO assignments (id, measure_id, task_id, unit_id, role, status, note, "
            "problems, next_steps, active, updated_by, updated_at, version) VALUES "
            "(7, 99, 99, 98, '牵头', '未启动', '', '', '', 1, 'x', '2021-01-01 00:00:00', 1)"
        )
    conn.close()
    return path


def _missing(tmp: Path) -> Path:
    return tmp / "不存在.sqlite3"


def _folder(tmp: Path) -> Path:
    path = tmp / "备份 文件夹"
    path.mkdir()
    return path


def _workbook(tmp: Path) -> Path:
    """A returned ledger chosen by mistake (a zip, like any .xlsx)."""
    import openpyxl

    path = tmp / "公安厅 台账.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["序号", "措施编号", "完成状态"])
    book.save(path)
    return path


BAD_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "garbage": (
        _garbage,
        "{file} is not a readable backup of this database: file is not a database",
    ),
    "truncated": (
        _truncated,
        "{file} is not a readable backup of this database: database disk image is malformed",
    ),
    "foreign": (
        _foreign,
        "{file} is not a backup of this application's database (no table alembic_version, "
        "documents, measures, units, assignments, settings).",
    ),
    "empty": (
        _empty,
        "{file} is not a backup of this application's database (no table alembic_version, "
        "documents, measures, units, assignments, settings).",
    ),
    "newer": (
        _newer,
        "{file} was made by a newer or unknown version of this application "
        "(schema ffff_from_the_future); it cannot be restored by this version.",
    ),
    "orphans": (
        _orphans,
        "{file} is damaged (integrity check: assignments row 7 refers to a measures row that "
        "is not there; assignments row 7 refers to a tasks row that is not there; "
        "assignments row 7 refers to a units row that is not there).",
    ),
    "missing": (_missing, "{file} does not exist or is not a file."),
    "folder": (_folder, "{file} does not exist or is not a file."),
    "workbook": (
        _workbook,
        "{file} is not a readable backup of this database: file is not a database",
    ),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_file_that_is_no_backup_is_refused_and_nothing_changes(
    office: Services, tmp_path: Path, kind: str
) -> None:
    make, expected = BAD_FILES[kind]
    bad = make(tmp_path)
    state, files = database_state(office), _live_files(office)
    service = BackupService(office.store)
    with pytest.raises(BackupError) as caught:
        service.restore(bad)
    assert caught.value.message == expected.format(file=bad)
    assert database_state(office) == state
    assert _live_files(office) == files
    assert service.list_backups() == []  # refused before the safety copy


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_the_cli_refuses_a_bad_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], kind: str
) -> None:
    db = tmp_path / "督办台账.sqlite3"
    engine = make_engine(f"sqlite:///{db.as_posix()}")
    migrate.upgrade(engine)
    engine.dispose()
    make, expected = BAD_FILES[kind]
    bad = make(tmp_path)
    before = db.read_bytes()
    assert main(["--db", str(db), "restore", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"tracker-cli: error: {expected.format(file=bad)}\n"
    assert db.read_bytes() == before


def _block_backups(services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Make the backups folder impossible to create (a file stands where it would go)."""
    folder = BackupService(services.store).folder
    if services.store.engine.dialect.name != "sqlite":
        folder = tmp_path / "blocked"
        monkeypatch.setenv("TRACKER_BACKUP_DIR", str(folder))
    if folder.is_dir():
        shutil.rmtree(folder)
    folder.write_text("not a folder")
    return folder


def _expect_refused(exc: BackupError, operation: str, folder: Path) -> None:
    assert exc.message.startswith(
        f"Could not back up the database before {operation}, so nothing was changed: "
        "Could not write the backup "
    )
    assert exc.message.endswith(f". Free some disk space or check the folder {folder}.")


def test_no_backup_no_merge(
    office: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _block_backups(office, tmp_path, monkeypatch)
    state = database_state(office)
    with pytest.raises(BackupError) as caught:
        office.units.merge("宁夏税务局", "自治区公安厅")
    _expect_refused(caught.value, "merging units", folder)
    assert database_state(office) == state


def test_no_backup_no_revision(
    office: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _block_backups(office, tmp_path, monkeypatch)
    state = database_state(office)
    revised = sample_document()
    revised.measures[1].title = "推广企业开办零费用（修订）"
    with pytest.raises(BackupError) as caught:
        office.documents.import_parsed(revised, source(sha="b" * 64), accept_revision=True)
    _expect_refused(caught.value, "accepting a document's revision", folder)
    assert database_state(office) == state


def test_no_backup_no_ledger_apply(
    office: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [ledger] = office.ledger_export.export_units(ROUND, tmp_path, units=["宁夏税务局"])
    folder = _block_backups(office, tmp_path, monkeypatch)
    state = database_state(office)
    with pytest.raises(BackupError) as caught:
        office.ledger_import.apply([ledger], ROUND)
    _expect_refused(caught.value, "importing ledgers", folder)
    assert database_state(office) == state


def test_no_safety_copy_no_restore(
    office: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = tmp_path / "good.sqlite3"
    BackupService(office.store).backup(out=good)
    office.units.merge("宁夏税务局", "自治区公安厅")
    folder = _block_backups(office, tmp_path, monkeypatch)
    state = database_state(office)
    with pytest.raises(BackupError) as caught:
        BackupService(office.store).restore(good)
    _expect_refused(caught.value, "restoring a backup", folder)
    assert database_state(office) == state


def test_a_restored_database_passes_the_integrity_check(office: Services, tmp_path: Path) -> None:
    saved = BackupService(office.store).backup()
    office.units.merge("宁夏税务局", "自治区公安厅")
    BackupService(office.store).restore(saved.path)
    if office.store.engine.dialect.name == "sqlite":
        db = office.store.engine.url.database
        assert db is not None
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    assert migrate.current_revision(office.store.engine) == HEAD


def test_a_restore_waiting_on_another_writer_gives_up_cleanly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite: another program holds the write lock; the restore says so, nothing changes."""
    db = tmp_path / "督办台账.sqlite3"
    services = Services.open(db, create=True)
    try:
        services.documents.import_parsed(sample_document(), source())
        saved = BackupService(services.store).backup()
        services.units.merge("宁夏税务局", "自治区公安厅")
        state = database_state(services)
        monkeypatch.setattr("db.backup_files.BUSY_TIMEOUT_S", 0.2)
        other = sqlite3.connect(db, isolation_level=None)
        try:
            other.execute("BEGIN IMMEDIATE")
            with pytest.raises(BackupError) as caught:
                BackupService(services.store).restore(saved.path)
            other.execute("ROLLBACK")
        finally:
            other.close()
        assert caught.value.message == (
            f"Could not restore {saved.path}: database is locked. The database was not changed."
        )
        assert database_state(services) == state
    finally:
        services.close()


def test_a_backup_onto_the_database_itself_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "督办台账.sqlite3"
    services = Services.open(db, create=True)
    try:
        with pytest.raises(BackupError) as caught:
            BackupService(services.store).backup(out=db)
        assert caught.value.message == (
            f"{db} is the database itself; choose another file for the backup."
        )
        assert migrate.current_revision(services.store.engine) == HEAD
    finally:
        services.close()


def test_a_backup_taken_while_a_write_is_open_holds_only_what_was_committed(
    office: Services,
) -> None:
    """Misplaced inside a transaction, the copy neither waits on it nor sees its rows."""
    from db.models import Setting

    service = BackupService(office.store)
    with office.store.transaction() as session:
        session.add(Setting(key="half-done", value="未提交"))
        session.flush()
        info = service.backup()
    with sqlite3.connect(info.path) as copy:
        assert copy.execute("SELECT count(*) FROM settings WHERE key = 'half-done'").fetchone() == (
            0,
        )
        assert copy.execute("SELECT count(*) FROM assignments").fetchone() == (6,)
    assert office.store.stored_setting("half-done") == "未提交"
