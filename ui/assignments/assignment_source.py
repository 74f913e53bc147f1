"""Reading assignments for the window: the filtered list, re-reads after edits, one measure.

Everything goes through ``OverviewService``: ``assignments`` with an
``AssignmentFilter`` for lists (``ids=`` to re-read just the edited rows) and
``measure`` for the detail pane.  The tracker's modules (SQLAlchemy) are
imported when the first query runs, not when the window is built.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.progress.assignment_filter import AssignmentFilter
    from tracker.progress.overview import OverviewService
    from tracker.progress.progress_service import ProgressService
    from tracker.records import AssignmentRow, HistoryRow, UnitAnswers


@dataclass(frozen=True)
class MeasureText:
    """The parts of a measure the detail pane shows that an ``AssignmentRow`` lacks."""

    text: str
    standing: bool
    milestones: tuple[tuple[date, str], ...]
    sub_task: tuple[str, str] | None = None
    """The selected row's sub-task (分工), its code and what it asks (``3-2``, …), when
    the measure has several; None when the measure is one task (its text is the task's)."""


@dataclass(frozen=True)
class Detail:
    """Everything the detail pane shows for one selected row."""

    row: AssignmentRow
    text: MeasureText
    units: list[AssignmentRow]
    history: list[HistoryRow]
    answers: UnitAnswers | None = None
    """The unit's 佐证材料 and 未按期完成原因 (not columns of the table)."""
    memberless: frozenset[str] = frozenset()
    """The measure's units that are collectives with no member yet: the pane says so."""


def make_filter(**fields: object) -> AssignmentFilter:
    """An ``AssignmentFilter`` (its module imported on first use)."""
    from tracker.progress.assignment_filter import AssignmentFilter

    return AssignmentFilter(**fields)  # type: ignore[arg-type]


class AssignmentSource:
    def __init__(self, overview: OverviewService, progress: ProgressService) -> None:
        self.overview = overview
        self.progress = progress

    def load(self, wanted: AssignmentFilter) -> list[AssignmentRow]:
        return self.overview.assignments(wanted)

    def reread(self, ids: Iterable[int]) -> list[AssignmentRow]:
        """The current rows for ``ids``; a missing one was unassigned or withdrawn meanwhile."""
        wanted = tuple(sorted(set(ids)))
        return self.overview.assignments(make_filter(ids=wanted)) if wanted else []

    def detail(self, row: AssignmentRow) -> Detail:
        measure = self.overview.measure(row.measure_id)
        task = next((t for t in measure.tasks if t.code == row.code), None)
        return Detail(
            row=row,
            text=MeasureText(
                text=measure.text,
                standing=measure.standing if task is None else task.standing,
                milestones=tuple((m.due_on, m.text) for m in measure.milestones),
                sub_task=(task.code, task.text) if task and len(measure.tasks) > 1 else None,
            ),
            units=list(measure.assignments),
            history=self.progress.history(row.id),
            answers=self.progress.answers(row.id),
            memberless=measure.memberless,
        )
