"""Backups: made, listed, pruned and restored, on SQLite and PostgreSQL; and the CLI commands."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import Connection, Table, select
from sqlalchemy.exc import OperationalError

from db import backup_files, migrate
from db.backup_files import BackupInfo
from db.engine import make_engine
from db.revisions import HEAD, REVISIONS
from tests.tracker.conftest import sample_document, source
from tracker.backups import backup_tables
from tracker.backups.backup_service import BackupError, BackupService, backup_before
from tracker.cli.backup_commands import format_size
from tracker.cli.cli_main import main
from tracker.database_settings import BACKUP_KEEP_COPIES, BACKUP_KEEP_DAYS
from tracker.db_errors import DatabaseGoneError
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status


@pytest.fixture(autouse=True)
def _server_backups_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test's own folder for a server database's backups (exact lists)."""
    monkeypatch.setenv("TRACKER_BACKUP_DIR", str(tmp_path / "server-backups"))


def new_database(path: Path) -> Services:
    """A new, current SQLite database (created as ``tracker-cli init`` would), opened."""
    engine = make_engine(f"sqlite:///{path.as_posix()}")
    migrate.upgrade(engine)
    engine.dispose()
    return Services.open(path)


def database_state(services: Services) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, in key order: what a restore must bring back exactly."""
    state = {}
    with services.store.engine.connect() as conn:
        for table in backup_tables.tables():
            order = list(table.primary_key.columns)
            state[table.name] = [tuple(r) for r in conn.execute(select(table).order_by(*order))]
    return state


def progress_of(services: Services, unit: str) -> list[tuple[str, str, int | None, str]]:
    return [
        (r.code, r.status.value, r.percent, r.note or "")
        for r in services.overview.assignments()
        if r.unit == unit
    ]


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    return services


def test_sqlite_backup_goes_next_to_the_database_with_a_readable_name(tmp_path: Path) -> None:
    office = new_database(tmp_path / "督办台账.sqlite3")
    office.documents.import_parsed(sample_document(), source())
    db_file = tmp_path / "督办台账.sqlite3"
    service = BackupService(office.store)
    info = service.backup("ledger-apply")
    folder = Path(db_file).parent / "备份"
    assert service.folder == folder
    assert info.path.parent == folder
    assert info.path.name == f"督办台账-{info.created:%Y%m%d-%H%M%S}-导入台账前.sqlite3"
    assert (info.reason, info.revision, info.size) == (
        "ledger-apply",
        HEAD,
        info.path.stat().st_size,
    )
    sidecar = json.loads(Path(f"{info.path}.json").read_text("utf-8"))
    assert sidecar == {
        "created": info.created.isoformat(),
        "reason": "ledger-apply",
        "revision": HEAD,
        "size": info.size,
        "database": "督办台账.sqlite3",
    }
    assert service.list_backups() == [info]
    with sqlite3.connect(info.path) as copy:  # a whole, plain file: WAL folded in
        assert copy.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert copy.execute("SELECT count(*) FROM assignments").fetchone() == (6,)
    assert not list(folder.glob("*.part"))
    office.close()


def test_backup_and_restore_bring_back_every_row(office: Services) -> None:
    office.progress.record_by_code("1", "自治区公安厅", Change(Status.IN_PROGRESS, 40, "已部署"))
    before = database_state(office)
    service = BackupService(office.store)
    saved = service.backup()

    office.progress.record_by_code("1", "自治区公安厅", Change(Status.DONE, 100, "已完成"))
    office.units.merge("宁夏税务局", "自治区公安厅")
    changed = database_state(office)
    assert changed != before

    outcome = service.restore(saved.path)
    assert database_state(office) == before
    assert progress_of(office, "自治区公安厅") == [
        ("1", "推进中", 40, "已部署"),
        ("2", "未启动", None, ""),
    ]
    assert [u.name for u in office.units.list()].count("宁夏税务局") == 1
    assert outcome.revision == HEAD
    assert outcome.counts["assignments"] == 6
    assert outcome.counts["progress_history"] == len(before["progress_history"])
    # the state just before the restore was kept, and restores in turn
    assert outcome.safety_copy.reason == "restore"
    service.restore(outcome.safety_copy.path)
    assert database_state(office) == changed
    # new rows after a restore get fresh ids (PostgreSQL: sequences moved past the ids)
    service.restore(saved.path)
    office.progress.record_by_code("2", "宁夏税务局", Change(Status.IN_PROGRESS, 10))
    assert progress_of(office, "宁夏税务局") == [("2", "推进中", 10, "")]


def test_each_risky_operation_leaves_a_backup_of_the_state_before_it(office: Services) -> None:
    service = BackupService(office.store)
    office.units.merge("宁夏税务局", "自治区公安厅")
    [merge] = service.list_backups()
    assert merge.reason == "unit-merge"
    revised = sample_document()
    revised.measures[1].title = "推广企业开办零费用（修订）"
    office.documents.import_parsed(revised, source(sha="b" * 64), accept_revision=True)
    assert [b.reason for b in service.list_backups()] == ["document-revision", "unit-merge"]
    with sqlite3.connect(merge.path) as copy:  # the state before the merge
        names = [r[0] for r in copy.execute("SELECT name FROM units ORDER BY name")]
    assert "宁夏税务局" in names


def test_an_older_backup_is_upgraded_on_restore(services: Services, tmp_path: Path) -> None:
    old = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{old.as_posix()}")
    migrate.upgrade(engine, REVISIONS[-2])
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('office', '协调办')")
    engine.dispose()
    outcome = BackupService(services.store).restore(old)
    assert outcome.revision == REVISIONS[-2]
    assert services.store.stored_setting("office") == "协调办"
    assert migrate.current_revision(services.store.engine) == HEAD
    with sqlite3.connect(old) as conn:  # the file restored from is left as it was
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            REVISIONS[-2],
        )


def test_the_migration_backup_is_listed_with_the_others(tmp_path: Path) -> None:
    db_file = tmp_path / "office.sqlite3"
    engine = make_engine(f"sqlite:///{db_file.as_posix()}")
    migrate.upgrade(engine, REVISIONS[-2])
    engine.dispose()
    services = Services.open(db_file)
    try:
        [info] = BackupService(services.store).list_backups()
    finally:
        services.close()
    assert services.store.backup == info.path
    assert info.path.parent == tmp_path / "备份"
    assert info.path.name.endswith("-升级前.sqlite3") and info.path.name.startswith("office-")
    assert (info.reason, info.revision) == ("migration", REVISIONS[-2])


def _fake(folder: Path, stem: str, when: datetime, reason: str) -> BackupInfo:
    folder.mkdir(parents=True, exist_ok=True)
    path = backup_files.new_backup_path(folder, stem, reason, when)
    path.write_bytes(b"x" * 10)
    return backup_files.record(path, reason, HEAD, when)


def test_retention_keeps_the_newest_copies_and_the_last_of_each_recent_day(
    office: Services,
) -> None:
    service = BackupService(office.store)
    service.set_retention(copies=2, days=3)
    assert service.retention() == (2, 3)
    folder = service.folder
    made = {
        name: _fake(folder, service.stem, when, reason)
        for name, when, reason in [
            ("old-manual", datetime(2026, 1, 1, 9), "manual"),
            ("old-daily", datetime(2026, 1, 1, 9, 1), "daily"),
            ("d8-morning", datetime(2026, 3, 8, 9), "daily"),
            ("d8-evening", datetime(2026, 3, 8, 18), "ledger-apply"),
            ("d9-morning", datetime(2026, 3, 9, 9), "daily"),
            ("d10-a", datetime(2026, 3, 10, 9), "daily"),
            ("d10-b", datetime(2026, 3, 10, 10), "unit-merge"),
            ("d10-c", datetime(2026, 3, 10, 11), "restore"),
        ]
    }
    dropped = service.prune(now=datetime(2026, 3, 10, 12))
    assert sorted(b.path for b in dropped) == sorted(
        made[n].path for n in ("old-daily", "d8-morning", "d10-a")
    )
    kept = [b.path for b in service.list_backups()]
    assert kept == [
        made[n].path for n in ("d10-c", "d10-b", "d9-morning", "d8-evening", "old-manual")
    ]
    assert not Path(f"{made['old-daily'].path}.json").exists()


def test_a_bad_retention_setting_falls_back_to_the_default(office: Services) -> None:
    office.store.store_setting(BACKUP_KEEP_COPIES.name, "many")
    office.store.store_setting(BACKUP_KEEP_DAYS.name, "0")
    assert BackupService(office.store).retention() == (30, 30)


def test_the_daily_backup_is_made_once_a_day(office: Services) -> None:
    service = BackupService(office.store)
    first = service.daily()
    assert first is not None and first.reason == "daily"
    assert service.daily() is None
    assert [b.reason for b in service.list_backups()] == ["daily"]


def test_backup_before_is_one_call(office: Services) -> None:
    info = backup_before(office.store, "document-delete")
    assert info.path.name.endswith("-删除文件前.sqlite3")


@pytest.mark.postgres
def test_a_server_database_is_exported_into_an_sqlite_file(
    services: Services, tmp_path: Path
) -> None:
    if services.store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    services.documents.import_parsed(sample_document(), source())
    service = BackupService(services.store)
    info = service.backup()
    assert info.path.parent == tmp_path / "server-backups"
    assert info.path.name.startswith(f"{services.store.engine.url.database}-")
    with sqlite3.connect(info.path) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == (HEAD,)
        assert copy.execute("SELECT count(*) FROM assignments").fetchone() == (6,)
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    # the same file restores into SQLite: one kind of backup for both back ends
    local = new_database(tmp_path / "local.sqlite3")
    try:
        BackupService(local.store).restore(info.path)
        assert database_state(local) == database_state(services)
    finally:
        local.close()


# -- the CLI ---------------------------------------------------------------------------------
def test_cli_backup_backups_and_restore(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "督办台账.sqlite3"
    new_database(db).close()
    assert main(["--db", str(db), "backup"]) == 0
    [made] = backup_files.list_backups(tmp_path / "备份", "督办台账")
    size = format_size(made.size)  # a new database: 160 KB or so, as the schema grows
    assert size.endswith(" KB") and 100 <= int(size[:-3]) <= 400
    assert capsys.readouterr().out == f"Backed up to {made.path} ({size})\n"

    out = tmp_path / "复制.sqlite3"
    assert main(["--db", str(db), "backup", "--out", str(out)]) == 0
    assert capsys.readouterr().out == f"Backed up to {out} ({size})\n"
    assert out.is_file() and not Path(f"{out}.json").exists()

    assert main(["--db", str(db), "backups"]) == 0
    assert capsys.readouterr().out == (
        f"{made.created:%Y-%m-%d %H:%M:%S}  {size:>9}  manual             {HEAD:<5}  {made.path}\n"
    )
    assert main(["--db", str(db), "backups", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == [
        {
            "created": made.created.isoformat(timespec="seconds"),
            "size": made.size,
            "reason": "manual",
            "revision": HEAD,
            "path": str(made.path),
        }
    ]

    assert main(["--db", str(db), "restore", str(out)]) == 0
    [safety, _] = backup_files.list_backups(tmp_path / "备份", "督办台账")
    assert safety.reason == "restore"
    assert capsys.readouterr().out == (
        f"Backed up the current database first: {safety.path}\n"
        f"Restored {out} (schema {HEAD}): 0 documents, 0 measures, 0 assignments, "
        "0 history entries\n"
    )


def test_cli_lists_no_backups_yet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.sqlite3"
    new_database(db).close()
    assert main(["--db", str(db), "backups"]) == 0
    assert capsys.readouterr().out == "No backups yet.\n"


def test_copy_of_a_live_wal_database_includes_uncheckpointed_rows(tmp_path: Path) -> None:
    db = tmp_path / "live.sqlite3"
    services = new_database(db)
    try:
        services.documents.import_parsed(sample_document(), source())
        assert Path(f"{db}-wal").exists()
        target = tmp_path / "copy.sqlite3"
        backup_files.copy_sqlite(db, target)
    finally:
        services.close()
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT count(*) FROM measures").fetchone() == (4,)


def test_sizes_read_as_a_clerk_reads_them() -> None:
    assert [format_size(n) for n in (0, 1, 163_840, 1024 * 1024 - 1, 1024 * 1024, 52_428_800)] == [
        "1 KB",
        "1 KB",
        "160 KB",
        "1024 KB",
        "1.0 MB",
        "50.0 MB",
    ]


@pytest.mark.postgres
def test_a_server_backup_is_one_snapshot_while_another_clerk_saves(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL reads each table at its own moment under READ COMMITTED: a change saved
    between the assignments and their history gave a backup whose history ran ahead of
    its values (and a restore of it would say so).  The export is one snapshot."""
    if services.store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    services.documents.import_parsed(sample_document(), source())
    before = database_state(services)
    rows = backup_tables._rows

    def rows_with_a_save_between(
        conn: Connection, table: Table
    ) -> Iterator[list[dict[str, object]]]:  # another clerk saves once assignments are read
        if table.name == "progress_history":
            services.progress.record_by_code(
                "1", "自治区公安厅", Change(Status.DONE, 100, "已完成")
            )
        return rows(conn, table)

    monkeypatch.setattr(backup_tables, "_rows", rows_with_a_save_between)
    info = BackupService(services.store).backup()
    with sqlite3.connect(info.path) as copy:
        history = copy.execute("SELECT count(*) FROM progress_history").fetchone()[0]
        statuses = sorted(r[0] for r in copy.execute("SELECT status FROM assignments"))
    assert history == len(before["progress_history"])
    at = next(t for t in backup_tables.tables() if t.name == "assignments").columns.keys()
    assert statuses == sorted(r[at.index("status")] for r in before["assignments"])


