"""The units directory: canonical names, aliases, kinds, contacts, merging.

Documents name the same unit in several ways (自治区高级人民法院 / 自治区高级法院).
Every name goes through ``resolve``: known name → that unit; known alias → its
unit; otherwise the importer's canonical form is tried, and only then is a new
unit created — flagged ``needs_review`` with the closest known names, so a
clerk can merge it into the right one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased, selectinload

from db.models import (
    Assignment,
    Measure,
    Task,
    Unit,
    UnitAlias,
    UnitGroupMember,
)
from importers.messages import QT_TRANSLATE_NOOP
from importers.policy.units import canonical_unit, is_collective
from importers.text_clean import clean_unit_name
from tracker.backups.backup_service import backup_before
from tracker.errors import InvalidInputError, NotFoundError
from tracker.queries import count_if, in_force, open_condition, overdue_condition
from tracker.records import NamedRef, NewUnit, UnitInfo
from tracker.store import Store
from tracker.units.memberless import memberless_collectives
from tracker.units.unit_contacts import ContactChange, contact_history, set_contact

if TYPE_CHECKING:
    from tracker.units.unit_merge import MergePlan

_LOCAL = re.compile(r"(市|县|区|州|盟|旗)(人民政府|政府)?$")
_OTHER = ("银行", "支行", "公司", "集团", "海关")


def classify_unit(name: str) -> str:
    """部门, 地方, 集体 or 其他 — for grouping in the directory and reports."""
    if is_collective(name):  # 各市、县（区）, 有关区、市政府, 市直各有关部门, 专班成员单位 …
        return "集体"
    if any(word in name for word in _OTHER):
        return "其他"
    if _LOCAL.search(name) and not name.endswith(("厅", "委", "局", "办")):
        return "地方"
    return "部门"


def alias_map(session: Session) -> dict[str, str]:
    """Every alias the office has recorded → canonical unit name."""
    rows = session.execute(select(UnitAlias.alias, Unit.name).join(Unit))
    return {alias: name for alias, name in rows}


_LEVEL = re.compile(r"^(自治区|省|市|县|区|国家|中央|国务院)")
_KIND_SUFFIX = re.compile(r"(厅|局|委|办|院|部|委员会)$")


def suggestions(name: str, known: list[str], limit: int = 3) -> tuple[str, ...]:
    """Known names that may be the same unit, compared without the shared level prefix.

    Without stripping it, every 自治区… name looks alike (自治区财政厅 ~ 自治区商务厅).
    """
    core = _LEVEL.sub("", name)
    stem = _KIND_SUFFIX.sub("", core)
    scored = []
    for other in known:
        other_core = _LEVEL.sub("", other)
        contained = len(core) >= 2 and (core in other or other in name)
        # Below the threshold a ratio only matters for a contained name's rank, so
        # the cheap upper bounds rule out most pairs before the real comparison.
        floor = 0.0 if contained else _ALIKE
        ratio = max(
            _similarity(core, other_core, floor),
            # 公安局 / 公安厅: the same body under another kind of name
            _similarity(stem, _KIND_SUFFIX.sub("", other_core), floor) if len(stem) >= 2 else 0.0,
        )
        if ratio >= _ALIKE or contained:
            scored.append((-ratio, other))
    return tuple(other for _, other in sorted(scored)[:limit])


_ALIKE = 0.7


def _similarity(a: str, b: str, floor: float) -> float:
    """difflib's ratio of ``a`` and ``b``, or 0.0 when an upper bound of it is below ``floor``.

    The bound is difflib's ``quick_ratio`` (characters in common, however placed),
    counted here without building a matcher: most pairs of unit names share
    too few characters to be alike, and a matcher costs more than the count.
    """
    total = len(a) + len(b)
    if not total:
        return 1.0  # (difflib: two empty strings are the same)
    if 2 * min(len(a), len(b)) < floor * total:
        return 0.0
    common = sum(min(a.count(c), b.count(c)) for c in set(a).intersection(b))
    if 2 * common < floor * total:
        return 0.0
    return difflib.SequenceMatcher(None, a, b).ratio()


@dataclass
class UnitRef:
    """A unit as an import needs it: its name, and its id once it is written."""

    name: str
    id: int | None = None


class UnitResolver:
    """Resolves many names inside one import transaction, collecting the new units.

    The new units are written together by the caller (``new_rows``, then their
    ids set): one statement, not an ORM object and a flush per unit.
    """

    def __init__(self, session: Session, now: datetime) -> None:
        self.now = now
        self.by_name = {
            name: UnitRef(name, unit_id)
            for unit_id, name in session.execute(select(Unit.id, Unit.name))
        }
        self.known = list(self.by_name)
        """The office's units before this import: what a new name is compared with."""
        self.aliases = alias_map(session)
        self.created: list[NewUnit] = []
        self.pending: list[UnitRef] = []
        """New units not written yet."""

    def resolve(self, raw: str) -> UnitRef:
        raw = clean_unit_name(raw)  # no control, bidi or zero-width character gets in
        name = self.aliases.get(raw, raw)
        if name not in self.by_name:
            name = canonical_unit(name, self.aliases)
        unit = self.by_name.get(name)
        if unit is None:
            unit = UnitRef(name)
            self.pending.append(unit)
            self.created.append(NewUnit(name, suggestions(name, self.known)))
            self.by_name[name] = unit
        return unit

    def unit_id(self, raw: str) -> int:
        """The id of the unit ``raw`` names, once every new unit is ``written``."""
        unit = self.resolve(raw)
        if unit.id is None:
            raise RuntimeError(f"unit {unit.name!r} is not written yet")
        return unit.id

    def new_rows(self) -> list[dict[str, Any]]:
        """The ``units`` rows of the pending new units, flagged for a clerk's review."""
        return [
            {
                "name": u.name,
                "kind": classify_unit(u.name),
                "contact_person": "",
                "phone": "",
                "needs_review": True,
                "created_at": self.now,
            }
            for u in self.pending
        ]

    def written(self, ids: list[int]) -> None:
        """The pending units were written with ``ids`` (in order)."""
        for unit, unit_id in zip(self.pending, ids, strict=True):
            unit.id = unit_id
        self.pending = []


