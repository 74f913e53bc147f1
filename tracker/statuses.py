"""The statuses an assignment can have, and the states derived from them.

Stored statuses are what a unit or the office says: 未启动, 推进中, 已完成 (the unit
reports it done), 已销号 (the office confirmed and ticked it off), 长期坚持 (a standing
task) — the vocabulary declared once in ``importers.statuses``, shared with the
ledger format.  This module holds the rules: 逾期 (overdue) and 临期 (due soon)
are never stored: they follow from the deadline and today's date, so they can
never go stale.  ``tracker.queries`` states the same rules in SQL.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

from importers.statuses import FINISHED, Status

__all__ = [
    "DEFAULT_DUE_SOON_DAYS",
    "FINISHED",
    "STATUS_BY_TEXT",
    "WITHOUT_DEADLINE",
    "Derived",
    "Status",
    "derive",
    "is_due_soon",
    "is_overdue",
    "measure_status",
    "parse_status",
]

DEFAULT_DUE_SOON_DAYS = 15


class Derived(StrEnum):
    """Display state of an assignment or measure on a given day: a stored status
    (the same words as ``Status``; ``_AS_DERIVED`` fails at import if one is missing)
    or a state only the day decides."""

    NOT_STARTED = "未启动"
    IN_PROGRESS = "推进中"
    DONE = "已完成"
    TICKED_OFF = "已销号"
    STANDING = "长期坚持"
    OVERDUE = "逾期"
    DUE_SOON = "临期"
    UNASSIGNED = "未分配"


WITHOUT_DEADLINE: Final = FINISHED | {Status.STANDING}
"""Statuses no deadline applies to: done, ticked off, or a standing task (never overdue)."""


def parse_status(text: str) -> Status:
    """The stored status for a word a user typed; raises ValueError naming the allowed ones."""
    try:
        return Status(text.strip())
    except ValueError:
        allowed = "、".join(s.value for s in Status)
        raise ValueError(f"unknown status {text!r}; allowed: {allowed}") from None


def is_overdue(status: Status, deadline: date | None, today: date) -> bool:
    return deadline is not None and status not in WITHOUT_DEADLINE and deadline < today


def is_due_soon(status: Status, deadline: date | None, today: date, days: int) -> bool:
    return (
        deadline is not None
        and status not in WITHOUT_DEADLINE
        and today <= deadline <= today + timedelta(days=days)
    )


STATUS_BY_TEXT: dict[str, Status] = {s.value: s for s in Status}
"""Stored text → Status, without the cost of an Enum call per row of a long list."""
_AS_DERIVED: dict[Status, Derived] = {s: Derived(s.value) for s in Status}


def derive(status: Status, deadline: date | None, today: date, due_soon_days: int) -> Derived:
    """What a clerk sees for one assignment today."""
    if is_overdue(status, deadline, today):
        return Derived.OVERDUE
    if is_due_soon(status, deadline, today, due_soon_days):
        return Derived.DUE_SOON
    return _AS_DERIVED[status]


def measure_status(statuses: Iterable[Status]) -> Status | None:
    """A measure's status from its assignments: the least advanced one wins.

    A measure is ticked off only when every unit's part is ticked off, done when
    every part is at least done, and not started only when no unit has begun.
    ``None`` for a measure with no assignment.
    """
    found = list(statuses)
    if not found:
        return None
    if all(s is Status.TICKED_OFF for s in found):
        return Status.TICKED_OFF
    if all(s in FINISHED for s in found):
        return Status.DONE
    if all(s is Status.STANDING or s in FINISHED for s in found):
        return Status.STANDING
    if all(s is Status.NOT_STARTED for s in found):
        return Status.NOT_STARTED
    return Status.IN_PROGRESS
