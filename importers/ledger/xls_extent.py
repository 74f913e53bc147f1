"""How far each sheet of an ``.xls`` reaches, measured before python-calamine loads it.

calamine reserves room for a sheet's whole ``DIMENSIONS`` record before it reads a
cell, and stores the sheet as a dense rectangle from A1 to its last cell: a 2 kB
file that declares 65,536 × 256 cells, or holds one number in IV65536, takes a
gigabyte — and a reservation that fails aborts the process (the desktop app, not
just the import).  So the workbook stream's records are walked here first, as
calamine walks them (from each sheet's offset in its ``BOUNDSHEET`` record to the
sheet's ``EOF``), and a sheet declaring or holding cells beyond
:data:`~importers.ledger.extent.MAX_CELLS` is refused with the address of its far
corner.  Blank cells (``BLANK``/``MULBLANK``: formatting only) do not count: calamine
keeps no value for them.
"""

from __future__ import annotations

import struct

from importers.ledger.extent import refuse_book, refuse_extent
from importers.ledger.ole import read_stream

_BOF, _EOF, _BOUNDSHEET, _DIMENSIONS = 0x0809, 0x000A, 0x0085, 0x0200
_CELLS = frozenset({0x0203, 0x00FD, 0x027E, 0x0205, 0x0006, 0x0204, 0x00D6})
"""NUMBER, LABELSST, RK, BOOLERR, FORMULA, LABEL, RSTRING: a row and a column first."""
_MULRK = 0x00BD
"""Several RK values in one row: row, first column, …, last column."""


def check_xls(name: str, data: bytes) -> None:
    """Refuse an ``.xls`` with a sheet declaring or holding more than ``MAX_CELLS`` cells.

    A stream too broken to walk is left to calamine, which refuses it as damaged.
    """
    stream = read_stream(data, ("Workbook", "Book"))
    if not stream:
        return
    total = 0
    for sheet, offset in _sheets(stream):
        rows, cols = sheet_extent(stream, offset)
        refuse_extent(name, sheet, rows, cols)
        total += rows * cols
        refuse_book(name, total)  # calamine reads every sheet on opening


def _records(stream: bytes, offset: int) -> list[tuple[int, int, int]]:
    """(type, data offset, length) of the records from ``offset`` (cheap: no copies)."""
    found: list[tuple[int, int, int]] = []
    end = len(stream)
    while offset + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, offset)
        found.append((kind, offset + 4, length))
        offset += 4 + length
        if kind == _EOF:
            break
    return found


def _sheets(stream: bytes) -> list[tuple[str, int]]:
    """Each sheet's name and the offset of its ``BOF``, from the workbook globals."""
    sheets: list[tuple[str, int]] = []
    for kind, at, length in _records(stream, 0):
        if kind != _BOUNDSHEET or length < 8:
            continue
        offset, _state, _type, count = struct.unpack_from("<IBBB", stream, at)
        raw = stream[at + 7 : at + length]
        if length > 8 and raw[:1] in (b"\x00", b"\x01") and len(raw) >= 1 + count:
            wide = raw[0] & 1
            text = raw[1 : 1 + count * (2 if wide else 1)]
            sheet = text.decode("utf-16-le" if wide else "latin-1", "replace")
        else:  # BIFF5: the name without the flags byte
            sheet = raw[:count].decode("cp936", "replace")
        sheets.append((sheet, offset))
    return sheets


def sheet_extent(stream: bytes, offset: int) -> tuple[int, int]:
    """Rows and columns (1-based, inclusive) a sheet's records declare or fill.

    Nested ``BOF``…``EOF`` blocks (an embedded chart) are walked as part of the sheet.
    """
    rows = cols = depth = 0
    end = len(stream)
    while offset + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, offset)
        at = offset + 4
        offset = at + length
        if kind == _BOF:
            depth += 1
        elif kind == _EOF:
            depth -= 1
            if depth <= 0:
                break
        elif kind == _DIMENSIONS and length >= 14:
            _, last_row, _, last_col = struct.unpack_from("<IIHH", stream, at)
            rows, cols = max(rows, last_row), max(cols, last_col)
        elif kind == _DIMENSIONS and length >= 8:  # BIFF5: 16-bit rows
            _, last_row, _, last_col = struct.unpack_from("<HHHH", stream, at)
            rows, cols = max(rows, last_row), max(cols, last_col)
        elif kind in _CELLS and length >= 4:
            row, col = struct.unpack_from("<HH", stream, at)
            rows, cols = max(rows, row + 1), max(cols, col + 1)
        elif kind == _MULRK and length >= 6:
            row = struct.unpack_from("<H", stream, at)[0]
            last = struct.unpack_from("<H", stream, at + length - 2)[0]
            rows, cols = max(rows, row + 1), max(cols, last + 1)
    return rows, cols
