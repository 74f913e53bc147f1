"""Fan-out: a group's tasks answered member by member.

A group (a unit with members, such as 各市、县（区）) does not answer its tasks
itself once it has members: each of its assignments gets one *share* per member
(an assignment of the member with ``group_id`` = the group, the group's role,
its own status, percent, notes, history and ledger rows), and the group's row
is ``fanned_out`` — kept with its history, counted nowhere
(``tracker.queries.in_force``), its state derived from the shares
(``group_states``).

``reconcile`` brings the shares in line with the directory, in the caller's
transaction: after members are added or removed, and after a document import
gave a group new tasks.  Nothing is deleted: a member taken out keeps its shares
inactive with their history; a share of a member added later is created with a
history entry saying why.  A group's progress from before it had members is kept
on its row and copied to each member's new share (the entry says so).

Nested members: a member that is itself a group (a city with its counties)
answers its share of the group's task itself, unless the group's
``members_report_directly`` is set — then that share is fanned out again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, insert, or_, select
from sqlalchemy.orm import Session, aliased

from db.models import Assignment, ProgressEntry, Task, Unit, UnitGroupMember
from tracker.documents.new_assignments import creation_entry, starting_status
from tracker.queries import unit_deadline
from tracker.statuses import STATUS_BY_TEXT, Status, is_overdue
from tracker.units.group_rollup import GroupState, SharePart, roll_up, too_deep

FANNED_OUT = "分解到成员：{members}"
SHARE_CREATED = "{group}的成员分担（{day}分解）"
SHARE_COPIED = "沿用{group}分解前的进展"
SHARE_BACK = "重新加入{group}"
SHARE_LEFT = "退出{group}"
SHARE_DROPPED = "{group}的任务不再分解"
GROUP_ANSWERS = "集体无成员，由集体自行填报"
_PROGRESS = ("status", "percent", "note", "problems", "next_steps")


@dataclass(frozen=True)
class Membership:
    """The directory's groups: each group's members in order, and its nested setting."""

    members: dict[int, tuple[int, ...]]
    direct: dict[int, bool]
    names: dict[int, str]

    def fans_out(self, row: Assignment) -> bool:
        """Whether ``row`` (an assignment of a group) is answered by the group's members."""
        if not self.members.get(row.unit_id):
            return False
        return row.group_id is None or self.direct.get(row.group_id, False)

    def answering(self, group_id: int) -> list[int]:
        """The units answering ``group_id``'s tasks, in the office's order: its members, and
        in place of a member with members of its own, those when the group lets them answer
        directly (``fans_out``; the directory refuses cycles)."""
        out: list[int] = []
        for member in self.members.get(group_id, ()):
            if self.members.get(member) and self.direct.get(group_id, False):
                out.extend(self.answering(member))
            else:
                out.append(member)
        return out


def membership(session: Session) -> Membership:
    members: dict[int, list[int]] = defaultdict(list)
    for group_id, member_id in session.execute(
        select(UnitGroupMember.group_id, UnitGroupMember.member_id).order_by(
            UnitGroupMember.group_id, UnitGroupMember.position, UnitGroupMember.member_id
        )
    ):
        members[group_id].append(member_id)
    units = session.execute(select(Unit.id, Unit.name, Unit.members_report_directly)).all()
    return Membership(
        members={g: tuple(m) for g, m in members.items()},
        direct={uid: bool(direct) for uid, _, direct in units},
        names={uid: name for uid, name, _ in units},
    )


def _has_progress(row: Assignment) -> bool:
    started = row.status not in (Status.NOT_STARTED.value, Status.STANDING.value)
    return started or row.percent is not None or bool(row.note or row.problems or row.next_steps)


