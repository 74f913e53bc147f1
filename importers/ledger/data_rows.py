"""An exported data sheet's rows as XML: one row per assignment, measures merged.

Split from :mod:`importers.ledger.writer` (which writes each sheet's frame) because
the rows are the bulk of an export and have rules of their own: which cell of a
row holds what, how tall a row must be for a long answer to print whole, and —
in the master ledger — the measure's own cells (序号, 具体内容, 完成时限 …)
merged down across its units' rows, as offices print it.  The reader fills a
merged area's value into every row it covers, so the master still reads back.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from importers.ledger import layout, sheetxml
from importers.ledger.columns import COLUMNS, LETTERS
from importers.ledger.model import LedgerRow

FIRST_DATA_ROW = 4
"""Row 1 is the title, row 2 the unit/round/date line, row 3 the header."""
HEADING_HEIGHT = 20
MEASURE_FIELDS = (
    "seq",
    "measure_code",
    "task",
    "content",
    "lead_units",
    "support_units",
    "deadline",
    "milestones",
)
"""The measure's own columns: the same on each of its units' rows (merged in the master)."""
_WIDTHS = {c.field: c.width for c in COLUMNS}
_MEASURE_WRAPPED = ("task", "content", "lead_units", "support_units", "milestones")
_ROW_WRAPPED = (
    "unit",
    "progress",
    "problems",
    "next_steps",
    "delay_reason",
    "evidence",
    "extension_reason",
)


@dataclass(frozen=True)
class RowStyles:
    """The ``s`` attributes of a data row's cells."""

    text: str
    center: str
    date: str
    fill_text: str
    fill_center: str
    fill_number: str
    fill_phone: str
    fill_date: str
    heading: str

    @classmethod
    def of(cls, ws: Any, p: layout.Palette) -> RowStyles:
        s = sheetxml.style_attr
        return cls(
            text=s(ws, p.text),
            center=s(ws, p.center),
            date=s(ws, p.date),
            fill_text=s(ws, p.fill_text),
            fill_center=s(ws, p.fill_center),
            fill_number=s(ws, p.fill_number),
            fill_phone=s(ws, p.fill_phone),
            fill_date=s(ws, p.fill_date),
            heading=s(ws, p.heading),
        )


@dataclass(frozen=True)
class Block:
    """Lines written together from Excel row ``top``: the rows of one measure (merged in
    the master, one row each in a unit's ledger), or a ``heading`` (no rows)."""

    top: int
    rows: list[LedgerRow]
    seq: int = 0
    """序号: the measure's number in the sheet (a measure split by a heading keeps it)."""
    heading: str = ""


def measure_blocks(lines: list[tuple[int, LedgerRow | str]], *, merge: bool) -> list[Block]:
    """``lines`` (``LedgerSheet.lines``) as blocks: consecutive rows of one measure are one
    block when ``merge``; a heading is a block of its own and ends the one before it."""
    blocks: list[Block] = []
    seq = 0
    last: LedgerRow | None = None
    for excel_row, line in lines:
        if isinstance(line, str):
            blocks.append(Block(excel_row, [], heading=line))
            continue
        same = last is not None and _same_measure(last, line)
        if not same:
            seq += 1
        current = blocks[-1] if blocks else None
        if merge and same and current is not None and current.rows:
            current.rows.append(line)
        else:
            blocks.append(Block(excel_row, [line], seq))
        last = line
    return blocks


def _same_measure(a: LedgerRow, b: LedgerRow) -> bool:
    return (a.measure_code, a.task, a.content, a.deadline, a.deadline_text) == (
        b.measure_code,
        b.task,
        b.content,
        b.deadline,
        b.deadline_text,
    )


def merged_ranges(blocks: list[Block]) -> Iterator[str]:
    """The merged areas of the measure columns for blocks of more than one row."""
    for block in blocks:
        if len(block.rows) > 1:
            bottom = block.top + len(block.rows) - 1
            for name in MEASURE_FIELDS:
                letter = LETTERS[name]
                yield f"{letter}{block.top}:{letter}{bottom}"


def data_rows(blocks: list[Block], s: RowStyles) -> Iterator[str]:
    """Every line's XML; in each block the measure's cells are written on its first row
    only (the others are empty, styled, under the merged area)."""
    at = LETTERS
    text, number = sheetxml.text_cell, sheetxml.number_cell
    for block in blocks:
        if not block.rows:  # a group's heading, merged across the row
            yield sheetxml.row(
                block.top, [text(f"A{block.top}", s.heading, block.heading)], HEADING_HEIGHT
            )
            continue
        head = block.rows[0]
        shared = _height(head, _MEASURE_WRAPPED) / len(block.rows)
        for r, row in enumerate(block.rows, start=block.top):
            if r == block.top:
                if row.deadline_text:
                    deadline = text(f"{at['deadline']}{r}", s.center, row.deadline_text)
                else:
                    deadline = sheetxml.date_cell(f"{at['deadline']}{r}", s.date, row.deadline)
                before: tuple[str, ...] = (
                    number(f"{at['seq']}{r}", s.center, block.seq),
                    text(f"{at['measure_code']}{r}", s.center, row.measure_code),
                    text(f"{at['task']}{r}", s.text, row.task),
                    text(f"{at['content']}{r}", s.text, row.content),
                    text(f"{at['lead_units']}{r}", s.center, row.lead_units),
                    text(f"{at['support_units']}{r}", s.center, row.support_units),
                )
                after: tuple[str, ...] = (
                    deadline,
                    text(f"{at['milestones']}{r}", s.text, row.milestones),
                )
            else:
                before = tuple(f'<c r="{at[name]}{r}"{s.text}/>' for name in MEASURE_FIELDS[:6])
                after = tuple(f'<c r="{at[name]}{r}"{s.text}/>' for name in MEASURE_FIELDS[6:])
            cells = (
                *before,
                text(f"{at['unit']}{r}", s.center, row.unit),
                *after,
                text(f"{at['status']}{r}", s.fill_center, row.status),
                number(f"{at['percent']}{r}", s.fill_number, row.percent),
                text(f"{at['progress']}{r}", s.fill_text, row.progress),
                text(f"{at['problems']}{r}", s.fill_text, row.problems),
                text(f"{at['next_steps']}{r}", s.fill_text, row.next_steps),
                text(f"{at['delay_reason']}{r}", s.fill_text, row.delay_reason),
                text(f"{at['evidence']}{r}", s.fill_text, row.evidence),
                sheetxml.date_cell(f"{at['extension_to']}{r}", s.fill_date, row.extension_to),
                text(f"{at['extension_reason']}{r}", s.fill_text, row.extension_reason),
                text(f"{at['contact']}{r}", s.fill_center, row.contact),
                text(f"{at['phone']}{r}", s.fill_phone, row.phone),
            )
            yield sheetxml.row(r, cells, max(_height(row, _ROW_WRAPPED), shared))


def _height(row: LedgerRow, fields: tuple[str, ...]) -> float:
    return layout.row_height([(getattr(row, name), _WIDTHS[name]) for name in fields])
