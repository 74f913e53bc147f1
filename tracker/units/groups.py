"""Groups in the units directory: a collective such as 各市、县（区） and its members.

Members are units of the directory, in the office's order; a member may have
members of its own (a city and its counties).  Every change of a group's members
fans its tasks out again in the same transaction (``tracker.units.fan_out``).
Ready-made member lists (public facts only, such as Ningxia's prefecture-level
cities) are editable files under ``resources/groups`` (``group_presets``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from db.models import Assignment, LedgerExport, Measure, Round, Task, Unit, UnitGroupMember
from importers.messages import QT_TRANSLATE_NOOP
from importers.text_clean import clean_unit_name
from tracker.documents.document_writer import LEAD, SUPPORT
from tracker.errors import InvalidInputError, NotFoundError
from tracker.queries import in_force
from tracker.store import Store
from tracker.units.fan_out import group_states, membership, reconcile
from tracker.units.group_rollup import MAX_LEVELS, GroupState
from tracker.units.unit_service import UnitService, classify_unit

if TYPE_CHECKING:
    from tracker.progress.progress_service import ProgressService


@dataclass(frozen=True)
class GroupInfo:
    """A group with its members in order (each with its own members, if any)."""

    name: str
    members: tuple[str, ...]
    members_report_directly: bool
    nested: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The members that are groups themselves, with their members."""


