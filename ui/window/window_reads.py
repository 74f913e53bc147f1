"""What the window reads from the database on worker threads.

These functions run off the GUI thread (``ui.app`` opens the database and reads
the first look on one, ``RowLoader`` reads every row on another), so they
take the open ``Services`` and return plain values, touching no widget.  (The
cycle collector runs as usual while they read: pausing it there, and at start-up,
showed no gain — ``bench/notes.md``, "Speed tricks"; the rows read are then set
aside from it, ``RowLoader._show_units_and_rows``, which shortens the window's stalls.)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from tracker.progress.row_index import RowIndex

if TYPE_CHECKING:
    from tracker.records import AssignmentRow, DocumentInfo, OutlineDocument, UnitInfo
    from tracker.services import Services


class FirstLook(NamedTuple):
    """What the window shows first of a database: its documents and the first one's rows."""

    documents: list[DocumentInfo]
    outline: Sequence[OutlineDocument]
    rows: list[AssignmentRow]


def first_look(services: Services) -> FirstLook:
    """Read the first look (on the worker thread that opened the database)."""
    from ui.assignments.assignment_source import make_filter

    documents = services.documents.list()
    if not documents:
        return FirstLook([], [], [])
    rows = services.overview.assignments(make_filter(document=str(documents[0].id)))
    return FirstLook(documents, services.documents.outline(), rows)


class Everything(NamedTuple):
    """Every unit, every assignment (indexed for filtering), the reporting rounds' names and
    how many extension requests wait for a decision."""

    units: list[UnitInfo]
    row_index: RowIndex
    rounds: list[str]
    pending_extensions: int


def read_everything(services: Services) -> Everything:
    """Every unit and every assignment, indexed for filtering (on a worker thread)."""
    from ui.assignments.assignment_source import make_filter

    today = services.today()
    rows = services.overview.assignments(make_filter())
    rounds = [r.name for r in services.rounds.list()]
    texts = services.overview.measure_texts()
    units = services.units.list()
    aliases = {u.name: u.aliases for u in units if u.aliases}
    pending = services.extensions.pending_count()
    return Everything(units, RowIndex(rows, today, texts, aliases), rounds, pending)
