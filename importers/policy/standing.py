"""Units a document names once for everything that follows.

``以下各项任务均需各区政府落实，不再列出`` (or ``…均由各县（市、区）配合，不再一一列出``)
makes the named units responsible for every later measure without repeating
them in each bracket.  The rule holds from its paragraph on until another such
rule replaces it; ``以下…不再列出`` naming nobody ends it.  The units join every
task as supporting units, after the ones its own bracket names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from importers.policy.model import ParsedMeasure
from importers.policy.repair import Paragraph
from importers.policy.units import split_units

_STANDING_RE = re.compile(
    r"以下(?:各项|所有|全部)?(?:工作|任务|措施|事项)?(?:均|都|皆)(?:需|须|要|由|应)?"
    r"(?P<units>[^。；;]{0,80}?)"
    r"(?:牵头|负责|配合|参与|落实|承担|组织实施)[^。]{0,20}?不再(?:一一|逐一|单独)?列(?:出|明)"
)


def standing_rules(
    paragraphs: Sequence[Paragraph], aliases: Mapping[str, str] | None = None
) -> list[tuple[int, list[str]]]:
    """``(line, units)`` for every standing rule, in document order."""
    rules: list[tuple[int, list[str]]] = []
    for paragraph in paragraphs:
        for match in _STANDING_RE.finditer(paragraph.text):
            rules.append((paragraph.line, split_units(match.group("units"), aliases)))
    return rules


def add_standing_units(
    measure: ParsedMeasure, rules: Sequence[tuple[int, list[str]]], line: int
) -> None:
    """Add the units of the rule in force at ``line`` to every task of ``measure``."""
    units: list[str] = []
    for start, named in rules:
        if start <= line:
            units = named
    if not units:
        return
    for task in measure.tasks:
        task.units = list(dict.fromkeys([*task.units, *units]))
    measure.units = list(dict.fromkeys([*measure.units, *units]))
