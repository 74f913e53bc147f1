"""A round's 考核 scores written to Excel: sheet 1 the totals and ranks, sheet 2 every
line that produced them, so a unit can check its score line by line.

Plain rows in (``ScoreWorkbook``), an ``.xlsx`` out, written to a temporary file
in the same folder and renamed when whole.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

TOTALS_SHEET = "得分汇总"
LINES_SHEET = "得分明细"
TOTALS_HEADER = ("排名", "单位", "得分", "说明")
LINES_HEADER = ("单位", "事项", "措施", "日期", "分值", "说明")
TOTALS_WIDTHS = (8, 30, 10, 40)
LINES_WIDTHS = (30, 20, 26, 12, 8, 60)


@dataclass(frozen=True)
class TotalRow:
    rank: int | None
    unit: str
    total: Decimal
    note: str


@dataclass(frozen=True)
class LineRow:
    unit: str
    label: str
    measure: str
    day: date | None
    points: Decimal
    detail: str


@dataclass(frozen=True)
class ScoreWorkbook:
    title: str
    """The first line of each sheet, e.g. 2021年第3季度考核得分（第1版）."""
    totals: list[TotalRow] = field(default_factory=list)
    lines: list[LineRow] = field(default_factory=list)


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def write_scores(book: ScoreWorkbook, path: Path) -> None:
    wb = Workbook()
    totals = wb.active
    assert totals is not None
    totals.title = TOTALS_SHEET
    _frame(totals, book.title, TOTALS_HEADER, TOTALS_WIDTHS)
    for row in book.totals:
        rank = row.rank if row.rank is not None else "—"
        totals.append([rank, row.unit, _number(row.total), row.note])
    lines = wb.create_sheet(LINES_SHEET)
    _frame(lines, book.title, LINES_HEADER, LINES_WIDTHS)
    for line in book.lines:
        lines.append(
            [line.unit, line.label, line.measure, line.day, _number(line.points), line.detail]
        )
        if line.day is not None:
            lines.cell(lines.max_row, 4).number_format = "yyyy-mm-dd"
    _save(wb, path)


def _frame(ws: object, title: str, header: tuple[str, ...], widths: tuple[int, ...]) -> None:
    from openpyxl.worksheet.worksheet import Worksheet

    assert isinstance(ws, Worksheet)
    ws.append([title])
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(header))
    ws.append(list(header))
    for column, width in enumerate(widths, start=1):
        ws.cell(2, column).font = Font(bold=True)
        ws.cell(2, column).alignment = Alignment(horizontal="center")
        ws.column_dimensions[get_column_letter(column)].width = width
    ws.freeze_panes = "A3"


def _save(wb: Workbook, path: Path) -> None:
    fd, tmp = tempfile.mkstemp(prefix=".scores-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    try:
        wb.save(tmp)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
