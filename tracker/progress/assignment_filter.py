"""What the assignment list shows, declared once for the database and for memory.

An ``AssignmentFilter`` is what a clerk chose; ``criteria`` turns it into the
list of conditions a row must meet, each a ``Criterion`` (a row field, an
operator, a value).  Two small interpreters read that one list:
``OverviewService`` makes it a SQL ``WHERE`` (``tracker.progress.overview``),
``RowIndex`` picks the rows the window already holds
(``tracker.progress.row_index``).  A new filter is a field here and a line in
``criteria``; an interpreter that cannot answer an operator says so
(``RowIndex.ANSWERS``), and the window then asks the database.

What a criterion means is each status rule's own: overdue and due soon are
``tracker.statuses`` (in SQL ``tracker.queries``), a search is
``MeasureTexts``' rule (in SQL a LIKE).  The words a clerk typed for a document
or a unit are resolved by the reader: the database finds the document by id,
number or title and the unit by name or alias; the window's filters hold ids
and names already.

No SQLAlchemy here: the window's index and the command line's quick answers
use it before (or without) the database library.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, NamedTuple

from tracker.statuses import Status

Field = Literal["document", "unit", "status", "measure", "id", "deadline", "heading", "any"]
"""What a criterion looks at: a row's document, unit, status, measure or id; its
deadline (with its status, for overdue and due soon); the part or section its
measure is in; ``any`` for a search through the measure's texts and the unit."""

Operator = Literal["=", "in", "overdue", "due within", "changed in round", "mentions"]


class Criterion(NamedTuple):
    """One condition on an assignment row: ``field operator value``.

    The value: a document's or unit's words, a ``Status``, a measure id, a tuple
    of assignment ids, a round's name, a number of days, a text to search for;
    none for overdue (today is the reader's).
    """

    field: Field
    operator: Operator
    value: Any


@dataclass(frozen=True)
class AssignmentFilter:
    """What the assignment list shows; every field narrows it, the defaults show everything."""

    document: str | None = None
    """A document as a clerk names it: its id, number or a piece of its title."""
    unit: str | None = None
    status: Status | None = None
    overdue: bool = False
    due_within_days: int | None = None
    search: str = ""
    heading_id: int | None = None
    """A part or section of a document (its measures, or the measures of its sections)."""
    measure_id: int | None = None
    ids: tuple[int, ...] | None = None
    """Only these assignments (e.g. the rows to refresh after an edit)."""
    round: str | None = None
    """Only assignments whose progress changed in this reporting round."""


def criteria(wanted: AssignmentFilter) -> list[Criterion]:
    """The conditions ``wanted`` sets, in this order; none for the whole list."""
    found: list[Criterion] = []
    if wanted.document:
        found.append(Criterion("document", "=", wanted.document))
    if wanted.unit:
        found.append(Criterion("unit", "=", wanted.unit))
    if wanted.status is not None:
        found.append(Criterion("status", "=", wanted.status))
    if wanted.overdue:
        found.append(Criterion("deadline", "overdue", None))
    if wanted.due_within_days is not None:
        if wanted.due_within_days < 0:
            from importers.messages import QT_TRANSLATE_NOOP  # (not needed by the window's frame)
            from tracker.errors import InvalidInputError

            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "the number of days cannot be negative")
            )
        found.append(Criterion("deadline", "due within", wanted.due_within_days))
    if wanted.heading_id is not None:
        found.append(Criterion("heading", "=", wanted.heading_id))
    if wanted.measure_id is not None:
        found.append(Criterion("measure", "=", wanted.measure_id))
    if wanted.ids is not None:
        found.append(Criterion("id", "in", wanted.ids))
    if wanted.round:
        found.append(Criterion("id", "changed in round", wanted.round))
    needle = wanted.search.strip()
    if needle:
        found.append(Criterion("any", "mentions", needle))
    return found
