"""Bulk worksheet rows written as XML text and spliced into the package openpyxl saved.

openpyxl spends most of a large export on its own per-cell work: a cell object
per value, type checks, a style lookup, and lxml serializing each element (as
ASCII, every CJK character a ``&#NNNNN;`` reference five times its size).  The
data rows of a ledger need none of that — every column has a fixed type and a
style known in advance — so they are formatted here as plain strings.
openpyxl still writes everything else (styles, merged cells, validations,
protection, print setup and the first rows of each sheet), and :func:`save`
inserts these rows into each sheet's ``<sheetData>`` after the ones it wrote.

The cells written here follow what openpyxl writes for the same values
(inline strings, ``xml:space="preserve"`` around edge whitespace, dates as
serial numbers) so that Excel, WPS, LibreOffice and python-calamine read them
exactly as before.
"""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections.abc import Iterable
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from openpyxl.utils.datetime import to_excel

from importers.ledger.layout import MAX_CELL_TEXT, clean_text

SPOOL_BYTES = 32 * 1024 * 1024
"""A sheet's XML is kept in memory up to this size, then in a temporary file: the zip
entry's size must be known before it is written to decide whether it needs Zip64."""
_ROWS_PER_CHUNK = 1000
_END = b"</sheetData>"


def style_attr(ws: Any, array: Any) -> str:
    """The ``s`` attribute of cells with the openpyxl ``StyleArray`` ``array``.

    The index is the one openpyxl gives a cell of that style (it writes the
    workbook's registered styles as ``cellXfs`` in this order), so a row written
    here looks exactly like one openpyxl wrote.
    """
    return f' s="{ws.parent._cell_styles.add(array)}"'


def escaped(text: str) -> str:
    """``text`` as XML character data; ``\\r`` as a reference so parsers keep it."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")
    )


def text_cell(ref: str, style: str, value: str) -> str:
    """A cell that is always text, never a formula or an error value (``=1+1``, ``#N/A``).

    An empty value leaves the cell empty but styled: its border and its
    unlocked protection still matter to the unit filling it in.
    """
    if not value:
        return f'<c r="{ref}"{style}/>'
    if not value.isprintable() or "_x" in value or len(value) > MAX_CELL_TEXT:
        value = clean_text(value)  # only these can change: skipped, it is a third of the time
        if not value:
            return f'<c r="{ref}"{style}/>'
    space = ' xml:space="preserve"' if value[0].isspace() or value[-1].isspace() else ""
    return f'<c r="{ref}"{style} t="inlineStr"><is><t{space}>{escaped(value)}</t></is></c>'


def number_cell(ref: str, style: str, value: int | None) -> str:
    if value is None:
        return f'<c r="{ref}"{style}/>'
    return f'<c r="{ref}"{style}><v>{value}</v></c>'


def date_cell(ref: str, style: str, value: date | None) -> str:
    """A date as Excel stores one: a serial day number shown through a date format."""
    if value is None:
        return f'<c r="{ref}"{style}/>'
    return f'<c r="{ref}"{style}><v>{to_excel(value):.16g}</v></c>'


def row(number: int, cells: Iterable[str], height: float | None = None) -> str:
    """A ``<row>``; a height is written as custom, since no program re-fits it on opening."""
    if height is None:
        return f'<row r="{number}">{"".join(cells)}</row>'
    return f'<row r="{number}" ht="{height:.16g}" customHeight="1">{"".join(cells)}</row>'


def save(wb: Any, extra_rows: list[tuple[Any, Iterable[str]]], target: Path) -> None:
    """Save the openpyxl workbook ``wb`` as ``target`` with each ``(worksheet, rows)``
    pair's rows (from :func:`row`) after the rows openpyxl wrote to that sheet.

    Row numbers must continue from openpyxl's.  The rows are iterated only
    here, so a generator streams them without holding a sheet in memory.
    """
    package = io.BytesIO()
    wb.save(package)  # small: the bulk rows are not in it
    extra = {ws.path.lstrip("/"): rows for ws, rows in extra_rows}
    with (
        zipfile.ZipFile(package) as source,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out,
    ):
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, info.date_time)
            entry.compress_type = zipfile.ZIP_DEFLATED
            data = source.read(info)
            rows = extra.pop(info.filename, None)
            if rows is None:
                out.writestr(entry, data)
            else:
                _write_spliced(out, entry, data, rows)
    if extra:
        raise ValueError(f"no worksheet part {sorted(extra)} in the saved workbook")


def _write_spliced(
    out: zipfile.ZipFile, entry: zipfile.ZipInfo, sheet: bytes, rows: Iterable[str]
) -> None:
    head, end, tail = sheet.partition(_END)
    if not end:
        raise ValueError(f"{entry.filename} has no <sheetData> element to add rows to")
    with tempfile.SpooledTemporaryFile(SPOOL_BYTES) as spool:
        spool.write(head)
        lines = iter(rows)
        while batch := list(islice(lines, _ROWS_PER_CHUNK)):
            spool.write("".join(batch).encode("utf-8"))
        spool.write(end)
        spool.write(tail)
        entry.file_size = spool.tell()  # decides Zip64, as ZipFile.write does for a file
        spool.seek(0)
        with out.open(entry, "w") as member:
            shutil.copyfileobj(spool, member, 1024 * 1024)
