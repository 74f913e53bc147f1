"""The first rows of an SQLite database, read before SQLAlchemy is imported.

At start-up the clerk waits for rows, and importing SQLAlchemy and the models
takes longer (≈ 0.3 s) than everything else the window does.  So the desktop
application first reads what it shows first — the documents, their outline and
the first document's assignments — with the standard library's ``sqlite3``,
and shows them while the real services open on the same worker thread.

The answers are the services' own: ``DocumentService.list`` and ``outline``
and ``OverviewService.assignments`` for the first document, the same columns,
rules (``tracker.queries.in_force``, lead units first) and order;
``tests/tracker/progress/test_quick_look.py`` compares them on a database with revised
and withdrawn measures, removed units and progress.  Values come back as
SQLAlchemy stores them in SQLite (dates and times as ISO text, booleans as 0/1).

Only a plain SQLite file already at the current schema is read, through a
read-only connection; for anything else (a server database, a file to create
or upgrade, a damaged or unreachable file) this returns None and the
application takes the ordinary way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, NamedTuple

from db.location import database_url, plain_sqlite_file
from db.revisions import HEAD
from tracker.records import (
    AssignmentRow,
    DocumentInfo,
    OutlineDocument,
    OutlineHeading,
    assignment_row,
)
from tracker.statuses import DEFAULT_DUE_SOON_DAYS


class QuickLook(NamedTuple):
    """The documents, their outline, and the first document's assignment rows."""

    documents: list[DocumentInfo]
    outline: tuple[OutlineDocument, ...]
    rows: list[AssignmentRow]


_DOCUMENTS = """
SELECT d.id, d.title, d.short_title, d.doc_number, d.issuer, d.issued_on, d.source_name,
       d.revision,
       (SELECT count(*) FROM measures AS m WHERE m.document_id = d.id AND m.withdrawn = 0)
FROM documents AS d ORDER BY d.id
"""

_HEADINGS = """
SELECT id, document_id, parent_id, number, title FROM headings ORDER BY position
"""

_ASSIGNMENTS = """
SELECT a.id, a.role, a.status, a.percent, a.note, a.updated_at, a.updated_by, a.version,
       m.id, m.code, m.title, m.deadline, m.deadline_text, u.name,
       d.id, d.doc_number, d.short_title, part.title, section.title
FROM assignments AS a
JOIN measures AS m ON a.measure_id = m.id
JOIN units AS u ON a.unit_id = u.id
JOIN documents AS d ON m.document_id = d.id
LEFT OUTER JOIN headings AS part ON m.part_id = part.id
LEFT OUTER JOIN headings AS section ON m.section_id = section.id
WHERE a.active = 1 AND m.withdrawn = 0 AND m.document_id = ?
ORDER BY d.id, m.position, CASE WHEN a.role = '牵头' THEN 0 ELSE 1 END, u.id
"""


def quick_look(target: str | None, today: date | None = None) -> QuickLook | None:
    """The first look of the database ``tracker --db target`` opens, or None (see above).

    ``target`` as ``Services.open`` takes it (a path, a URL, or None for
    ``TRACKER_DB`` or the default file); ``today`` decides overdue and due soon.
    """
    try:
        path = plain_sqlite_file(database_url(target))
        if path is None or not path.is_file():
            return None
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except (OSError, ValueError, sqlite3.Error):
        return None  # (an unreachable share, say: the ordinary way will say why)
    try:
        return _read(connection, today or date.today())
    except (sqlite3.Error, ValueError, KeyError, TypeError):
        return None  # not ours, damaged, or half-written: the ordinary way will say why
    finally:
        connection.close()


def _read(connection: sqlite3.Connection, today: date) -> QuickLook | None:
    version = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    if version != [(HEAD,)]:
        return None  # to be created or upgraded first (with its backup): not here
    documents = [_document(row) for row in connection.execute(_DOCUMENTS)]
    if not documents:
        return None  # the first-run page, which needs the services anyway
    days = _due_soon_days(connection)
    rows = [
        _assignment(row, today, days)
        for row in connection.execute(_ASSIGNMENTS, (documents[0].id,))
    ]
    return QuickLook(documents, _outline(connection, documents), rows)


def _due_soon_days(connection: sqlite3.Connection) -> int:
    """``Store.due_soon_days``: the setting, or the default when unset or not a number."""
    found = connection.execute("SELECT value FROM settings WHERE key = 'due_soon_days'").fetchone()
    try:
        return DEFAULT_DUE_SOON_DAYS if found is None else int(found[0])
    except ValueError:
        return DEFAULT_DUE_SOON_DAYS


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _document(row: Sequence[Any]) -> DocumentInfo:
    doc_id, title, short, number, issuer, issued_on, source_name, revision, measures = row
    return DocumentInfo(
        id=doc_id,
        title=title,
        short_title=short,
        doc_number=number,
        issuer=issuer,
        issued_on=_day(issued_on),
        source_name=source_name,
        revision=revision,
        measures=measures,
    )


def _outline(
    connection: sqlite3.Connection, documents: list[DocumentInfo]
) -> tuple[OutlineDocument, ...]:
    """``DocumentService.outline``: parts with their sections, per document."""
    headings = connection.execute(_HEADINGS).fetchall()
    sections: dict[int, list[OutlineHeading]] = {}
    for heading_id, _doc, parent_id, number, title in headings:
        if parent_id is not None:
            sections.setdefault(parent_id, []).append(OutlineHeading(heading_id, number, title))
    parts: dict[int, list[OutlineHeading]] = {}
    for heading_id, doc_id, parent_id, number, title in headings:
        if parent_id is None:
            children = tuple(sections.get(heading_id, ()))
            parts.setdefault(doc_id, []).append(OutlineHeading(heading_id, number, title, children))
    return tuple(
        OutlineDocument(d.id, d.doc_number or d.short_title, d.title, tuple(parts.get(d.id, ())))
        for d in documents
    )


_UPDATED_AT, _DEADLINE = 5, 11
"""Where the two values SQLite holds as text sit among ``_ASSIGNMENTS``' columns."""


def _assignment(row: Sequence[Any], today: date, days: int) -> AssignmentRow:
    columns = list(row)
    columns[_UPDATED_AT] = datetime.fromisoformat(columns[_UPDATED_AT])
    columns[_DEADLINE] = _day(columns[_DEADLINE])
    return assignment_row(columns, today, days)