def _unit_counts(session: Session, today: date) -> dict[int, tuple[int, int, int]]:
    """Unit id → (assigned, open, overdue) of the assignments in force: a unit's own, and a
    group's its members' shares — a city whose counties answer directly counting in the
    group above through its counties' shares (``city``: the city's own part of the task,
    fanned out), as ``status --json`` and the bulletin's 成员合计 count them."""
    city = aliased(Assignment)
    through_city = (
        select(city.group_id)
        .select_from(Assignment)
        .join(city, (city.unit_id == Assignment.group_id) & (city.task_id == Assignment.task_id))
        .where(city.active.is_(True), city.fanned_out.is_(True), city.group_id.is_not(None))
    )
    counts: dict[int, tuple[int, int, int]] = {}
    for query in (
        select(Assignment.unit_id),
        select(Assignment.group_id).where(Assignment.group_id.is_not(None)),
        through_city,
    ):
        for uid, assigned, open_, overdue in session.execute(
            query.add_columns(
                func.count(),
                func.sum(count_if(open_condition())),
                func.sum(count_if(overdue_condition(today))),
            )
            .join(Measure, Assignment.measure_id == Measure.id)
            .join(Task, Assignment.task_id == Task.id)
            .where(in_force())
            .group_by(query.selected_columns[0])
        ):
            before = counts.get(uid, (0, 0, 0))
            counts[uid] = (
                before[0] + assigned,
                before[1] + int(open_ or 0),
                before[2] + int(overdue or 0),
            )
    return counts


