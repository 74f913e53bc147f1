"""The deadline each assignment had on a past day: its approved extensions replayed backwards.

An approved extension (申请延期) gives the assignment its own deadline for good
(``Assignment.deadline``).  A round's figures must still judge by the deadline in
force on the round's as-of day — overdue, due soon, 逾期N天, on time or late —, or a
bulletin, a master's 汇总 or ``status --round`` printed again after a later approval
would change figures already published.  The approved requests are the deadline's
history: an approval counts from the day it was decided, as a change made outside a
round counts from the day it was made (``tracker.reports.report_data``), so the
approvals decided on or before the as-of day hold and the first one decided after it
tells what the deadline was: the one it replaced (``previous_deadline``; none: its
task's).  An undone approval is no longer approved and counts for no day.

One query over the approved requests, for every round's figures
(``tracker.rounds.round_figures``, the bulletin's gather, the scores' task events);
"today" views read ``tracker.queries.unit_deadline`` directly.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, ExtensionRequest, Task
from tracker.extensions.extension_records import ExtensionState


class DeadlineThen(NamedTuple):
    """An assignment's deadlines on a past day: the unit's own then (``None``: it had its
    task's), and its task's (the measure's sub-task, 3-1) with its words."""

    own: date | None
    measure: date | None
    measure_text: str | None

    @property
    def deadline(self) -> date | None:
        """The deadline it was judged by then (``tracker.queries.unit_deadline``'s rule)."""
        return self.own or self.measure

    @property
    def deadline_text(self) -> str | None:
        """The task's words for it when the deadline then was the task's."""
        return None if self.own is not None else self.measure_text


def deadlines_as_of(session: Session, day: date) -> dict[int, DeadlineThen]:
    """The assignments whose deadline on ``day`` differs from the one they have now (an
    approval decided after ``day`` changed it), by assignment id, with that deadline."""
    day_after = datetime.combine(day + timedelta(days=1), time())
    query = (
        select(
            ExtensionRequest.assignment_id,
            ExtensionRequest.previous_deadline,
            Task.deadline,
            Task.deadline_text,
        )
        .join(Assignment, ExtensionRequest.assignment_id == Assignment.id)
        .join(Task, Assignment.task_id == Task.id)  # the sub-task's deadline (3-1's own)
        .where(
            ExtensionRequest.state == ExtensionState.APPROVED.value,
            ExtensionRequest.decided_at >= day_after,
        )
        .order_by(ExtensionRequest.decided_at, ExtensionRequest.id)
    )
    found: dict[int, DeadlineThen] = {}
    for assignment_id, previous, measure_deadline, measure_text in session.execute(query):
        if assignment_id not in found:  # the first approval after the day: what it replaced
            found[assignment_id] = DeadlineThen(previous, measure_deadline, measure_text)
    return found