class _Reconciler:
    def __init__(self, session: Session, now: datetime, user: str) -> None:
        self.session = session
        self.now = now
        self.user = user
        self.groups = membership(session)
        self.entries: list[dict[str, Any]] = []
        self.pending_new: list[tuple[Assignment, Assignment]] = []
        """New shares and the group rows they share, for their history once they have ids."""

    def note(self, row: Assignment, source: str) -> None:
        """A history entry on ``row`` that changes none of its values, saying what happened."""
        values = {name: getattr(row, name) for name in _PROGRESS}
        self.entries.append(
            {
                "assignment_id": row.id,
                "changed_at": self.now,
                "changed_by": self.user,
                "source": source,
                **{f"old_{k}": v for k, v in values.items()},
                **{f"new_{k}": v for k, v in values.items()},
            }
        )

    def run(self) -> int:
        """Passes until nothing changes (a nested member's new shares fan out in the next)."""
        changed_total = 0
        for _ in range(len(self.groups.members) + 2):
            changed = self._pass()
            changed_total += changed
            if not changed:
                break
        if self.entries:
            self.session.execute(insert(ProgressEntry), self.entries)
        return changed_total

    def _rows(self) -> list[Assignment]:
        """Every row a group owns or a member holds as a share, plus rows once fanned out."""
        return list(
            self.session.scalars(
                select(Assignment).where(
                    or_(
                        Assignment.unit_id.in_(self.groups.members),
                        Assignment.group_id.is_not(None),
                        Assignment.fanned_out.is_(True),
                    )
                )
            )
        )

    def _pass(self) -> int:
        rows = self._rows()
        members_of = self.groups.members
        wanted: set[tuple[int, int]] = set()  # (task, member) pairs a fanned row needs
        changed = 0
        for row in rows:
            fans = row.active and self.groups.fans_out(row)
            if fans:
                wanted.update((row.task_id, m) for m in members_of[row.unit_id])
            if fans and not row.fanned_out:
                row.fanned_out = True
                names = "、".join(self.groups.names[m] for m in members_of[row.unit_id])
                self.note(row, FANNED_OUT.format(members=names))
                changed += 1
            elif not fans and row.fanned_out:
                row.fanned_out = False
                if row.active:
                    self.note(row, GROUP_ANSWERS)
                changed += 1
        fanned = {(r.task_id, r.unit_id): r for r in rows if r.fanned_out and r.active}
        member_ids = {m for ms in members_of.values() for m in ms}
        existing = {
            (a.task_id, a.unit_id): a
            for a in self.session.scalars(
                select(Assignment).where(Assignment.unit_id.in_(member_ids))
            )
        }
        for row in rows:  # shares no longer wanted
            if row.group_id is None or not row.active:
                continue
            if (row.task_id, row.group_id) in fanned and row.unit_id in members_of.get(
                row.group_id, ()
            ):
                continue
            row.active = False
            group = self.groups.names.get(row.group_id, "")
            gone = row.unit_id not in members_of.get(row.group_id, ())
            self.note(row, (SHARE_LEFT if gone else SHARE_DROPPED).format(group=group))
            changed += 1
        for (task_id, group_id), parent in fanned.items():
            for member_id in members_of.get(group_id, ()):
                changed += self._share(parent, existing.get((task_id, member_id)), member_id)
        self.session.flush()
        self._history_of_new_shares()
        return changed

    def _history_of_new_shares(self) -> None:
        """A new share existed, as part of the group's task, since that task was created: its
        first entry is dated then (so a bulletin of an earlier round counts it), at the
        starting status; a second entry, dated now, copies the group's progress, if any."""
        if not self.pending_new:
            return
        parents = {parent.id for _, parent in self.pending_new}
        born = dict(
            self.session.execute(
                select(ProgressEntry.assignment_id, func.min(ProgressEntry.changed_at))
                .where(ProgressEntry.assignment_id.in_(parents))
                .group_by(ProgressEntry.assignment_id)
            ).all()
        )
        for share, parent in self.pending_new:
            group = self.groups.names[parent.unit_id]
            start = starting_status(parent.status == Status.STANDING.value).value
            source = SHARE_CREATED.format(group=group, day=f"{self.now:%Y-%m-%d}")
            when = min(born.get(parent.id) or self.now, self.now)
            first = _created_entry(share.id, start, source, when, self.user)
            self.entries.append(first)
            copied = {name: getattr(share, name) for name in _PROGRESS}
            if _has_progress(share):
                before = {name: first[f"new_{name}"] for name in _PROGRESS}
                self.entries.append(
                    {
                        "assignment_id": share.id,
                        "changed_at": self.now,
                        "changed_by": self.user,
                        "source": SHARE_COPIED.format(group=group),
                        **{f"old_{k}": v for k, v in before.items()},
                        **{f"new_{k}": v for k, v in copied.items()},
                    }
                )
        self.pending_new = []

    def _share(self, parent: Assignment, share: Assignment | None, member_id: int) -> int:
        group = self.groups.names[parent.unit_id]
        if share is None:
            share = Assignment(
                measure_id=parent.measure_id,
                task_id=parent.task_id,
                unit_id=member_id,
                group_id=parent.unit_id,
                role=parent.role,
                active=True,
                fanned_out=False,
                updated_by=self.user,
                updated_at=self.now,
                **{name: getattr(parent, name) for name in _PROGRESS},
            )
            self.session.add(share)
            self.pending_new.append((share, parent))
            return 1
        if share.group_id == parent.unit_id and not share.active:
            share.active = True
            self.note(share, SHARE_BACK.format(group=group))
            return 1
        return 0  # the member's own assignment of the measure answers for it too


