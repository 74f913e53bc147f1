"""The open database, shared by the services.

``Store.open`` upgrades the schema first (after a backup), so every service can
assume the current schema.  Services open one short session per unit of work
through ``Store.transaction`` — one user action, one transaction — and return
plain records, never ORM objects bound to a session.

A database is created only when asked (``create=True``: ``tracker-cli init``, the
window's first page): a mistyped ``--db`` or a moved file must not silently become
an empty database the clerk then fills.  The database's own troubles (locked,
read-only, full, damaged, unreachable…) leave ``open``, ``transaction`` and
``reading`` as user errors (``tracker.db_errors``), and a write to an SQLite file
that was deleted or moved while open is refused instead of going to a file that
no longer has a name.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.orm import Session, sessionmaker

from db import migrate
from db.engine import BUSY_TIMEOUT_MS, database_url, make_engine, make_session_factory, sqlite_path
from db.models import Setting
from importers.messages import QT_TRANSLATE_NOOP
from tracker.database_settings import DUE_SOON_DAYS, DatabaseSetting, T
from tracker.db_errors import (
    CANNOT_OPEN,
    FOREIGN,
    GONE,
    MISSING,
    NOT_INITIALISED,
    DatabaseForeignError,
    DatabaseGoneError,
    DatabaseMissingError,
    DatabaseNotInitialisedError,
    StorageError,
    user_error,
)
from tracker.errors import UserError


@dataclass(frozen=True)
class Clock:
    """Today's date, fixed for tests and for reports made as of a past day."""

    fixed: date | None = None

    def today(self) -> date:
        return self.fixed or date.today()

    def now(self) -> datetime:
        """The time changes are stamped with: on the fixed day, if there is one.

        ``--today`` replays an office's work as of a past day; its history must
        then carry that day too, or rounds as of that day would not see it.
        """
        current = datetime.now()
        if self.fixed is None:
            return current
        return datetime.combine(self.fixed, current.time())


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows service accounts
        return os.environ.get("USERNAME", "?")


FileIdentity = tuple[int, int]


def file_identity(path: Path | None) -> FileIdentity | None:
    """The device and file number of ``path`` (None: no file, or the system gives none)."""
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino) if stat.st_ino else None


def database_label(url: str) -> str:
    """How the database is named in messages: its file, or the server URL without password."""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


@contextmanager
def database_errors(where: str) -> Iterator[None]:
    """Turn the database's own errors (locked, full, damaged…) into user errors."""
    try:
        yield
    except (sa_exc.DBAPIError, sqlite3.Error) as exc:
        error = user_error(exc, where)
        if error is None:
            raise
        raise error from exc


