"""Reading assignments for the window: the filtered list, re-reads after edits, one measure.

Everything goes through ``OverviewService.assignments`` with an
``AssignmentFilter``; this module only narrows the filter so a re-read after an
edit asks for a handful of rows (one query per document and unit touched)
instead of the whole table.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from tracker.errors import NotFoundError
from tracker.overview import AssignmentFilter, OverviewService
from tracker.progress import ProgressService
from tracker.records import AssignmentRow, HistoryRow


@dataclass(frozen=True)
class MeasureText:
    """The parts of a measure the detail pane shows that an ``AssignmentRow`` lacks."""

    text: str
    standing: bool
    milestones: tuple[tuple[date, str], ...]


@dataclass(frozen=True)
class Detail:
    """Everything the detail pane shows for one selected row."""

    row: AssignmentRow
    text: MeasureText
    units: list[AssignmentRow]
    history: list[HistoryRow]


class AssignmentSource:
    def __init__(self, overview: OverviewService, progress: ProgressService) -> None:
        self.overview = overview
        self.progress = progress

    def load(self, wanted: AssignmentFilter) -> list[AssignmentRow]:
        return self.overview.assignments(wanted)

    def reread(self, ids: Iterable[int], hints: Iterable[AssignmentRow]) -> list[AssignmentRow]:
        """The current rows for ``ids``; ``hints`` (rows as last seen) say where to look.

        A row missing from the answer was unassigned or withdrawn meanwhile.
        """
        wanted = set(ids)
        groups = sorted({(row.document_id, row.unit) for row in hints if row.id in wanted})
        found: list[AssignmentRow] = []
        for document_id, unit in groups:
            try:
                rows = self.overview.assignments(
                    AssignmentFilter(document=str(document_id), unit=unit)
                )
            except NotFoundError:  # the unit was merged or the document removed meanwhile
                continue
            found.extend(r for r in rows if r.id in wanted)
        return found

    def measure_rows(self, row: AssignmentRow) -> list[AssignmentRow]:
        """Every active unit's row of the measure ``row`` belongs to, in document order."""
        rows = self.overview.assignments(
            AssignmentFilter(document=str(row.document_id), search=row.code)
        )
        return [r for r in rows if r.measure_id == row.measure_id]

    def measure_text(self, row: AssignmentRow) -> MeasureText:
        """The measure's full text and milestones.

        No service returns these as a plain record yet, so this borrows
        ``ProgressService.find_measure`` inside a read-only session and copies
        the fields out before the session closes.  Replace with a service call
        (``overview.measure(measure_id)``) once one exists.
        """
        with self.progress.store.reading() as session:
            measure = self.progress.find_measure(session, row.code, str(row.document_id))
            return MeasureText(
                text=measure.text,
                standing=measure.standing,
                milestones=tuple((m.due_on, m.text) for m in measure.milestones),
            )

    def detail(self, row: AssignmentRow) -> Detail:
        return Detail(
            row=row,
            text=self.measure_text(row),
            units=self.measure_rows(row),
            history=self.progress.history(row.id),
        )
