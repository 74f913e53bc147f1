"""What the reports count: every assignment's state on a day, rebuilt from the history.

A bulletin for a reporting round must show the state *as of that round*, and
the change since the round before, even after later rounds have changed things.
So the state is not read from ``assignments`` but replayed from
``progress_history``: an assignment's status as of round R is the one set by
its last entry that belongs to R or an earlier round (rounds ordered by
``as_of``, then id), or — for entries made outside any round (manual edits, the
import itself) — that was made on or before R's ``as_of`` day.  The entry that
created an assignment with its document counts from the document's date of
issue (or the effective date the clerk set), not from the moment it was typed
in: a round as of 30 June opened after a 2 July import shows every task of a
document issued in May.  Assignments with no such entry did not exist yet and
are left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from operator import attrgetter
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import Assignment, Document, Heading, Measure, ProgressEntry, Round, Task, Unit
from tracker.documents.new_assignments import ASSIGNED_BY_HAND
from tracker.extensions.deadline_history import DeadlineThen
from tracker.queries import in_force, lead_first, shares_last, unit_deadline
from tracker.statuses import FINISHED, STATUS_BY_TEXT, Status, is_due_soon, is_overdue

NO_PART = "（未分部分）"


class Item(NamedTuple):
    """One assignment as a report sees it on one day.

    A named tuple rather than a dataclass: a bulletin at 100,000 assignments
    builds two rounds' worth of these, and a tuple is several times cheaper to
    make than a frozen dataclass.
    """

    assignment_id: int
    document: str
    part: str
    part_position: int
    measure_id: int
    position: int
    code: str
    title: str
    unit: str
    role: str
    status: Status
    deadline: date | None
    deadline_text: str | None
    overdue: bool
    due_soon: bool
    group: str | None = None
    """A member's share of a group's task: the group (各市、县（区）) it answers for."""


@dataclass(frozen=True)
class Tally:
    """Counts over a set of items; rates are fractions of ``assigned``."""

    measures: int
    assigned: int
    by_status: dict[Status, int]
    overdue: int
    due_soon: int

    @property
    def finished(self) -> int:
        return sum(self.by_status[s] for s in FINISHED)

    @property
    def completion(self) -> float:
        """(已完成 + 已销号) / assigned."""
        return self.finished / self.assigned if self.assigned else 0.0

    @property
    def completion_pair(self) -> tuple[int, int]:
        """The completion rate as (finished, assigned), for exact printing."""
        return (self.finished, self.assigned)


_STATUS = attrgetter("status")
_MEASURE = attrgetter("measure_id")
_OVERDUE = attrgetter("overdue")
_DUE_SOON = attrgetter("due_soon")


def tally(items: list[Item]) -> Tally:
    """(``map`` with an attrgetter: a bulletin tallies 100,000 items a dozen ways.)"""
    statuses = Counter(map(_STATUS, items))
    return Tally(
        measures=len(set(map(_MEASURE, items))),
        assigned=len(items),
        by_status={s: statuses[s] for s in Status},
        overdue=sum(map(_OVERDUE, items)),
        due_soon=sum(map(_DUE_SOON, items)),
    )


def round_key(r: Round) -> tuple[date, int]:
    return (r.as_of, r.id)


def previous_round(session: Session, current: Round) -> Round | None:
    """The round just before ``current`` in (as_of, id) order, if any."""
    return session.scalars(
        select(Round)
        .where(
            or_(
                Round.as_of < current.as_of,
                and_(Round.as_of == current.as_of, Round.id < current.id),
            )
        )
        .order_by(Round.as_of.desc(), Round.id.desc())
    ).first()


def _counts_for(chosen: Round) -> ColumnElement[bool]:
    """Whether a history entry counts toward ``chosen`` (see the module docstring)."""
    earlier = select(Round.id).where(
        or_(
            Round.as_of < chosen.as_of,
            and_(Round.as_of == chosen.as_of, Round.id <= chosen.id),
        )
    )
    day_after = datetime.combine(chosen.as_of + timedelta(days=1), time())
    return or_(
        ProgressEntry.round_id.in_(earlier),
        and_(ProgressEntry.round_id.is_(None), ProgressEntry.changed_at < day_after),
        and_(
            ProgressEntry.round_id.is_(None),
            ProgressEntry.old_status.is_(None),
            ProgressEntry.source != ASSIGNED_BY_HAND,
            ProgressEntry.assignment_id.in_(in_force_on(chosen.as_of)),
        ),
    )


def document_start() -> ColumnElement[date | None]:
    """The day a document's tasks count from: the effective date the clerk set, else its
    date of issue (NULL when it has neither: then the day it was imported counts)."""
    return func.coalesce(Document.effective_on, Document.issued_on)


def in_force_on(day: date) -> Select[int]:
    """The assignments whose document was in force on ``day`` (issued or taking effect by
    then): their creation entries count for a round as of ``day`` however late the
    document was typed in.  A unit assigned by hand later counts from that day."""
    return (
        select(Assignment.id)
        .join(Measure, Assignment.measure_id == Measure.id)
        .join(Document, Measure.document_id == Document.id)
        .where(document_start() <= day)
    )


def entries_counting_for(chosen: Round) -> ColumnElement[bool]:
    """Whether a history entry counts toward ``chosen`` (the same rule as the replay)."""
    return _counts_for(chosen)


class RoundValues(NamedTuple):
    """What a unit had reported for an assignment as of a round (the printed ledger's columns)."""

    status: Status
    percent: int | None
    note: str
    problems: str
    next_steps: str


def values_as_of(session: Session, chosen: Round) -> dict[int, RoundValues]:
    """Each assignment's status, percent, note, problems and next steps as of ``chosen``.

    Status, percent and note come from the last entry that counts; problems and
    next steps from the last such entry that set them (an entry leaves them NULL
    when it did not change them).  Assignments without any entry did not exist yet.
    """
    counts = _counts_for(chosen)
    last = (
        select(
            ProgressEntry.assignment_id.label("aid"),
            func.max(case((counts, ProgressEntry.id))).label("any_"),
            func.max(
                case((and_(counts, ProgressEntry.new_problems.is_not(None)), ProgressEntry.id))
            ).label("problems_"),
            func.max(
                case((and_(counts, ProgressEntry.new_next_steps.is_not(None)), ProgressEntry.id))
            ).label("steps_"),
        )
        .group_by(ProgressEntry.assignment_id)
        .subquery()
    )
    main, problems, steps = aliased(ProgressEntry), aliased(ProgressEntry), aliased(ProgressEntry)
    query = (
        select(
            last.c.aid,
            main.new_status,
            main.new_percent,
            main.new_note,
            problems.new_problems,
            steps.new_next_steps,
        )
        .join(main, main.id == last.c.any_)
        .outerjoin(problems, problems.id == last.c.problems_)
        .outerjoin(steps, steps.id == last.c.steps_)
    )
    return {
        aid: RoundValues(STATUS_BY_TEXT[status], percent, note or "", prob or "", step or "")
        for aid, status, percent, note, prob, step in session.connection().execute(query).all()
    }


def statuses_as_of(session: Session, current: Round) -> dict[int, Status]:
    """Each assignment's status as of ``current`` (see the module docstring)."""
    return statuses_as_of_rounds(session, [current])[0]


def statuses_as_of_rounds(session: Session, rounds: Sequence[Round]) -> list[dict[int, Status]]:
    """Each assignment's status as of each of ``rounds``, in one pass over the history.

    "Latest" is the entry written last (highest id): ids follow the order in
    which changes were committed, which the timestamps of clients with skewed
    clocks need not.  One GROUP BY with a conditional ``max(id)`` per round —
    a bulletin needs this round and the one before, and a second scan of a
    million history rows would double its cost — read from the covering index
    on (assignment_id, round_id, changed_at), then a join on the primary key.
    """
    if not rounds:
        return []
    latest: list[ColumnElement[Any]] = []
    for chosen in rounds:
        counts = _counts_for(chosen)
        latest.append(func.max(case((counts, ProgressEntry.id))).label(f"last_{len(latest)}"))
    last = select(ProgressEntry.assignment_id, *latest).group_by(ProgressEntry.assignment_id)
    last_ids = last.subquery()
    entries = [aliased(ProgressEntry) for _ in rounds]
    query = select(last_ids.c.assignment_id, *(e.new_status for e in entries))
    for n, entry in enumerate(entries):
        query = query.outerjoin(entry, entry.id == last_ids.c[f"last_{n}"])
    found: list[dict[int, Status]] = [{} for _ in rounds]
    for assignment_id, *statuses in session.connection().execute(query).all():
        for n, status in enumerate(statuses):
            if status is not None:
                found[n][assignment_id] = STATUS_BY_TEXT[status]
    return found


_Part = aliased(Heading)
_Group = aliased(Unit)


BulletinRow = Sequence[Any]
"""One row of ``assignment_rows``: its columns in the order of the query."""


def assignment_rows(
    session: Session, document_id: int | None = None, unit_id: int | None = None
) -> Sequence[BulletinRow]:
    """What ``items_from`` needs of each assignment in force, read once for any number of
    rounds; last, the group a member's share answers for (read here, not by a second query
    over every share: 80 ms of a bulletin at 89,000 fanned-out rows)."""
    query = (
        select(
            Assignment.id,
            Assignment.role,
            Assignment.status,
            Measure.id,
            Measure.position,
            Task.code,
            Measure.title,
            unit_deadline(),
            case((Assignment.deadline.is_not(None), None), else_=Task.deadline_text),
            Unit.name,
            Document.doc_number,
            Document.short_title,
            _Part.title,
            _Part.position,
            _Group.name,
        )
        .join(Measure, Assignment.measure_id == Measure.id)
        .join(Task, Assignment.task_id == Task.id)
        .join(Unit, Assignment.unit_id == Unit.id)
        .join(Document, Measure.document_id == Document.id)
        .outerjoin(_Part, Measure.part_id == _Part.id)
        .outerjoin(_Group, Assignment.group_id == _Group.id)
        .where(in_force())
        .order_by(
            Document.id,
            Measure.position,
            Task.seq,
            lead_first(),
            shares_last(),
            Assignment.group_id,
            Unit.id,
        )
    )
    if document_id is not None:
        query = query.where(Measure.document_id == document_id)
    if unit_id is not None:
        query = query.where(Assignment.unit_id == unit_id)
    return session.connection().execute(query).all()


def items_from(
    rows: Sequence[BulletinRow],
    day: date,
    due_soon_days: int,
    statuses: dict[int, Status] | None = None,
    deadlines: dict[int, DeadlineThen] | None = None,
) -> list[Item]:
    """``rows`` as items on ``day``, with ``statuses`` (see ``items``) or their current ones,
    judged by the ``deadlines`` they had then where those differ from today's (a round's:
    ``tracker.extensions.deadline_history.deadlines_as_of``)."""
    out = []
    then = deadlines or {}
    for row in rows:
        (aid, role, raw, mid, position, code, title, deadline, deadline_text) = row[:9]
        unit, number, short, part, part_position, group = row[9:]
        if statuses is None:
            status = STATUS_BY_TEXT[raw]
        elif (found := statuses.get(aid)) is not None:  # (one look-up: 89,000 rows a round)
            status = found
        else:
            continue
        if aid in then:
            deadline, deadline_text = then[aid].deadline, then[aid].deadline_text
        out.append(
            Item(
                aid,
                number or short,
                part or NO_PART,
                part_position if part_position is not None else -1,
                mid,
                position,
                code,
                title,
                unit,
                role,
                status,
                deadline,
                deadline_text,
                is_overdue(status, deadline, day),
                is_due_soon(status, deadline, day, due_soon_days),
                group,
            )
        )
    return out
