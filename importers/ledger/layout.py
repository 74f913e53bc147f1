"""How a ledger sheet looks on screen and on paper: styles, cells and print setup.

Offices print the returned ledgers and put them on the table at meetings, so
the print setup matters as much as the data: A4 landscape, one page wide, the
header row on every page, page numbers in the footer.  Styles are built once
per workbook as openpyxl ``StyleArray`` templates: the few cells openpyxl writes
share them, and the bulk data rows (:mod:`importers.ledger.sheetxml`) refer to
them by the index openpyxl registered them under.
"""

from __future__ import annotations

import re
from copy import copy
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.properties import PageSetupProperties

if TYPE_CHECKING:
    from importers.ledger.model import LedgerWorkbook

FONT_NAME = "宋体"
"""SimSun: present on every Chinese Windows, substituted by a CJK font elsewhere."""

DATE_FORMAT = 'yyyy"年"m"月"d"日"'
PERCENT_FORMAT = "@"
"""完成进度 cells are text-formatted: a typed ``100%`` stays the text ``100%`` (read as 100)
instead of becoming the number 1, which LibreOffice would show as ``1`` in a ``0`` format.
The exported percents are still written as numbers; text formatting only keeps typing literal."""
TEXT_FORMAT = "@"
"""联系电话 cells are text-formatted: a typed 0951-5012345 or 09515012345 keeps its
leading 0 (a General cell would make the number 9515012345 of it)."""
MAX_CELL_TEXT = 32767
"""Excel's limit on the characters in one cell."""

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")
_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_LOCKED = Protection(locked=True)
_UNLOCKED = Protection(locked=False)


def _style(ws: Any, **attrs: Any) -> Any:
    """A ``StyleArray`` registered in ``ws``'s workbook, to copy into many cells."""
    cell = WriteOnlyCell(ws)
    for name, value in attrs.items():
        setattr(cell, name, value)
    return copy(cell._style)


@dataclass(frozen=True)
class Palette:
    """The cell styles of a ledger workbook (openpyxl ``StyleArray`` objects)."""

    title: Any
    info: Any
    info_right: Any
    header: Any
    header_fill_in: Any
    text: Any
    center: Any
    date: Any
    fill_text: Any
    fill_center: Any
    fill_number: Any
    fill_phone: Any
    fill_date: Any
    rate: Any
    """A share printed as a percent with one decimal (the 汇总's 完成率)."""
    total: Any
    heading: Any
    """A line over a group's members in the master (bold, shaded, locked)."""


def make_palette(ws: Any) -> Palette:
    """Register the ledger styles in ``ws``'s workbook."""
    body = Font(name=FONT_NAME, size=10)
    bold = Font(name=FONT_NAME, size=10, bold=True)
    wrap_top = Alignment(wrap_text=True, vertical="center", horizontal="left")
    wrap_mid = Alignment(wrap_text=True, vertical="center", horizontal="center")
    grey = PatternFill("solid", fgColor="D9D9D9")
    cream = PatternFill("solid", fgColor="FFF2CC")
    return Palette(
        title=_style(
            ws,
            font=Font(name=FONT_NAME, size=16, bold=True),
            alignment=Alignment(horizontal="center", vertical="center", wrap_text=True),
        ),
        info=_style(ws, font=body, alignment=Alignment(horizontal="left", vertical="center")),
        info_right=_style(
            ws, font=body, alignment=Alignment(horizontal="right", vertical="center")
        ),
        header=_style(ws, font=bold, alignment=wrap_mid, border=_BOX, fill=grey),
        header_fill_in=_style(ws, font=bold, alignment=wrap_mid, border=_BOX, fill=cream),
        text=_style(ws, font=body, alignment=wrap_top, border=_BOX, protection=_LOCKED),
        center=_style(ws, font=body, alignment=wrap_mid, border=_BOX, protection=_LOCKED),
        date=_style(
            ws,
            font=body,
            alignment=wrap_mid,
            border=_BOX,
            protection=_LOCKED,
            number_format=DATE_FORMAT,
        ),
        fill_text=_style(ws, font=body, alignment=wrap_top, border=_BOX, protection=_UNLOCKED),
        fill_center=_style(ws, font=body, alignment=wrap_mid, border=_BOX, protection=_UNLOCKED),
        fill_number=_style(
            ws,
            font=body,
            alignment=wrap_mid,
            border=_BOX,
            protection=_UNLOCKED,
            number_format=PERCENT_FORMAT,
        ),
        fill_phone=_style(
            ws,
            font=body,
            alignment=wrap_mid,
            border=_BOX,
            protection=_UNLOCKED,
            number_format=TEXT_FORMAT,
        ),
        fill_date=_style(
            ws,
            font=body,
            alignment=wrap_mid,
            border=_BOX,
            protection=_UNLOCKED,
            number_format=DATE_FORMAT,
        ),
        rate=_style(ws, font=body, alignment=wrap_mid, border=_BOX, number_format="0.0%"),
        total=_style(ws, font=bold, alignment=wrap_mid, border=_BOX),
        heading=_style(
            ws,
            font=bold,
            alignment=Alignment(horizontal="left", vertical="center"),
            border=_BOX,
            fill=PatternFill("solid", fgColor="F2F2F2"),
            protection=_LOCKED,
        ),
    )


def storable(text: str) -> str:
    """``text`` as a cell can hold it: no XML-illegal characters, within Excel's limit.
    This is what a reader of the file gets back."""
    if text.isprintable() or not _ILLEGAL.search(text):  # the usual case: nothing to drop
        return text[:MAX_CELL_TEXT]
    return _ILLEGAL.sub("", text)[:MAX_CELL_TEXT]


