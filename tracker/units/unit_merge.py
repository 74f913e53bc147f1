"""Folding one unit into another without losing a value.

Where both units were assigned the same measure (a *collision*), two
assignments become one.  By default the more advanced progress is kept (the
status higher on 未启动 → 长期坚持 → 推进中 → 已完成 → 已销号, then the higher
percent, status and percent taken together from that side) and every text of
both is kept, each labelled with its unit (``【A】…\n【B】…``); a clerk may
instead keep one side's values as they are.  The source's history moves onto
the kept assignment, and one more entry records the merge itself, so the
history of both shows and the replay of a round ends on the merged values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session, selectinload

from db.models import (
    Assignment,
    Finding,
    HeadingLead,
    ImportBatch,
    LedgerExport,
    Measure,
    ProgressEntry,
    Unit,
    UnitAlias,
    UnitGroupMember,
)
from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import InvalidInputError
from tracker.progress.history_entries import Provenance, history_entry
from tracker.statuses import Status
from tracker.units.fan_out import reconcile

MERGED = "merged"
"""Keep the more advanced progress and both units' texts (the default)."""
SOURCE = "source"
"""Keep the values of the unit merged away."""
TARGET = "target"
"""Keep the values of the unit merged into."""
CHOICES = (MERGED, SOURCE, TARGET)

_RANK = {
    Status.NOT_STARTED.value: 0,
    Status.STANDING.value: 1,
    Status.IN_PROGRESS.value: 2,
    Status.DONE.value: 3,
    Status.TICKED_OFF.value: 4,
}
_TEXTS = ("note", "problems", "next_steps")


@dataclass(frozen=True)
class Progress:
    """One assignment's values, as a merge compares and keeps them."""

    status: str
    percent: int | None
    note: str
    problems: str
    next_steps: str

    def fields(self) -> dict[str, object]:
        return {
            "status": self.status,
            "percent": self.percent,
            "note": self.note,
            "problems": self.problems,
            "next_steps": self.next_steps,
        }


@dataclass(frozen=True)
class Collision:
    """A measure both units were assigned: both values, and what the merge keeps."""

    measure_id: int
    doc_label: str
    code: str
    title: str
    source: Progress
    target: Progress
    kept: Progress
    choice: str = MERGED


@dataclass(frozen=True)
class MergePlan:
    """What merging ``source`` into ``target`` does (or did): assignments moved, collisions."""

    source: str
    target: str
    moved: int
    collisions: tuple[Collision, ...]


def progress_of(assignment: Assignment) -> Progress:
    return Progress(
        assignment.status,
        assignment.percent,
        assignment.note or "",
        assignment.problems or "",
        assignment.next_steps or "",
    )


def combined(source: Progress, target: Progress, source_name: str, target_name: str) -> Progress:
    """The default rule: the more advanced status/percent, and both units' texts."""
    ahead = max(
        (target, source),  # on a tie the target's values stay
        key=lambda p: (_RANK.get(p.status, 0), -1 if p.percent is None else p.percent),
    )
    texts = {
        name: _joined(getattr(source, name), getattr(target, name), source_name, target_name)
        for name in _TEXTS
    }
    return Progress(ahead.status, ahead.percent, **texts)


def _joined(source: str, target: str, source_name: str, target_name: str) -> str:
    """Both texts, each under its unit's name; one alone (or the same twice) as it is."""
    source, target = source.strip(), target.strip()
    if not source or source == target:
        return target
    if not target:
        return source
    return f"【{source_name}】{source}\n【{target_name}】{target}"


def kept_values(collision: Collision, choice: str, source_name: str, target_name: str) -> Progress:
    if choice == SOURCE:
        return collision.source
    if choice == TARGET:
        return collision.target
    return combined(collision.source, collision.target, source_name, target_name)


