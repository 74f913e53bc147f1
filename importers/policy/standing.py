"""Units a document names once for everything that follows.

``以下各项任务均需各区政府落实，不再列出`` (or ``…均由各县（市、区）配合，不再一一列出``)
makes the named units responsible for every later measure without repeating
them in each bracket.  The rule holds from its paragraph on until another such
rule replaces it or its part ends (``standing_rules``); ``以下…不再列出`` naming nobody
ends it.  The units join every task as supporting units, after its bracket's own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from importers.policy.model import ParsedMeasure
from importers.policy.repair import Paragraph
from importers.policy.units import split_units

_NOT_LISTED = r"[^。]{0,20}?不再(?:一一|逐一|单独)?列(?:出|明)"
_STANDING_RE = re.compile(
    r"以下(?:各项|所有|全部)?(?:工作|任务|措施|事项)?(?:"
    r"(?:均|都|皆)(?:需|须|要|由|应)?(?P<units>[^。；;]{0,80}?)"
    rf"(?:牵头|负责|配合|参与|落实|承担|组织实施){_NOT_LISTED}"
    r"|(?P<named>[^。；;]{2,80}?)(?:均|都)(?:为|是)(?:责任|配合|落实|实施)(?:单位|主体|部门)"
    rf"{_NOT_LISTED})"
)
"""``以下各项任务均需X落实，不再列出`` or ``以下各项任务X均为责任单位，不再一一列出``."""


@dataclass(frozen=True)
class StandingRule:
    """Units named once for the measures from ``start`` (a line) up to ``end``."""

    start: int
    units: list[str]
    end: float = float("inf")


def standing_rules(
    paragraphs: Sequence[Paragraph],
    aliases: Mapping[str, str] | None = None,
    part_lines: Sequence[int] = (),
    measure_lines: Sequence[int] = (),
) -> list[StandingRule]:
    """Every standing rule, in document order.

    A rule stated inside a part that holds measures (right under 二、重点任务) speaks of
    that part's tasks: it ends at the next part heading (三、保障措施).  One stated before
    the measures' parts (in the preamble, under 总体要求) holds until replaced.
    """
    rules: list[StandingRule] = []
    for paragraph in paragraphs:
        for match in _STANDING_RE.finditer(paragraph.text):
            named = match.group("units")
            named = match.group("named") if named is None else named
            line = paragraph.line
            end = min((part for part in part_lines if part > line), default=float("inf"))
            if not any(line < measure < end for measure in measure_lines):
                end = float("inf")
            rules.append(StandingRule(line, split_units(named, aliases), end))
    return rules


def add_standing_units(measure: ParsedMeasure, rules: Sequence[StandingRule], line: int) -> None:
    """Add the units of the rule in force at ``line`` to every task of ``measure``."""
    in_force = [rule for rule in rules if rule.start <= line]
    if not in_force or line >= in_force[-1].end or not in_force[-1].units:
        return
    units = in_force[-1].units
    for task in measure.tasks:
        task.units = list(dict.fromkeys([*task.units, *units]))
    measure.units = list(dict.fromkeys([*measure.units, *units]))
