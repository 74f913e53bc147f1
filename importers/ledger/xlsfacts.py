"""Number formats and error cells of an ``.xls`` (BIFF8) workbook, which calamine does not expose.

An ``.xls`` stores a percent typed as ``100%`` as the number 1 with a cell style
(XF) whose number format shows it ×100; calamine returns the 1 and nothing else.
It also returns ``""`` for a cell showing an error.  This module walks the
``Workbook`` stream's records just far enough to tell, per sheet, which numeric
cells have a percent format and which cells hold an error — the cell records,
not the formulas or strings, so it costs little next to calamine's own read.
(A formula always carries its last result in BIFF, so none lacks one.)

Only BIFF8 (Excel 97 and later, what every program writes as ``.xls`` today) is
read; for anything else :func:`sheet_facts` returns nothing, and the reader
treats a value that may be a percent-formatted fraction as ambiguous.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from importers.ledger.facts import ERROR_VALUE, Position, SheetFacts, is_percent_format
from importers.messages import Message

_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_END = 0xFFFFFFFE
_MAX_SECTOR = 0xFFFFFFFA
_BOF, _EOF, _FILEPASS = 0x0809, 0x000A, 0x002F
_FORMAT, _XF, _BOUNDSHEET = 0x041E, 0x00E0, 0x0085
_NUMBER, _RK, _MULRK, _FORMULA, _BOOLERR = 0x0203, 0x027E, 0x00BD, 0x0006, 0x0205
_BIFF8 = 0x0600
_BUILTIN_PERCENT = (9, 10)
_ERRORS = {
    0x00: "#NULL!",
    0x07: "#DIV/0!",
    0x0F: "#VALUE!",
    0x17: "#REF!",
    0x1D: "#NAME?",
    0x24: "#NUM!",
    0x2A: "#N/A",
}


class BiffError(ValueError):
    """The compound file or its workbook stream is not as BIFF8 describes it."""


class XlsBook:
    """The workbook-wide records (number formats, cell styles, sheet offsets) of a BIFF8 file;
    each sheet's cell records are walked only when its facts are asked for (a master
    ledger's hidden sheet, never asked for, is as long as all its data sheets)."""

    def __init__(self, data: bytes) -> None:
        """Raises :class:`BiffError` (or ``struct.error``…) for a file this cannot read."""
        self._stream = stream = workbook_stream(data)
        formats: dict[int, str] = {}
        xf_formats: list[int] = []
        self._offsets: dict[str, int] = {}
        records = _records(stream, 0)
        kind, body = next(records)
        if kind != _BOF or struct.unpack_from("<H", body)[0] != _BIFF8:
            raise BiffError("not a BIFF8 workbook")
        for kind, body in records:
            if kind == _EOF:
                break
            if kind == _FILEPASS:
                raise BiffError("encrypted")
            if kind == _FORMAT:
                (number,) = struct.unpack_from("<H", body)
                formats[number] = _unicode(body, 2, wide_count=True)
            elif kind == _XF:
                xf_formats.append(struct.unpack_from("<H", body, 2)[0])
            elif kind == _BOUNDSHEET:
                offset, _state, sheet_type = struct.unpack_from("<IBB", body)
                if sheet_type == 0:  # a worksheet (not a chart or macro sheet)
                    self._offsets[_unicode(body, 6, wide_count=False)] = offset
        self._percent_xfs = frozenset(
            index
            for index, number in enumerate(xf_formats)
            if number in _BUILTIN_PERCENT or is_percent_format(formats.get(number, ""))
        )

    @property
    def sheet_names(self) -> list[str]:
        return list(self._offsets)

    def facts(self, name: str) -> SheetFacts | None:
        """The sheet's facts; ``None`` for a name not in the workbook or a damaged sheet."""
        offset = self._offsets.get(name)
        if offset is None:
            return None
        try:
            return _sheet(self._stream, offset, self._percent_xfs)
        except (BiffError, struct.error, IndexError):
            return None


def open_book(data: bytes) -> XlsBook | None:
    """The BIFF8 workbook in ``data``; ``None`` when it is not one this module can read."""
    try:
        return XlsBook(data)
    except (BiffError, struct.error, IndexError, UnicodeDecodeError, StopIteration):
        return None


def sheet_facts(data: bytes) -> dict[str, SheetFacts]:
    """Tab name → facts of every sheet, for a BIFF8 ``.xls``; ``{}`` when it cannot be read."""
    book = open_book(data)
    if book is None:
        return {}
    found = {name: book.facts(name) for name in book.sheet_names}
    return {name: facts for name, facts in found.items() if facts is not None}


