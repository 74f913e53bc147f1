"""Lists and statistics: what is assigned to whom, what is overdue, how far each unit is.

Filters and counts run in the database (see ``tracker.queries``), so they
stay fast on years of data; rows come back as plain ``AssignmentRow`` records.
A filter's criteria are declared in ``tracker.progress.assignment_filter``;
``_condition`` is their SQL.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select, text
from sqlalchemy.orm import aliased

from db.models import (
    Assignment,
    Document,
    Heading,
    Measure,
    ProgressEntry,
    Task,
    Unit,
    UnitAlias,
)
from importers.messages import QT_TRANSLATE_NOOP
from tracker.documents.document_service import DocumentService
from tracker.documents.measure_texts import MeasureTexts, measure_code
from tracker.errors import NotFoundError
from tracker.progress.assignment_columns import (
    COLUMNS,
    JOINS,
    LEAD_FIRST,
    ORDER,
    SHARES_LAST,
    SUB_TASK_STARTS,
    SUMMARY_COLUMNS,
    Column,
)
from tracker.progress.assignment_filter import AssignmentFilter, Criterion, criteria
from tracker.progress.summary_tally import summarize
from tracker.queries import (
    LIKE_ESCAPE,
    contains_pattern,
    due_soon_condition,
    in_force,
    lead_first,
    overdue_condition,
    shares_last,
    unit_deadline,
)
from tracker.records import (
    AssignmentRow,
    MeasureDetail,
    MeasureInfo,
    MilestoneInfo,
    PartStats,
    Summary,
    TaskInfo,
    assignment_row,
    task_starts,
)
from tracker.statuses import (
    FINISHED,
    Status,
    is_overdue,
)
from tracker.store import Store
from tracker.units.fan_out import group_and_nested
from tracker.units.memberless import memberless_collectives
from tracker.units.unit_service import UnitService

if TYPE_CHECKING:
    from tracker.rounds.round_service import RoundService

__all__ = ["AssignmentFilter", "OverviewService"]


Part = aliased(Heading)
Section = aliased(Heading)

_TABLES: dict[str, Any] = {
    "a": Assignment,
    "m": Measure,
    "t": Task,
    "u": Unit,
    "d": Document,
    "part": Part,
    "section": Section,
    "g": aliased(Unit),
    "gs": aliased(Assignment),
    "og": aliased(Unit),
}
"""The models behind ``tracker.progress.assignment_columns.TABLES``' aliases."""


def _column(column: Column) -> Any:
    return getattr(_TABLES[column.table], column.name)


_COLUMNS = tuple(_column(c) for c in COLUMNS)
_SUMMARY_COLUMNS = tuple(_column(c) for c in SUMMARY_COLUMNS)
_ORDER = tuple(
    lead_first() if o == LEAD_FIRST else shares_last() if o == SHARES_LAST else _column(o)
    for o in ORDER
)


