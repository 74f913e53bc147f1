"""What a clerk typing a unit's request by hand chooses from: the units with tasks, and a
unit's tasks with their deadlines now (``ExtensionService.units_with_tasks`` and
``ExtensionService.tasks_of``).  The checks stay the service's: a task without a fixed
deadline is offered, and the request says why it cannot be extended."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, Document, Measure, Task, Unit
from tracker.extensions.extension_records import TaskChoice
from tracker.queries import in_force, unit_deadline


def units_with_tasks(session: Session) -> list[str]:
    """The units answering a task in force themselves (a group whose members answer its
    tasks is not one: its members are), in the directory's order."""
    query = (
        select(Unit.name)
        .where(
            Unit.id.in_(
                select(Assignment.unit_id)
                .join(Measure, Assignment.measure_id == Measure.id)
                .where(in_force())
            )
        )
        .order_by(Unit.id)
    )
    return list(session.scalars(query))


def tasks_of(session: Session, unit_id: int) -> list[TaskChoice]:
    """The unit's tasks in force, in the documents' order: each sub-task (3-1) with its own
    code and deadline."""
    query = (
        select(
            Assignment.id,
            Document.doc_number,
            Document.short_title,
            Task.code,
            Measure.title,
            Assignment.status,
            unit_deadline(),
            Assignment.deadline,
            Task.deadline,
            Task.deadline_text,
        )
        .join(Measure, Assignment.measure_id == Measure.id)
        .join(Task, Assignment.task_id == Task.id)
        .join(Document, Measure.document_id == Document.id)
        .where(in_force(), Assignment.unit_id == unit_id)
        .order_by(Document.id, Measure.position, Task.seq, Assignment.id)
    )
    return [
        TaskChoice(
            aid, number or short, code, title, status, deadline, original if own else None, text
        )
        for aid, number, short, code, title, status, deadline, own, original, text in (
            session.execute(query)
        )
    ]
