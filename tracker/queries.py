"""SQL expressions for the derived states, so filters and counts run in the database.

They mirror ``tracker.statuses.is_overdue`` / ``is_due_soon`` exactly; the
tests check both against each other.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import ColumnElement, and_, case, func, not_

from db.models import Assignment, Measure, Task
from tracker.progress.assignment_columns import IN_FORCE, LEAD_ROLE
from tracker.statuses import FINISHED, WITHOUT_DEADLINE

_NOT_COUNTING = [s.value for s in WITHOUT_DEADLINE]


def open_condition() -> ColumnElement[bool]:
    return not_(Assignment.status.in_([s.value for s in FINISHED]))


def unit_deadline() -> ColumnElement[date]:
    """The deadline an assignment is judged by: the unit's own after an approved extension
    (申请延期), else its sub-task's (``tracker.records.unit_deadline`` in Python; the query
    joins ``Task``)."""
    return func.coalesce(Assignment.deadline, Task.deadline)


def overdue_condition(today: date) -> ColumnElement[bool]:
    deadline = unit_deadline()
    return and_(
        deadline.is_not(None),
        deadline < today,
        not_(Assignment.status.in_(_NOT_COUNTING)),
    )


def due_soon_condition(today: date, days: int) -> ColumnElement[bool]:
    deadline = unit_deadline()
    return and_(
        deadline.is_not(None),
        deadline >= today,
        deadline <= today + timedelta(days=days),
        not_(Assignment.status.in_(_NOT_COUNTING)),
    )


def count_if(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return case((condition, 1), else_=0)


def lead_first() -> ColumnElement[int]:
    """Sort key putting a measure's 牵头 units before its other units."""
    return case((Assignment.role == LEAD_ROLE, 0), else_=1)


def shares_last() -> ColumnElement[int]:
    """Sort key putting a unit's own assignments before members' shares of a group's task,
    which follow grouped by their group (``then Assignment.group_id``)."""
    return case((Assignment.group_id.is_(None), 0), else_=1)


def in_force() -> ColumnElement[bool]:
    """The assignments that count anywhere: active, of a measure still in force.

    A unit taken off a measure, or a measure a revision left out, keeps its
    rows and history but drops out of every list, count, ledger and report.
    """
    tables = {"a": Assignment, "m": Measure}
    return and_(*(getattr(tables[c.table], c.name).is_(value) for c, value in IN_FORCE))


LIKE_ESCAPE = "\\"


def contains_pattern(needle: str) -> str:
    """A LIKE pattern for "contains ``needle``", its ``%`` and ``_`` taken literally.

    A clerk searching for 50% means those three characters; use with
    ``escape=LIKE_ESCAPE``.
    """
    for special in (LIKE_ESCAPE, "%", "_"):
        needle = needle.replace(special, LIKE_ESCAPE + special)
    return f"%{needle}%"