class GroupService:
    def __init__(self, store: Store, units: UnitService, progress: ProgressService) -> None:
        self.store = store
        self.units = units
        self.progress = progress
        """Finds a measure as a clerk names it (``set_lead``)."""

    # -- reading ---------------------------------------------------------------------------
    def members(self, group_name: str) -> tuple[str, ...]:
        with self.store.reading() as session:
            return _member_names(session, self.units.find(session, group_name).id)

    def groups(self) -> list[GroupInfo]:
        """Every unit with members, in the directory's order."""
        with self.store.reading() as session:
            return self._all(session)

    def _all(self, session: Session) -> list[GroupInfo]:
        ids = list(
            session.scalars(
                select(UnitGroupMember.group_id).distinct().order_by(UnitGroupMember.group_id)
            )
        )
        return [self._info(session, session.get_one(Unit, gid)) for gid in ids]

    def group(self, group_name: str) -> GroupInfo:
        with self.store.reading() as session:
            return self._info(session, self.units.find(session, group_name))

    def tasks(self, group_name: str) -> list[GroupTask]:
        """The group's tasks with their derived state (done when every member is)."""
        with self.store.reading() as session:
            group = self.units.find(session, group_name)
            return group_tasks(session, group.id, self.store.clock.today())

    def without_ledger(self, group_name: str) -> LateMembers | None:
        """The group's answering members with tasks that the last round's ledgers missed
        (added after they went out), or None: each needs its ledger sent."""
        with self.store.reading() as session:
            return late_members(session, self.units.find(session, group_name).id)

    def _info(self, session: Session, group: Unit) -> GroupInfo:
        members = _member_names(session, group.id)
        nested = []
        for name in members:
            unit_id = session.scalars(select(Unit.id).where(Unit.name == name)).one()
            inner = _member_names(session, unit_id)
            if inner:
                nested.append((name, inner))
        return GroupInfo(group.name, members, group.members_report_directly, tuple(nested))

    # -- changing --------------------------------------------------------------------------
    def set_members(
        self,
        group_name: str,
        member_names: Sequence[str],
        *,
        create: bool = False,
        report_directly: bool | None = None,
    ) -> tuple[str, ...]:
        """The group's members become ``member_names``, in that order; returns them.

        ``create`` adds a name the directory does not know (the group's or a
        member's) as a new unit — a clerk typed or pasted it; without it such a
        name is refused with suggestions.  ``report_directly`` sets the nested setting
        (``set_members_report_directly``) in the same transaction.
        """
        with self.store.transaction() as session:
            [group] = self._resolve(session, [group_name], create)
            members = self._resolve(session, member_names, create)
            _refuse_cycles(session, group, members)
            if report_directly is not None:
                group.members_report_directly = report_directly
            session.execute(delete(UnitGroupMember).where(UnitGroupMember.group_id == group.id))
            session.flush()
            for position, member in enumerate(members):
                session.add(
                    UnitGroupMember(group_id=group.id, member_id=member.id, position=position)
                )
            session.flush()
            reconcile(session, self.store.clock.now(), self.store.user)
            return tuple(m.name for m in members)

    def add_members(
        self, group_name: str, member_names: Sequence[str], *, create: bool = False
    ) -> tuple[str, ...]:
        """Append members (a name already in the group stays where it is)."""
        current = self.members(group_name)
        return self.set_members(group_name, [*current, *member_names], create=create)

    def remove_members(self, group_name: str, member_names: Sequence[str]) -> tuple[str, ...]:
        """Take members out; their shares stay, inactive, with their history."""
        with self.store.reading() as session:
            gone = {self.units.find(session, name).name for name in member_names}
            current = _member_names(session, self.units.find(session, group_name).id)
        missing = sorted(gone - set(current))
        if missing:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "{units} not a member of {group}"),
                units="、".join(missing),
                group=group_name,
            )
        return self.set_members(group_name, [n for n in current if n not in gone])

    def set_members_report_directly(self, group_name: str, direct: bool) -> None:
        """Whether a member's own members (counties) answer the group's tasks themselves."""
        with self.store.transaction() as session:
            self.units.find(session, group_name).members_report_directly = direct
            session.flush()
            reconcile(session, self.store.clock.now(), self.store.user)

    def set_lead(
        self, group_name: str, code: str, member: str | None, *, doc: str | None = None
    ) -> None:
        """Mark one member as 牵头 for one of the group's measures (the others 责任), or with
        ``None`` give every member the group's role again."""
        with self.store.transaction() as session:
            group = self.units.find(session, group_name)
            measure = self.progress.find_measure(session, code, doc)
            parent = next((a for a in measure.assignments if a.unit_id == group.id), None)
            shares = [a for a in measure.assignments if a.group_id == group.id and a.active]
            if parent is None or not shares:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "{group} has no members' shares of {code}"),
                    group=group.name,
                    code=measure.code,
                )
            chosen = None if member is None else self.units.find(session, member)
            if chosen is not None and chosen.id not in {a.unit_id for a in shares}:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP("messages", "{units} not a member of {group}"),
                    units=chosen.name,
                    group=group.name,
                )
            for share in shares:
                if chosen is None:
                    share.role = parent.role
                else:
                    share.role = LEAD if share.unit_id == chosen.id else SUPPORT

    def _resolve(self, session: Session, names: Sequence[str], create: bool) -> list[Unit]:
        found: dict[int, Unit] = {}
        for raw in names:
            name = clean_unit_name(raw)
            if not name:
                continue
            try:
                unit = self.units.find(session, name)
            except NotFoundError:
                if not create:
                    raise
                unit = Unit(
                    name=name,
                    kind=classify_unit(name),
                    needs_review=False,
                    created_at=self.store.clock.now(),
                )
                session.add(unit)
                session.flush()
            found.setdefault(unit.id, unit)
        return list(found.values())


def _member_names(session: Session, group_id: int) -> tuple[str, ...]:
    return tuple(
        session.scalars(
            select(Unit.name)
            .join(UnitGroupMember, UnitGroupMember.member_id == Unit.id)
            .where(UnitGroupMember.group_id == group_id)
            .order_by(UnitGroupMember.position, Unit.id)
        )
    )


