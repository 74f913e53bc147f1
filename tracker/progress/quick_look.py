"""The first rows of an SQLite database, read before SQLAlchemy is imported.

At start-up the clerk waits for rows, and importing SQLAlchemy and the models
takes longer (≈ 0.3 s) than everything else the window does.  A speed trick kept
because ``bench/`` shows a gain a clerk feels: the first rows of 100,000
assignments painted at 2.23× a bare window instead of 5.06× (bench/notes.md).  So the desktop
application first reads what it shows first — the documents, their outline and
the first document's assignments — with the standard library's ``sqlite3``,
and shows them while the real services open on the same worker thread.

The answers are the services' own, derived from what the services are made
of: ``OverviewService.assignments``' query for the first document is
``tracker.progress.assignment_columns`` written as SQLite text (the same
columns, rows in force, order), the outline is ``DocumentService.outline``'s
function (``tracker.documents.document_outline``), the documents are
``DocumentInfo``'s fields; ``tests/tracker/progress/test_quick_look.py``
compares them on a database with revised and withdrawn measures, removed units
and progress.  Values come back as
SQLAlchemy stores them in SQLite (dates and times as ISO text, booleans as 0/1).

Only a plain SQLite file already at the current schema is read, through a
read-only connection; for anything else (a server database, a file to create
or upgrade, a damaged or unreachable file) this returns None and the
application takes the ordinary way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import fields
from datetime import date, datetime
from typing import Any, NamedTuple, TypeVar

from db.location import database_url, plain_sqlite_file
from db.network_drive import on_network_drive
from db.revisions import HEAD
from tracker.database_settings import DUE_SOON_DAYS
from tracker.documents.document_outline import (
    HEADING_COLUMNS,
    HeadingRow,
    OutlinedDocument,
    outline,
)
from tracker.progress.assignment_columns import (
    DEADLINE,
    IN_FORCE,
    SUB_TASK_STARTS,
    SUMMARY_COLUMNS,
    UNIT_DEADLINE,
    UPDATED_AT,
    sqlite_select,
)
from tracker.progress.summary_tally import summarize
from tracker.records import (
    AssignmentRow,
    DocumentInfo,
    OutlineDocument,
    Summary,
    TaskStarts,
    assignment_row,
    task_starts,
)

T = TypeVar("T")


class QuickLook(NamedTuple):
    """The documents, their outline, and the first document's assignment rows."""

    documents: list[DocumentInfo]
    outline: tuple[OutlineDocument, ...]
    rows: list[AssignmentRow]


_DOCUMENT_FIELDS = tuple(f.name for f in fields(DocumentInfo) if f.name != "measures")
"""``DocumentInfo``'s fields are the ``documents`` columns of the same names, plus:"""
_MEASURES_IN_FORCE = " AND ".join(
    f"{c.sql()} = {int(value)}" for c, value in IN_FORCE if c.table == "m"
)
_DOCUMENTS = (
    f"SELECT {', '.join(f'd.{name}' for name in _DOCUMENT_FIELDS)},"
    " (SELECT count(*) FROM measures AS m WHERE m.document_id = d.id"
    f" AND {_MEASURES_IN_FORCE})"
    " FROM documents AS d ORDER BY d.id"
)
_HEADINGS = f"SELECT {', '.join(HEADING_COLUMNS)} FROM headings ORDER BY position"
_ASSIGNMENTS = sqlite_select("m.document_id = ?")
_EVERY_ASSIGNMENT = sqlite_select()
_TOTALS = sqlite_select(columns=SUMMARY_COLUMNS, ordered=False)
_MEASURES = f"SELECT count(*) FROM measures AS m WHERE {_MEASURES_IN_FORCE}"


def quick_look(target: str | None, today: date | None = None) -> QuickLook | None:
    """The first look of the database ``tracker --db target`` opens, or None (see above).

    ``target`` as ``Services.open`` takes it (a path, a URL, or None for
    ``TRACKER_DB`` or the default file); ``today`` decides overdue and due soon.
    """
    return _read_current(target, lambda connection: _first_look(connection, today))


