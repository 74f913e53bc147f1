"""The database's own faults: a missing, locked, read-only, full, damaged or unreachable
database, a file deleted or moved while open, a concurrent writer, a value too long.

Each is a real fault where one can be made (another connection holding the write
lock, a read-only ``file:`` URI — we run as root, so ``chmod`` would not stop us —,
SQLite's ``max_page_count`` for a full disk, a port nobody listens on), and each
ends the same way: one line naming the database and what to do, exit status 2 from
``tracker-cli``, and nothing written.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from db import engine as db_engine
from db import location
from db.models import ProgressEntry, Setting
from tests.conftest import PG_URL
from tests.tracker.conftest import TODAY, sample_document, source
from tracker.cli import cli_main as cli
from tracker.db_errors import (
    DatabaseConflictError,
    DatabaseGoneError,
    StorageError,
)
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock, Store

PREFIX = "tracker-cli: error: "
MISSING = (
    "The database file {0} does not exist (never created, moved or deleted). To start a new "
    'database there, run "tracker-cli init" or use the first page of the window; if the file '
    "was moved, open it where it is now."
)
NOT_INITIALISED = (
    "The database {0} is empty (it has no tables yet). To start a new database there, run "
    '"tracker-cli init" or use the first page of the window.'
)
DAMAGED = (
    "The file {0} is not a database of this application, or it is damaged; nothing was "
    "changed. Restore it from a backup, or open another file."
)
LOCKED = (
    "The database {0} is locked by another program or window; nothing was saved. Close the "
    "other program (or wait until it has finished) and try again."
)
READ_ONLY = (
    "The database {0} cannot be written (the file or its folder is read-only, or you lack the "
    "permission); nothing was saved. Make it writable or copy it to a folder you can write to."
)
FULL = (
    "The disk holding the database {0} is full; nothing was saved. Free some space and try again."
)
CANNOT_OPEN = (
    "The database {0} cannot be opened (no access to the file or its folder); nothing was "
    "saved. Check that the folder exists and that you may write to it."
)
UNREACHABLE = (
    "The database server {0} cannot be reached (connection refused or lost); nothing was "
    "saved. Check the network and that the server is running, then try again."
)
GONE = (
    "The database file {0} is gone (deleted or moved while it was open); nothing was saved. "
    "Put the file back, or open it where it is now, and do the change again."
)
CONFLICT = (
    "Someone else saved the same record in the database {0} at the same time; nothing was "
    "saved. Reload and try again."
)
TOO_LONG = (
    "A value is too long for the database {0}; nothing was saved. Shorten the text and try again."
)
PROGRESS = ["progress", "1", "自治区公安厅", "--status", "推进中"]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys: pytest.CaptureFixture[str], message: str, *args: str) -> None:
    """``tracker-cli args`` prints exactly ``message`` on one line and exits 2."""
    assert run(capsys, *args) == (2, "", f"{PREFIX}{message}\n")


@pytest.fixture
def office(tmp_path: Path) -> Path:
    """An SQLite database with the sample document (every assignment 未启动)."""
    path = tmp_path / "督办台账.sqlite3"
    services = Services.open(path, clock=Clock(TODAY), user="测试员", create=True)
    services.documents.import_parsed(sample_document(), source())
    services.close()
    return path


def history_count(target: str | Path) -> int:
    store = Store.open(target)
    try:
        with store.reading() as session:
            return session.scalar(select(func.count()).select_from(ProgressEntry)) or 0
    finally:
        store.close()


# -- a missing database -------------------------------------------------------------------
def test_a_missing_file_is_named_and_never_created(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "没有" / "台账.sqlite3"
    for command in (["units"], PROGRESS, ["import-doc", str(tmp_path / "x.txt")]):
        refused(capsys, MISSING.format(missing), "--db", str(missing), *command)
    assert not missing.parent.exists()


def test_tracker_db_and_the_default_file_are_refused_alike(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from_env = tmp_path / "环境.sqlite3"
    monkeypatch.setenv("TRACKER_DB", str(from_env))
    refused(capsys, MISSING.format(from_env), "units")
    monkeypatch.delenv("TRACKER_DB")
    default = tmp_path / "用户数据" / "tracker.sqlite3"
    monkeypatch.setattr(location, "default_database_path", lambda: default)
    refused(capsys, MISSING.format(default), "units")
    assert not from_env.exists() and not default.parent.exists()
    assert run(capsys, "init") == (0, f"Created a new database: {default}\n", "")
    assert run(capsys, "units") == (0, "", "")


def test_init_creates_the_database_and_its_folder_and_says_where(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "新 文件夹" / "台账.sqlite3"
    assert run(capsys, "--db", str(target), "init") == (
        0,
        f"Created a new database: {target}\n",
        "",
    )
    assert run(capsys, "--db", str(target), "documents") == (0, "", "")
    before = target.read_bytes()
    assert run(capsys, "--db", str(target), "init") == (
        0,
        f"The database {target} already exists; nothing was changed.\n",
        "",
    )
    assert target.read_bytes() == before


def test_init_where_no_folder_can_be_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    blocker = tmp_path / "一个文件"
    blocker.write_text("不是文件夹", encoding="utf-8")
    target = blocker / "台账" / "新.sqlite3"  # under a file: no folder can be made there
    refused(capsys, CANNOT_OPEN.format(target), "--db", str(target), "init")
    assert blocker.read_text(encoding="utf-8") == "不是文件夹"


def test_an_empty_file_is_not_initialised_silently(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    empty = tmp_path / "空.sqlite3"
    empty.write_bytes(b"")
    refused(capsys, NOT_INITIALISED.format(empty), "--db", str(empty), "units")
    assert empty.read_bytes() == b""
    assert run(capsys, "--db", str(empty), "init")[:2] == (0, f"Created a new database: {empty}\n")


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="TRACKER_TEST_PG_URL not set")
def test_an_empty_postgresql_schema_is_initialised_only_by_init(
    capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    if not db_url.startswith("postgresql"):
        pytest.skip("the PostgreSQL case")
    shown = Store.open(db_url, create=True).where
    from tests.conftest import _reset_postgres

    _reset_postgres(db_url)
    refused(capsys, NOT_INITIALISED.format(shown), "--db", db_url, "units")
    assert run(capsys, "--db", db_url, "init") == (0, f"Created a new database: {shown}\n", "")
    assert run(capsys, "--db", db_url, "units") == (0, "", "")


# -- damaged files ------------------------------------------------------------------------
def test_a_file_that_is_not_a_database(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    garbage = tmp_path / "台账.sqlite3"
    garbage.write_bytes("这不是数据库".encode() * 500)
    before = garbage.read_bytes()
    refused(capsys, DAMAGED.format(garbage), "--db", str(garbage), "units")
    refused(capsys, DAMAGED.format(garbage), "--db", str(garbage), "init")
    assert garbage.read_bytes() == before


def test_a_truncated_database(capsys: pytest.CaptureFixture[str], office: Path) -> None:
    office.write_bytes(office.read_bytes()[:8192])
    before = office.read_bytes()
    for command in (["units"], ["measures"], PROGRESS):
        refused(capsys, DAMAGED.format(office), "--db", str(office), *command)
    assert office.read_bytes() == before


# -- locked, read-only, full --------------------------------------------------------------
@pytest.fixture
def short_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 50)


@pytest.mark.usefixtures("short_wait")
def test_a_database_locked_by_another_program(
    capsys: pytest.CaptureFixture[str], office: Path
) -> None:
    other = sqlite3.connect(office, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")
        refused(capsys, LOCKED.format(office), "--db", str(office), *PROGRESS)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert history_count(office) == 6  # the creation entries only
    assert run(capsys, "--db", str(office), *PROGRESS) == (0, "", "")  # once it is free
    assert history_count(office) == 7


def test_a_read_only_database(capsys: pytest.CaptureFixture[str], office: Path) -> None:
    read_only = f"sqlite:///file:{office.as_posix()}?mode=ro&uri=true"
    before = office.read_bytes()
    code, out, err = run(capsys, "--db", read_only, "units")
    assert (code, err) == (0, "") and "自治区公安厅" in out  # reading is fine
    refused(capsys, READ_ONLY.format(office), "--db", read_only, *PROGRESS)
    assert office.read_bytes() == before


def test_a_full_disk(
    capsys: pytest.CaptureFixture[str], office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SQLite's own limit on the file's size gives the very error a full disk gives."""
    pages = sqlite3.connect(office).execute("PRAGMA page_count").fetchone()[0]
    tune = db_engine._tune_sqlite

    def no_room(connection: Any, record: Any, **options: Any) -> None:
        tune(connection, record, **options)
        connection.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(db_engine, "_tune_sqlite", no_room)
    note = "进展" * 200_000  # a megabyte more than the file may grow by
    refused(capsys, FULL.format(office), "--db", str(office), *PROGRESS, "--note", note)
    monkeypatch.undo()
    assert history_count(office) == 6


