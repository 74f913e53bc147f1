"""The office's decisions on an assignment's extension requests as entries of its history.

The requests are the deadline's history (``extension_service``); the assignment's own
history — the window's detail pane, ``tracker-cli history`` — shows them beside its
progress: an approval as the deadline it moved (from, to), a refusal with the office's
reason.  Such an entry changes no progress: its status, percent and note are the
assignment's now, before and after.  A pending request, or a decision taken back, is no
entry.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, ExtensionRequest, Task
from tracker.extensions.extension_records import ExtensionState
from tracker.records import HistoryRow

DECISION = "延期申请"
"""How the source of such an entry begins: 延期申请已批准, 延期申请已驳回."""


def decision_entries(session: Session, assignment_id: int) -> list[HistoryRow]:
    """The decided requests of the assignment, in the order decided."""
    assignment = session.get(Assignment, assignment_id)
    if assignment is None:
        return []
    task = session.get(Task, assignment.task_id)
    decided = session.scalars(
        select(ExtensionRequest)
        .where(
            ExtensionRequest.assignment_id == assignment_id,
            ExtensionRequest.decided_at.is_not(None),
        )
        .order_by(ExtensionRequest.decided_at, ExtensionRequest.id)
    ).all()
    entries = []
    for request in decided:
        assert request.decided_at is not None
        approved = request.state == ExtensionState.APPROVED.value
        note = f"：{request.decision_note}" if request.decision_note else ""
        if approved:
            source = f"{DECISION}已批准{note}"
            before = request.previous_deadline or (task.deadline if task else None)
        else:
            asked = request.requested_deadline.isoformat()
            source = f"{DECISION}已驳回（申请延至{asked}）{note}"
        entries.append(
            HistoryRow(
                changed_at=request.decided_at,
                changed_by=request.decided_by,
                source=source,
                old_status=assignment.status,
                new_status=assignment.status,
                old_percent=assignment.percent,
                new_percent=assignment.percent,
                old_note=assignment.note,
                new_note=assignment.note,
                old_deadline=before if approved else None,
                new_deadline=request.requested_deadline if approved else None,
            )
        )
    return entries
