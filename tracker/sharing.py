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


CONNECT_TIMEOUT_S = 5
"""A server that has not answered by then is out of reach (a wrong address, a firewall)."""


def check_database(target: str) -> Message:
    """Try the database a clerk typed in the settings, before the window switches to it.

    Answers what was found (a database of this application and its schema, an
    empty one that will be set up, a missing file); raises ``UserError`` with the
    reason when it cannot be reached — the same words the window would show on
    opening it, found before the clerk restarts.
    """
    from sqlalchemy import create_engine, inspect, text

    from db.engine import database_url, sqlite_path
    from tracker.store import database_errors, database_label

    url = database_url(target.strip() or None)
    where = database_label(url)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        return Message(
            QT_TRANSLATE_NOOP(
                "messages",
                "{database} does not exist yet: a new, empty database will be created there.",
            ),
            {"database": where},
        )
    arguments = {"connect_timeout": CONNECT_TIMEOUT_S} if url.startswith("postgresql") else {}
    engine = create_engine(url, connect_args=arguments)
    try:
        with database_errors(where), engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            if not inspect(connection).has_table("alembic_version"):
                tables = inspect(connection).get_table_names()
                if tables:
                    return Message(
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "Connected to {database}, but it holds other tables ({count}) and "
                            "none of this application's: choose another database.",
                        ),
                        {"database": where, "count": len(tables)},
                    )
                return Message(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "Connected to {database}: it is empty and will be set up when opened.",
                    ),
                    {"database": where},
                )
            revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()
    return Message(
        QT_TRANSLATE_NOOP(
            "messages", "Connected to {database}: a database of this application (schema {schema})."
        ),
        {"database": where, "schema": revision},
    )
