"""Lists and statistics: what is assigned to whom, what is overdue, how far each unit is.

Filters and counts run in the database (see ``tracker.queries``), so they
stay fast on years of data; rows come back as plain ``AssignmentRow`` records.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import aliased

from db.models import Assignment, Document, Heading, Measure, Unit
from tracker.documents import DocumentService
from tracker.errors import InvalidInputError
from tracker.queries import due_soon_condition, lead_first, overdue_condition
from tracker.records import AssignmentRow, PartStats, Summary, UnitStats
from tracker.statuses import FINISHED, Status, derive, is_due_soon, is_overdue
from tracker.store import Store
from tracker.units import UnitService


@dataclass(frozen=True)
class AssignmentFilter:
    document: str | None = None
    unit: str | None = None
    status: Status | None = None
    overdue: bool = False
    due_within_days: int | None = None
    search: str = ""


Part = aliased(Heading)
Section = aliased(Heading)


class OverviewService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _base(self) -> Select[Assignment, Measure, Unit, Document, str, str]:
        return (
            select(Assignment, Measure, Unit, Document, Part.title, Section.title)
            .join(Measure, Assignment.measure_id == Measure.id)
            .join(Unit, Assignment.unit_id == Unit.id)
            .join(Document, Measure.document_id == Document.id)
            .outerjoin(Part, Measure.part_id == Part.id)
            .outerjoin(Section, Measure.section_id == Section.id)
            .where(Assignment.active.is_(True), Measure.withdrawn.is_(False))
        )

    def assignments(self, wanted: AssignmentFilter | None = None) -> list[AssignmentRow]:
        wanted = wanted or AssignmentFilter()
        today = self.store.clock.today()
        days = self.store.due_soon_days
        with self.store.reading() as session:
            query = self._base()
            if wanted.document:
                document = DocumentService(self.store).find(session, wanted.document)
                assert document is not None
                query = query.where(Measure.document_id == document.id)
            if wanted.unit:
                query = query.where(
                    Assignment.unit_id == UnitService(self.store).find(session, wanted.unit).id
                )
            if wanted.status:
                query = query.where(Assignment.status == wanted.status.value)
            if wanted.overdue:
                query = query.where(overdue_condition(today))
            if wanted.due_within_days is not None:
                if wanted.due_within_days < 0:
                    raise InvalidInputError("the number of days cannot be negative")
                query = query.where(due_soon_condition(today, wanted.due_within_days))
            if wanted.search.strip():
                needle = f"%{wanted.search.strip()}%"
                query = query.where(
                    or_(
                        Measure.title.like(needle),
                        Measure.text.like(needle),
                        Unit.name.like(needle),
                        Measure.code == wanted.search.strip(),
                    )
                )
            query = query.order_by(Document.id, Measure.position, lead_first(), Unit.id)
            rows = []
            for a, m, u, d, part, section in session.execute(query):
                status = Status(a.status)
                rows.append(
                    AssignmentRow(
                        id=a.id,
                        document_id=d.id,
                        doc_label=d.doc_number or d.short_title,
                        measure_id=m.id,
                        code=m.code,
                        title=m.title,
                        part=part,
                        section=section,
                        unit=u.name,
                        role=a.role,
                        status=status,
                        state=derive(status, m.deadline, today, days),
                        percent=a.percent,
                        note=a.note,
                        deadline=m.deadline,
                        deadline_text=m.deadline_text,
                        updated_at=a.updated_at,
                        updated_by=a.updated_by,
                        version=a.version,
                    )
                )
            return rows

    def summary(self, document: str | None = None) -> Summary:
        today = self.store.clock.today()
        days = self.store.due_soon_days
        with self.store.reading() as session:
            query = (
                select(Assignment.status, Measure.deadline, Unit.name, Measure.id)
                .join(Measure, Assignment.measure_id == Measure.id)
                .join(Unit)
                .where(Assignment.active.is_(True), Measure.withdrawn.is_(False))
            )
            measures_query = (
                select(func.count()).select_from(Measure).where(Measure.withdrawn.is_(False))
            )
            doc = DocumentService(self.store).find(session, document)
            if doc is not None:
                query = query.where(Measure.document_id == doc.id)
                measures_query = measures_query.where(Measure.document_id == doc.id)
            rows = session.execute(query).all()
            measures = session.scalar(measures_query) or 0
        by_status: Counter[str] = Counter()
        per_unit: dict[str, Counter[str]] = defaultdict(Counter)
        overdue = due_soon = 0
        for raw, deadline, unit, _ in rows:
            status = Status(raw)
            by_status[status.value] += 1
            tally = per_unit[unit]
            tally[status.value] += 1
            if is_overdue(status, deadline, today):
                overdue += 1
                tally["逾期"] += 1
            elif is_due_soon(status, deadline, today, days):
                due_soon += 1
                tally["临期"] += 1
        units = [
            UnitStats(
                unit=name,
                assigned=sum(t[s.value] for s in Status),
                by_status={s.value: t[s.value] for s in Status},
                overdue=t["逾期"],
                due_soon=t["临期"],
            )
            for name, t in per_unit.items()
        ]
        units.sort(key=lambda u: (-u.assigned, u.unit))
        return Summary(
            measures=measures,
            assignments=len(rows),
            by_status={s.value: by_status[s.value] for s in Status},
            overdue=overdue,
            due_soon=due_soon,
            units=units,
        )

    def part_stats(self) -> list[PartStats]:
        today = self.store.clock.today()
        with self.store.reading() as session:
            rows = session.execute(
                select(
                    Document.doc_number,
                    Document.short_title,
                    Part.title,
                    Part.position,
                    Assignment.status,
                    Measure.deadline,
                )
                .join(Measure, Assignment.measure_id == Measure.id)
                .join(Document, Measure.document_id == Document.id)
                .outerjoin(Part, Measure.part_id == Part.id)
                .where(Assignment.active.is_(True), Measure.withdrawn.is_(False))
                .order_by(Document.id, Part.position)
            ).all()
        tallies: dict[tuple[str, str], Counter[str]] = {}
        for number, short, part, _pos, raw, deadline in rows:
            key = (number or short, part or "（未分部分）")
            tally = tallies.setdefault(key, Counter())
            status = Status(raw)
            tally["n"] += 1
            tally["finished"] += status in FINISHED
            tally["ticked"] += status is Status.TICKED_OFF
            tally["overdue"] += is_overdue(status, deadline, today)
        return [
            PartStats(
                document=doc,
                part=part,
                assignments=t["n"],
                finished=t["finished"],
                ticked_off=t["ticked"],
                overdue=t["overdue"],
            )
            for (doc, part), t in tallies.items()
        ]
