"""Recording progress: status, percent and note per assignment, with full history.

Every change writes a ``ProgressEntry`` (old → new, who, when, where from) in
the same transaction as the change itself.  Edits carry the version the user
saw: if someone else saved the assignment in between, the edit is refused
instead of silently overwriting theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from sqlalchemy import insert, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.models import Assignment, Measure, ProgressEntry, Round
from importers.messages import QT_TRANSLATE_NOOP
from importers.text_clean import storable_text
from tracker.documents.document_service import SUPPORT, DocumentService
from tracker.documents.measure_lookup import measure_named, task_named
from tracker.documents.new_assignments import (
    ASSIGNED_BY_HAND,
    assignment_values,
    creation_entry,
)
from tracker.errors import InvalidInputError, NotFoundError, StaleEditError
from tracker.extensions.extension_history import decision_entries
from tracker.progress.history_entries import Provenance, history_entry
from tracker.records import HistoryRow, UnitAnswers
from tracker.statuses import Status
from tracker.store import Store
from tracker.units.unit_service import UnitService

MANUAL = "手工"


class RestoredStatus(NamedTuple):
    """What 撤销销号 gave back: the status before the tick-off, and the new version."""

    status: Status
    version: int


@dataclass(frozen=True)
class Change:
    """What a user wants to set; ``None`` leaves a field as it is."""

    status: Status | None = None
    percent: int | None = None
    note: str | None = None
    problems: str | None = None
    next_steps: str | None = None
    clear_percent: bool = False
    evidence: str | None = None
    """佐证材料"""
    delay_reason: str | None = None
    """未按期完成原因"""


class ProgressService:
    def __init__(self, store: Store, units: UnitService, documents: DocumentService) -> None:
        self.store = store
        self.units = units
        self.documents = documents

    # -- finding ---------------------------------------------------------------------------
    def find_measure(self, session: Session, code: str, doc: str | None = None) -> Measure:
        return measure_named(session, code, self.documents.chosen(doc))

    def find_assignment(
        self, session: Session, code: str, unit: str, doc: str | None = None, *, kept: bool = False
    ) -> Assignment:
        """The unit's part in the task ``code`` names.  ``kept``: else the part it no longer
        has, with its history (a member taken out of a group, a unit taken off the measure)."""
        task = task_named(session, code, self.documents.chosen(doc))
        measure = task.measure
        target = self.units.named(unit)
        for assignment in task.assignments:
            if assignment.unit_id == target.id and assignment.active and not assignment.fanned_out:
                return assignment
        former = [a for a in task.assignments if a.unit_id == target.id and not a.active]
        if kept and former:
            return max(former, key=lambda a: a.id)
        members = [a.unit.name for a in task.assignments if a.group_id == target.id and a.active]
        if members:
            raise NotFoundError(
                QT_TRANSLATE_NOOP(
                    "messages", "{unit} answers measure {code} through its members: {members}"
                ),
                unit=target.name,
                code=measure.code,
                members="、".join(members),
            )
        raise NotFoundError(
            QT_TRANSLATE_NOOP("messages", "{unit} is not assigned measure {code}"),
            unit=target.name,
            code=measure.code,
        )

    # -- changing --------------------------------------------------------------------------
    def record(
        self,
        assignment_id: int,
        change: Change,
        *,
        expected_version: int | None = None,
        source: str | Provenance = MANUAL,
        session: Session | None = None,
        flush: bool = True,
    ) -> int:
        """Apply one change; returns the assignment's new version.

        ``flush=False`` lets a bulk caller (a ledger import) write many changes in
        one flush; the version it returns is then the one before the change.
        """
        if session is None:
            with self.store.transaction() as own:
                return self.record(
                    assignment_id,
                    change,
                    expected_version=expected_version,
                    source=source,
                    session=own,
                )
        origin = source if isinstance(source, Provenance) else Provenance(source)
        assignment = session.get(Assignment, assignment_id)
        if assignment is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("messages", "assignment {id} no longer exists"), id=assignment_id
            )
        if expected_version is not None and assignment.version != expected_version:
            raise _changed_by_someone_else(assignment)
        if assignment.fanned_out:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "{unit} answers measure {code} through its members; record their progress",
                ),
                unit=assignment.unit.name,
                code=assignment.measure.code,
            )
        before = _fields(assignment)
        after = values_after(before, change)
        if after == before:
            return assignment.version
        now = self.store.clock.now()
        session.add(
            ProgressEntry(
                **history_entry(assignment.id, before, after, origin, now, self.store.user)
            )
        )
        for name, value in after.items():
            setattr(assignment, name, value)
        assignment.updated_by = self.store.user
        assignment.updated_at = now
        if not flush:
            return assignment.version
        try:
            session.flush()
        except StaleDataError:
            raise StaleEditError(
                QT_TRANSLATE_NOOP("messages", "another user saved this assignment first; reload")
            ) from None
        return assignment.version

    def record_by_code(
        self, code: str, unit: str, change: Change, *, doc: str | None = None, source: str = MANUAL
    ) -> int:
        with self.store.transaction() as session:
            assignment = self.find_assignment(session, code, unit, doc)
            return self.record(assignment.id, change, source=source, session=session)

    def tick_off(self, assignment_id: int, *, expected_version: int | None = None) -> int:
        """销号: the office confirms the unit's part is done."""
        return self.record(
            assignment_id, Change(status=Status.TICKED_OFF), expected_version=expected_version
        )

    def undo_tick_off(
        self, assignment_id: int, *, expected_version: int | None = None
    ) -> RestoredStatus:
        """Return a ticked-off assignment to the status it had before it was ticked off.

        Says which status that was and the new version: the window keeps the step on its
        undo stack by these even when it cannot read the row back at once.
        """
        with self.store.transaction() as session:
            assignment = session.get(Assignment, assignment_id)
            if (
                assignment is not None
                and expected_version is not None
                and assignment.version != expected_version
            ):
                raise StaleEditError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "{unit} / measure {code} was changed meanwhile; reload and try again",
                    ),
                    unit=assignment.unit.name,
                    code=assignment.measure.code,
                )
            if assignment is None or assignment.status != Status.TICKED_OFF:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "this assignment is not ticked off")
                )
            last = session.scalars(
                select(ProgressEntry)
                .where(
                    ProgressEntry.assignment_id == assignment_id,
                    ProgressEntry.new_status == Status.TICKED_OFF.value,
                    ProgressEntry.old_status != Status.TICKED_OFF.value,
                )
                .order_by(ProgressEntry.id.desc())
            ).first()
            previous = Status(last.old_status) if last and last.old_status else Status.DONE
            version = self.record(
                assignment_id, Change(status=previous), source="撤销销号", session=session
            )
            return RestoredStatus(previous, version)

    def assign(self, code: str, unit: str, *, doc: str | None = None, role: str = SUPPORT) -> int:
        """Add a unit to a task (or bring back one that was removed)."""
        with self.store.transaction() as session:
            task = task_named(session, code, self.documents.chosen(doc))
            target = self.units.named(unit)
            for assignment in task.assignments:
                if assignment.unit_id == target.id:
                    if assignment.active:
                        raise InvalidInputError(
                            QT_TRANSLATE_NOOP("messages", "{unit} is already assigned {code}"),
                            unit=target.name,
                            code=code,
                        )
                    assignment.active = True
                    return assignment.id
            now = self.store.clock.now()
            values = assignment_values(target.id, role, task.standing, self.store.user, now)
            assignment = Assignment(measure_id=task.measure_id, task_id=task.id, **values)
            session.add(assignment)
            session.flush()
            session.execute(
                insert(ProgressEntry),
                [
                    creation_entry(
                        assignment.id, assignment.status, self.store.user, now, ASSIGNED_BY_HAND
                    )
                ],
            )
            return assignment.id

    def unassign(self, code: str, unit: str, *, doc: str | None = None) -> None:
        """Take a unit off a measure; its progress and history stay, out of sight."""
        with self.store.transaction() as session:
            self.find_assignment(session, code, unit, doc).active = False

    # -- history ---------------------------------------------------------------------------
    def history(self, assignment_id: int) -> list[HistoryRow]:
        """Every change of the assignment, oldest first: its progress, and the office's
        decisions on its extension requests (``tracker.extensions.extension_history``)."""
        with self.store.reading() as session:
            entries = session.execute(
                select(ProgressEntry, Round.name)
                .outerjoin(Round, ProgressEntry.round_id == Round.id)
                .where(ProgressEntry.assignment_id == assignment_id)
                .order_by(ProgressEntry.id)
            ).all()
            rows = [
                HistoryRow(
                    changed_at=e.changed_at,
                    changed_by=e.changed_by,
                    source=e.source,
                    old_status=e.old_status,
                    new_status=e.new_status,
                    old_percent=e.old_percent,
                    new_percent=e.new_percent,
                    old_note=e.old_note,
                    new_note=e.new_note,
                    round=round_name,
                    new_problems=e.new_problems,
                    new_next_steps=e.new_next_steps,
                    old_evidence=e.old_evidence,
                    new_evidence=e.new_evidence,
                    old_delay_reason=e.old_delay_reason,
                    new_delay_reason=e.new_delay_reason,
                )
                for e, round_name in entries
            ]
            rows.extend(decision_entries(session, assignment_id))
            return sorted(rows, key=lambda row: row.changed_at)  # (stable: same time, as made)

    def answers(self, assignment_id: int) -> UnitAnswers:
        """The assignment's 佐证材料 and 未按期完成原因 as stored now."""
        with self.store.reading() as session:
            assignment = session.get(Assignment, assignment_id)
            if assignment is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("messages", "assignment {id} no longer exists"),
                    id=assignment_id,
                )
            return UnitAnswers(assignment.evidence, assignment.delay_reason)


