"""Bring a database to the current schema, safely.

Before an existing database is upgraded it is copied into its backups folder
(``备份`` next to it, named as the app's own backups: ``db.backup_files``); a
database written by a newer version of the app (a revision this version does not
know) is refused with a message instead of being touched.

Alembic is imported only when there is something to upgrade: opening a current
database (every start of the app) reads the version with one plain query.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text

from db import backup_files
from db.engine import sqlite_path
from db.revisions import HEAD, REVISIONS

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


class DatabaseTooNewError(Exception):
    """The database was written by a newer version of the app."""


class UpgradeBackupError(Exception):
    """The copy before an upgrade could not be made, so the database was not upgraded.

    ``file`` is what could not be written (the copy, or its folder), ``folder`` the
    backups folder, ``reason`` the system's words.
    """

    def __init__(self, file: str, folder: Path, reason: str) -> None:
        super().__init__(file, folder, reason)
        self.file, self.folder, self.reason = file, folder, reason


def _config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    return HEAD


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def backup_sqlite(db_file: Path, revision: str | None) -> Path:
    """Copy a live SQLite database (WAL included) into its backups folder; return the copy.

    The same folder, naming and sidecar as the app's backups (``db.backup_files``), so
    the copy made before an upgrade is listed and restored like any other.
    """
    now = datetime.now()
    target = backup_files.new_backup_path(
        backup_files.folder_next_to(db_file), db_file.stem, "migration", now
    )
    backup_files.copy_sqlite(db_file, target)
    backup_files.record(target, "migration", revision, now, db_file.name)
    return target


def upgrade(engine: Engine, revision: str = "head", *, backup: bool = True) -> Path | None:
    """Upgrade to ``revision``; return the backup made first, if any.

    ``backup=False`` is for a scratch copy (a file being checked before a restore).

    Raises DatabaseTooNewError for a database this version cannot read.
    """
    current = current_revision(engine)
    if current is not None and current not in REVISIONS:
        raise DatabaseTooNewError(current)
    target = HEAD if revision == "head" else revision
    if current == target:
        return None
    from alembic import command

    copy = None
    db_file = sqlite_path(str(engine.url))
    if backup and current is not None and db_file is not None and db_file.exists():
        try:
            copy = backup_sqlite(db_file, current)
        except (OSError, sqlite3.Error) as exc:  # no copy, no upgrade
            folder = backup_files.folder_next_to(db_file)
            file = getattr(exc, "filename", None) or str(folder)
            reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
            raise UpgradeBackupError(str(file), folder, reason) from exc
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:  # SQLite: off outside the transaction (see _foreign_keys_kept)
            _set_foreign_keys(conn, on=False)
        try:
            with conn.begin():
                cfg = _config(engine)
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
                if sqlite:
                    _foreign_keys_kept(conn)
        finally:
            if sqlite:
                _set_foreign_keys(conn, on=True)
    return copy


def _set_foreign_keys(conn: Connection, *, on: bool) -> None:
    conn.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if on else 'OFF'}")
    conn.commit()


def _foreign_keys_kept(conn: Connection) -> None:
    """SQLite changes a table by copying it and dropping the old one; with foreign keys on,
    that drop deletes the rows referring to it (a unit's assignments, an assignment's
    history) or fails.  So an upgrade runs with them off, and checks them all before
    committing: a row left pointing nowhere rolls the whole upgrade back."""
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        raise RuntimeError(f"upgrade left rows pointing nowhere: {broken[:5]}")
