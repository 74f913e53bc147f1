"""Open the database: where it lives, how SQLite is tuned, how sessions are made."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

APP_NAME = "MeasureTracker"
DB_FILE_NAME = "tracker.sqlite3"


def default_database_path() -> Path:
    """The database file in the user's data folder (``%LOCALAPPDATA%`` on Windows)."""
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / DB_FILE_NAME


def database_url(target: str | os.PathLike[str] | None = None) -> str:
    """An SQLAlchemy URL from a path, a URL, ``TRACKER_DB`` or the default file."""
    raw = os.fspath(target) if target is not None else os.environ.get("TRACKER_DB") or None
    if raw is None:
        raw = os.fspath(default_database_path())
    if "://" in raw:
        return raw
    path = Path(raw).expanduser().resolve()
    return f"sqlite:///{path.as_posix()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind an SQLite URL, or None for a server database or ``:memory:``."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    if parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _tune_sqlite(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def make_engine(url: str) -> Engine:
    """An engine with foreign keys on and WAL for SQLite; the folder is created if needed."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _tune_sqlite)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
