"""Is a file a backup this version can restore?  Checked on a scratch copy, never in place.

A restore must never replace a good database with a bad one: the file is copied
(SQLite's backup API) into a temporary folder, and the copy is checked —
``integrity_check``, the application's tables, a schema revision this version
knows — and upgraded there if older.  The restore then reads that checked copy,
never the file again (it may change in between).  Split from ``tracker.backups.backup_service``
to keep each module to one job.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from db import backup_files, migrate
from db.engine import make_engine
from db.models import Base
from db.revisions import HEAD, REVISIONS
from importers.messages import QT_TRANSLATE_NOOP
from tracker.backups.backup_errors import BackupError, reason_of

CORE_TABLES = ("documents", "measures", "units", "assignments", "settings")
"""Tables every revision has: a file without them is not a backup of this application."""


@contextmanager
def checked_copy(file: Path) -> Iterator[tuple[Path, str]]:
    """A scratch copy of ``file``, checked and upgraded to the current schema, and the
    file's own revision; ``BackupError`` naming the file if it is not a usable backup."""
    if not file.is_file():
        raise BackupError(
            QT_TRANSLATE_NOOP("messages", "{file} does not exist or is not a file."),
            file=str(file),
        )
    with tempfile.TemporaryDirectory(prefix="tracker-restore-") as scratch:
        copy = Path(scratch) / "restore.sqlite3"
        try:
            revision = _check(file, copy)
        except sqlite3.Error as exc:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "messages", "{file} is not a readable backup of this database: {reason}"
                ),
                file=str(file),
                reason=reason_of(exc),
            ) from None
        if revision != HEAD:
            engine = make_engine(f"sqlite:///{copy.as_posix()}")
            try:
                migrate.upgrade(engine, backup=False)
            finally:
                engine.dispose()
        yield copy, revision


def _check(file: Path, copy: Path) -> str:
    backup_files.copy_into(file, copy)
    conn = sqlite3.connect(copy)
    try:
        verdict = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        if verdict == ["ok"]:  # whole pages, yet a row may point at one not there: the
            # backup API would copy it into the live file (a server restore refuses it)
            verdict = [
                f"{table} row {rowid} refers to a {parent} row that is not there"
                for table, rowid, parent, _key in sorted(  # (in the order of the rows, not
                    # of the foreign keys, which differs between a migrated and a new table)
                    islice(conn.execute("PRAGMA foreign_key_check"), 3)
                )
            ] or verdict
        if verdict != ["ok"]:
            raise BackupError(
                QT_TRANSLATE_NOOP("messages", "{file} is damaged (integrity check: {detail})."),
                file=str(file),
                detail="; ".join(str(v) for v in verdict[:3]),
            )
        names = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        missing = [t for t in ("alembic_version", *CORE_TABLES) if t not in names]
        if missing:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{file} is not a backup of this application's database (no table {tables}).",
                ),
                file=str(file),
                tables=", ".join(missing),
            )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = None if row is None else str(row[0])
        if revision not in REVISIONS:
            raise BackupError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{file} was made by a newer or unknown version of this application "
                    "(schema {schema}); it cannot be restored by this version.",
                ),
                file=str(file),
                schema=revision or "-",
            )
        if revision == HEAD:
            absent = sorted(set(Base.metadata.tables) - names)
            if absent:
                raise BackupError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "{file} is not a backup of this application's database "
                        "(no table {tables}).",
                    ),
                    file=str(file),
                    tables=", ".join(absent),
                )
        return revision
    finally:
        conn.close()
