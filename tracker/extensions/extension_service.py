"""Extension requests (申请延期): a unit asks for a later deadline; the office approves or
refuses each.

An approval gives the assignment its own deadline (``Assignment.deadline``): the
measure's stays as the original, and every overdue and due-soon judgement uses the
unit's (``tracker.queries.unit_deadline``, ``tracker.records.assignment_row``).  The
request keeps the deadline it replaced, so the approval can be undone; the requests
are the deadline's history.  Each write is one transaction.  A request read from a
returned ledger belongs to that import (``batch_id``) and goes when it is undone.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from db.models import Assignment, ExtensionRequest, Measure, Round, Task, Unit
from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import InvalidInputError, NotFoundError
from tracker.extensions import extension_choices
from tracker.extensions.extension_records import ExtensionInfo, ExtensionState, TaskChoice
from tracker.progress.progress_service import MANUAL, ProgressService
from tracker.rounds.round_service import RoundService
from tracker.store import Store
from tracker.units.unit_service import UnitService

PENDING, APPROVED, REFUSED = (s.value for s in ExtensionState)


class ExtensionService:
    def __init__(
        self, store: Store, progress: ProgressService, units: UnitService, rounds: RoundService
    ) -> None:
        self.store = store
        self.progress = progress
        self.units = units
        self.rounds = rounds

    # -- requests ---------------------------------------------------------------------------
    def request(
        self,
        assignment_id: int,
        requested: date,
        reason: str,
        *,
        source: str = MANUAL,
        round_name: str | None = None,
    ) -> ExtensionInfo:
        """A unit's request, typed by a clerk (or given by the command line)."""
        round_id = self.rounds.chosen(round_name).id if round_name else None
        with self.store.transaction() as session:
            assignment = _assignment(session, assignment_id)
            made = add_request(
                session, assignment, requested, reason, source, round_id, None, self.store
            )
            session.flush()
            return self._info(session, made.id)

    def request_by_code(
        self,
        code: str,
        unit: str,
        requested: date,
        reason: str,
        *,
        source: str = MANUAL,
        doc: str | None = None,
        round_name: str | None = None,
    ) -> ExtensionInfo:
        """A request for the unit's task by the measure's number (in ``doc`` when given)."""
        with self.store.reading() as session:
            assignment_id = self.progress.find_assignment(session, code, unit, doc).id
        return self.request(assignment_id, requested, reason, source=source, round_name=round_name)

    def units_with_tasks(self) -> list[str]:
        """The units a request can be typed for (``tracker.extensions.extension_choices``)."""
        with self.store.reading() as session:
            return extension_choices.units_with_tasks(session)

    def tasks_of(self, unit: str) -> list[TaskChoice]:
        """The unit's tasks in force with their deadlines now, in the documents' order."""
        unit_id = self.units.named(unit).id
        with self.store.reading() as session:
            return extension_choices.tasks_of(session, unit_id)

    def list(
        self, *, pending_only: bool = True, unit: str | None = None, round_name: str | None = None
    ) -> list[ExtensionInfo]:
        """Requests, oldest first: pending only (default) or all; of a unit; of a round."""
        query = _query()
        if pending_only:
            query = query.where(ExtensionRequest.state == PENDING)
        if unit is not None:
            query = query.where(Assignment.unit_id == self.units.named(unit).id)
        if round_name is not None:
            query = query.where(ExtensionRequest.round_id == self.rounds.chosen(round_name).id)
        with self.store.reading() as session:
            return [_record(row) for row in session.execute(query.order_by(ExtensionRequest.id))]

    def pending_count(self) -> int:
        with self.store.reading() as session:
            query = select(func.count()).where(ExtensionRequest.state == PENDING)
            return session.scalar(query) or 0

    # -- decisions --------------------------------------------------------------------------
    def approve(self, request_id: int, note: str = "") -> ExtensionInfo:
        """The unit's deadline for that task becomes the requested one; the one it had is kept."""
        with self.store.transaction() as session:
            found = _pending(session, request_id)
            assignment = _assignment(session, found.assignment_id)
            found.previous_deadline = assignment.deadline
            assignment.deadline = found.requested_deadline
            self._decide(found, APPROVED, note)
            session.flush()
            return self._info(session, request_id)

    def refuse(self, request_id: int, reason: str) -> ExtensionInfo:
        """Refused with the office's reason (required: the unit is told why)."""
        if not reason.strip():
            raise InvalidInputError(QT_TRANSLATE_NOOP("messages", "say why the request is refused"))
        with self.store.transaction() as session:
            self._decide(_pending(session, request_id), REFUSED, reason.strip())
            session.flush()
            return self._info(session, request_id)

    def undo_decision(self, request_id: int) -> ExtensionInfo:
        """Take back an approval (the deadline it replaced comes back) or a refusal: the
        request is pending again.  An approval a later one has superseded is refused."""
        with self.store.transaction() as session:
            found = _found(session, request_id)
            if found.state == PENDING:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "request {id} has not been decided"),
                    id=request_id,
                )
            if found.state == APPROVED:
                assignment = _assignment(session, found.assignment_id)
                if assignment.deadline != found.requested_deadline:
                    raise InvalidInputError(
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "a later decision changed this deadline since; undo that first",
                        )
                    )
                assignment.deadline = found.previous_deadline
            found.state = PENDING
            found.previous_deadline = None
            found.decided_at = None
            found.decided_by = ""
            found.decision_note = ""
            session.flush()
            return self._info(session, request_id)

    def _decide(self, found: ExtensionRequest, state: str, note: str) -> None:
        found.state = state
        found.decided_at = self.store.clock.now()
        found.decided_by = self.store.user
        found.decision_note = note.strip()

    def _info(self, session: Session, request_id: int) -> ExtensionInfo:
        return _record(session.execute(_query().where(ExtensionRequest.id == request_id)).one())


