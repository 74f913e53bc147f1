"""The scoring itself: events and rules in, each unit's total and lines out — no database.

Every point a unit gets is a line (the base score first, then one line per event,
in the order the sources give them), so the total is the sum of its lines and a
unit that disputes its score is answered line by line.  A cap stops a kind's
points at the cap: the line that reaches it counts only the rest, later ones 0,
each saying so.  Units are ranked by total, ties sharing a rank (1, 2, 2, 4);
a unit with no task in force in the round, or a collective scored as one (its
members not listed separately), is scored but not ranked, with the reason.  A group
with members (``tracker.units.groups``) has its tasks answered by their shares: each
member is scored and ranked on its own, the group's task counting nowhere.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from tracker.assessment.score_rules import BASE_LABEL, EventKind, RuleSet, plain, show

NO_TASKS = "本轮无任务，不参与排名"
COLLECTIVE = "集体单位，成员未单列，不参与排名"
CAPPED = "已达上限"


@dataclass(frozen=True)
class ScoreEvent:
    """One thing a source saw a unit do in the round: the plain-data interface every
    source (tasks, ledgers returned, findings, the office's remarks) produces."""

    unit: str
    kind: EventKind
    measure: str = ""
    """The measure it concerns (document and number), or empty."""
    day: date | None = None
    role: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class ScoreLine:
    event: str
    """The event kind's id, or ``base``."""
    label: str
    measure: str
    day: date | None
    points: Decimal
    detail: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "event": self.event,
            "label": self.label,
            "measure": self.measure,
            "date": self.day.isoformat() if self.day else None,
            "points": show(self.points),
            "detail": self.detail,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ScoreLine:
        day = date.fromisoformat(data["date"]) if data["date"] else None
        points = Decimal(data["points"])
        return cls(data["event"], data["label"], data["measure"], day, points, data["detail"])


@dataclass(frozen=True)
class UnitScore:
    unit: str
    total: Decimal
    rank: int | None
    not_ranked: str
    """Why the unit is not ranked (empty when it is)."""
    lines: tuple[ScoreLine, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "total": show(self.total),
            "rank": self.rank,
            "not_ranked": self.not_ranked,
            "lines": [line.to_json() for line in self.lines],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> UnitScore:
        lines = tuple(ScoreLine.from_json(line) for line in data["lines"])
        return cls(data["unit"], Decimal(data["total"]), data["rank"], data["not_ranked"], lines)


@dataclass(frozen=True)
class RoundScores:
    """A round's scores: computed now (``version`` None) or as published (frozen)."""

    round: str
    as_of: date
    rules_version: int
    units: tuple[UnitScore, ...]
    version: int | None = None
    reason: str = ""
    published_at: datetime | None = None
    published_by: str = ""
    versions: tuple[int, ...] = field(default=())
    """Every published version of the round, oldest first."""
    rules: Mapping[str, Any] = field(default_factory=dict)
    """The rules scored by, whole (base, points and caps: ``RuleSet.content``), so a
    published score carries them even if the defaults of a later release differ."""

    @property
    def published(self) -> bool:
        return self.version is not None

    def unit(self, name: str) -> UnitScore:
        return next(u for u in self.units if u.unit == name)

    def content(self) -> dict[str, Any]:
        """What a publication stores (and ``score --json`` prints, with the version)."""
        return {
            "round": self.round,
            "as_of": self.as_of.isoformat(),
            "rules_version": self.rules_version,
            "rules": dict(self.rules),
            "units": [u.to_json() for u in self.units],
        }

    def to_json(self) -> dict[str, Any]:
        return {
            **self.content(),
            "published": self.published,
            "version": self.version,
            "reason": self.reason,
            "published_at": self.published_at.isoformat() if self.published_at else None,
            "published_by": self.published_by,
            "versions": list(self.versions),
        }

    @classmethod
    def from_content(cls, data: Mapping[str, Any], **published: Any) -> RoundScores:
        units = tuple(UnitScore.from_json(u) for u in data["units"])
        as_of = date.fromisoformat(data["as_of"])
        rules = data.get("rules", {})
        return cls(data["round"], as_of, data["rules_version"], units, rules=rules, **published)


def score_units(
    events: Iterable[ScoreEvent], scope: Mapping[str, str], rules: RuleSet
) -> list[UnitScore]:
    """Each unit of ``scope`` (unit → why it is not ranked, empty if it is) and each unit
    an event names, scored by ``rules`` and ranked; ranked units first, best first (equal
    totals in the order of ``scope``, then of the events: the documents' order)."""
    by_unit: dict[str, list[ScoreEvent]] = {unit: [] for unit in scope}
    for event in events:
        by_unit.setdefault(event.unit, []).append(event)
    scored = []
    for unit, found in by_unit.items():
        lines = _lines(found, rules)
        total = plain(sum((line.points for line in lines), Decimal(0)))
        scored.append((unit, total, scope.get(unit, NO_TASKS), lines))
    ranked = sorted((s for s in scored if not s[2]), key=lambda s: -s[1])
    others = sorted((s for s in scored if s[2]), key=lambda s: -s[1])
    out = []
    for unit, total, _, lines in ranked:
        rank = 1 + sum(1 for other in ranked if other[1] > total)
        out.append(UnitScore(unit, total, rank, "", tuple(lines)))
    out.extend(
        UnitScore(unit, total, None, why, tuple(lines)) for unit, total, why, lines in others
    )
    return out


def _lines(events: list[ScoreEvent], rules: RuleSet) -> list[ScoreLine]:
    lines = [ScoreLine("base", BASE_LABEL, "", None, rules.base)]
    taken: dict[EventKind, Decimal] = {}
    for event in events:
        rule = rules.rule(event.kind)
        amount = rule.points
        detail = event.detail
        if rule.cap is not None:
            room = max(rule.cap - taken.get(event.kind, Decimal(0)), Decimal(0))
            if abs(amount) > room:
                amount = room if amount > 0 else -room
                detail = f"{detail}；{CAPPED}" if detail else CAPPED
            taken[event.kind] = taken.get(event.kind, Decimal(0)) + abs(amount)
        kind = event.kind
        lines.append(
            ScoreLine(kind.value, kind.label, event.measure, event.day, plain(amount), detail)
        )
    return lines
