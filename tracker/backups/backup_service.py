"""Backups a clerk can use: made before every risky operation, once a day, by hand; restored.

Every backup is an SQLite file with the project's schema: for an SQLite database a
consistent copy made with SQLite's backup API (WAL included); for PostgreSQL a
logical export of the project's tables (``tracker.backups.backup_tables``: no ``pg_dump``
on a clerk's PC).  They go to ``备份`` next to the database file (a server
database: ``备份`` in the user data folder, or ``TRACKER_BACKUP_DIR``), named
``<database>-<date>-<time>-<what came after>.sqlite3`` (``db.backup_files``).

*Before a risky operation* (ledger apply, accepting a document revision, deleting a
document, merging units) a service calls ``backup_before(store, reason)`` first,
outside any transaction; if the copy cannot be made the operation stops with a
``BackupError`` — it never goes ahead unprotected.  The window makes a ``daily``
backup on opening (the CLI does not: scripts run often; schedule ``tracker-cli
backup`` instead).

*Retention* (settings ``backup_keep_copies`` / ``backup_keep_days``, 30 / 30): the
newest N automatic backups are kept, and the last one of each of the last N days;
older automatic ones are deleted after each new backup.  Hand-made backups are
kept until the clerk deletes them.

*Restore* checks the file on a scratch copy first (SQLite's ``integrity_check``, the
tables and a schema revision this version knows; an older revision is upgraded on
the copy), backs the current database up (``restore``), then replaces it: SQLite
with the backup API into the live file, PostgreSQL in one transaction.  A file that
fails a check is refused naming it, and the database is untouched.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from db import backup_files, migrate
from db.backup_files import BackupInfo
from db.engine import sqlite_path
from db.location import APP_NAME
from importers.messages import QT_TRANSLATE_NOOP
from tracker.backups import backup_tables
from tracker.backups.backup_check import checked_copy
from tracker.backups.backup_errors import (
    OPERATIONS,
    BackupError,
    operation,
    reason_of,
    refused_before,
    write_failed,
)
from tracker.database_settings import BACKUP_KEEP_COPIES, BACKUP_KEEP_DAYS
from tracker.store import Store, database_errors

__all__ = [
    "OPERATIONS",
    "BackupError",
    "BackupInfo",
    "BackupService",
    "RestoreOutcome",
    "backup_before",
    "operation",
]

SERVER_FOLDER_ENV = "TRACKER_BACKUP_DIR"


@dataclass(frozen=True)
class RestoreOutcome:
    restored: Path
    revision: str
    """The schema revision of the restored file (upgraded to the current one if older)."""
    safety_copy: BackupInfo
    """The backup of the database as it was just before the restore."""
    counts: dict[str, int]


class BackupService:
    """Backups of one open database (``Store``)."""

    def __init__(self, store: Store, folder: Path | None = None) -> None:
        self.store = store
        self._db_file = sqlite_path(store.engine.url.render_as_string(hide_password=False))
        self._folder = folder

    @property
    def folder(self) -> Path:
        """Where this database's backups go."""
        if self._folder is not None:
            return self._folder
        if self._db_file is not None:
            return backup_files.folder_next_to(self._db_file)
        configured = os.environ.get(SERVER_FOLDER_ENV)
        if configured:
            return Path(configured)
        from platformdirs import user_data_path

        return user_data_path(APP_NAME, appauthor=False) / backup_files.FOLDER_NAME

    @property
    def stem(self) -> str:
        if self._db_file is not None:
            return self._db_file.stem
        return backup_files.safe_stem(self.store.engine.url.database or "tracker")

    def suggested_path(self, reason: str, when: datetime) -> Path:
        """Where a backup made for ``reason`` at ``when`` goes unless the clerk says otherwise."""
        return backup_files.new_backup_path(self.folder, self.stem, reason, when)

    # -- making ---------------------------------------------------------------------------
    def backup(
        self, reason: str = "manual", out: Path | None = None, *, replace: bool = False
    ) -> BackupInfo:
        """Copy the database now, into the backups folder (or ``out``); prune old ones.

        An existing ``out`` is replaced only with ``replace`` (the window's save dialog
        asked the clerk); the CLI refuses it — it may be another office's database.
        """
        self.store.check_file()  # moved or deleted while open: no empty file in its place
        now = datetime.now()
        target = out or self.suggested_path(reason, now)
        if self._db_file is not None and _same_file(target, self._db_file):
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "messages", "{file} is the database itself; choose another file for the backup."
                ),
                file=str(target),
            )
        if out is not None and not replace and os.path.lexists(out):
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{file} already exists; choose a new file name for the backup "
                    "(nothing was overwritten).",
                ),
                file=str(out),
            )
        try:
            revision = migrate.current_revision(self.store.engine)
            if self._db_file is not None:
                backup_files.copy_sqlite(self._db_file, target)
            else:
                self._export(target, revision)
            name = self._db_file.name if self._db_file is not None else None
            info = BackupInfo(target, now, reason, revision, target.stat().st_size, name)
            if out is None or out.resolve().parent == self.folder.resolve():
                backup_files.write_sidecar(info)
        except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
            raise write_failed(str(target), reason_of(exc)) from None
        if info.automatic:
            self.prune()
        return info

    def _export(self, target: Path, revision: str | None) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(target.name + backup_files.PART_SUFFIX)
        part.unlink(missing_ok=True)
        try:
            with self.store.engine.connect() as source:
                # One snapshot of every table: under PostgreSQL's READ COMMITTED each
                # table would be read as of its own moment, and a save in between
                # would give a backup whose history ran ahead of its values.
                source.execution_options(isolation_level="REPEATABLE READ")
                with source.begin():
                    backup_tables.export_to_sqlite(source, part, revision)
            os.replace(part, target)
        finally:
            part.unlink(missing_ok=True)

    def before(self, reason: str) -> BackupInfo:
        """The backup a risky operation needs first; raises ``BackupError`` if it failed.

        Call it before the operation's transaction is opened (SQLite: a copy is a read,
        it must see the state the operation starts from, and must not wait on ourselves).
        """
        try:
            return self.backup(reason)
        except BackupError as exc:
            raise refused_before(reason, exc, self.folder) from None

    def daily(self, now: datetime | None = None) -> BackupInfo | None:
        """The day's backup, if there is none yet (the window calls this on opening)."""
        today = (now or datetime.now()).date()
        if any(b.reason == "daily" and b.created.date() == today for b in self.list_backups()):
            return None
        return self.backup("daily")

    # -- listing and pruning ----------------------------------------------------------------
    def list_backups(self) -> list[BackupInfo]:
        """This database's backups, newest first."""
        name = self._db_file.name if self._db_file is not None else None
        return backup_files.list_backups(self.folder, self.stem, name)

    def delete(self, info: BackupInfo) -> None:
        """Delete one backup (and its sidecar): the clerk's way to drop hand-made ones."""
        try:
            backup_files.delete(info)
        except OSError as exc:
            raise BackupError(
                QT_TRANSLATE_NOOP("messages", "Could not delete the backup {file}: {reason}"),
                file=str(info.path),
                reason=reason_of(exc),
            ) from None

    def retention(self) -> tuple[int, int]:
        """(copies, days) kept of the automatic backups."""
        return (self.store.setting(BACKUP_KEEP_COPIES), self.store.setting(BACKUP_KEEP_DAYS))

    def set_retention(self, copies: int, days: int) -> None:
        self.store.set_setting(BACKUP_KEEP_COPIES, max(1, copies))
        self.store.set_setting(BACKUP_KEEP_DAYS, max(1, days))

    def prune(self, now: datetime | None = None) -> list[BackupInfo]:
        """Delete the automatic backups the retention rule no longer keeps; return them."""
        copies, days = self.retention()
        automatic = [b for b in self.list_backups() if b.automatic]
        keep = {b.path for b in automatic[:copies]}
        first_day = (now or datetime.now()).date() - timedelta(days=days - 1)
        seen: set[object] = set()
        for b in automatic:  # newest first: the first seen of a day is its last backup
            day = b.created.date()
            if day >= first_day and day not in seen:
                keep.add(b.path)
                seen.add(day)
        dropped = [b for b in automatic if b.path not in keep]
        for b in dropped:
            try:
                backup_files.delete(b)
            except OSError:
                continue  # open in another program: tried again after the next backup
        return dropped

    # -- restoring ----------------------------------------------------------------------------
    def check(self, file: Path) -> str:
        """The schema revision of a backup file; raises ``BackupError`` if it cannot be restored."""
        with checked_copy(file) as (_copy, revision):
            return revision

    def restore(self, file: Path) -> RestoreOutcome:
        """Replace the database with a checked backup, after backing up the current state."""
        file = Path(file)
        with checked_copy(file) as (copy, revision):
            safety = self.before("restore")
            try:  # one step of the backup API, or one server transaction: all or nothing
                if self._db_file is not None:
                    self._restore_sqlite(copy)
                else:
                    self._restore_logical(copy)
            except (sqlite3.Error, SQLAlchemyError) as exc:
                raise BackupError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "Could not restore {file}: {reason}. The database was not changed.",
                    ),
                    file=str(file),
                    reason=reason_of(exc),
                ) from None
        with database_errors(self.store.where), self.store.engine.connect() as conn:
            counts = backup_tables.row_counts(conn)
        return RestoreOutcome(file, revision, safety, counts)

    def _restore_sqlite(self, copy: Path) -> None:
        assert self._db_file is not None
        self.store.engine.dispose()
        backup_files.copy_into(copy, self._db_file)
        self.store.engine.dispose()

    def _restore_logical(self, copy: Path) -> None:
        engine = create_engine(f"sqlite:///{copy.as_posix()}")
        try:
            with engine.connect() as source, self.store.engine.begin() as dest:
                backup_tables.replace_tables(source, dest)
        finally:
            engine.dispose()


def _same_file(a: Path, b: Path) -> bool:
    """The same file by the system's word where both exist (Windows: any case, a short
    8.3 name, another mapped path), else by the resolved path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()


def backup_before(store: Store, reason: str) -> BackupInfo:
    """The one call a risky operation makes first: a backup, or a ``BackupError`` (stop)."""
    return BackupService(store).before(reason)
