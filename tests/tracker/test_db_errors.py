"""Which database errors are the environment's (a user error) and which are bugs."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import exc as sa_exc

from tracker.db_errors import (
    DatabaseConflictError,
    DatabaseDamagedError,
    DatabaseFullError,
    DatabaseLockedError,
    DatabaseReadOnlyError,
    DatabaseUnreachableError,
    StorageError,
    ValueTooLongError,
    user_error,
)


def sqlite_error(kind: type[sqlite3.Error], text: str, code: int | None = None) -> sqlite3.Error:
    error = kind(text)
    if code is not None:
        error.sqlite_errorcode = code  # type: ignore[attr-defined]
    return error


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (sqlite_error(sqlite3.OperationalError, "database is locked", 5), DatabaseLockedError),
        (sqlite_error(sqlite3.OperationalError, "database is locked"), DatabaseLockedError),
        (sqlite_error(sqlite3.OperationalError, "readonly", 8 | (4 << 8)), DatabaseReadOnlyError),
        (sqlite_error(sqlite3.OperationalError, "database or disk is full"), DatabaseFullError),
        (sqlite_error(sqlite3.DatabaseError, "file is not a database", 26), DatabaseDamagedError),
        (sqlite_error(sqlite3.DatabaseError, "disk image is malformed", 11), DatabaseDamagedError),
        (
            sqlite_error(sqlite3.IntegrityError, "UNIQUE constraint failed", 2067),
            DatabaseConflictError,
        ),
        (sqlite_error(sqlite3.OperationalError, "disk I/O error", 10 | (3 << 8)), StorageError),
    ],
)
def test_sqlite_environment_errors(error: sqlite3.Error, expected: type[StorageError]) -> None:
    wrapped = sa_exc.OperationalError("UPDATE …", {}, error)
    made = user_error(wrapped, "D:/台账.sqlite3")
    assert type(made) is expected
    assert made.params == {"database": "D:/台账.sqlite3"}
    assert type(user_error(error, "x")) is expected  # raw, as from the backup API


@pytest.mark.parametrize(
    "error",
    [
        sqlite_error(sqlite3.OperationalError, "no such table: nothing", 1),
        sqlite_error(sqlite3.OperationalError, 'near "SELEC": syntax error', 1),
        sqlite_error(sqlite3.ProgrammingError, "Cannot operate on a closed database."),
        ValueError("not a database error at all"),
    ],
)
def test_a_wrong_statement_stays_a_bug(error: Exception) -> None:
    assert user_error(error, "x") is None


class FakePsycopgError(Exception):
    """Stands for psycopg's errors: the same module and class names, an SQLSTATE."""

    def __init__(self, sqlstate: str | None) -> None:
        super().__init__("server said no")
        self.sqlstate = sqlstate


FakePsycopgError.__module__ = "psycopg.errors"


@pytest.mark.parametrize(
    ("sqlstate", "expected"),
    [
        ("22001", ValueTooLongError),
        ("23505", DatabaseConflictError),
        ("40001", DatabaseConflictError),
        ("40P01", DatabaseConflictError),
        ("53100", DatabaseFullError),
        ("25006", DatabaseReadOnlyError),
        ("55P03", DatabaseLockedError),
        ("08006", DatabaseUnreachableError),
        ("57P01", DatabaseUnreachableError),
        ("42601", type(None)),  # a syntax error: a bug
    ],
)
def test_postgresql_errors_by_sqlstate(sqlstate: str, expected: type) -> None:
    assert type(user_error(FakePsycopgError(sqlstate), "pg")) is expected


def test_a_postgresql_client_that_cannot_connect_has_no_sqlstate() -> None:
    class OperationalError(FakePsycopgError):
        pass

    OperationalError.__module__ = "psycopg"
    assert type(user_error(OperationalError(None), "pg")) is DatabaseUnreachableError


def test_a_connection_invalidated_under_sqlalchemy_is_unreachable() -> None:
    wrapped = sa_exc.OperationalError(
        "SELECT 1", {}, Exception("gone"), connection_invalidated=True
    )
    assert type(user_error(wrapped, "pg")) is DatabaseUnreachableError


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (sqlite_error(sqlite3.IntegrityError, "NOT NULL constraint failed: t.a", 1299), None),
        (sqlite_error(sqlite3.IntegrityError, "CHECK constraint failed: ok", 275), None),
        (sqlite_error(sqlite3.IntegrityError, "NOT NULL constraint failed: t.a"), None),
        (
            sqlite_error(sqlite3.IntegrityError, "UNIQUE constraint failed: t.a", 1555),
            DatabaseConflictError,
        ),
        (
            sqlite_error(sqlite3.IntegrityError, "FOREIGN KEY constraint failed", 787),
            DatabaseConflictError,
        ),
        (
            sqlite_error(sqlite3.IntegrityError, "FOREIGN KEY constraint failed"),
            DatabaseConflictError,
        ),
        (FakePsycopgError("23502"), None),  # not_null_violation
        (FakePsycopgError("23514"), None),  # check_violation
        (FakePsycopgError("23503"), DatabaseConflictError),  # foreign_key_violation
    ],
)
def test_only_a_concurrent_writers_constraint_is_a_conflict(
    error: Exception, expected: type[StorageError] | None
) -> None:
    """A missing value or a broken check is a bug of the program, never "someone else saved
    the same record at the same time" (every constraint error was told so, and the bug
    lost its traceback); a unique key or a parent deleted meanwhile is another clerk's."""
    made = user_error(error, "x")
    assert (None if made is None else type(made)) is expected