def test_a_full_disk_reported_by_the_driver(
    capsys: pytest.CaptureFixture[str], office: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same as SQLite reports it when the disk (not the page limit) is full."""
    from sqlalchemy import Engine, event

    def full(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            raise sqlite3.OperationalError("database or disk is full")

    event.listen(Engine, "before_cursor_execute", full)
    try:
        refused(capsys, FULL.format(office), "--db", str(office), *PROGRESS)
    finally:
        event.remove(Engine, "before_cursor_execute", full)
    assert history_count(office) == 6


# -- a server that cannot be reached, a value too long ------------------------------------
def test_a_postgresql_server_that_refuses_the_connection(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql+psycopg://tracker:secret@127.0.0.1:1/tracker"
    shown = "postgresql+psycopg://tracker:***@127.0.0.1:1/tracker"
    for command in (["units"], PROGRESS, ["init"]):
        refused(capsys, UNREACHABLE.format(shown), "--db", url, *command)


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="TRACKER_TEST_PG_URL not set")
def test_a_value_too_long_for_a_postgresql_column(
    capsys: pytest.CaptureFixture[str], services: Services
) -> None:
    if services.store.engine.dialect.name != "postgresql":
        pytest.skip("SQLite does not enforce a column's length")
    services.documents.import_parsed(sample_document(), source())
    url = services.store.engine.url.render_as_string(hide_password=False)
    refused(
        capsys, TOO_LONG.format(services.store.where), "--db", url, "--user", "长" * 150, *PROGRESS
    )
    assert history_count(url) == 6


# -- a concurrent writer ------------------------------------------------------------------
def test_a_unique_violation_from_a_concurrent_writer(services: Services) -> None:
    """Another connection saves the same key between this one's read and its write."""
    store = services.store
    with pytest.raises(DatabaseConflictError) as raised, store.transaction() as session:
        session.add(Setting(key="due_soon_days", value="9"))
        with store.engine.connect() as other:  # a second connection: the other clerk
            other.execute(Setting.__table__.insert().values(key="due_soon_days", value="5"))
            other.commit()
    assert raised.value.message == CONFLICT.format(store.where)
    assert type(raised.value.__cause__).__name__ == "IntegrityError"
    assert store.stored_setting("due_soon_days") == "5"


# -- the file deleted or moved while open -------------------------------------------------
@pytest.fixture
def open_office(office: Path) -> Iterator[Services]:
    services = Services.open(office, clock=Clock(TODAY), user="测试员")
    yield services
    services.close()


def first_assignment(services: Services) -> int:
    return services.overview.assignments()[0].id


def test_a_deleted_file_refuses_the_next_write(open_office: Services, office: Path) -> None:
    assignment = first_assignment(open_office)
    open_office.progress.record(assignment, Change(status=Status.IN_PROGRESS))
    office.unlink()
    with pytest.raises(DatabaseGoneError) as raised:
        open_office.progress.record(assignment, Change(note="这一条没有保存"))
    assert raised.value.message == GONE.format(office)
    assert not office.exists()  # nothing wrote a new, empty file in its place


def test_a_deleted_file_is_not_recreated_empty_by_the_next_read(
    open_office: Services, office: Path
) -> None:
    """A read on a new connection (another thread's, or after the pool was emptied) let
    SQLite create an empty database under the name, then failed with a raw 'no such
    table' (the crash apology); the next start found an empty database, not a missing one."""
    first_assignment(open_office)
    office.unlink()
    open_office.store.engine.dispose()  # the next read needs a new connection
    with pytest.raises(DatabaseGoneError) as raised:
        open_office.overview.assignments()
    assert raised.value.message == GONE.format(office)
    assert not office.exists()


def test_a_moved_file_refuses_the_next_write_and_keeps_the_earlier_one(
    open_office: Services, office: Path
) -> None:
    """The earlier change stays in the log next to the old name: putting the file back
    (as the message says) finds it, and the refused one is nowhere."""
    assignment = first_assignment(open_office)
    open_office.progress.record(assignment, Change(status=Status.IN_PROGRESS))
    moved = office.with_name("搬走的.sqlite3")
    office.rename(moved)
    with pytest.raises(DatabaseGoneError) as raised:
        open_office.progress.record(assignment, Change(note="这一条没有保存"))
    assert raised.value.message == GONE.format(office)
    open_office.close()
    moved.rename(office)
    reopened = Services.open(office)
    try:
        [row] = [r for r in reopened.overview.assignments() if r.id == assignment]
        assert (row.status, row.note) == (Status.IN_PROGRESS, "")
    finally:
        reopened.close()
    assert history_count(office) == 7


def test_a_file_replaced_during_a_transaction_is_caught_before_the_commit(
    open_office: Services, office: Path
) -> None:
    store = open_office.store
    with pytest.raises(DatabaseGoneError), store.transaction() as session:
        session.merge(Setting(key="due_soon_days", value="9"))
        session.flush()
        office.rename(office.with_name("别处.sqlite3"))
        office.write_bytes(b"")  # another file now has the name
    assert office.read_bytes() == b""
    open_office.close()
    assert Store.open(office.with_name("别处.sqlite3")).stored_setting("due_soon_days") is None


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="TRACKER_TEST_PG_URL not set")
def test_a_postgresql_connection_lost_in_the_middle(services: Services) -> None:
    """The server ends the session (a restart, a dropped network): one message, then on."""
    if services.store.engine.dialect.name != "postgresql":
        pytest.skip("the PostgreSQL case")
    from sqlalchemy import create_engine, text

    services.documents.import_parsed(sample_document(), source())
    assignment = first_assignment(services)
    with services.store.engine.connect() as connection:  # the pooled connection's session
        backend = connection.execute(text("SELECT pg_backend_pid()")).scalar()
    admin = create_engine(services.store.engine.url)
    with admin.begin() as connection:
        connection.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
    admin.dispose()
    with pytest.raises(StorageError) as raised:
        services.progress.record(assignment, Change(status=Status.IN_PROGRESS))
    assert raised.value.message == UNREACHABLE.format(services.store.where)
    services.progress.record(assignment, Change(status=Status.IN_PROGRESS))  # reconnected
    assert [h.source for h in services.progress.history(assignment)][-1] == "手工"