def _refuse_cycles(session: Session, group: Unit, members: Sequence[Unit]) -> None:
    """A group cannot contain itself, directly or through a member's members, nor nest
    groups more than ``MAX_LEVELS`` deep (the roll-ups count no deeper)."""
    links: dict[int, set[int]] = {}
    for gid, mid in session.execute(select(UnitGroupMember.group_id, UnitGroupMember.member_id)):
        links.setdefault(gid, set()).add(mid)
    links[group.id] = {m.id for m in members}
    seen: set[int] = set()
    todo = list(links[group.id])
    while todo:
        unit_id = todo.pop()
        if unit_id == group.id:
            raise InvalidInputError(QT_TRANSLATE_NOOP("messages", "a group cannot contain itself"))
        if unit_id not in seen:
            seen.add(unit_id)
            todo.extend(links.get(unit_id, ()))
    levels = _levels(links)
    top = max(links, key=lambda unit_id: levels[unit_id])
    if levels[top] > MAX_LEVELS:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages", "groups would nest {levels} levels deep under {top}; at most {limit}"
            ),
            levels=levels[top],
            top=session.get_one(Unit, top).name,
            limit=MAX_LEVELS,
        )


def _levels(links: dict[int, set[int]]) -> dict[int, int]:
    """Each group's levels (``links``: group → members, without a cycle): 1 for a group of
    plain units, 2 for a group with a group of plain units among its members, …"""
    found: dict[int, int] = {}

    def levels(unit_id: int) -> int:
        if unit_id not in found:
            below = [levels(m) for m in links.get(unit_id, ())]
            found[unit_id] = 1 + max(below) if below else 0
        return found[unit_id]

    for unit_id in links:
        levels(unit_id)
    return found


@dataclass(frozen=True)
class LateMembers:
    """Members a round's ledgers missed: the round, and who has no ledger of it."""

    round: str
    units: tuple[str, ...]


def late_members(session: Session, group_id: int) -> LateMembers | None:
    """The members answering ``group_id``'s tasks (a city's counties when they answer
    directly) that hold a task in force and were sent no ledger under the round whose
    unit ledgers went out last; None when there is none, or no round sent any."""
    last = session.execute(
        select(Round.id, Round.name)
        .join(LedgerExport, LedgerExport.round_id == Round.id)
        .where(LedgerExport.kind == "unit")
        .order_by(LedgerExport.exported_at.desc(), LedgerExport.id.desc())
        .limit(1)
    ).first()
    if last is None:
        return None
    found = membership(session)
    answering = found.answering(group_id)
    sent = set(
        session.scalars(
            select(LedgerExport.unit_id).where(
                LedgerExport.round_id == last.id, LedgerExport.kind == "unit"
            )
        )
    )
    with_tasks = set(
        session.scalars(
            select(Assignment.unit_id)
            .join(Measure, Assignment.measure_id == Measure.id)
            .where(in_force(), Assignment.unit_id.in_(answering))
        )
    )
    missed = [found.names[u] for u in answering if u in with_tasks and u not in sent]
    return LateMembers(last.name, tuple(missed)) if missed else None


@dataclass(frozen=True)
class GroupTask:
    """One task of a group, in the state its members' shares make it (``fan_out``)."""

    assignment_id: int
    measure_id: int
    code: str
    title: str
    role: str
    state: GroupState


def group_tasks(session: Session, group_id: int, today: date) -> list[GroupTask]:
    """The group's fanned-out tasks in force, in document, measure and sub-task order (a
    group in two sub-tasks of a measure has two tasks, ``3-1`` and ``3-2``)."""
    rows = session.execute(
        select(Assignment.id, Measure.id, Task.code, Measure.title, Assignment.role)
        .join(Measure, Assignment.measure_id == Measure.id)
        .join(Task, Assignment.task_id == Task.id)
        .where(
            Assignment.unit_id == group_id,
            Assignment.active.is_(True),
            Assignment.fanned_out.is_(True),
            Measure.withdrawn.is_(False),
        )
        .order_by(Measure.document_id, Measure.position, Task.seq)
    ).all()
    states = group_states(session, [r[0] for r in rows], today)
    return [
        GroupTask(aid, mid, code, title, role, states[aid]) for aid, mid, code, title, role in rows
    ]
