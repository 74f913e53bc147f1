"""What the backups say when they cannot do something: one place for the words.

``BackupError`` is the user error of every backup and restore.  ``refused_before``
is the message a risky operation (or an upgrade, from ``tracker.store``) stops
with when its backup could not be made, so the CLI, the window and the start-up
say it alike.  Free of the database: ``tracker.store`` imports it.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.exc import DBAPIError

from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.errors import UserError

OPERATIONS: dict[str, str] = {
    "daily": QT_TRANSLATE_NOOP("messages", "the daily backup"),
    "manual": QT_TRANSLATE_NOOP("messages", "a backup by hand"),
    "ledger-apply": QT_TRANSLATE_NOOP("messages", "importing ledgers"),
    "document-revision": QT_TRANSLATE_NOOP("messages", "accepting a document's revision"),
    "document-delete": QT_TRANSLATE_NOOP("messages", "deleting a document"),
    "unit-merge": QT_TRANSLATE_NOOP("messages", "merging units"),
    "migration": QT_TRANSLATE_NOOP("messages", "upgrading the database"),
    "restore": QT_TRANSLATE_NOOP("messages", "restoring a backup"),
}
"""What each backup came before, in words (the list of backups, the messages)."""


class BackupError(UserError):
    """A backup could not be made, or a file cannot be restored; nothing was changed."""


def operation(reason: str) -> Message:
    """The words for what came after a backup (translated by the window)."""
    template = OPERATIONS.get(reason, reason)  # each value is marked above
    return Message(template)


def write_failed(file: str, reason: str) -> BackupError:
    return BackupError(
        QT_TRANSLATE_NOOP("messages", "Could not write the backup {file}: {reason}"),
        file=file,
        reason=reason,
    )


def refused_before(reason: str, problem: UserError, folder: Path) -> BackupError:
    """No backup, so the operation ``reason`` did not run: what went wrong and where."""
    return BackupError(
        QT_TRANSLATE_NOOP(
            "messages",
            "Could not back up the database before {operation}, so nothing was "
            "changed: {problem}. Free some disk space or check the folder {folder}.",
        ),
        operation=operation(reason),
        problem=problem.as_message(),
        folder=str(folder),
    )


def reason_of(exc: BaseException) -> str:
    """The system's or the driver's own words for a failure."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__