def clean_text(text: str) -> str:
    """:func:`storable` text, escaped for openpyxl.

    OOXML reads ``_x0041_`` in a string as an escaped ``A``; openpyxl does not
    escape such sequences when writing, so their underscore is escaped here
    (``_x005F_``) and the text reads back exactly as it was.
    """
    kept = storable(text)
    return _ESCAPE_LIKE.sub(r"_x005F_\1", kept) if "_x" in kept else kept


def cell(ws: Any, value: str | float | date | None, style: Any) -> Any:
    """A write-only cell with ``style``; text is always stored as text.

    openpyxl turns a string starting with ``=`` into a formula and ``#N/A`` into
    an error value.  Progress text like ``=1+1`` or ``-完成`` is the unit's words,
    never something to evaluate, so strings are forced to data type ``s``.
    """
    c = WriteOnlyCell(ws)
    if isinstance(value, str):
        c.value = clean_text(value)
        c.data_type = "s"
    else:
        c.value = value
    c._style = style  # shared, not copied: a written cell's style is never changed
    return c


LINE_HEIGHT = 13.5
"""Points per line of 10-point CJK text, with the leading LibreOffice and WPS use."""
MAX_ROW_HEIGHT = 409.0
"""Excel's largest row height, in points."""


def display_width(text: str) -> int:
    """Width of ``text`` in column-width units: a CJK character counts 1.8.

    10-point SimSun is about twice a Calibri digit in Excel and about 1.6 in
    LibreOffice; 1.8 keeps Excel from cutting text and LibreOffice from printing
    half-empty rows.

    Counted from the UTF-8 length (a CJK character is 3 bytes, ASCII 1) because
    a per-character ``east_asian_width`` lookup is too slow for 100,000 rows.
    """
    if text.isascii():
        return len(text)
    wide = (len(text.encode("utf-8")) - len(text)) // 2
    return len(text) + (wide * 4 + 4) // 5


def row_height(cells: list[tuple[str, float]]) -> float:
    """Row height in points that shows every (text, column width) pair in full.

    Neither LibreOffice nor WPS re-fits row heights when opening an xlsx, so
    wrapped text would print cut off unless the height is written explicitly.
    """
    lines = 1
    for text, width in cells:
        if not text:
            continue
        usable = int(max(width - 1.0, 1.0))
        if "\n" in text:  # each paragraph starts a line of its own
            count = sum(max(1, -(-display_width(part) // usable)) for part in text.split("\n"))
        else:  # most cells: no list of one part to build, once per cell of 100,000 rows
            count = -(-display_width(text) // usable)
        if count > lines:
            lines = count
    return min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 4.0)


_ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))


def plain_text(ws: Any, value: str) -> Any:
    """``value`` for an unstyled cell: the bare string where openpyxl keeps it as text,
    a text-typed cell only where it would not (``=…`` formulas, ``#N/A`` error codes).
    """
    value = clean_text(value)
    if value.startswith("=") or value in _ERROR_CODES:
        c = WriteOnlyCell(ws, value)
        c.data_type = "s"
        return c
    return value


def set_widths(ws: Any, widths: list[float]) -> None:
    """Column widths in characters (must come before the first row in write-only mode)."""
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def print_setup(ws: Any, *, title_rows: str, freeze: str) -> None:
    """A4 landscape, one page wide, ``title_rows`` on every page, 第 n 页 共 m 页."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.5
    ws.page_margins.bottom = 0.6
    ws.page_margins.header = 0.3
    ws.page_margins.footer = 0.3
    ws.print_title_rows = title_rows
    ws.freeze_panes = freeze
    ws.oddFooter.center.text = "第 &P 页 共 &N 页"
    ws.oddFooter.center.size = 9


def protect(ws: Any) -> None:
    """Lock the sheet without a password; units may still resize, filter and sort.

    Without a password the protection is a guard rail against typing over the
    measure text, not security: the import never trusts the locked columns.
    """
    p = ws.protection
    p.sheet = True
    p.formatColumns = False
    p.formatRows = False
    p.formatCells = False
    p.autoFilter = False
    p.sort = False


def info_line(book: LedgerWorkbook) -> tuple[str, str, str]:
    """The three parts of row 2 of a data sheet: who fills in, which round, which day.

    A unit's ledger names the round's 截至日期, the day the unit reports as of (and by
    when it is due back).  The master's data rows (and its group headings) are each
    assignment as recorded when it is exported, so its sheets say that day —
    数据截至…（导出时） — and leave the round's day to the 汇总, whose figures are the
    round's (:func:`summary_day`).
    """
    who = f"填报单位：{book.unit}" if book.kind == "unit" else f"编制单位：{book.office}"
    round_text = f"调度轮次：{book.round_name}"
    if book.kind == "master":
        return who, round_text, f"数据截至：{chinese_date(book.exported_at.date())}（导出时）"
    as_of = f"截至日期：{chinese_date(book.as_of)}"
    if book.kind == "unit" and book.due_back is not None:
        as_of += f"　报送截止日期：{chinese_date(book.due_back)}"
    return who, round_text, as_of


def summary_day(book: LedgerWorkbook) -> str:
    """Which day the 汇总's figures are: the round's as-of day, as the bulletin counts
    (``tracker.rounds.round_figures``); while that day is still ahead, the export day."""
    exported = book.exported_at.date()
    if book.as_of <= exported:
        return f"调度截至：{chinese_date(book.as_of)}"
    return f"数据截至：{chinese_date(exported)}（导出时）"


def chinese_date(day: date) -> str:
    """2021年6月30日."""
    return f"{day.year}年{day.month}月{day.day}日"
