"""Backup files: where they go, how they are named, what is known of each, how one is copied.

Kept in ``db/`` (and free of SQLAlchemy) because the migration's own backup
(``db.migrate``) lands in the same folder under the same naming as the app's
(``tracker.backups.backup_service``), and ``db`` may not import ``tracker``.

A backup of the database ``<folder>/tracker.sqlite3`` is
``<folder>/备份/tracker-20261204-153000-导入台账前.sqlite3``: a folder a clerk
recognises, a name that sorts by time and says what came after it, characters
Windows accepts.  Next to it a small ``….sqlite3.json`` says when, why, how big
and at which schema revision — the list of backups needs no table in a database
that may be the very thing being restored.  A copy is written under a ``.part``
name and renamed when whole, so a half-written file is never listed as a backup.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

FOLDER_NAME = "备份"
SUFFIX = ".sqlite3"
SIDECAR_SUFFIX = ".json"
PART_SUFFIX = ".part"
BUSY_TIMEOUT_S = 30.0

REASON_LABELS: dict[str, str] = {
    "daily": "每日",
    "manual": "手动",
    "ledger-apply": "导入台账前",
    "document-revision": "修订文件前",
    "document-delete": "删除文件前",
    "unit-merge": "合并单位前",
    "migration": "升级前",
    "restore": "恢复前",
}
"""What came after each backup (the key stored in the sidecar), as written into the file name."""

_LABEL_REASONS = {label: reason for reason, label in REASON_LABELS.items()}
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<label>[^-]+)"
    + re.escape(SUFFIX)
    + "$"
)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]')


@dataclass(frozen=True)
class BackupInfo:
    """One backup file and what is known of it."""

    path: Path
    created: datetime
    reason: str
    revision: str | None
    size: int
    database: str | None = None
    """The backed-up database file's name (``督办台账.sqlite3``): two databases of one stem in
    one folder (``.sqlite3`` and ``.db``) share ``备份/`` and the naming, not their backups."""

    @property
    def automatic(self) -> bool:
        """Made by the app (pruned by the retention rule); a hand-made one is kept until deleted."""
        return self.reason != "manual"


def safe_stem(text: str) -> str:
    """A file-name part Windows accepts (a server database's name, say)."""
    cleaned = _UNSAFE.sub("_", text).strip(" .")
    return cleaned or "tracker"


def folder_next_to(db_file: Path) -> Path:
    return db_file.parent / FOLDER_NAME


def new_backup_path(folder: Path, stem: str, reason: str, now: datetime) -> Path:
    """A name not taken yet: the second backup of the same second gets ``-2``."""
    label = REASON_LABELS.get(reason, safe_stem(reason))
    stamp = now.strftime("%Y%m%d-%H%M%S")
    candidate = folder / f"{stem}-{stamp}-{label}{SUFFIX}"
    n = 2
    while candidate.exists() or _part(candidate).exists():
        candidate = folder / f"{stem}-{stamp}-{n}-{label}{SUFFIX}"
        n += 1
    return candidate


def _part(path: Path) -> Path:
    return path.with_name(path.name + PART_SUFFIX)


def sidecar(path: Path) -> Path:
    return path.with_name(path.name + SIDECAR_SUFFIX)


def run_backup(
    source: sqlite3.Connection, dest: sqlite3.Connection, timeout: float | None = None
) -> None:
    """SQLite's backup API from ``source`` into ``dest``, giving up when locked too long.

    Python's ``Connection.backup`` retries a busy or locked database for ever; this
    raises ``sqlite3.OperationalError("database is locked")`` after ``timeout`` seconds
    (default ``BUSY_TIMEOUT_S``) instead, e.g. while another program writes.
    """
    deadline = time.monotonic() + (BUSY_TIMEOUT_S if timeout is None else timeout)

    def progress(status: int, _remaining: int, _total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise sqlite3.OperationalError("database is locked")

    source.backup(dest, progress=progress)


def copy_into(source: Path, dest: Path) -> None:
    """Copy the SQLite database ``source`` over ``dest`` page by page (``run_backup``).

    Checking a backup copies it away from the live folder and restoring one copies it
    over the live file: either side may be the file another program holds, so both
    connections wait up to ``BUSY_TIMEOUT_S`` for a lock; both are closed however it ends.
    """
    src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
    try:
        target = sqlite3.connect(dest, timeout=BUSY_TIMEOUT_S)
        try:
            run_backup(src, target)
        finally:
            target.close()
    finally:
        src.close()


def copy_sqlite(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite file (WAL included) with SQLite's backup API.

    The copy is a plain rollback-journal file (no ``-wal``/``-shm`` beside it when it
    is opened later), written under a ``.part`` name and renamed when complete.
    """
    if not source.is_file():  # (SQLite's connect would create an empty database there)
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(source))
    part = _part(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_S)
    try:
        dest = sqlite3.connect(part)
        try:
            run_backup(src, dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    os.replace(part, target)


def write_sidecar(info: BackupInfo) -> None:
    data: dict[str, object] = {
        "created": info.created.isoformat(),
        "reason": info.reason,
        "revision": info.revision,
        "size": info.size,
    }
    if info.database is not None:
        data["database"] = info.database
    sidecar(info.path).write_text(json.dumps(data, ensure_ascii=False, indent=1), "utf-8")


def record(
    path: Path, reason: str, revision: str | None, created: datetime, database: str | None = None
) -> BackupInfo:
    """Describe a finished backup file in its sidecar and return what was written."""
    info = BackupInfo(path, created, reason, revision, path.stat().st_size, database)
    write_sidecar(info)
    return info


def read_info(path: Path) -> BackupInfo | None:
    """What is known of a backup file: its sidecar, else its name (None: not one of ours)."""
    match = _NAME.match(path.name)
    try:
        data = json.loads(sidecar(path).read_text("utf-8"))
        return BackupInfo(
            path,
            datetime.fromisoformat(data["created"]),
            str(data["reason"]),
            data.get("revision"),
            path.stat().st_size,
            data.get("database"),
        )
    except (OSError, ValueError, KeyError, TypeError):
        pass
    if match is None:
        return None
    try:
        created = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        size = path.stat().st_size
    except (OSError, ValueError):
        return None
    reason = _LABEL_REASONS.get(match["label"], match["label"])
    return BackupInfo(path, created, reason, None, size)


def list_backups(folder: Path, stem: str, database: str | None = None) -> list[BackupInfo]:
    """The backups of the database named ``stem`` in ``folder``, newest first; with
    ``database`` (its file name) not those whose sidecar names another file."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob(f"*{SUFFIX}"):
        match = _NAME.match(path.name)
        if match is None or match["stem"] != stem or not path.is_file():
            continue
        info = read_info(path)
        if info is None or (database and info.database and info.database != database):
            continue
        found.append(info)
    found.sort(key=lambda i: (i.created, i.path.name), reverse=True)
    return found


def delete(info: BackupInfo) -> None:
    info.path.unlink(missing_ok=True)
    sidecar(info.path).unlink(missing_ok=True)