def quick_assignments(target: str | None, today: date | None = None) -> list[AssignmentRow] | None:
    """``OverviewService.assignments()``: every row in force, or None (see above).

    For ``tracker-cli measures``; None too for a file on a network drive, which the
    services open with a warning.
    """

    def read(connection: sqlite3.Connection) -> list[AssignmentRow]:
        days = _due_soon_days(connection)
        day = today or date.today()
        starts = task_starts(connection.execute(SUB_TASK_STARTS))
        return [
            _assignment(row, day, days, starts) for row in connection.execute(_EVERY_ASSIGNMENT)
        ]

    return _read_current(target, read, local_only=True)


def quick_summary(target: str | None, today: date | None = None) -> Summary | None:
    """``OverviewService.summary()`` for every document, or None (see ``quick_assignments``)."""

    def read(connection: sqlite3.Connection) -> Summary:
        rows = [
            (status, _day(deadline), unit, group, measure, _day(own), outer)
            for status, deadline, unit, group, measure, own, outer in connection.execute(_TOTALS)
        ]
        [(measures,)] = connection.execute(_MEASURES)
        return summarize(rows, measures, today or date.today(), _due_soon_days(connection))

    return _read_current(target, read, local_only=True)


def _read_current(
    target: str | None, read: Callable[[sqlite3.Connection], T | None], local_only: bool = False
) -> T | None:
    """``read`` over a read-only connection to a current SQLite file; None for anything else."""
    try:
        path = plain_sqlite_file(database_url(target))
        if path is None or not path.is_file() or (local_only and on_network_drive(path)):
            return None
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except (OSError, ValueError, sqlite3.Error):
        return None  # (an unreachable share, say: the ordinary way will say why)
    try:
        version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        if version != [(HEAD,)]:
            return None  # to be created or upgraded first (with its backup): not here
        return read(connection)
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None  # not ours, damaged, or half-written: the ordinary way will say why
    finally:
        connection.close()


def _first_look(connection: sqlite3.Connection, today: date | None) -> QuickLook | None:
    documents = [_document(row) for row in connection.execute(_DOCUMENTS)]
    if not documents:
        return None  # the first-run page, which needs the services anyway
    days = _due_soon_days(connection)
    starts = task_starts(connection.execute(SUB_TASK_STARTS))
    rows = [
        _assignment(row, today or date.today(), days, starts)
        for row in connection.execute(_ASSIGNMENTS, (documents[0].id,))
    ]
    return QuickLook(documents, _outline(connection, documents), rows)


def _due_soon_days(connection: sqlite3.Connection) -> int:
    """``Store.due_soon_days``: the setting, read through its registry entry."""
    found = connection.execute(
        "SELECT value FROM settings WHERE key = ?", (DUE_SOON_DAYS.name,)
    ).fetchone()
    return DUE_SOON_DAYS.parse(None if found is None else found[0])


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _document(row: Sequence[Any]) -> DocumentInfo:
    *values, measures = row
    found = dict(zip(_DOCUMENT_FIELDS, values, strict=True))
    found["issued_on"] = _day(found["issued_on"])
    return DocumentInfo(**found, measures=measures)


def _outline(
    connection: sqlite3.Connection, documents: list[DocumentInfo]
) -> tuple[OutlineDocument, ...]:
    """``DocumentService.outline``, from the same rows by the same function."""
    headings = [HeadingRow(*row) for row in connection.execute(_HEADINGS)]
    labels = [OutlinedDocument(d.id, d.doc_number or d.short_title, d.title) for d in documents]
    return outline(labels, headings)


def _assignment(row: Sequence[Any], today: date, days: int, starts: TaskStarts) -> AssignmentRow:
    columns = list(row)
    columns[UPDATED_AT] = datetime.fromisoformat(columns[UPDATED_AT])
    columns[DEADLINE] = _day(columns[DEADLINE])
    columns[UNIT_DEADLINE] = _day(columns[UNIT_DEADLINE])
    return assignment_row(columns, today, days, starts)
