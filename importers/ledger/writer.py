"""Export: a :class:`LedgerWorkbook` becomes the Excel file sent to units.

openpyxl (write-only mode) writes the workbook's frame: styles, the summary
sheet, each sheet's title, info and header rows, merges, validations,
protection and print setup.  The data rows and the hidden sheet's row lines —
all of a 100,000-row master ledger's bulk — are formatted by
:mod:`importers.ledger.sheetxml` with the style ids openpyxl registered, and
streamed into the saved package: openpyxl's per-cell work was four fifths of
an export's time.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from importers.ledger import finding_sheet, layout, sheetxml
from importers.ledger.columns import COLUMNS, LAST_LETTER, LETTERS
from importers.ledger.data_rows import (
    FIRST_DATA_ROW,
    RowStyles,
    data_rows,
    measure_blocks,
    merged_ranges,
)
from importers.ledger.metadata import (
    META_SHEET,
    ROW_HEADER,
    ExportedSheet,
    header_lines,
    row_line,
)
from importers.ledger.model import LedgerRow, LedgerSheet, LedgerWorkbook
from importers.ledger.naming import sheet_names
from importers.ledger.overdue_marks import mark_overdue
from importers.ledger.statuses import STATUSES, UNIT_STATUSES
from importers.ledger.summary import write_summary
from importers.statuses import Status

LAST_COLUMN = LAST_LETTER
_META_COLUMNS = [get_column_letter(i) for i in range(1, len(ROW_HEADER) + 1)]


def write_ledger(workbook: LedgerWorkbook, path: Path) -> None:
    """Write ``workbook`` to ``path`` (``.xlsx``), replacing it atomically.

    The file is written next to ``path`` and renamed into place, so an export
    interrupted half-way never leaves a truncated ledger in the office's folder.
    """
    wb = Workbook(write_only=True)
    wb.properties.creator = workbook.office
    wb.properties.title = workbook.sheets[0].title if workbook.sheets else "工作台账"
    if workbook.kind == "master":
        write_summary(wb, workbook)
    names = sheet_names([s.title for s in workbook.sheets], [s.name for s in workbook.sheets])
    exported = [
        ExportedSheet(n, s.doc_key, s.title) for n, s in zip(names, workbook.sheets, strict=True)
    ]
    bulk: list[tuple[Any, Iterable[str]]] = []
    palette: layout.Palette | None = None
    for name, sheet in zip(names, workbook.sheets, strict=True):
        ws = wb.create_sheet(name)
        palette = palette or layout.make_palette(ws)  # one for the workbook's many sheets
        bulk.append((ws, _write_data_sheet(ws, workbook, sheet, palette)))
    if workbook.findings:
        top_left = f"{finding_sheet.letter('percent')}{finding_sheet.FIRST_ROW}"
        finding_sheet.write_findings_sheet(wb, workbook, palette, percent_validation(top_left))
    meta = wb.create_sheet(META_SHEET)
    meta.sheet_state = "hidden"
    layout.protect(meta)
    head = list(header_lines(workbook, exported))
    for line in head:
        meta.append([layout.plain_text(meta, text) for text in line])
    bulk.append((meta, _meta_rows(len(head) + 1, names, workbook.sheets)))
    _save(wb, bulk, path)


def _save(wb: Any, bulk: list[tuple[Any, Iterable[str]]], path: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".ledger-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        sheetxml.save(wb, bulk, Path(tmp))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; exports are shared files
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_data_sheet(
    ws: Any, book: LedgerWorkbook, sheet: LedgerSheet, palette: layout.Palette
) -> Iterator[str]:
    """Write the sheet's frame and first three rows; return its data rows' XML, lazily."""
    layout.set_widths(ws, [c.width for c in COLUMNS])
    lines = sheet.lines(FIRST_DATA_ROW)
    blocks = measure_blocks(lines, merge=book.kind == "master")
    _sheet_setup(ws, book, lines)
    for area in merged_ranges(blocks):
        ws.merged_cells.add(area)
    mark_overdue(ws, blocks)

    ws.append([layout.cell(ws, sheet.title, palette.title)])
    who, round_text, as_of = layout.info_line(book)
    ws.append(
        [
            layout.cell(ws, who, palette.info),
            *[None] * 5,
            layout.cell(ws, round_text, palette.info),
            *[None] * 5,
            layout.cell(ws, as_of, palette.info_right),
        ]
    )
    ws.append(
        [
            layout.cell(ws, c.header, palette.header_fill_in if c.fill_in else palette.header)
            for c in COLUMNS
        ]
    )
    return data_rows(blocks, RowStyles.of(ws, palette))


def _sheet_setup(ws: Any, book: LedgerWorkbook, lines: list[tuple[int, LedgerRow | str]]) -> None:
    """Merges, heights, print setup, protection and validations: all before the rows."""
    last_row = FIRST_DATA_ROW + len(lines) - 1
    ws.merged_cells.add(f"A1:{LAST_COLUMN}1")
    for excel_row, line in lines:
        if isinstance(line, str):  # a heading over a group's members
            ws.merged_cells.add(f"A{excel_row}:{LAST_COLUMN}{excel_row}")
    ws.merged_cells.add("A2:F2")
    ws.merged_cells.add("G2:L2")
    ws.merged_cells.add(f"M2:{LAST_COLUMN}2")
    ws.row_dimensions[1].height = 36
    ws.row_dimensions[2].height = 20
    ws.row_dimensions[3].height = 30
    layout.print_setup(ws, title_rows="3:3", freeze=f"A{FIRST_DATA_ROW}")
    layout.protect(ws)
    ws.auto_filter.ref = f"A3:{LAST_COLUMN}{max(last_row, 3)}"
    if last_row < FIRST_DATA_ROW:
        return
    everything = UNIT_STATUSES if book.kind == "unit" else STATUSES
    dated = tuple(s for s in everything if s != Status.STANDING.value)
    status = _column("status")
    for allowed, ranges in (
        (everything, status_ranges(status, lines, dated=False)),
        (dated, status_ranges(status, lines, dated=True)),
    ):
        if ranges:
            ws.data_validations.append(_status_rule(allowed, ranges))
    percent = percent_validation(f"{_column('percent')}{FIRST_DATA_ROW}")
    percent.add(f"{_column('percent')}{FIRST_DATA_ROW}:{_column('percent')}{last_row}")
    ws.data_validations.append(percent)
    extension = DataValidation(
        type="date",
        operator="greaterThan",
        formula1="DATE(2000,1,1)",
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="申请延期至填写有误",
        error="请填写申请延期到的日期，如 2021-12-31。",
        showInputMessage=True,
        promptTitle="申请延期",
        prompt=EXTENSION_PROMPT,
    )
    column = _column("extension_to")
    extension.add(f"{column}{FIRST_DATA_ROW}:{column}{last_row}")
    ws.data_validations.append(extension)


def percent_validation(top_left: str) -> DataValidation:
    """The 完成进度 rule (:func:`percent_rule`) for a range starting at ``top_left``."""
    return DataValidation(
        type="custom",
        formula1=percent_rule(top_left),
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="完成进度填写有误",
        error="请填写 0 到 100 之间的整数，如 80（带不带 % 号都可以）。",
        showInputMessage=True,
        promptTitle="完成进度",
        prompt=PERCENT_PROMPT,
    )


def _status_rule(allowed: tuple[str, ...], ranges: str) -> DataValidation:
    rule = DataValidation(
        type="list",
        formula1='"' + ",".join(allowed) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorStyle="stop",
        errorTitle="完成状态填写有误",
        error="请从下拉列表中选择：" + "、".join(allowed) + "。",
        showInputMessage=True,
        promptTitle="完成状态",
        prompt="请从下拉列表中选择。",
        sqref=ranges,
    )
    return rule


def status_ranges(column: str, lines: list[tuple[int, LedgerRow | str]], *, dated: bool) -> str:
    """The 完成状态 cells of the rows with (``dated``) or without a fixed deadline, as
    space-separated ranges: 长期坚持 is offered only where there is no fixed deadline.
    ``lines`` are a sheet's (``LedgerSheet.lines``): a heading ends a range."""
    ranges: list[str] = []
    start: int | None = None
    after = lines[-1][0] + 1 if lines else FIRST_DATA_ROW
    for excel_row, row in [*lines, (after, None)]:
        inside = isinstance(row, LedgerRow) and (row.deadline is not None) == dated
        if inside and start is None:
            start = excel_row
        elif not inside and start is not None:
            end = excel_row - 1
            ranges.append(f"{column}{start}" if start == end else f"{column}{start}:{column}{end}")
            start = None
    return " ".join(ranges)


