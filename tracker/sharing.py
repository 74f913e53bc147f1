"""Sharing one database between clerks: what the office is told about a risky setup.

An SQLite file on a shared folder looks like sharing but is not safe (see
``db.network_drive``); the office is warned each time such a file is opened and
pointed to a database server, which the settings can name and test.
"""

from __future__ import annotations

from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.store import Store

NETWORK_DRIVE = QT_TRANSLATE_NOOP(
    "messages",
    "The database {database} is on a network drive. SQLite files are not safe to share "
    "this way: two people writing at once can damage it. To share one database, ask IT "
    "for a PostgreSQL server and enter its address under Settings; until then let only "
    "one person open this file at a time.",
)


def network_drive_warning(store: Store) -> Message | None:
    """The warning for an SQLite file on a network share; None for anything else."""
    from db.network_drive import on_network_drive

    if store.file is None or not on_network_drive(store.file):
        return None
    return Message(NETWORK_DRIVE, {"database": store.where})