def add_request(
    session: Session,
    assignment: Assignment,
    requested: date,
    reason: str,
    source: str,
    round_id: int | None,
    batch_id: int | None,
    store: Store,
) -> ExtensionRequest:
    """A pending request, checked: a later date than the unit's deadline now, for a task
    that has a deadline.  Added to ``session`` (the ledger import adds its rows here too)."""
    measure = session.get(Measure, assignment.measure_id)
    task = session.get(Task, assignment.task_id)
    assert measure is not None and task is not None
    current = assignment.deadline or task.deadline  # (the sub-task's: 3-1's own)
    if current is None:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages", "measure {code} has no fixed deadline: there is nothing to extend"
            ),
            code=task.code,
        )
    if requested <= current:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "the requested deadline {requested} is not later than the current one {current}",
            ),
            requested=requested.isoformat(),
            current=current.isoformat(),
        )
    made = ExtensionRequest(
        assignment_id=assignment.id,
        requested_deadline=requested,
        reason=reason.strip(),
        source=source,
        round_id=round_id,
        batch_id=batch_id,
        requested_at=store.clock.now(),
        requested_by=store.user,
        state=PENDING,
        decided_by="",
        decision_note="",
    )
    session.add(made)
    return made


def undo_requests(session: Session, batch_ids: list[int]) -> None:
    """Remove the requests the given ledger imports brought (their undo); refused while one
    of them is approved: its approval is undone first, which puts the deadline back."""
    found = session.scalars(
        select(ExtensionRequest).where(ExtensionRequest.batch_id.in_(batch_ids))
    ).all()
    for request in found:
        if request.state == APPROVED:
            info = _record(session.execute(_query().where(ExtensionRequest.id == request.id)).one())
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "the extension of measure {code} for {unit} that came with this import "
                    "was approved; undo the approval first",
                ),
                code=info.code,
                unit=info.unit,
            )
    for request in found:
        session.delete(request)


def _assignment(session: Session, assignment_id: int) -> Assignment:
    found = session.get(Assignment, assignment_id)
    if found is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("messages", "assignment {id} no longer exists"), id=assignment_id
        )
    return found


def _found(session: Session, request_id: int) -> ExtensionRequest:
    found = session.get(ExtensionRequest, request_id)
    if found is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("messages", "no extension request {id}"), id=request_id
        )
    return found


def _pending(session: Session, request_id: int) -> ExtensionRequest:
    found = _found(session, request_id)
    if found.state != PENDING:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "request {id} was already decided: {state}"),
            id=request_id,
            state=found.state,
        )
    return found


_Rows = Select[ExtensionRequest, str, str, str, date | None, date | None, str, str | None]


def _query() -> _Rows:
    return (
        select(
            ExtensionRequest,
            Task.code,
            Measure.title,
            Unit.name,
            Task.deadline,
            Assignment.deadline,
            Round.name,
            Task.deadline_text,
        )
        .join(Assignment, ExtensionRequest.assignment_id == Assignment.id)
        .join(Measure, Assignment.measure_id == Measure.id)
        .join(Task, Assignment.task_id == Task.id)
        .join(Unit, Assignment.unit_id == Unit.id)
        .outerjoin(Round, ExtensionRequest.round_id == Round.id)
    )


def _record(row: Any) -> ExtensionInfo:
    request, code, title, unit, measure_deadline, own, round_name, deadline_text = row
    previous = request.previous_deadline or measure_deadline
    return ExtensionInfo(
        id=request.id,
        assignment_id=request.assignment_id,
        code=code,
        title=title,
        unit=unit,
        measure_deadline=measure_deadline,
        unit_deadline=own or measure_deadline,
        requested_deadline=request.requested_deadline,
        reason=request.reason,
        source=request.source,
        round=round_name,
        requested_at=request.requested_at,
        requested_by=request.requested_by,
        state=ExtensionState(request.state),
        decided_at=request.decided_at,
        decided_by=request.decided_by,
        decision_note=request.decision_note,
        previous_deadline=previous if request.state == APPROVED else None,
        deadline_text=deadline_text,
    )