def plan_merge(
    session: Session, source: Unit, target: Unit, choices: Mapping[int, str] | None = None
) -> tuple[MergePlan, list[tuple[Assignment, Assignment]]]:
    """The plan, and each collision's (source assignment, target assignment)."""
    if source.id == target.id:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "a unit cannot be merged into itself")
        )
    choices = choices or {}
    for choice in choices.values():
        if choice not in CHOICES:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "unknown merge choice {choice!r}; allowed: {allowed}"
                ),
                choice=choice,
                allowed="、".join(CHOICES),
            )
    options = selectinload(Assignment.measure).selectinload(Measure.document)
    target_by_task = {  # both units in one task collide; in two sub-tasks of a measure they do not
        a.task_id: a
        for a in session.scalars(
            select(Assignment).where(Assignment.unit_id == target.id).options(options)
        )
    }
    moved = 0
    pairs: list[tuple[Assignment, Assignment]] = []
    collisions: list[Collision] = []
    for assignment in session.scalars(
        select(Assignment).where(Assignment.unit_id == source.id).options(options)
    ).all():
        kept = target_by_task.get(assignment.task_id)
        if kept is None:
            moved += 1
            continue
        measure = assignment.measure
        draft = Collision(
            measure.id,
            measure.document.doc_number or measure.document.short_title,
            measure.code,
            measure.title,
            progress_of(assignment),
            progress_of(kept),
            progress_of(kept),
        )
        choice = choices.get(measure.id, MERGED)
        kept_now = kept_values(draft, choice, source.name, target.name)
        collisions.append(replace(draft, kept=kept_now, choice=choice))
        pairs.append((assignment, kept))
    order = sorted(range(len(collisions)), key=lambda k: _code_key(collisions[k]))
    plan = MergePlan(source.name, target.name, moved, tuple(collisions[k] for k in order))
    return plan, [pairs[k] for k in order]


def _code_key(collision: Collision) -> tuple[str, tuple[int, ...], str]:
    numbers = tuple(int(p) if p.isdigit() else 0 for p in collision.code.split("."))
    return collision.doc_label, numbers, collision.code


def merge_units(
    session: Session,
    source: Unit,
    target: Unit,
    choices: Mapping[int, str] | None,
    *,
    user: str,
    now: datetime,
) -> MergePlan:
    """Fold ``source`` into ``target`` in the caller's transaction; its name becomes an alias."""
    plan, pairs = plan_merge(session, source, target, choices)
    colliding = {a.id for a, _ in pairs}
    for assignment in session.scalars(select(Assignment).where(Assignment.unit_id == source.id)):
        if assignment.id not in colliding:
            assignment.unit_id = target.id
    origin = Provenance(f"合并单位 {source.name} → {target.name}")
    for collision, (gone, kept) in zip(plan.collisions, pairs, strict=True):
        session.execute(
            update(ProgressEntry)
            .where(ProgressEntry.assignment_id == gone.id)
            .values(assignment_id=kept.id)
        )
        before = progress_of(kept).fields()
        after = collision.kept.fields()
        session.add(ProgressEntry(**history_entry(kept.id, before, after, origin, now, user)))
        for name, value in after.items():
            setattr(kept, name, value)
        kept.active = kept.active or gone.active
        if gone.role == "牵头":
            kept.role = gone.role
        kept.updated_by, kept.updated_at = user, now
        session.delete(gone)
    session.flush()
    _move_leads(session, source.id, target.id)
    # (the database would SET NULL the ledgers sent to and returned by the unit merged
    # away: whose file it was, lost; and refuse to delete a unit that still has findings)
    for table in (UnitAlias, LedgerExport, ImportBatch, Finding):
        session.execute(update(table).where(table.unit_id == source.id).values(unit_id=target.id))
    session.execute(
        update(Assignment).where(Assignment.group_id == source.id).values(group_id=target.id)
    )
    _move_memberships(session, source.id, target.id)
    session.flush()
    session.add(UnitAlias(unit_id=target.id, alias=source.name))
    if not target.contact_person and source.contact_person:
        target.contact_person, target.phone = source.contact_person, source.phone
    session.delete(source)
    session.flush()
    reconcile(session, now, user)
    return plan


def _move_memberships(session: Session, source_id: int, target_id: int) -> None:
    """The merged unit's members become the target's, and its places in groups too."""
    links = session.execute(
        select(UnitGroupMember.group_id, UnitGroupMember.member_id, UnitGroupMember.position)
    ).all()
    existing = {(g, m) for g, m, _ in links}
    session.execute(
        delete(UnitGroupMember).where(
            (UnitGroupMember.group_id == source_id) | (UnitGroupMember.member_id == source_id)
        )
    )
    for group_id, member_id, position in links:
        moved = (
            target_id if group_id == source_id else group_id,
            target_id if member_id == source_id else member_id,
        )
        if source_id in (group_id, member_id) and moved[0] != moved[1] and moved not in existing:
            existing.add(moved)
            session.add(UnitGroupMember(group_id=moved[0], member_id=moved[1], position=position))


def _move_leads(session: Session, source_id: int, target_id: int) -> None:
    existing = set(
        session.scalars(select(HeadingLead.heading_id).where(HeadingLead.unit_id == target_id))
    )
    for lead in session.scalars(select(HeadingLead).where(HeadingLead.unit_id == source_id)).all():
        if lead.heading_id not in existing:
            session.add(
                HeadingLead(heading_id=lead.heading_id, unit_id=target_id, position=lead.position)
            )
        session.delete(lead)