def _created_entry(
    share_id: int, status: str, source: str, when: datetime, user: str
) -> dict[str, Any]:
    """The shared creation entry, with the 存在问题/下步计划 fields a share starts empty."""
    return {
        **creation_entry(share_id, status, user, when, source),
        "old_problems": None,
        "new_problems": "",
        "old_next_steps": None,
        "new_next_steps": "",
    }


def reconcile(session: Session, now: datetime, user: str) -> int:
    """Bring every group's shares in line with the directory; the number of rows changed."""
    return _Reconciler(session, now, user).run()


def group_states(
    session: Session, group_rows: Iterable[int] | None, today: date
) -> dict[int, GroupState]:
    """Each fanned-out group row's state (by its id): done or ticked off when every
    member's share is, percent the mean of the shares (a finished share counts 100),
    overdue when any share is.  A share that is itself fanned out counts as its
    own derived state.  ``None`` reads every fanned-out row."""
    query = (
        select(
            Assignment.id,
            Assignment.task_id,
            Assignment.unit_id,
            Assignment.group_id,
            Assignment.status,
            Assignment.percent,
            Assignment.fanned_out,
            unit_deadline().label("deadline"),
        )
        .join(Task, Assignment.task_id == Task.id)
        .where(Assignment.active.is_(True))
        .where(or_(Assignment.fanned_out.is_(True), Assignment.group_id.is_not(None)))
    )
    rows = session.execute(query).all()
    shares: dict[tuple[int, int], list[Any]] = defaultdict(list)
    for row in rows:
        if row.group_id is not None:
            shares[(row.task_id, row.group_id)].append(row)
    states: dict[int, GroupState] = {}

    def state(row: Any, depth: int = 0) -> GroupState:
        if row.id in states:
            return states[row.id]
        parts: list[SharePart] = []
        for share in shares.get((row.task_id, row.unit_id), []):
            if share.fanned_out and not too_deep(depth, f"unit {share.unit_id}"):
                inner = state(share, depth + 1)
                parts.append(SharePart(inner.status, inner.percent, inner.overdue))
            else:
                status = STATUS_BY_TEXT[share.status]
                overdue = is_overdue(status, share.deadline, today)
                parts.append(SharePart(status, share.percent, overdue))
        found = roll_up(parts, STATUS_BY_TEXT[row.status])
        states[row.id] = found
        return found

    wanted = None if group_rows is None else set(group_rows)
    for row in rows:
        if row.fanned_out and (wanted is None or row.id in wanted):
            state(row)
    return {k: v for k, v in states.items() if wanted is None or k in wanted}


def group_and_nested(session: Session, unit_id: int) -> set[int]:
    """``unit_id`` and every unit beneath it through members (a city below a province's
    collective, its counties below it): the groups whose shares a filter by it includes."""
    links: dict[int, list[int]] = defaultdict(list)
    for group_id, member_id in session.execute(
        select(UnitGroupMember.group_id, UnitGroupMember.member_id)
    ):
        links[group_id].append(member_id)
    found = {unit_id}
    todo = [unit_id]
    while todo:
        for member in links.get(todo.pop(), ()):
            if member not in found and member in links:
                found.add(member)
                todo.append(member)
    return found


def nested_shares(session: Session) -> dict[tuple[int, str], str]:
    """(measure id, a nested group's name) → the group above it, for each share of a group's
    task that the share's own members answer (a city whose counties answer directly): its
    counties' shares, which name the city, count in the group above too."""
    share, above = aliased(Unit), aliased(Unit)
    rows = session.execute(
        select(Assignment.measure_id, share.name, above.name)
        .join(share, Assignment.unit_id == share.id)
        .join(above, Assignment.group_id == above.id)
        .where(Assignment.active.is_(True), Assignment.fanned_out.is_(True))
    )
    return {(measure, name): group for measure, name, group in rows}
