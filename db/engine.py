"""Open the database: where it lives, how SQLite is tuned, how sessions are made."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from db.location import APP_NAME, DB_FILE_NAME, database_url, default_database_path
from db.network_drive import on_network_drive

__all__ = [
    "APP_NAME",
    "BUSY_TIMEOUT_MS",
    "DB_FILE_NAME",
    "database_url",
    "default_database_path",
    "make_engine",
    "make_session_factory",
    "sqlite_path",
]


BUSY_TIMEOUT_MS = 5000
"""How long SQLite waits for another writer before it reports the database locked."""


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for a server database or ``:memory:``.

    A ``file:`` URI (``sqlite:///file:PATH?mode=ro&uri=true``) names its file too.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    database = parsed.database
    if str(parsed.query.get("uri", "")).lower() in {"true", "1"} and database.startswith("file:"):
        database = unquote(database[len("file:") :].split("?", 1)[0])
        if database.startswith("///"):  # file:///C:/… or file:///home/…
            database = database[2:]
            if len(database) > 2 and database[2] == ":":  # /C:/… on Windows
                database = database[1:]
    if not database or database == ":memory:" or "mode=memory" in url:
        return None
    return Path(database)


def _tune_sqlite(dbapi_connection: Any, _record: Any, *, journal: str = "WAL") -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA journal_mode={journal}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with foreign keys on and WAL for SQLite; the folder is created if needed.

    A file on a network drive keeps SQLite's rollback journal: WAL needs memory
    shared between the processes, which a network file system cannot give.
    """
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        journal = "DELETE" if path is not None and on_network_drive(path) else "WAL"
        event.listen(engine, "connect", partial(_tune_sqlite, journal=journal))
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
