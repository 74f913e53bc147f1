"""A measure's state rolled up from its sub-tasks (分工), and each task's from its units.

Its own module because the rule is the office's, not a list's: a task is done when
every unit's part of it is, a measure when every task is; a measure is overdue when any
of its tasks is (each task against its own deadline).  Read from the assignment rows the
window and the CLI already hold, so no query of its own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tracker.records import AssignmentRow
from tracker.statuses import FINISHED, Derived, Status, measure_status


@dataclass(frozen=True)
class Rollup:
    """A measure's (or one task's) state from its parts."""

    status: Status
    overdue: bool
    tasks: int
    """How many sub-tasks it has (1 for a task itself)."""
    tasks_finished: int
    """How many of them are done or ticked off in every unit's part."""


def _rollup(groups: dict[str, list[AssignmentRow]]) -> Rollup:
    statuses = [r.status for rows in groups.values() for r in rows]
    finished = sum(
        1 for rows in groups.values() if measure_status(r.status for r in rows) in FINISHED
    )
    return Rollup(
        status=measure_status(statuses) or Status.NOT_STARTED,
        overdue=any(r.state is Derived.OVERDUE for rows in groups.values() for r in rows),
        tasks=len(groups),
        tasks_finished=finished,
    )


def measure_rollups(rows: Iterable[AssignmentRow]) -> dict[int, Rollup]:
    """Each measure's state (by measure id) from the rows of its tasks in force."""
    by_measure: dict[int, dict[str, list[AssignmentRow]]] = {}
    for row in rows:
        by_measure.setdefault(row.measure_id, {}).setdefault(row.code, []).append(row)
    return {measure_id: _rollup(tasks) for measure_id, tasks in by_measure.items()}


def task_rollups(rows: Iterable[AssignmentRow]) -> dict[str, Rollup]:
    """Each task's state (by its code, ``3-1``) from its units' rows (one document's)."""
    by_task: dict[str, list[AssignmentRow]] = {}
    for row in rows:
        by_task.setdefault(row.code, []).append(row)
    return {code: _rollup({code: task_rows}) for code, task_rows in by_task.items()}
