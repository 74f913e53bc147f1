"""Where the database is: a path, a URL, ``TRACKER_DB`` or the default file.

Kept free of SQLAlchemy, like ``db.revisions``: the desktop application reads
its first rows (``tracker.progress.quick_look``) before that library is even imported.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

APP_NAME = "MeasureTracker"
DB_FILE_NAME = "tracker.sqlite3"
_SQLITE_FILE = "sqlite:///"
_URL_SPECIAL = {"%": "%25", "?": "%3F", "#": "%23"}
"""What SQLAlchemy would read as an escape, options or a fragment in a file's path."""


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
    # SQLAlchemy decodes %xx in a URL's path and reads ? as options: a file named so keeps them.
    escaped = "".join(_URL_SPECIAL.get(c, c) for c in path.as_posix())
    return f"{_SQLITE_FILE}{escaped}"


def plain_sqlite_file(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL (no options); None for anything else.

    The quick reader only takes what it is sure of; any other URL is left to
    SQLAlchemy (``db.engine.sqlite_path``).
    """
    if not url.startswith(_SQLITE_FILE) or "?" in url:
        return None
    rest = unquote(url[len(_SQLITE_FILE) :])  # as SQLAlchemy decodes it
    if not rest or rest == ":memory:":
        return None
    return Path(rest)