class Store:
    def __init__(self, engine: Engine, clock: Clock | None = None, user: str | None = None):
        self.engine = engine
        self.sessions: sessionmaker[Session] = make_session_factory(engine)
        self.clock = clock or Clock()
        self.user = user or current_user()
        self.backup: Path | None = None
        url = engine.url.render_as_string(hide_password=False)
        self.where = database_label(url)
        """The database as messages name it (its file, or its server)."""
        self.file = sqlite_path(url)
        self.identity = file_identity(self.file)
        """The file as opened: a write is refused once the name leads elsewhere (or nowhere)."""

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str] | None = None,
        *,
        clock: Clock | None = None,
        user: str | None = None,
        create: bool = False,
    ) -> Store:
        """Open (and upgrade) the database at a path or URL; ``create`` makes a new one.

        Without ``create``, a missing SQLite file (``DatabaseMissingError``) or a
        database without any table (``DatabaseNotInitialisedError``, e.g. an empty
        PostgreSQL schema) is refused: only ``tracker-cli init`` and the window's
        first page start a new database.  Another program's database (tables, none of
        them ours) is refused even then (``DatabaseForeignError``): never written into.
        """
        url = database_url(target)
        where = database_label(url)
        path = sqlite_path(url)
        if path is not None and not create:
            if not path.exists():
                raise DatabaseMissingError(MISSING, database=where)
            if path.is_file() and path.stat().st_size == 0:  # (SQLite would write a header)
                raise DatabaseNotInitialisedError(NOT_INITIALISED, database=where)
        if path is not None and path.is_file() and path.stat().st_size:
            with database_errors(where):  # read before the engine turns WAL on in the file
                _refuse_foreign(_sqlite_table_names(path), where)
        try:
            engine = make_engine(url)  # (makes the file's folder, for a new database)
        except OSError as exc:
            raise StorageError(CANNOT_OPEN, database=where) from exc
        try:
            with database_errors(where):
                tables = _table_names(engine)
                if not create and not tables:
                    raise DatabaseNotInitialisedError(NOT_INITIALISED, database=where)
                _refuse_foreign(tables, where)  # (a server's schema; even with create)
                backup = migrate.upgrade(engine)
        except migrate.DatabaseTooNewError as exc:
            engine.dispose()
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The database {database} was made by a newer version of this application "
                    "(schema {schema}); please update the application.",
                ),
                database=where,
                schema=exc.args[0],
            ) from None
        except migrate.UpgradeBackupError as exc:
            engine.dispose()
            raise _upgrade_backup_error(exc) from exc
        except BaseException:
            engine.dispose()
            raise
        store = cls(engine, clock, user)
        store.backup = backup
        return store

    def close(self) -> None:
        self.engine.dispose()

    def check_file(self) -> None:
        """Refuse to write once the database file was deleted or moved (or replaced).

        SQLite keeps writing to an open file whose name is gone (on Linux; Windows
        refuses the deletion instead): the work would be lost with the last connection.
        """
        if self.file is None:
            return
        if self.identity is not None:
            gone = file_identity(self.file) != self.identity
        else:  # no file number from this file system: its name at least
            gone = not self.file.exists()
        if gone:
            raise DatabaseGoneError(GONE, database=self.where)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed as a whole, or rolled back as a whole.

        The file is checked before the work starts and again just before the commit.
        """
        with database_errors(self.where):
            self.check_file()
            with self.sessions.begin() as session:
                yield session
                self.check_file()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session to read in.  The file is checked first: a new connection to a name
        that is gone would have SQLite create an empty database there."""
        with database_errors(self.where):
            self.check_file()
            with self.sessions() as session:
                yield session

    # Settings are few and small: read them where needed, through
    # ``tracker.database_settings`` (which names them, types them and knows their defaults).
    def stored_setting(self, name: str) -> str | None:
        """The text stored under ``name``; None if it was never set."""
        with self.reading() as session:
            value: str | None = session.scalar(select(Setting.value).where(Setting.key == name))
        return value

    def store_setting(self, name: str, value: str) -> None:
        with self.transaction() as session:
            session.merge(Setting(key=name, value=value))

    def setting(self, setting: DatabaseSetting[T]) -> T:
        """A declared setting's value: its default until set (or when unreadable)."""
        return setting.parse(self.stored_setting(setting.name))

    def set_setting(self, setting: DatabaseSetting[T], value: T) -> None:
        self.store_setting(setting.name, str(value))

    @property
    def due_soon_days(self) -> int:
        return self.setting(DUE_SOON_DAYS)


def _upgrade_backup_error(exc: migrate.UpgradeBackupError) -> UserError:
    """The backups' own message for a copy that could not be made before an upgrade."""
    from tracker.backups.backup_errors import refused_before, write_failed

    return refused_before("migration", write_failed(exc.file, exc.reason), exc.folder)


def _refuse_foreign(tables: set[str], where: str) -> None:
    """Tables without ``alembic_version`` are another program's (this application writes it
    with its first tables): refused, never upgraded into."""
    if tables and "alembic_version" not in tables:
        raise DatabaseForeignError(FOREIGN, database=where)


def _sqlite_table_names(path: Path) -> set[str]:
    """An SQLite file's tables, read with a plain connection that changes nothing in it."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {str(row[0]) for row in rows}
    finally:
        connection.close()


def _table_names(engine: Engine) -> set[str]:
    """The database's tables: none in a new file or an empty server schema."""
    with engine.connect() as connection:
        return set(inspect(connection).get_table_names())