def _fields(assignment: Assignment) -> dict[str, object]:
    return {
        "status": assignment.status,
        "percent": assignment.percent,
        "note": assignment.note,
        "problems": assignment.problems,
        "next_steps": assignment.next_steps,
        "evidence": assignment.evidence,
        "delay_reason": assignment.delay_reason,
    }


def _changed_by_someone_else(assignment: Assignment) -> StaleEditError:
    """The stale edit: who changed the assignment (when known) and when."""
    unit, code = assignment.unit.name, assignment.measure.code
    when = f"{assignment.updated_at:%Y-%m-%d %H:%M}"
    if assignment.updated_by:
        return StaleEditError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{unit} / measure {code} was changed by {user} at {when}; reload and try again",
            ),
            unit=unit,
            code=code,
            user=assignment.updated_by,
            when=when,
        )
    return StaleEditError(
        QT_TRANSLATE_NOOP(
            "messages",
            "{unit} / measure {code} was changed by someone at {when}; reload and try again",
        ),
        unit=unit,
        code=code,
        when=when,
    )


def values_after(before: dict[str, Any], change: Change) -> dict[str, Any]:
    """The progress values (status, percent, note, problems, next steps) ``change`` leaves.

    The one rule for every writer of progress: ``ProgressService.record`` and the
    ledger import's bulk write.  A field the change leaves out keeps its value.
    """
    if change.percent is not None and not 0 <= change.percent <= 100:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "percent {percent} is outside 0–100"),
            percent=change.percent,
        )
    after = dict(before)
    if change.status is not None:
        after["status"] = change.status.value
        if (
            change.status is Status.DONE
            and before["status"] != Status.DONE.value
            and change.percent is None
            and not change.clear_percent
        ):
            after["percent"] = 100  # done means 100 %, unless a percent comes with it
    if change.clear_percent:
        after["percent"] = None
    elif change.percent is not None:
        after["percent"] = change.percent
    for name in ("note", "problems", "next_steps", "evidence", "delay_reason"):
        value = getattr(change, name)
        if value is not None:  # (a NUL pasted in: PostgreSQL would refuse the whole save)
            after[name] = storable_text(value)
    return after
