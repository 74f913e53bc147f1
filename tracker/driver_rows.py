"""One statement run for many rows by the database driver itself (``executemany``).

SQLAlchemy's ``connection.execute(statement, rows)`` builds and converts every row's
parameters in Python — for a ledger's 9,000 changed assignments, half of the bulk
write's time (``bench/results.md``, issue 12 item 8).  Here the statement is compiled
once for the dialect, each value is converted once (the same ``datetime`` in every row
is converted one time), and the driver gets the rows as it takes them: tuples for
SQLite's ``?``, dicts for PostgreSQL's named parameters.  Same SQL, same values.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any, cast

from sqlalchemy import Connection
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler


def execute_many(
    connection: Connection, statement: ClauseElement, rows: Sequence[dict[str, Any]]
) -> int:
    """Run ``statement`` once per row of ``rows`` (dicts with the same keys, one per
    parameter); returns the rows the statement matched in all (the driver's rowcount).

    The values the dialect converts (a ``datetime`` on SQLite) are converted in ``rows``
    themselves: they are made for this call."""
    if not rows:
        return 0
    dialect = connection.dialect
    compiled = cast(
        SQLCompiler,
        statement.compile(dialect=dialect, column_keys=list(rows[0]), for_executemany=True),
    )
    names = list(compiled.positiontup or compiled.binds)
    unknown = [n for n in names if n not in rows[0]]
    if unknown or compiled.escaped_bind_names:
        raise ValueError(f"parameters {unknown} are not in the rows: give every parameter")
    converters = _converters(compiled, names)
    if converters:
        for name, convert in converters.items():
            done: dict[Any, Any] = {}
            for row in rows:
                value = row[name]
                if value is not None:
                    try:
                        row[name] = done[value]
                    except KeyError:
                        row[name] = done[value] = convert(value)
    params: list[Any]
    if compiled.positional:
        take = itemgetter(*names)
        params = [take(row) for row in rows] if len(names) > 1 else [(take(r),) for r in rows]
    else:
        params = list(rows)
    return int(connection.exec_driver_sql(compiled.string, params).rowcount)


def _converters(compiled: SQLCompiler, names: list[str]) -> dict[str, Callable[[Any], Any]]:
    """The parameters whose values the dialect converts before the driver sees them."""
    dialect = compiled.dialect
    found: dict[str, Callable[[Any], Any]] = {}
    for name in names:
        convert = compiled.binds[name].type.dialect_impl(dialect).bind_processor(dialect)
        if convert is not None:
            found[name] = convert
    return found
