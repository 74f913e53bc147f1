"""Inspections and their findings: recorded, tracked like assignments, closed with evidence.

One transaction per user action; every change of a finding's status, percent or note
writes a ``FindingEntry`` (old → new, who, when, where from) with it.  Edits carry the
version the user saw, as assignments' do.  逾期/临期 follow ``tracker.statuses``.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.exc import StaleDataError

from db.models import Finding, FindingEntry, Inspection, Measure, Unit
from importers.messages import QT_TRANSLATE_NOOP
from tracker.documents.document_service import DocumentService
from tracker.documents.measure_lookup import measure_named
from tracker.errors import InvalidInputError, NotFoundError, StaleEditError
from tracker.inspections.finding_history import history_rows
from tracker.inspections.finding_records import (
    FindingChange,
    FindingHistoryRow,
    FindingRow,
    InspectionInfo,
    NewFinding,
)
from tracker.inspections.finding_rules import (
    can_rectify,
    check_deadline,
    check_rectifying_unit,
    finding_fields,
    required_text,
    values_after,
)
from tracker.statuses import STATUS_BY_TEXT, Derived, Status, derive
from tracker.store import Store
from tracker.units.unit_service import UnitService

if TYPE_CHECKING:
    from tracker.inspections.finding_import import FindingListPreview

MANUAL = "手工"
CLOSING = "整改销号"
REOPENING = "撤销销号"


class InspectionService:
    def __init__(self, store: Store, units: UnitService, documents: DocumentService) -> None:
        self.store = store
        self.units = units
        self.documents = documents

    # -- inspections -----------------------------------------------------------------------
    def create_inspection(self, name: str, held_on: date, team: str = "") -> InspectionInfo:
        name = name.strip()
        if not name:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "an inspection needs a name, e.g. {example}"),
                example="2021年营商环境专项督查",
            )
        with self.store.transaction() as session:
            if session.scalar(select(Inspection.id).where(Inspection.name == name)) is not None:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "an inspection named {name!r} already exists"),
                    name=name,
                )
            made = Inspection(
                name=name,
                held_on=held_on,
                team=team.strip(),
                created_at=self.store.clock.now(),
                created_by=self.store.user,
            )
            session.add(made)
            session.flush()
            return InspectionInfo(made.id, made.name, made.held_on, made.team)

    def inspections(self) -> list[InspectionInfo]:
        with self.store.reading() as session:
            counts: dict[int, list[int]] = defaultdict(lambda: [0, 0])
            for inspection_id, status in session.execute(
                select(Finding.inspection_id, Finding.status)
            ):
                counts[inspection_id][0] += 1
                counts[inspection_id][1] += status != Status.TICKED_OFF.value
            return [
                InspectionInfo(i.id, i.name, i.held_on, i.team, *counts[i.id])
                for i in session.scalars(
                    select(Inspection).order_by(Inspection.held_on, Inspection.id)
                )
            ]

    def _inspection(self, session: Session, name: str) -> Inspection:
        found = session.scalar(select(Inspection).where(Inspection.name == name.strip()))
        if found is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("messages", "no inspection named {name!r}"), name=name
            )
        return found

    # -- findings --------------------------------------------------------------------------
    def add_finding(self, new: NewFinding, *, source: str = MANUAL) -> FindingRow:
        day = self._day()
        with self.store.transaction() as session:
            finding = self.write_finding(session, new, source)
            session.flush()
            return self._row(finding, day)

    def write_finding(self, session: Session, new: NewFinding, source: str) -> Finding:
        """Add one finding and its creation entry in the caller's ``session``."""
        inspection = self._inspection(session, new.inspection)
        problem = required_text(new.problem, "问题")
        requirement = required_text(new.requirement, "整改要求")
        check_deadline(new.deadline, inspection.held_on, inspection.name)
        unit = self.units.named(new.unit)
        check_rectifying_unit(session, unit.id)
        measure_id = None
        if new.measure:
            document = self.documents.chosen(new.doc)
            measure_id = measure_named(session, new.measure, document).id
        now = self.store.clock.now()
        finding = Finding(
            inspection=inspection,
            unit_id=unit.id,
            measure_id=measure_id,
            problem=problem,
            requirement=requirement,
            deadline=new.deadline,
            status=Status.NOT_STARTED.value,
            percent=None,
            note="",
            evidence="",
            closed_by="",
            updated_by=self.store.user,
            updated_at=now,
        )
        session.add(finding)
        session.flush()
        session.add(
            FindingEntry(
                finding_id=finding.id,
                changed_at=now,
                changed_by=self.store.user,
                source=source,
                old_status=None,
                new_status=finding.status,
                old_percent=None,
                new_percent=None,
                old_note=None,
                new_note="",
                evidence="",
            )
        )
        return finding

    def findings(
        self, *, unit: str | None = None, open_only: bool = False, inspection: str | None = None
    ) -> list[FindingRow]:
        """The findings, oldest inspection first; a unit's, the open ones, one inspection's."""
        unit_id = self.units.named(unit).id if unit else None
        day = self._day()
        with self.store.reading() as session:
            query = (
                select(Finding)
                .join(Inspection, Finding.inspection_id == Inspection.id)
                .options(
                    joinedload(Finding.inspection),
                    joinedload(Finding.unit),
                    joinedload(Finding.measure),
                )
                .order_by(Inspection.held_on, Inspection.id, Finding.id)
            )
            if unit_id is not None:
                query = query.where(Finding.unit_id == unit_id)
            if open_only:
                query = query.where(Finding.status != Status.TICKED_OFF.value)
            if inspection:
                chosen = self._inspection(session, inspection)
                query = query.where(Finding.inspection_id == chosen.id)
            return [self._row(f, day) for f in session.scalars(query)]

    def finding(self, finding_id: int) -> FindingRow:
        day = self._day()
        with self.store.reading() as session:
            return self._row(_get(session, finding_id), day)

    def open_by_unit(self) -> dict[str, tuple[int, int]]:
        """Per unit with open findings: how many are open, and how many of those overdue."""
        tally: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        for row in self.findings(open_only=True):
            tally[row.unit][0] += 1
            tally[row.unit][1] += row.state is Derived.OVERDUE
        return {unit: (open_, overdue) for unit, (open_, overdue) in tally.items()}

    # -- changing --------------------------------------------------------------------------
    def record(
        self,
        finding_id: int,
        change: FindingChange,
        *,
        expected_version: int | None = None,
        source: str = MANUAL,
        session: Session | None = None,
        batch_id: int | None = None,
    ) -> int:
        """Apply one change; returns the finding's new version."""
        if session is None:
            with self.store.transaction() as own:
                return self.record(
                    finding_id,
                    change,
                    expected_version=expected_version,
                    source=source,
                    session=own,
                    batch_id=batch_id,
                )
        finding = _get(session, finding_id)
        _check_version(finding, expected_version)
        if finding.status == Status.TICKED_OFF.value:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "finding {id} is closed; reopen it before changing its progress"
                ),
                id=finding_id,
            )
        after = values_after(finding_fields(finding), change)
        unit = None if change.evidence is None else change.evidence.strip()
        return self._apply(session, finding, after, source, finding.evidence, batch_id, unit)

    def close(self, finding_id: int, evidence: str, *, expected_version: int | None = None) -> int:
        """整改销号: the office confirms the rectification, noting what it rests on."""
        shown = evidence.strip()
        if not shown:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "closing a finding needs its evidence (what shows it rectified)"
                )
            )
        with self.store.transaction() as session:
            finding = _get(session, finding_id)
            _check_version(finding, expected_version)
            if finding.status == Status.TICKED_OFF.value:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "finding {id} is already closed"), id=finding_id
                )
            after = {**finding_fields(finding), "status": Status.TICKED_OFF.value}
            finding.evidence = shown
            finding.closed_at = self.store.clock.now()
            finding.closed_by = self.store.user
            return self._apply(session, finding, after, CLOSING, shown, None)

    def reopen(self, finding_id: int, *, expected_version: int | None = None) -> int:
        """Undo a closing: the finding gets back the status it had before it was closed; the
        closing's evidence goes, the unit's 佐证材料 stays."""
        with self.store.transaction() as session:
            finding = _get(session, finding_id)
            _check_version(finding, expected_version)
            if finding.status != Status.TICKED_OFF.value:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "finding {id} is not closed"), id=finding_id
                )
            last = session.scalars(
                select(FindingEntry)
                .where(
                    FindingEntry.finding_id == finding_id,
                    FindingEntry.new_status == Status.TICKED_OFF.value,
                )
                .order_by(FindingEntry.id.desc())
            ).first()
            previous = last.old_status if last and last.old_status else Status.DONE.value
            after = {**finding_fields(finding), "status": previous}
            finding.evidence, finding.closed_at, finding.closed_by = "", None, ""
            return self._apply(session, finding, after, REOPENING, "", None)

    def _apply(
        self,
        session: Session,
        finding: Finding,
        after: dict[str, object],
        source: str,
        evidence: str,
        batch_id: int | None,
        unit_evidence: str | None = None,
    ) -> int:
        """Write ``after`` and an entry; the entry's ``evidence`` and ``unit_evidence`` are the
        finding's after the change (``None``: the unit's kept), what
        ``tracker.ledgers.finding_returns`` restores on an undo."""
        before = finding_fields(finding)
        unit = finding.unit_evidence if unit_evidence is None else unit_evidence
        if after == before and (evidence, unit) == (finding.evidence, finding.unit_evidence):
            return finding.version
        now = self.store.clock.now()
        session.add(
            FindingEntry(
                finding_id=finding.id,
                changed_at=now,
                changed_by=self.store.user,
                source=source,
                evidence=evidence,
                unit_evidence=unit,
                batch_id=batch_id,
                **{f"old_{k}": v for k, v in before.items()},
                **{f"new_{k}": v for k, v in after.items()},
            )
        )
        for name, value in after.items():
            setattr(finding, name, value)
        finding.evidence, finding.unit_evidence = evidence, unit
        finding.updated_by, finding.updated_at = self.store.user, now
        try:
            session.flush()
        except StaleDataError:
            raise StaleEditError(
                QT_TRANSLATE_NOOP("messages", "another user saved this finding first; reload")
            ) from None
        return finding.version

    # -- a 问题清单 ------------------------------------------------------------------------
    def preview_list(self, path: Path, inspection: str | None = None) -> FindingListPreview:
        """Read and check a 问题清单 without writing (``tracker.inspections.finding_import``)."""
        from tracker.inspections.finding_import import preview_list

        return preview_list(self, path, inspection)

    def apply_list(self, preview: FindingListPreview) -> int:
        """Write a checked 问题清单 in one transaction; refused whole if it has errors."""
        from tracker.inspections.finding_import import apply_list

        return apply_list(self, preview)

    def unit_names(self) -> list[str]:
        """The units a clerk may give a finding to: every unit but groups and collectives."""
        return [u.name for u in self.units.list() if can_rectify(u.kind, u.members)]

    # -- history ---------------------------------------------------------------------------
    def history(self, finding_id: int) -> list[FindingHistoryRow]:
        with self.store.reading() as session:
            _get(session, finding_id)
            return history_rows(session, finding_id)

    def _day(self) -> tuple[date, int]:
        """Today and the 临期 days: what a row's state is derived with."""
        return self.store.clock.today(), self.store.due_soon_days

    def _row(self, finding: Finding, day: tuple[date, int]) -> FindingRow:
        status = STATUS_BY_TEXT[finding.status]
        measure: Measure | None = finding.measure
        unit: Unit = finding.unit
        return FindingRow(
            id=finding.id,
            inspection=finding.inspection.name,
            held_on=finding.inspection.held_on,
            unit=unit.name,
            measure_code=measure.code if measure is not None else None,
            problem=finding.problem,
            requirement=finding.requirement,
            deadline=finding.deadline,
            status=status,
            percent=finding.percent,
            note=finding.note,
            evidence=finding.evidence,
            unit_evidence=finding.unit_evidence,
            closed_at=finding.closed_at,
            version=finding.version,
            state=derive(status, finding.deadline, *day),
        )


def _get(session: Session, finding_id: int) -> Finding:
    finding = session.get(Finding, finding_id)
    if finding is None:
        raise NotFoundError(QT_TRANSLATE_NOOP("messages", "no finding {id}"), id=finding_id)
    return finding


def _check_version(finding: Finding, expected: int | None) -> None:
    if expected is not None and finding.version != expected:
        raise StaleEditError(
            QT_TRANSLATE_NOOP(
                "messages", "finding {id} was changed by {user} meanwhile; reload and try again"
            ),
            id=finding.id,
            user=finding.updated_by or "?",
        )