PERCENT_PROMPT = "填0-100的整数，如 80"
EXTENSION_PROMPT = "需延期的填写日期（如 2021-12-31），并在延期理由中说明"


def percent_rule(cell: str) -> str:
    """The 完成进度 validation: a whole number 0–100, typed with or without a % sign.

    The cells are text-formatted (:data:`layout.PERCENT_FORMAT`), so what a unit
    types stays as typed: ``100%`` and ``100`` are both text the reader takes as
    100, in Excel, WPS and LibreOffice alike.  (In a number-formatted cell a typed
    ``100%`` becomes the number 1 — Excel then switches the cell to a percent
    format, but LibreOffice keeps ``0`` and shows 1.)  ``cell`` is the top-left
    cell of the range; the rule is relative, as Excel applies it to each cell.
    """
    bare = f'TRIM(SUBSTITUTE(SUBSTITUTE({cell},"%",""),"％",""))'
    return f"AND(--{bare}>=0,--{bare}<=100,MOD(--{bare},1)=0)"


_WIDTHS = {c.field: c.width for c in COLUMNS}
_WRAPPED = ("task", "content", "lead_units", "unit", "progress", "problems", "next_steps")


def _height(row: LedgerRow) -> float:
    return layout.row_height([(getattr(row, name), _WIDTHS[name]) for name in _WRAPPED])


def _column(field: str) -> str:
    return LETTERS[field]


def _meta_rows(first: int, names: list[str], sheets: list[LedgerSheet]) -> Iterator[str]:
    """The hidden sheet's line per data row, from row ``first`` on; all text, unstyled."""
    text = sheetxml.text_cell
    r = first
    for name, sheet in zip(names, sheets, strict=True):
        for excel_row, row in sheet.lines(FIRST_DATA_ROW):
            if isinstance(row, str):
                continue
            line = row_line(name, excel_row, row)
            yield sheetxml.row(
                r, [text(f"{c}{r}", "", v) for c, v in zip(_META_COLUMNS, line, strict=True)]
            )
            r += 1