def test_a_database_moved_away_is_not_backed_up_as_a_new_empty_file(tmp_path: Path) -> None:
    """SQLite's connect creates a missing file: a backup of a database moved away while
    open left an empty database under its name (then 'empty', not 'missing', at the next
    start) and copied that empty file as the backup before the operation."""
    db_file = tmp_path / "督办 台账.sqlite3"
    office = new_database(db_file)
    office.documents.import_parsed(sample_document(), source())
    service = BackupService(office.store)
    saved = service.backup()
    db_file.rename(tmp_path / "moved.sqlite3")
    try:
        with pytest.raises(DatabaseGoneError):
            service.backup("daily")
        with pytest.raises(DatabaseGoneError):
            backup_before(office.store, "unit-merge")
        with pytest.raises(DatabaseGoneError):  # nor restored into a new file there
            service.restore(saved.path)
        assert not db_file.exists()
        assert service.list_backups() == [saved]
    finally:
        office.close()
    with pytest.raises(FileNotFoundError):  # the copy itself never creates its source
        backup_files.copy_sqlite(db_file, tmp_path / "copy.sqlite3")
    assert not db_file.exists()
    assert not (tmp_path / "copy.sqlite3").exists()


@pytest.mark.postgres
def test_a_server_restore_that_fails_half_way_is_a_message_and_changes_nothing(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The server restore is one transaction; an error in it (the connection lost, a
    constraint) escaped as a raw SQLAlchemy error: the crash apology, a traceback."""
    if services.store.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    services.documents.import_parsed(sample_document(), source())
    service = BackupService(services.store)
    saved = service.backup()
    services.progress.record_by_code("1", "自治区公安厅", Change(Status.DONE, 100, "已完成"))
    before = database_state(services)
    replace = backup_tables.replace_tables

    def replace_then_lose_the_server(src: Connection, dest: Connection) -> dict[str, int]:
        replace(src, dest)  # every row already deleted and inserted again in the transaction
        raise OperationalError("INSERT", {}, Exception("server closed the connection"))

    monkeypatch.setattr(backup_tables, "replace_tables", replace_then_lose_the_server)
    with pytest.raises(BackupError) as raised:
        service.restore(saved.path)
    assert raised.value.message == (
        f"Could not restore {saved.path}: server closed the connection. "
        "The database was not changed."
    )
    assert database_state(services) == before


def test_cli_backup_never_overwrites_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``backup --out`` replaced whatever file had that name — another office's database,
    yesterday's backup — without a word; the window's save dialog asks first, the CLI
    cannot, so it refuses."""
    db = tmp_path / "督办台账.sqlite3"
    new_database(db).close()
    other = tmp_path / "另一个 台账.sqlite3"
    other.write_bytes(b"another office's database")
    assert main(["--db", str(db), "backup", "--out", str(other)]) == 2
    assert capsys.readouterr().err == (
        f"tracker-cli: error: {other} already exists; choose a new file name for the backup "
        "(nothing was overwritten).\n"
    )
    assert other.read_bytes() == b"another office's database"
    office = Services.open(db)
    try:  # the window asked the clerk already: it replaces the file
        info = BackupService(office.store).backup("manual", other, replace=True)
    finally:
        office.close()
    assert info.path == other and other.read_bytes()[:15] == b"SQLite format 3"


def test_two_databases_of_one_name_in_one_folder_keep_their_own_backups(tmp_path: Path) -> None:
    """督办台账.sqlite3 and 督办台账.db share 备份/ and the file-name stem: each listed the
    other's backups as its own (a restore would bring in the other office's database) and
    its retention deleted the other's."""
    first = new_database(tmp_path / "督办台账.sqlite3")
    second = new_database(tmp_path / "督办台账.db")
    try:
        first.documents.import_parsed(sample_document(), source())
        one, two = BackupService(first.store), BackupService(second.store)
        assert one.folder == two.folder
        mine = one.backup("daily")
        theirs = [two.backup("manual"), two.backup("daily")]
        assert one.list_backups() == [mine]
        assert sorted(b.path for b in two.list_backups()) == sorted(b.path for b in theirs)
        assert json.loads(Path(f"{mine.path}.json").read_text("utf-8"))["database"] == (
            "督办台账.sqlite3"
        )
        first.settings.set(BACKUP_KEEP_COPIES, 1)
        first.settings.set(BACKUP_KEEP_DAYS, 1)
        latest = one.backup("daily")
        assert one.list_backups() == [latest]  # its own earlier one pruned, not the others'
        assert all(b.path.exists() for b in theirs)
    finally:
        first.close()
        second.close()
