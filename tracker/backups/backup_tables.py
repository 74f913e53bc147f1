"""Copy the project's tables between two databases: the logical backup and restore of a server.

A clerk's PC has no ``pg_dump``, so a PostgreSQL database is backed up by the app
itself, into an SQLite file with the same schema (``export_to_sqlite``): one kind
of backup file for both back ends, checked and restored by one path.  Restoring
into PostgreSQL (``replace_tables``) deletes every row and inserts the file's rows
in foreign-key order, in the caller's one transaction, then moves each id
sequence past the highest id so new rows do not collide with restored ones.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Table, create_engine, insert, select, text, update

from db.models import Base

CHUNK = 2000
"""Rows read and inserted at a time: memory stays flat for a database of any size."""

ALEMBIC_TABLE = (
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)


def tables() -> list[Table]:
    """Every table of the models, parents before children."""
    return list(Base.metadata.sorted_tables)


def _self_references(table: Table) -> list[str]:
    """Columns pointing at their own table (a heading's parent): filled in a second pass."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table.name == table.name]


def _rows(source: Connection, table: Table) -> Iterator[list[dict[str, object]]]:
    order = list(table.primary_key.columns)
    result = source.execution_options(yield_per=CHUNK).execute(select(table).order_by(*order))
    for chunk in result.mappings().partitions(CHUNK):
        yield [dict(row) for row in chunk]


def copy_rows(source: Connection, dest: Connection) -> dict[str, int]:
    """Insert every row of every table of ``source`` into the (empty) tables of ``dest``.

    Returns the number of rows per table.
    """
    counts: dict[str, int] = {}
    for table in tables():
        later = _self_references(table)
        key = [c.name for c in table.primary_key.columns]
        fixes: list[dict[str, object]] = []
        counts[table.name] = 0
        for chunk in _rows(source, table):
            if later:
                for row in chunk:
                    if any(row[name] is not None for name in later):
                        fixes.append({**{k: row[k] for k in key}, **{n: row[n] for n in later}})
                        row.update(dict.fromkeys(later, None))
            dest.execute(insert(table), chunk)
            counts[table.name] += len(chunk)
        for fix in fixes:
            where = [table.c[k] == fix[k] for k in key]
            dest.execute(update(table).where(*where).values({n: fix[n] for n in later}))
    return counts


def export_to_sqlite(source: Connection, target: Path, revision: str | None) -> dict[str, int]:
    """Write the project's tables (and the schema revision) into a new SQLite file."""
    engine = create_engine(f"sqlite:///{target.as_posix()}")
    try:
        Base.metadata.create_all(engine)
        with engine.begin() as dest:
            dest.execute(text(ALEMBIC_TABLE))
            if revision is not None:
                dest.execute(
                    text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": revision}
                )
            counts = copy_rows(source, dest)
    finally:
        engine.dispose()
    return counts


def replace_tables(source: Connection, dest: Connection) -> dict[str, int]:
    """Make ``dest``'s tables hold exactly ``source``'s rows, in ``dest``'s open transaction."""
    for table in reversed(tables()):
        dest.execute(table.delete())
    counts = copy_rows(source, dest)
    if dest.dialect.name == "postgresql":
        _reset_sequences(dest)
    return counts


def _reset_sequences(conn: Connection) -> None:
    for table in tables():
        id_column = table.c.get("id")
        if id_column is None or not id_column.autoincrement or len(table.primary_key) != 1:
            continue
        sequence = conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": table.name})
        if sequence is None:
            continue
        conn.execute(
            text(
                f'SELECT setval(:s, COALESCE((SELECT MAX(id) FROM "{table.name}"), 1), '
                f'(SELECT MAX(id) FROM "{table.name}") IS NOT NULL)'
            ),
            {"s": sequence},
        )


def row_counts(conn: Connection) -> dict[str, int]:
    """Rows per table (what a restore reports)."""
    from sqlalchemy import func

    return {t.name: conn.scalar(select(func.count()).select_from(t)) or 0 for t in tables()}
