"""The 退回单: a returned ledger sent back to its unit with the rejected cells marked.

The unit's own workbook comes back to it with each rejected cell filled red and
commented with the reason, and a first sheet (退回说明) listing them on one
page with each row's 措施编号 (read on paper, a cell address alone does not find
the row), so that the unit corrects exactly those cells and resends the file as
its 更正版.  A workbook openpyxl cannot open (.xls, .ods) gets the list alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

NOTICE_SHEET = "退回说明"
_RED = PatternFill("solid", fgColor="FFC7CE")
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTER = Alignment(horizontal="center", vertical="center")
_REASON_WIDTH = 62
"""退回原因's width in Excel's character units: a Chinese character takes two."""


@dataclass(frozen=True)
class ReturnedCell:
    """A rejected cell: where it is, why (the reason as the unit reads it), and the
    措施编号 its row shows (empty on a sheet without one, e.g. the 整改台账)."""

    sheet: str
    cell: str
    reason: str
    code: str = ""


def _lines(reason: str) -> int:
    """The lines ``reason`` wraps to in its column: Excel and LibreOffice print a row at the
    height the file gives, so a long reason gets the height it needs to print whole."""
    units = sum(1 if ch.isascii() else 2 for ch in reason)
    return max(1, -(-units // (_REASON_WIDTH - 2)))


def write_return_notice(
    source: Path | None, target: Path, cells: list[ReturnedCell], title: str, note: str
) -> None:
    """Write the 退回单 to ``target`` (.xlsx): ``source`` (an .xlsx) with ``cells`` marked,
    or (``None``) a workbook with the list alone; ``note`` says what to do next."""
    wb = openpyxl.load_workbook(source) if source is not None else openpyxl.Workbook()
    if source is None:
        wb.remove(wb.active)
    for found in cells:
        if found.sheet in wb.sheetnames and found.cell:
            cell = wb[found.sheet][found.cell]
            cell.fill = _RED
            cell.comment = Comment(found.reason, "退回单", width=300, height=120)
    ws = wb.create_sheet(NOTICE_SHEET, 0)
    for letter, width in zip("ABCDE", (6, 10, 16, 9, _REASON_WIDTH), strict=True):
        ws.column_dimensions[letter].width = width
    ws.merge_cells("A1:E1")
    ws["A1"] = title
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append(["序号", "措施编号", "工作表", "单元格", "退回原因"])
    for c in ws[2]:
        c.font, c.border = Font(bold=True), _BOX
    for seq, found in enumerate(cells, start=1):
        ws.append([seq, found.code, found.sheet, found.cell, found.reason])
        for c in ws[ws.max_row]:
            c.alignment, c.border = (_CENTER if c.column_letter in "ABD" else _WRAP), _BOX
        ws.row_dimensions[ws.max_row].height = 16 * _lines(found.reason)
    ws.append([])
    ws.append([note])
    ws.merge_cells(f"A{ws.max_row}:E{ws.max_row}")
    ws.cell(ws.max_row, 1).alignment = _WRAP  # two lines with the office's contact
    ws.row_dimensions[ws.max_row].height = 36
    ws.page_setup.orientation = "portrait"
    ws.page_setup.paperSize = 9
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.active = 0
    wb.save(target)
