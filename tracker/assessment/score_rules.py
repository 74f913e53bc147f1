"""The office's scoring rules (考核规则) as data: a base score, and per kind of event its
points and an optional cap.

Rules are never code: a set is stored as JSON (``to_json``/``from_json``) in
``db.models.ScoreRuleSet``, each edit a new version in force from a day on.
``DEFAULT_RULES`` models the common county scheme (基础分 80；牵头单位按时完成 +2、
配合单位 +1；逾期未完成 −5 / −2.5；逾期或未报送台账 −1；通报表扬 +1、批评 −1); it is
version 0, used until the office saves a set of its own.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import InvalidInputError


class EventKind(StrEnum):
    """What a unit did or failed to do, as the rules score it (the value is its id in
    ``--set`` and JSON; ``label`` the office's words)."""

    DONE_ON_TIME_LEAD = "done_on_time_lead"
    DONE_ON_TIME_SUPPORT = "done_on_time_support"
    DONE_LATE_LEAD = "done_late_lead"
    DONE_LATE_SUPPORT = "done_late_support"
    OVERDUE_LEAD = "overdue_lead"
    OVERDUE_SUPPORT = "overdue_support"
    REPORT_ON_TIME = "report_on_time"
    REPORT_LATE = "report_late"
    REPORT_MISSING = "report_missing"
    REPORT_PENDING = "report_pending"
    """Not returned yet, before the round's 报送截止日期: no rule scores it (0 points)."""
    FINDING_ON_TIME = "finding_on_time"
    FINDING_OVERDUE = "finding_overdue"
    COMMENDATION = "commendation"
    CRITICISM = "criticism"

    @property
    def label(self) -> str:
        return LABELS[self]


LABELS: dict[EventKind, str] = {
    EventKind.DONE_ON_TIME_LEAD: "牵头单位按时完成",
    EventKind.DONE_ON_TIME_SUPPORT: "配合单位按时完成",
    EventKind.DONE_LATE_LEAD: "牵头单位逾期完成",
    EventKind.DONE_LATE_SUPPORT: "配合单位逾期完成",
    EventKind.OVERDUE_LEAD: "牵头单位逾期未完成",
    EventKind.OVERDUE_SUPPORT: "配合单位逾期未完成",
    EventKind.REPORT_ON_TIME: "按时报送台账",
    EventKind.REPORT_LATE: "逾期报送台账",
    EventKind.REPORT_MISSING: "未报送台账",
    EventKind.REPORT_PENDING: "待报送台账",
    EventKind.FINDING_ON_TIME: "问题按期整改",
    EventKind.FINDING_OVERDUE: "问题逾期整改",
    EventKind.COMMENDATION: "通报表扬",
    EventKind.CRITICISM: "通报批评",
}

BASE_LABEL = "基础分"


@dataclass(frozen=True)
class Rule:
    """Points per event; ``cap`` limits what one unit gets from this kind in a round
    (its absolute value: a cap of 10 on −5 per event stops at −10)."""

    points: Decimal
    cap: Decimal | None = None


@dataclass(frozen=True)
class RuleSet:
    version: int
    """0 for the built-in defaults; the stored versions count from 1."""
    effective_from: date | None
    base: Decimal
    rules: dict[EventKind, Rule]
    reason: str = ""

    def rule(self, kind: EventKind) -> Rule:
        return self.rules.get(kind, UNSCORED)  # (待报送: no rule set names it)

    def content(self) -> str:
        """What is stored: the base and each rule (JSON, decimals as text: exact)."""
        return json.dumps(
            {
                "base": show(self.base),
                "rules": {
                    k.value: {"points": show(r.points), "cap": _text(r.cap)}
                    for k, r in self.rules.items()
                },
            },
            ensure_ascii=False,
            sort_keys=True,
        )

    def to_json(self) -> dict[str, Any]:
        """The shape ``tracker-cli score-rules --json`` prints."""
        return {
            "version": self.version,
            "effective_from": self.effective_from.isoformat() if self.effective_from else None,
            "reason": self.reason,
            "base": float(self.base),
            "rules": [
                {
                    "event": k.value,
                    "label": k.label,
                    "points": float(r.points),
                    "cap": None if r.cap is None else float(r.cap),
                }
                for k, r in self.rules.items()
            ],
        }


def _text(value: Decimal | None) -> str | None:
    return None if value is None else show(value)


def _rule(points: str, cap: str | None = None) -> Rule:
    return Rule(Decimal(points), None if cap is None else Decimal(cap))


UNSCORED = _rule("0")
"""What an event no rule set names counts: nothing (待报送台账)."""

DEFAULT_RULES = RuleSet(
    version=0,
    effective_from=None,
    base=Decimal("80"),
    rules={
        EventKind.DONE_ON_TIME_LEAD: _rule("2"),
        EventKind.DONE_ON_TIME_SUPPORT: _rule("1"),
        EventKind.DONE_LATE_LEAD: _rule("0"),
        EventKind.DONE_LATE_SUPPORT: _rule("0"),
        EventKind.OVERDUE_LEAD: _rule("-5"),
        EventKind.OVERDUE_SUPPORT: _rule("-2.5"),
        EventKind.REPORT_ON_TIME: _rule("0"),
        EventKind.REPORT_LATE: _rule("-1"),
        EventKind.REPORT_MISSING: _rule("-1"),
        EventKind.FINDING_ON_TIME: _rule("0"),
        EventKind.FINDING_OVERDUE: _rule("-1"),
        EventKind.COMMENDATION: _rule("1"),
        EventKind.CRITICISM: _rule("-1"),
    },
    reason="默认规则（县级常见方案）",
)


def from_content(
    content: str, version: int, effective_from: date | None, reason: str = ""
) -> RuleSet:
    """A stored set; a kind it does not name (added in a later release) keeps its default."""
    data = json.loads(content)
    rules = dict(DEFAULT_RULES.rules)
    for key, value in data["rules"].items():
        if key in EventKind.__members__.values():
            rules[EventKind(key)] = _rule(value["points"], value["cap"])
    return RuleSet(version, effective_from, Decimal(data["base"]), rules, reason)


def points(text: str, what: str) -> Decimal:
    """A number of points a clerk typed (``-2.5``, ``+2``, ``1``); refused if not one."""
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        value = Decimal("NaN")
    if not value.is_finite() or abs(value) >= 1000 or value != value.quantize(Decimal("0.01")):
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages", "{what}: {text!r} is not a number of points (e.g. 2, -2.5)"
            ),
            what=what,
            text=text,
        )
    return plain(value)