class OverviewService:
    def __init__(
        self, store: Store, documents: DocumentService, units: UnitService, rounds: RoundService
    ) -> None:
        self.store = store
        self.documents = documents
        self.units = units
        self.rounds = rounds

    def _base(self, columns: tuple[Any, ...] = _COLUMNS) -> Select[*tuple[Any, ...]]:
        """The assignment list's ``columns`` and tables (``assignment_columns``), in force."""
        query = select(*columns).select_from(Assignment)
        for join in JOINS:
            on = and_(
                _column(join.on) == _column(join.key),
                *(_column(left) == _column(right) for left, right in join.also),
            )
            query = query.join(_TABLES[join.table], on, isouter=join.outer)
        return query.where(in_force())

    def assignments(self, wanted: AssignmentFilter | None = None) -> list[AssignmentRow]:
        wanted = wanted or AssignmentFilter()
        today = self.store.clock.today()
        days = self.store.due_soon_days
        query = self._filtered(self._base(), wanted, today).order_by(*_ORDER)
        with self.store.reading() as session:
            connection = session.connection()
            starts = task_starts(connection.execute(text(SUB_TASK_STARTS)))
            return [
                assignment_row(columns, today, days, starts)
                for columns in connection.execute(query)
            ]

    def _filtered(
        self, query: Select[*tuple[Any, ...]], wanted: AssignmentFilter, today: date
    ) -> Select[*tuple[Any, ...]]:
        for criterion in criteria(wanted):
            query = query.where(self._condition(criterion, today))
        return query

    def _condition(self, criterion: Criterion, today: date) -> ColumnElement[bool]:
        """One criterion of ``tracker.progress.assignment_filter`` as SQL (a document, unit
        or round named is looked up by its own service first)."""
        field, operator, value = criterion
        match field, operator:
            case "document", "=":
                document = self.documents.chosen(value)
                assert document is not None
                return Measure.document_id == document.id
            case "unit", "=":  # a group: its members' shares too
                unit_id = self.units.named(value).id
                with self.store.reading() as session:
                    groups = group_and_nested(session, unit_id)
                return or_(Assignment.unit_id == unit_id, Assignment.group_id.in_(groups))
            case "status", "=":
                return Assignment.status == Status(value).value
            case "deadline", "overdue":
                return overdue_condition(today)
            case "deadline", "due within":
                return due_soon_condition(today, value)
            case "heading", "=":
                return or_(Measure.part_id == value, Measure.section_id == value)
            case "measure", "=":
                return Measure.id == int(value)
            case "id", "in":
                return Assignment.id.in_(value)
            case "id", "changed in round":
                chosen = self.rounds.chosen(value)
                changed = select(ProgressEntry.assignment_id).where(
                    ProgressEntry.round_id == chosen.id
                )
                return Assignment.id.in_(changed)
            case "any", "mentions":
                like = contains_pattern(value)
                return or_(
                    Measure.title.like(like, escape=LIKE_ESCAPE),
                    Measure.text.like(like, escape=LIKE_ESCAPE),
                    Unit.name.like(like, escape=LIKE_ESCAPE),
                    Unit.aliases.any(UnitAlias.alias.like(like, escape=LIKE_ESCAPE)),
                    Measure.code == measure_code(value),
                )
        raise ValueError(f"no SQL for {criterion}")

    def matching_measures(self, needle: str) -> set[int]:
        """Ids of the measures whose code is ``needle`` (``measure_code``: 第38条 is 38) or
        whose title or text contain it.

        One LIKE over the measures (not over every assignment row): a window that
        holds the assignment rows filters them by this set in memory.  The same
        rule as ``MeasureTexts.matching``, which answers it without the database.
        """
        needle = needle.strip()
        if not needle:
            return set()
        like = contains_pattern(needle)
        with self.store.reading() as session:
            return set(
                session.scalars(
                    select(Measure.id).where(
                        Measure.withdrawn.is_(False),
                        or_(
                            Measure.title.like(like, escape=LIKE_ESCAPE),
                            Measure.text.like(like, escape=LIKE_ESCAPE),
                            Measure.code == measure_code(needle),
                        ),
                    )
                )
            )

    def measure_texts(self) -> MeasureTexts:
        """Every measure in force, to search in memory (``MeasureTexts``)."""
        query = select(Measure.id, Measure.code, Measure.title, Measure.text).where(
            Measure.withdrawn.is_(False)
        )
        with self.store.reading() as session:
            # In batches: the raw texts of 30,000 measures would double the memory it needs.
            rows = session.execute(query.execution_options(yield_per=2_000))
            return MeasureTexts((i, code, title, text) for i, code, title, text in rows)

    def measures(self, document_id: int) -> list[MeasureInfo]:
        """Every current measure of a document in order, assigned or not (for the board)."""
        with self.store.reading() as session:
            rows = session.execute(
                select(
                    Measure.id,
                    Measure.code,
                    Measure.title,
                    Measure.deadline,
                    Measure.deadline_text,
                    Measure.standing,
                    Part.title,
                    Section.title,
                )
                .outerjoin(Part, Measure.part_id == Part.id)
                .outerjoin(Section, Measure.section_id == Section.id)
                .where(Measure.document_id == document_id, Measure.withdrawn.is_(False))
                .order_by(Measure.position)
            ).all()
        return [MeasureInfo(*row) for row in rows]

    def measure(self, measure_id: int) -> MeasureDetail:
        """A measure's full text, milestones and every unit's row, for the detail pane."""
        with self.store.reading() as session:
            measure = session.get(Measure, measure_id)
            if measure is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("messages", "measure {id} no longer exists"), id=measure_id
                )
            document = measure.document
            part = session.get(Heading, measure.part_id) if measure.part_id else None
            section = session.get(Heading, measure.section_id) if measure.section_id else None
            milestones = tuple(MilestoneInfo(m.due_on, m.text) for m in measure.milestones)
            tasks = tuple(
                TaskInfo(t.code, t.text, t.standing)
                for t in sorted(measure.tasks, key=lambda t: t.seq)
                if not t.withdrawn
            )
            detail = (
                measure.id,
                document.id,
                document.doc_number or document.short_title,
                measure.code,
                measure.title,
                measure.text,
                part.title if part else None,
                section.title if section else None,
                measure.deadline,
                measure.deadline_text,
                measure.standing,
            )
            memberless = frozenset(memberless_collectives(session).values())
        rows = tuple(self.assignments(AssignmentFilter(measure_id=measure_id)))
        return MeasureDetail(
            *detail,
            milestones=milestones,
            assignments=rows,
            tasks=tasks,
            memberless=memberless & {r.unit for r in rows},
        )

    def summary(self, document: str | None = None) -> Summary:
        doc = self.documents.chosen(document)
        with self.store.reading() as session:
            query = self._base(_SUMMARY_COLUMNS)
            measures_query = (
                select(func.count()).select_from(Measure).where(Measure.withdrawn.is_(False))
            )
            if doc is not None:
                query = query.where(Measure.document_id == doc.id)
                measures_query = measures_query.where(Measure.document_id == doc.id)
            rows = session.execute(query).all()
            measures = session.scalar(measures_query) or 0
        return summarize(rows, measures, self.store.clock.today(), self.store.due_soon_days)

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
                    unit_deadline(),
                )
                .join(Measure, Assignment.measure_id == Measure.id)
                .join(Task, Assignment.task_id == Task.id)
                .join(Document, Measure.document_id == Document.id)
                .outerjoin(Part, Measure.part_id == Part.id)
                .where(in_force())
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