# -- another program's database -----------------------------------------------------------
FOREIGN = (
    "The database {0} belongs to another program (it has tables, but not this application's); "
    "nothing was changed. Open this application's database, or choose another file for a new "
    "one."
)


@pytest.mark.parametrize("table", ["foo", "units"])
def test_another_programs_database_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, table: str
) -> None:
    """A mistyped --db naming another program's SQLite file: this application's schema was
    written into it (no backup first), or — where a table name was the same — the upgrade
    failed with a raw OperationalError (a traceback)."""
    other = tmp_path / "其他 程序.db"
    with sqlite3.connect(other) as conn:
        conn.execute(f"CREATE TABLE {table} (a TEXT)")
        conn.execute(f"INSERT INTO {table} VALUES ('x')")
    conn.close()
    before = other.read_bytes()
    refused(capsys, FOREIGN.format(other), "--db", str(other), "units")
    refused(capsys, FOREIGN.format(other), "--db", str(other), "init")
    with pytest.raises(StorageError) as raised:
        Store.open(other, create=True)  # the window's first page: no schema written either
    assert raised.value.message == FOREIGN.format(other)
    assert other.read_bytes() == before
    assert not (tmp_path / "备份").exists()


# -- the backup before an upgrade ---------------------------------------------------------
def test_an_upgrade_whose_backup_cannot_be_made_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The copy before an upgrade failing (a file where 备份 would go, a full disk) was a
    raw OSError: a traceback from tracker-cli, the crash apology in the window."""
    from db import migrate

    older = tmp_path / "旧版 台账.sqlite3"
    engine = db_engine.make_engine(f"sqlite:///{older.as_posix()}")
    migrate.upgrade(engine, "0004", backup=False)
    engine.dispose()
    folder = tmp_path / "备份"
    folder.write_text("a file where the backups folder would go")
    before = older.read_bytes()
    refused(
        capsys,
        "Could not back up the database before upgrading the database, so nothing was "
        f"changed: Could not write the backup {folder}: File exists. Free some disk space or "
        f"check the folder {folder}.",
        "--db",
        str(older),
        "units",
    )
    assert older.read_bytes() == before
    with sqlite3.connect(older) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0004",)
    conn.close()
