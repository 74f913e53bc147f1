"""A clerk's corrections of rejected cells, read with the same rules as the file's cells.

A returned ledger with a bad 完成进度 (``0.5``, ``八十``), an unknown 当前状态 or a 申请延期至
that is no date need not
go back to its unit: in the import preview the clerk may type the value the unit
meant.  ``corrected`` gives the file as if the cell had held that text — read by
the very functions the reader uses (``importers.ledger.cells.percent_cell``,
``importers.ledger.statuses.normalize_status``), so a correction passes exactly the
checks a cell does, and a wrong one stays rejected with the new reason.  The
整改台账's 整改状态 and 完成进度 are corrected the same way.  Its own
module because the reader never sees corrections and the service only passes them on.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from typing import Any

from importers.ledger.cells import CellValueError, percent_cell, to_date
from importers.ledger.columns import header_for_field
from importers.ledger.model import CellError, LedgerFile, ReturnedFinding, ReturnedRow
from importers.ledger.statuses import UnknownStatusError, normalize_status
from importers.messages import QT_TRANSLATE_NOOP

EDITABLE = ("status", "percent", "extension_to")
"""The fields whose rejected cells a clerk may correct: a value the unit typed (申请延期至
a date), not the row's identity (措施编号, 责任单位) or a locked column."""

_ADDRESS = re.compile(r"([A-Z]+)(\d+)")


def cell_key(sheet: str, cell: str) -> str:
    """How a correction names its cell: ``sheet!A1``."""
    return f"{sheet}!{cell}"


def editable_field(read: LedgerFile, error: CellError) -> str | None:
    """The field a rejected cell holds if the clerk may correct it (its row was read)."""
    found = _ADDRESS.fullmatch(error.cell)
    if found is None:
        return None
    letter, row = found.group(1), int(found.group(2))
    columns = read.columns.get(error.sheet, {})
    name = next((f for f in EDITABLE if columns.get(f) == letter), None)
    if name is None or _row(read, error.sheet, row) is None:
        return None
    return name


def corrected(read: LedgerFile, typed: Mapping[str, str]) -> LedgerFile:
    """``read`` with each rejected cell named in ``typed`` (``cell_key`` → text) read from the
    clerk's text: accepted, the row takes the value and the cell is no longer rejected;
    refused, it stays rejected with why.  Other keys are left alone."""
    if not typed:
        return read
    rows = {(r.sheet, r.row): r for r in read.rows}
    findings = {(r.sheet, r.row): r for r in read.findings}
    errors: list[CellError] = []
    for error in read.errors:
        text = typed.get(cell_key(error.sheet, error.cell))
        name = editable_field(read, error) if text is not None else None
        if text is None or name is None:
            errors.append(error)
            continue
        row_number = int(_ADDRESS.fullmatch(error.cell).group(2))  # type: ignore[union-attr]
        try:
            value = _read_value(name, text)
        except (CellValueError, UnknownStatusError) as exc:
            errors.append(CellError(error.sheet, error.cell, exc.as_message()))
            continue
        key = (error.sheet, row_number)
        if key in rows:
            rows[key] = rows[key]._replace(**{name: value})
        else:
            findings[key] = dataclasses.replace(findings[key], **{name: value})
    return dataclasses.replace(
        read, rows=list(rows.values()), findings=list(findings.values()), errors=errors
    )


def _read_value(name: str, text: str) -> Any:
    """The value of a status or percent cell holding ``text``; raises as the reader would."""
    if name == "status":
        return normalize_status(text)
    if name == "extension_to":
        found = to_date(text.strip())
        if found is None:
            raise CellValueError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    '{column} "{value}" is not a date; write it as 2021-12-31 or 2021年12月31日',
                ),
                column=header_for_field("extension_to"),
                value=text.strip(),
            )
        return found
    return percent_cell(text.strip(), None)


def _row(read: LedgerFile, sheet: str, row: int) -> ReturnedRow | ReturnedFinding | None:
    """The row read at ``sheet`` row ``row``: a main sheet's, or the 整改台账's."""
    lines: list[ReturnedRow | ReturnedFinding] = [*read.rows, *read.findings]
    return next((r for r in lines if r.sheet == sheet and r.row == row), None)
