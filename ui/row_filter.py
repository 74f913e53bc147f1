"""Filtering the rows the window already holds, instead of asking the database again.

With 100,000 assignments loaded, a query per filter change costs a second
(reading and building every row); the same filter over the list in memory
costs a few milliseconds.  The rules are the service's own: ``tracker.statuses``
decides overdue and due-soon exactly as ``tracker.queries`` does in SQL.  A text
search still goes to the database — it also looks in each measure's full text,
which the rows do not carry.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING

from tracker.records import AssignmentRow
from tracker.statuses import is_due_soon, is_overdue

if TYPE_CHECKING:
    from tracker.overview import AssignmentFilter


def in_memory(wanted: AssignmentFilter) -> bool:
    """Can these rows be picked from the full list held in memory?"""
    return not wanted.search.strip() and wanted.measure_id is None and wanted.ids is None


def pick(
    rows: Iterable[AssignmentRow], wanted: AssignmentFilter, today: date
) -> list[AssignmentRow]:
    """The rows ``wanted`` selects (``heading_id`` is left to the caller's ``Scope``)."""
    document = int(wanted.document) if wanted.document else None
    unit, status = wanted.unit, wanted.status
    days = wanted.due_within_days
    picked = []
    for row in rows:
        if document is not None and row.document_id != document:
            continue
        if unit and row.unit != unit:
            continue
        if status is not None and row.status is not status:
            continue
        if wanted.overdue and not is_overdue(row.status, row.deadline, today):
            continue
        if days is not None and not is_due_soon(row.status, row.deadline, today, days):
            continue
        picked.append(row)
    return picked
