"""Overdue rows marked on the ledger itself, by conditional formatting.

A fill written at export would be wrong the day after a deadline passes, or once
the unit sets 已完成; a rule comparing the deadline with ``TODAY()`` and the row's
完成状态 stays true in Excel, WPS and LibreOffice as the days pass and as the unit
fills the sheet in.  A row whose 完成时限 cell holds the date is compared with that
cell; a row showing text (``2021年底前``) or under a merged 完成时限 (the master's
later unit rows) is compared with its date written into the rule, one rule per date.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from datetime import date
from typing import Any

from openpyxl.formatting.rule import Rule
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.differential import DifferentialStyle

from importers.ledger.columns import LAST_LETTER, LETTERS
from importers.ledger.data_rows import Block
from importers.statuses import Status

OVERDUE_FILL = "FFC7CE"
OVERDUE_FONT = "9C0006"
"""Excel's own "light red fill with dark red text": what clerks know as a warning."""
NOT_OVERDUE: tuple[str, ...] = (Status.DONE.value, Status.TICKED_OFF.value, Status.STANDING.value)
"""Statuses a passed deadline does not make overdue (``tracker.statuses.WITHOUT_DEADLINE``)."""


def overdue_rules(blocks: list[Block]) -> Iterator[tuple[str, Rule]]:
    """(ranges, rule) pairs marking every overdue row of ``blocks`` as written (the first
    row of each block holds the measure's 完成时限 cell)."""
    own_cell: list[int] = []
    by_date: dict[date, list[int]] = defaultdict(list)
    for block in blocks:
        for r, row in enumerate(block.rows, start=block.top):
            if row.deadline is None:
                continue
            if r == block.top and not row.deadline_text:
                own_cell.append(r)
            else:
                by_date[row.deadline].append(r)
    if own_cell:
        cell = f"${LETTERS['deadline']}{own_cell[0]}"
        yield _ranges(own_cell), _rule(f"AND(ISNUMBER({cell}),{cell}<TODAY()", own_cell[0])
    for deadline, numbers in sorted(by_date.items()):
        when = f"DATE({deadline.year},{deadline.month},{deadline.day})"
        yield _ranges(numbers), _rule(f"AND({when}<TODAY()", numbers[0])


def mark_overdue(ws: Any, blocks: list[Block]) -> None:
    """Add the overdue rules to the write-only worksheet ``ws`` (before its rows)."""
    for ranges, rule in overdue_rules(blocks):
        ws.conditional_formatting.add(ranges, rule)


def _rule(start: str, top: int) -> Rule:
    status = f"${LETTERS['status']}{top}"
    unfinished = ",".join(f'{status}<>"{s}"' for s in NOT_OVERDUE)
    style = DifferentialStyle(
        font=Font(color=OVERDUE_FONT),
        fill=PatternFill(bgColor=OVERDUE_FILL, fill_type="solid"),
    )
    return Rule(type="expression", dxf=style, formula=[f"{start},{unfinished})"], stopIfTrue=False)


def _ranges(numbers: list[int]) -> str:
    """Whole rows ``A:last`` for ascending row ``numbers``, runs joined: ``A4:T9 A12:T12``."""
    runs: list[str] = []
    start = prev = numbers[0]
    for n in [*numbers[1:], None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(f"A{start}:{LAST_LETTER}{prev}")
        if n is not None:
            start = prev = n
    return " ".join(runs)