class UnitService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def list(self) -> list[UnitInfo]:
        today = self.store.clock.today()
        with self.store.reading() as session:
            units = session.scalars(
                select(Unit).options(selectinload(Unit.aliases)).order_by(Unit.id)
            ).all()
            counts = _unit_counts(session, today)
            members: dict[int, list[str]] = {}
            for group_id, name in session.execute(
                select(UnitGroupMember.group_id, Unit.name)
                .join(Unit, UnitGroupMember.member_id == Unit.id)
                .order_by(UnitGroupMember.position, Unit.id)
            ):
                members.setdefault(group_id, []).append(name)
            return [
                UnitInfo(
                    id=u.id,
                    name=u.name,
                    kind=u.kind,
                    aliases=tuple(sorted(a.alias for a in u.aliases)),
                    contact_person=u.contact_person,
                    phone=u.phone,
                    needs_review=u.needs_review,
                    assigned=counts.get(u.id, (0, 0, 0))[0],
                    open=counts.get(u.id, (0, 0, 0))[1],
                    overdue=counts.get(u.id, (0, 0, 0))[2],
                    members=tuple(members.get(u.id, ())),
                )
                for u in units
            ]

    def memberless(self) -> set[str]:
        """The collectives with no member yet (``tracker.units.memberless``): no ledger, no
        chaser, no ranking until the clerk gives them members."""
        with self.store.reading() as session:
            return set(memberless_collectives(session).values())

    def named(self, text: str) -> NamedRef:
        """The unit a user means (see :meth:`find`) as a plain record."""
        with self.store.reading() as session:
            found = self.find(session, text)
            return NamedRef(found.id, found.name)

    def find(self, session: Session, text: str) -> Unit:
        """The unit a user means by ``text``: name, alias, canonical form or a unique suffix.
        Bound to this service's ``session``: other services ask :meth:`named`."""
        text = clean_unit_name(text)
        aliases = alias_map(session)
        for candidate in (text, aliases.get(text, ""), canonical_unit(text, aliases)):
            if candidate:
                unit = session.scalar(select(Unit).where(Unit.name == candidate))
                if unit is not None:
                    return unit
        names = list(session.scalars(select(Unit.name)))
        tail = [n for n in names if n.endswith(text)] if text else []
        if len(tail) == 1:
            return session.scalars(select(Unit).where(Unit.name == tail[0])).one()
        hint = suggestions(text, names) or tuple(tail[:3])
        if hint:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("messages", "unknown unit {unit!r}; did you mean {hint}?"),
                unit=text,
                hint="、".join(hint),
            )
        raise NotFoundError(QT_TRANSLATE_NOOP("messages", "unknown unit {unit!r}"), unit=text)

    def add_alias(self, unit_name: str, alias: str) -> None:
        alias = clean_unit_name(alias)
        if not alias:
            raise InvalidInputError(QT_TRANSLATE_NOOP("messages", "an alias cannot be empty"))
        with self.store.transaction() as session:
            unit = self.find(session, unit_name)
            if session.scalar(select(Unit).where(Unit.name == alias)) is not None:
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP(
                        "messages", "{alias!r} is itself a unit; merge the two units instead"
                    ),
                    alias=alias,
                )
            session.add(UnitAlias(unit_id=unit.id, alias=alias))

    def update_contact(self, unit_name: str, person: str, phone: str) -> None:
        """A clerk's 联系人 and 联系电话 for a unit; each change kept in its history."""
        now = self.store.clock.now()
        with self.store.transaction() as session:
            unit = self.find(session, unit_name)
            for field, value in (("contact", person.strip()), ("phone", phone.strip())):
                set_contact(
                    session, unit, field, value, source="手工", user=self.store.user, now=now
                )

    def contact(self, unit_name: str) -> tuple[str, str]:
        """The unit's 联系人 and 联系电话 as the directory has them."""
        with self.store.reading() as session:
            found = self.find(session, unit_name)
            return found.contact_person, found.phone

    def contact_history(self, unit_name: str) -> Sequence[ContactChange]:
        """Every change of the unit's 联系人 and 联系电话, oldest first."""
        with self.store.reading() as session:
            return contact_history(session, self.find(session, unit_name).id)

    def mark_reviewed(self, unit_name: str) -> None:
        with self.store.transaction() as session:
            self.find(session, unit_name).needs_review = False

    def plan_merge(
        self, source_name: str, target_name: str, choices: Mapping[int, str] | None = None
    ) -> MergePlan:
        """What ``merge`` would do, without writing: the assignments moved and each
        collision (a measure both units have) with both values and what is kept."""
        from tracker.units.unit_merge import plan_merge

        with self.store.reading() as session:
            source = self.find(session, source_name)
            target = self.find(session, target_name)
            return plan_merge(session, source, target, choices)[0]

    def merge(
        self, source_name: str, target_name: str, choices: Mapping[int, str] | None = None
    ) -> MergePlan:
        """Fold unit ``source`` into ``target``; its name becomes an alias.

        Where both units were assigned the same measure, ``choices`` (measure id →
        ``merged`` / ``source`` / ``target``, default ``merged``) says which values
        the one assignment left keeps; both histories stay on it, with an entry
        for the merge (``tracker.units.unit_merge``).  A backup is made first.
        """
        from tracker.units.unit_merge import merge_units

        with self.store.reading() as session:  # a name that names no unit: no backup
            self.find(session, source_name)
            self.find(session, target_name)
        backup_before(self.store, "unit-merge")
        with self.store.transaction() as session:
            source = self.find(session, source_name)
            target = self.find(session, target_name)
            return merge_units(
                session, source, target, choices, user=self.store.user, now=self.store.clock.now()
            )
