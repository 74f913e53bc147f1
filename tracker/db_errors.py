"""Database environment errors as user errors: what happened, and what the clerk can do.

A locked, read-only, full, damaged or unreachable database is not a bug: the
person at the keyboard can close the other program, free space, restore a
backup or call whoever runs the server.  ``Store`` passes every DBAPI error
(SQLite's ``sqlite3``, PostgreSQL's ``psycopg``, and SQLAlchemy's wrappers of
them) through :func:`user_error`, in one place — ``Store.open``,
``Store.transaction`` and ``Store.reading`` — so the CLI prints one line and
exits 2 and the window shows a message instead of the crash apology.  The
original exception stays as ``__cause__`` and is logged.

Errors that are not the environment's (a wrong SQL statement, a programming
mistake) are left alone: they are bugs and keep their traceback.
"""

from __future__ import annotations

import logging
import sqlite3

from sqlalchemy import exc as sa_exc

from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import UserError

log = logging.getLogger(__name__)


class StorageError(UserError):
    """The database (its file, its disk, its server) stopped the work; nothing was saved."""


class DatabaseMissingError(StorageError):
    """The database file does not exist: it is created only on request (``init``, first run).

    ``params["database"]`` is the file's path.
    """


class DatabaseNotInitialisedError(StorageError):
    """The database exists but holds no tables: it is set up only on request, like a new file."""


class DatabaseForeignError(StorageError):
    """The database has tables but not this application's (no ``alembic_version``): another
    program's file, never written into."""


class DatabaseGoneError(StorageError):
    """The open database file was deleted or moved: a write would go to a file nobody sees."""


class DatabaseLockedError(StorageError):
    pass


class DatabaseReadOnlyError(StorageError):
    pass


class DatabaseFullError(StorageError):
    pass


class DatabaseDamagedError(StorageError):
    pass


class DatabaseUnreachableError(StorageError):
    pass


class DatabaseConflictError(StorageError):
    """A unique rule was broken, typically by another clerk saving the same thing at once."""


class ValueTooLongError(StorageError):
    pass


MISSING = QT_TRANSLATE_NOOP(
    "messages",
    "The database file {database} does not exist (never created, moved or deleted). "
    'To start a new database there, run "tracker-cli init" or use the first page of the '
    "window; if the file was moved, open it where it is now.",
)
NOT_INITIALISED = QT_TRANSLATE_NOOP(
    "messages",
    "The database {database} is empty (it has no tables yet). To start a new database there, "
    'run "tracker-cli init" or use the first page of the window.',
)
FOREIGN = QT_TRANSLATE_NOOP(
    "messages",
    "The database {database} belongs to another program (it has tables, but not this "
    "application's); nothing was changed. Open this application's database, or choose another "
    "file for a new one.",
)
MISSING_IN_WINDOW = QT_TRANSLATE_NOOP(
    "messages",
    "The database file {database} does not exist (never created, moved or deleted). If the "
    "file was moved, open it where it is now (File → Open database…).",
)
NOT_INITIALISED_IN_WINDOW = QT_TRANSLATE_NOOP(
    "messages",
    "The database {database} is empty (it has no tables yet); nothing was changed. Open "
    "another database file (File → Open database…).",
)
WINDOW_WORDING = {MISSING: MISSING_IN_WINDOW, NOT_INITIALISED: NOT_INITIALISED_IN_WINDOW}
"""The same errors as the window says them (``ui.messages.translated``): the CLI's are
about a command to run, which a clerk at the window has no use for."""
GONE = QT_TRANSLATE_NOOP(
    "messages",
    "The database file {database} is gone (deleted or moved while it was open); nothing was "
    "saved. Put the file back, or open it where it is now, and do the change again.",
)
LOCKED = QT_TRANSLATE_NOOP(
    "messages",
    "The database {database} is locked by another program or window; nothing was saved. "
    "Close the other program (or wait until it has finished) and try again.",
)
READ_ONLY = QT_TRANSLATE_NOOP(
    "messages",
    "The database {database} cannot be written (the file or its folder is read-only, or you "
    "lack the permission); nothing was saved. Make it writable or copy it to a folder you can "
    "write to.",
)
FULL = QT_TRANSLATE_NOOP(
    "messages",
    "The disk holding the database {database} is full; nothing was saved. Free some space and "
    "try again.",
)
DAMAGED = QT_TRANSLATE_NOOP(
    "messages",
    "The file {database} is not a database of this application, or it is damaged; nothing was "
    "changed. Restore it from a backup, or open another file.",
)
CANNOT_OPEN = QT_TRANSLATE_NOOP(
    "messages",
    "The database {database} cannot be opened (no access to the file or its folder); nothing "
    "was saved. Check that the folder exists and that you may write to it.",
)
IO_ERROR = QT_TRANSLATE_NOOP(
    "messages",
    "The database {database} could not be read or written (a disk or network drive error); "
    "nothing was saved. Check the drive and try again.",
)
UNREACHABLE = QT_TRANSLATE_NOOP(
    "messages",
    "The database server {database} cannot be reached (connection refused or lost); nothing "
    "was saved. Check the network and that the server is running, then try again.",
)
CONFLICT = QT_TRANSLATE_NOOP(
    "messages",
    "Someone else saved the same record in the database {database} at the same time; nothing "
    "was saved. Reload and try again.",
)
TOO_LONG = QT_TRANSLATE_NOOP(
    "messages",
    "A value is too long for the database {database}; nothing was saved. Shorten the text and "
    "try again.",
)
# SQLite's primary result codes (https://sqlite.org/rescode.html).
_SQLITE_CODES: dict[int, tuple[type[StorageError], str]] = {
    5: (DatabaseLockedError, LOCKED),  # SQLITE_BUSY
    6: (DatabaseLockedError, LOCKED),  # SQLITE_LOCKED
    8: (DatabaseReadOnlyError, READ_ONLY),  # SQLITE_READONLY
    3: (DatabaseReadOnlyError, READ_ONLY),  # SQLITE_PERM
    10: (StorageError, IO_ERROR),  # SQLITE_IOERR
    11: (DatabaseDamagedError, DAMAGED),  # SQLITE_CORRUPT
    13: (DatabaseFullError, FULL),  # SQLITE_FULL
    14: (StorageError, CANNOT_OPEN),  # SQLITE_CANTOPEN
    26: (DatabaseDamagedError, DAMAGED),  # SQLITE_NOTADB
}
# The same by SQLite's English text, for an error without its code (older drivers, tests).
_SQLITE_TEXTS: tuple[tuple[str, tuple[type[StorageError], str]], ...] = (
    ("database is locked", _SQLITE_CODES[5]),
    ("database table is locked", _SQLITE_CODES[6]),
    ("readonly database", _SQLITE_CODES[8]),
    ("disk is full", _SQLITE_CODES[13]),
    ("file is not a database", _SQLITE_CODES[26]),
    ("malformed", _SQLITE_CODES[11]),
    ("unable to open database", _SQLITE_CODES[14]),
    ("disk i/o error", _SQLITE_CODES[10]),
    ("unique constraint failed", (DatabaseConflictError, CONFLICT)),
    ("foreign key constraint failed", (DatabaseConflictError, CONFLICT)),
)
_SQLITE_CONSTRAINT = 19
_SQLITE_CONFLICTS = frozenset({2067, 1555, 787})
"""SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY, _FOREIGNKEY: what another writer at the same time
causes (the same key saved twice, a parent deleted meanwhile).  A NOT NULL or CHECK
failure is this program's bug, not the clerk's conflict, and keeps its traceback."""
# PostgreSQL's SQLSTATE codes by prefix, longest first
# (https://www.postgresql.org/docs/current/errcodes-appendix.html).
_PG_STATES: tuple[tuple[str, tuple[type[StorageError], str]], ...] = (
    ("22001", (ValueTooLongError, TOO_LONG)),  # string_data_right_truncation
    ("25006", (DatabaseReadOnlyError, READ_ONLY)),  # read_only_sql_transaction
    ("42501", (DatabaseReadOnlyError, READ_ONLY)),  # insufficient_privilege
    ("53100", (DatabaseFullError, FULL)),  # disk_full
    ("55P03", (DatabaseLockedError, LOCKED)),  # lock_not_available
    ("40", (DatabaseConflictError, CONFLICT)),  # serialization failure, deadlock
    ("23505", (DatabaseConflictError, CONFLICT)),  # unique_violation
    ("23503", (DatabaseConflictError, CONFLICT)),  # foreign_key_violation (a parent deleted)
    ("08", (DatabaseUnreachableError, UNREACHABLE)),  # connection exception
    ("57P", (DatabaseUnreachableError, UNREACHABLE)),  # server shut down
    ("58", (StorageError, IO_ERROR)),  # system error (an I/O error on the server)
    ("XX001", (DatabaseDamagedError, DAMAGED)),  # data_corrupted
)