def apply_setting(rules: RuleSet, setting: str) -> RuleSet:
    """``EVENT=POINTS`` or ``EVENT=POINTS:CAP`` (``:`` alone removes the cap), or
    ``base=POINTS``, applied to ``rules`` (``tracker-cli score-rules --set``)."""
    key, sep, value = setting.partition("=")
    key = key.strip()
    if not sep or not value.strip():
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "{setting!r}: write EVENT=POINTS or EVENT=POINTS:CAP"),
            setting=setting,
        )
    if key == "base":
        return replace(rules, base=points(value, key))
    if key not in [k.value for k in rules.rules]:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "unknown scoring event {event!r}; known: {known}"),
            event=key,
            known=", ".join(["base", *(k.value for k in rules.rules)]),
        )
    kind = EventKind(key)
    amount, colon, cap_text = value.partition(":")
    current = rules.rules[kind]
    new_points = points(amount, key) if amount.strip() else current.points
    cap = current.cap
    if colon:
        cap = abs(points(cap_text, key)) if cap_text.strip() else None
    return replace(rules, rules={**rules.rules, kind: Rule(new_points, cap)})


def plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or an exponent (2.50 → 2.5, 1E+1 → 10)."""
    return Decimal(format(value.normalize(), "f"))


def show(value: Decimal, signed: bool = False) -> str:
    """Points as the office writes them: 80, 2.5, -1 (``signed``: +2, -2.5, 0)."""
    text = format(plain(value), "f")
    if signed and value > 0:
        return "+" + text
    return text
