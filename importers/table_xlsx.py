"""A list as shown on screen, written as an Excel workbook a clerk can print or pass on.

``write_table`` takes the rows of text the window shows (the first one the
headers) and writes one sheet: the header row bold on a tinted ground, every
cell framed, columns as wide as their text (a Chinese character counts twice,
within bounds; long texts wrap), the header row frozen and repeated on every
printed page, an auto-filter on it, A4 landscape fitted to the page's width.
Every cell is text, as on screen: a note starting with ``=`` stays a note, never a
formula, and characters a workbook cannot hold are dropped.  The file is written
beside its target and moved into place, so a failure leaves no half file.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

HEADER_FILL = "D9E2F3"
MIN_WIDTH, MAX_WIDTH = 6, 60
"""A column's width in Excel's units (about one Latin character each)."""
SHEET_NAME_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})
CHECK_EVERY = 2_000
"""Rows between two calls of ``write_table``'s ``keep_going``."""
_THIN = Side(style="thin", color="808080")
_FRAME = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def text_width(text: str) -> int:
    """How many Latin characters wide ``text`` prints (its longest line; CJK counts 2)."""
    lines = text.splitlines() or [""]
    return max(
        sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in line)
        for line in lines
    )


def column_widths(table: Sequence[Sequence[str]]) -> list[int]:
    """Each column's width: its widest cell (the first 500 rows looked at), within bounds."""
    if not table:
        return []
    widths = [text_width(header) + 2 for header in table[0]]
    for row in table[1:501]:
        for column, value in enumerate(row):
            widths[column] = max(widths[column], text_width(value) + 2)
    return [min(max(width, MIN_WIDTH), MAX_WIDTH) for width in widths]


def sheet_title(title: str) -> str:
    """A sheet name Excel accepts: no ``[]:*?/\\``, at most 31 characters, not empty."""
    name = title.translate(SHEET_NAME_FORBIDDEN).strip("'").strip()[:31]
    return name or "Sheet1"


def _clean(value: str) -> str:
    return str(ILLEGAL_CHARACTERS_RE.sub("", value))


def _cell_styles(sheet: WriteOnlyWorksheet) -> tuple[StyleArray, StyleArray]:
    """The header's style and the other cells': every cell framed, the header bold, centred
    on a tinted ground, the others wrapped at the top.

    Made once and handed to each cell as it is made: setting a border, font or alignment
    on a cell looks the style up in the workbook's list by hashing it, which took 70 % of
    the time of writing 10,000 rows (2.4 s → 0.9 s of CPU, ``bench/results.md``)."""
    header, body = WriteOnlyCell(sheet), WriteOnlyCell(sheet)
    header.border = body.border = _FRAME
    header.font = Font(bold=True)
    header.fill = PatternFill("solid", fgColor=HEADER_FILL)
    header.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    body.alignment = Alignment(vertical="top", wrap_text=True)
    return header._style, body._style


def write_table(
    path: Path,
    table: Sequence[Sequence[str]],
    title: str = "",
    *,
    keep_going: Callable[[int, int], bool] | None = None,
) -> bool:
    """Write ``table`` (headers first, then the rows) to ``path`` as one sheet.

    ``keep_going(done, total)``, asked every ``CHECK_EVERY`` rows and before the file
    is moved into place: False stops, leaving no file (and returns False).
    """
    # Write-only: each row goes to the file as it is added, so 100,000 rows never live as
    # a million cell objects (linked to their sheet: a cycle only the collector frees,
    # walking them all; and the export took ≈ 1 minute instead of seconds).  The sheet's
    # settings come first, as a streamed sheet needs them before its rows.
    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_title(title))
    for column, width in enumerate(column_widths(table), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    if table and table[0]:
        last = get_column_letter(len(table[0]))
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = f"A1:{last}{len(table)}"
        sheet.print_title_rows = "1:1"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.oddFooter.center.text = "第 &P 页，共 &N 页"
    header_style, body_style = _cell_styles(sheet)
    stopped = False
    for row_number, row in enumerate(table, start=1):
        if (
            keep_going is not None
            and row_number % CHECK_EVERY == 0
            and not keep_going(row_number, len(table))
        ):
            stopped = True
            break
        style = header_style if row_number == 1 else body_style
        cells = []
        for value in row:
            cell = Cell(sheet, row=1, column=1, value=_clean(value), style_array=style)
            cell.data_type = "s"  # text as shown: "=…" is not a formula, "38" not a number
            cells.append(cell)
        sheet.append(cells)
    scratch = path.with_name(f".{path.name}.part")
    try:
        book.save(scratch)  # (stopped too: saving ends the sheet's stream, removes its temp file)
        if stopped or (keep_going is not None and not keep_going(len(table), len(table))):
            return False
        os.replace(scratch, path)
    finally:
        scratch.unlink(missing_ok=True)
    return True