def _sqlite_kind(error: BaseException) -> tuple[type[StorageError], str] | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE_CODES:
        return _SQLITE_CODES[code & 0xFF]
    if isinstance(code, int) and code != _SQLITE_CONSTRAINT and code & 0xFF == _SQLITE_CONSTRAINT:
        return (DatabaseConflictError, CONFLICT) if code in _SQLITE_CONFLICTS else None
    text = str(error).lower()
    for fragment, kind in _SQLITE_TEXTS:
        if fragment in text:
            return kind
    return None


def _postgres_kind(error: BaseException) -> tuple[type[StorageError], str] | None:
    state = getattr(error, "sqlstate", None)
    if isinstance(state, str):
        for prefix, kind in _PG_STATES:
            if state.startswith(prefix):
                return kind
        return None
    # No SQLSTATE: the client could not talk to the server at all.
    if type(error).__name__ == "OperationalError":
        return (DatabaseUnreachableError, UNREACHABLE)
    return None


def user_error(error: BaseException, database: str) -> StorageError | None:
    """The user error for a database error at ``database`` (a file or a server), or None.

    None means a bug (a wrong statement, a programming error): let it through.
    """
    original: BaseException = error
    if isinstance(error, sa_exc.DBAPIError) and error.orig is not None:
        original = error.orig
    if isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated:
        kind: tuple[type[StorageError], str] | None = (DatabaseUnreachableError, UNREACHABLE)
    elif isinstance(original, sqlite3.Error):
        kind = _sqlite_kind(original)  # (SQLITE_ERROR — no such table, a syntax error — a bug)
    elif type(original).__module__.startswith("psycopg"):
        kind = _postgres_kind(original)
    else:
        kind = None
    if kind is None:
        return None
    cls, template = kind
    log.info("database error at %s: %s", database, original, exc_info=error)
    return cls(template, database=database)


__all__ = [
    "DatabaseConflictError",
    "DatabaseDamagedError",
    "DatabaseForeignError",
    "DatabaseFullError",
    "DatabaseGoneError",
    "DatabaseLockedError",
    "DatabaseMissingError",
    "DatabaseNotInitialisedError",
    "DatabaseReadOnlyError",
    "DatabaseUnreachableError",
    "StorageError",
    "ValueTooLongError",
    "user_error",
]
