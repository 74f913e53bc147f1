"""What went wrong when an exported file could not be written, said the way a clerk can act on.

``OSError.strerror`` is the system's wording in the system's language ("No space
left on device", "文件名、目录名或卷标语法不正确"), and the old blanket "is it open in
Excel or WPS?" sent clerks looking for an open workbook on a full disk.  So the
error number decides the message: a full disk, a name too long for the folder
(Windows reports 206), no permission — and "open in Excel or WPS" only when
the system says another program holds the file (Windows sharing or lock
violation), or when the file is there, refused, and Excel/WPS/LibreOffice's lock
file for it lies beside it.
"""

from __future__ import annotations

import errno
from pathlib import Path

from importers.messages import QT_TRANSLATE_NOOP, Message

_SHARING_VIOLATION, _LOCK_VIOLATION = 32, 33
_FILENAME_TOO_LONG = 206  # ERROR_FILENAME_EXCED_RANGE
_DISK_FULL_WINDOWS = (39, 112)  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def write_failure(path: Path, exc: OSError) -> Message:
    """The message for ``exc``, raised while writing ``path`` (names the file)."""
    winerror = getattr(exc, "winerror", None)
    if exc.errno in _DISK_FULL or winerror in _DISK_FULL_WINDOWS:
        return Message(
            QT_TRANSLATE_NOOP(
                "messages",
                "cannot write {path}: the disk is full; free some space and export again",
            ),
            {"path": str(path)},
        )
    if (
        exc.errno == errno.ENAMETOOLONG
        or winerror == _FILENAME_TOO_LONG
        or (exc.errno == errno.ENOENT and _beyond_max_path(path))
    ):
        return Message(
            QT_TRANSLATE_NOOP(
                "messages",
                "cannot write {path}: the name is too long for this folder; "
                "choose a folder with a shorter path",
            ),
            {"path": str(path)},
        )
    if winerror in (_SHARING_VIOLATION, _LOCK_VIOLATION) or (
        isinstance(exc, PermissionError) and path.exists() and is_locked(path)
    ):
        return Message(
            QT_TRANSLATE_NOOP(
                "messages",
                "cannot write {path}: the file is open in Excel or WPS; close it and export again",
            ),
            {"path": str(path)},
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM):
        return Message(
            QT_TRANSLATE_NOOP(
                "messages",
                "cannot write {path}: no permission to write there; "
                "choose another folder or ask for access",
            ),
            {"path": str(path)},
        )
    if exc.errno == errno.EROFS:
        return Message(
            QT_TRANSLATE_NOOP(
                "messages", "cannot write {path}: the folder is read-only; choose another folder"
            ),
            {"path": str(path)},
        )
    return Message(
        QT_TRANSLATE_NOOP("messages", "cannot write {path} ({reason})"),
        {"path": str(path), "reason": exc.strerror or str(exc)},
    )


MAX_PATH = 260
"""Windows without long paths enabled cannot open a longer path, and says "not found"."""


def _beyond_max_path(path: Path) -> bool:
    """Whether ``path`` is "not found" only because it is too long (its folder exists)."""
    try:
        return len(str(path.absolute())) >= MAX_PATH and path.parent.is_dir()
    except OSError:
        return False


def lock_files(path: Path) -> list[Path]:
    """Where Excel/WPS (``~$name``, or ``~$`` over the first two characters of a long
    name) and LibreOffice (``.~lock.name#``) leave the lock file of an open ``path``."""
    name = path.name
    return [
        path.with_name("~$" + name),
        path.with_name("~$" + name[2:]),
        path.with_name(f".~lock.{name}#"),
    ]


def is_locked(path: Path) -> bool:
    """Whether a spreadsheet program's lock file for ``path`` lies beside it."""
    return any(candidate.exists() for candidate in lock_files(path))