def _sheet(stream: bytes, offset: int, percent_xfs: frozenset[int]) -> SheetFacts:
    """One sheet's records, from its BOF at ``offset`` to its EOF.

    A loop over offsets rather than :func:`_records`: a 10,000-row sheet has some
    150,000 records, and only the few kinds looked at here are sliced or unpacked.
    """
    percent: set[Position] = set()
    bad: dict[Position, Message] = {}
    unpack, end = struct.unpack_from, len(stream)
    numbers = (_NUMBER, _RK, _MULRK) if percent_xfs else ()
    offset += 4 + unpack("<H", stream, offset + 2)[0]  # the sheet's BOF
    while offset + 4 <= end:
        kind, size = unpack("<HH", stream, offset)
        at, offset = offset + 4, offset + 4 + size
        if offset > end:
            raise BiffError("a record runs past the end of the stream")
        if kind == _EOF:
            break
        if kind in numbers:
            if kind == _MULRK:
                row, first = unpack("<HH", stream, at)
                for i in range((size - 6) // 6):
                    if unpack("<H", stream, at + 4 + 6 * i)[0] in percent_xfs:
                        percent.add((row, first + i))
            else:
                row, col, xf = unpack("<HHH", stream, at)
                if xf in percent_xfs:
                    percent.add((row, col))
        elif kind == _FORMULA:
            row, col, xf = unpack("<HHH", stream, at)
            result = stream[at + 6 : at + 14]
            if result[6:8] != b"\xff\xff":  # the last result is a number
                if xf in percent_xfs:
                    percent.add((row, col))
            elif result[0] == 2:
                bad[(row, col)] = _error(result[2])
        elif kind == _BOOLERR:
            row, col, _xf, value, is_error = unpack("<HHHBB", stream, at)
            if is_error:
                bad[(row, col)] = _error(value)
    return SheetFacts(True, frozenset(percent), bad)


def _error(code: int) -> Message:
    return Message(ERROR_VALUE, {"error": _ERRORS.get(code, "#N/A")})


def _records(stream: bytes, offset: int) -> Iterator[tuple[int, bytes]]:
    """(record type, body) from ``offset`` to the end of the stream."""
    end = len(stream)
    while offset + 4 <= end:
        kind, size = struct.unpack_from("<HH", stream, offset)
        offset += 4
        if offset + size > end:
            raise BiffError("a record runs past the end of the stream")
        yield kind, stream[offset : offset + size]
        offset += size


def _unicode(body: bytes, at: int, *, wide_count: bool) -> str:
    """An XLUnicodeString (16-bit count) or ShortXLUnicodeString (8-bit count) at ``at``."""
    if wide_count:
        (count,) = struct.unpack_from("<H", body, at)
        at += 2
    else:
        count = body[at]
        at += 1
    flags = body[at]
    at += 1
    if flags & 0x01:
        return body[at : at + 2 * count].decode("utf-16-le")
    return body[at : at + count].decode("latin-1")


# -- the compound file ------------------------------------------------------------------------


def workbook_stream(data: bytes) -> bytes:
    """The ``Workbook`` (or BIFF5 ``Book``) stream of the OLE2 compound file ``data``."""
    if not data.startswith(_OLE_MAGIC) or len(data) < 512:
        raise BiffError("not an OLE2 compound file")
    shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
    if shift not in (9, 12) or mini_shift != 6:
        raise BiffError("bad sector size")
    size = 1 << shift
    (first_dir,) = struct.unpack_from("<I", data, 0x30)
    cutoff, first_mini_fat, _mini_count, first_difat, difat_count = struct.unpack_from(
        "<IIIII", data, 0x38
    )
    count = max(0, (len(data) - size) // size)

    def sector(n: int) -> bytes:
        if n > _MAX_SECTOR or n >= count:
            raise BiffError(f"sector {n} is outside the file")
        return data[(n + 1) * size : (n + 2) * size]

    per_sector = size // 4
    fat_sectors = [n for n in struct.unpack_from("<109I", data, 0x4C) if n <= _MAX_SECTOR]
    difat = first_difat
    for _ in range(min(difat_count, count)):
        if difat > _MAX_SECTOR:
            break
        entries = struct.unpack(f"<{per_sector}I", sector(difat))
        fat_sectors += [n for n in entries[:-1] if n <= _MAX_SECTOR]
        difat = entries[-1]
    fat: list[int] = []
    for n in fat_sectors:
        fat += struct.unpack(f"<{per_sector}I", sector(n))

    def chain(start: int, table: list[int], limit: int) -> Iterator[int]:
        current, seen = start, 0
        while current != _END:
            seen += 1
            if seen > limit or current >= len(table):
                raise BiffError("a sector chain is broken")
            yield current
            current = table[current]

    directory = b"".join(sector(n) for n in chain(first_dir, fat, count))
    streams: dict[str, tuple[int, int]] = {}
    root_start = _END
    for at in range(0, len(directory) - 127, 128):
        length, kind = struct.unpack_from("<HB", directory, at + 64)
        start, stream_size = struct.unpack_from("<II", directory, at + 116)
        if kind == 5:
            root_start = start
        elif kind == 2 and 2 <= length <= 64:
            name = directory[at : at + length - 2].decode("utf-16-le", "replace")
            streams[name.casefold()] = (start, stream_size)
    start, stream_size = streams.get("workbook") or streams.get("book") or (_END, 0)
    if start == _END:
        raise BiffError("no Workbook stream")
    if stream_size >= cutoff:
        return b"".join(sector(n) for n in chain(start, fat, count))[:stream_size]
    mini_fat: list[int] = []
    for n in chain(first_mini_fat, fat, count):
        mini_fat += struct.unpack(f"<{per_sector}I", sector(n))
    mini_stream = b"".join(sector(n) for n in chain(root_start, fat, count))
    limit = len(mini_stream) // 64
    parts = [mini_stream[n * 64 : n * 64 + 64] for n in chain(start, mini_fat, limit)]
    return b"".join(parts)[:stream_size]
