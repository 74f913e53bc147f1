"""What a cell's value does not say: its percent format, a formula without a result, an error.

python-calamine returns values only.  Three things a value cannot tell matter to the
ledger import, because each would otherwise record a wrong value without a word:

- a percent typed as ``100%`` is stored as ``1`` with a percent number format (and
  ``35%`` as ``0.35``): without the format, 100% would be read as 1%;
- a formula written by a program that does not calculate (openpyxl writing ``=A1``)
  has no cached result, and calamine returns ``""`` — an emptied cell;
- a cell showing an error (``#N/A``, ``#VALUE!``) also comes back as ``""``.

So the package is read a second time here, but only as far as needed: a literal
search of each sheet's XML answers "no formula, no error, no percent-formatted
cell" at memory speed for nearly every returned ledger, and only a sheet that has
one of them is parsed cell by cell.  ``.xls`` files are read by :mod:`xlsfacts`.

Positions are 0-based (row, column), as the reader's rows are indexed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from typing import IO, Literal
from xml.etree import ElementTree

from importers.ledger import xlsfacts
from importers.ledger.cellmarkers import may_matter
from importers.ledger.extent import column_number, sheet_titles
from importers.ledger.facts import (
    ERROR_VALUE,
    MAX_COLUMN,
    NO_RESULT,
    NOTHING,
    UNKNOWN_FORMATS,
    Position,
    SheetFacts,
    is_percent_format,
)
from importers.ledger.safety import Format
from importers.messages import Message


class SheetMarkers:
    """Which worksheet parts of an ``.xlsx`` have none of the markers
    :func:`~importers.ledger.cellmarkers.may_matter` looks for, noted while the safety check
    inflates them (``check_content``'s ``watch``): such a sheet's facts are known to be
    nothing without a second inflate.

    A part read only in part (the check stopped early, or this watch could not read the
    styles) is not known to be quiet: its facts are gathered as before.
    """

    def __init__(self) -> None:
        self._styles: frozenset[bytes] | None = None
        self._marked: set[str] = set()
        self._ended: set[str] = set()

    def begin(self, archive: zipfile.ZipFile) -> None:
        try:  # (styles.xml was checked for a DTD and its size before the worksheets)
            self._styles = percent_styles(archive)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, ElementTree.ParseError):
            self._styles = None

    def feed(self, part: str, xml: bytes) -> None:
        if self._styles is None or part in self._marked:
            return
        if may_matter(xml, self._styles):
            self._marked.add(part)

    def end(self, part: str) -> None:
        if self._styles is not None:
            self._ended.add(part)

    def quiet(self, part: str) -> bool:
        """Whether part ``part`` was read whole and has no marker."""
        return part in self._ended and part not in self._marked


class CellFacts:
    """The facts of each sheet of one file, gathered lazily, one sheet at a time;
    ``markers`` (filled by the safety check) spares reading the sheets without any."""

    def __init__(self, data: bytes, kind: Format, markers: SheetMarkers | None = None) -> None:
        self._data = data
        self._kind = kind
        self._markers = markers
        self._archive: zipfile.ZipFile | None = None
        self._percent_styles: frozenset[bytes] | None = None
        self._parts: dict[str, str] | None = None
        self._ods: dict[str, SheetFacts] | None = None
        self._xls: xlsfacts.XlsBook | Literal[False] | None = None

    def close(self) -> None:
        if self._archive is not None:
            self._archive.close()

    def sheet(self, name: str) -> SheetFacts:
        """The facts of the sheet with tab ``name`` (nothing known of an unknown name)."""
        try:
            if self._kind == "xlsx":
                return self._xlsx(name)
            if self._kind == "ods":
                if self._ods is None:
                    self._ods = _ods_facts(self._zip())
                return self._ods.get(name, NOTHING)
            if self._xls is None:
                self._xls = xlsfacts.open_book(self._data) or False
            return (self._xls and self._xls.facts(name)) or UNKNOWN_FORMATS
        except (KeyError, zipfile.BadZipFile, OSError, ValueError, ElementTree.ParseError):
            # calamine read the values, so the package is sound; facts that cannot be
            # gathered leave percents ambiguous rather than guessed.
            return UNKNOWN_FORMATS

    def _zip(self) -> zipfile.ZipFile:
        if self._archive is None:
            self._archive = zipfile.ZipFile(io.BytesIO(self._data))
        return self._archive

    def _xlsx(self, name: str) -> SheetFacts:
        archive = self._zip()
        if self._parts is None:
            self._parts = {title: path for path, title in sheet_titles(archive).items()}
            self._percent_styles = percent_styles(archive)
        part = self._parts.get(name)
        if part is None:
            return UNKNOWN_FORMATS
        if self._markers is not None and self._markers.quiet(part):
            return NOTHING
        data = archive.read(part)
        styles = self._percent_styles or frozenset()
        if not may_matter(data, styles):
            return NOTHING
        return _targeted(data, styles) or _xlsx_sheet_facts(data, styles)


# -- xlsx -------------------------------------------------------------------------------------

_BUILTIN_PERCENT = frozenset((9, 10))
"""Excel's built-in ``0%`` and ``0.00%``."""
_FORMULA_TAG = re.compile(rb"<f[\s/>]")


def percent_styles(archive: zipfile.ZipFile) -> frozenset[bytes]:
    """The ``s`` attribute values (as bytes) of the cell styles with a percent format."""
    try:
        root = ElementTree.fromstring(archive.read("xl/styles.xml"))
    except KeyError:
        return frozenset()
    custom: set[int] = set()
    styles: set[bytes] = set()
    for elem in root:
        local = _local(elem.tag)
        if local == "numFmts":
            for fmt in elem:
                if is_percent_format(fmt.get("formatCode", "")):
                    custom.add(_int(fmt.get("numFmtId")))
        elif local == "cellXfs":
            for index, xf in enumerate(elem):
                number_format = _int(xf.get("numFmtId"))
                if number_format in _BUILTIN_PERCENT or number_format in custom:
                    styles.add(str(index).encode())
    return frozenset(styles)


def _targeted(data: bytes, styles: frozenset[bytes]) -> SheetFacts | None:
    """Only the cells a marker points into, each parsed on its own; ``None`` to parse all.

    A total row's formula or a column formatted as percent should not cost a parse of
    every cell of 10,000 rows (0.6 s).  Anything unusual — namespace prefixes, a cell
    without its ``r`` reference, a fragment that does not parse — falls back to that.
    """
    if b":c " in data or b":c>" in data or b"='" in data:
        return None  # prefixed markup (<x:c>) or single quotes: the markers would miss cells
    starts: set[int] = set()
    for hit in _FORMULA_TAG.finditer(data):
        starts.add(data.rfind(b"<c", 0, hit.start()))
    for marker in (b't="e"', *(b' s="' + s + b'"' for s in styles)):
        at = data.find(marker)
        while at != -1:
            starts.add(data.rfind(b"<", 0, at))
            at = data.find(marker, at + 1)
    percent: set[Position] = set()
    bad: dict[Position, Message] = {}
    for start in sorted(starts):
        if start < 0 or data[start : start + 3] not in (b"<c ", b"<c>"):
            continue  # a row's style, or text: not a cell
        close = data.find(b">", start)
        end = close + 1 if data[close - 1 : close] == b"/" else data.find(b"</c>", close) + 4
        try:
            cell = ElementTree.fromstring(data[start:end])
        except ElementTree.ParseError:
            return None
        ref = cell.get("r")
        if not ref or not ref[0].isalpha() or not ref[-1].isdigit():
            return None
        at_cell = _position(ref, 0)
        if at_cell[1] < MAX_COLUMN:
            _xlsx_cell(cell, at_cell, styles, percent, bad)
    return SheetFacts(True, frozenset(percent), bad)


def _xlsx_sheet_facts(data: bytes, styles: frozenset[bytes]) -> SheetFacts:
    """Every cell parsed: positions from ``r`` (or counted, where a generator left it out)."""
    percent: set[Position] = set()
    bad: dict[Position, Message] = {}
    row = col = -1
    for event, elem in ElementTree.iterparse(io.BytesIO(data), events=("start", "end")):
        local = _local(elem.tag)
        if event == "start":
            if local == "row":
                ref = elem.get("r")
                row = int(ref) - 1 if ref and ref.isdigit() else row + 1
                col = -1
            continue
        if local != "c":
            if local == "row":
                elem.clear()
            continue
        ref = elem.get("r")
        if ref:
            row, col = _position(ref, row)
        else:
            col += 1
        if col < MAX_COLUMN:
            _xlsx_cell(elem, (row, col), styles, percent, bad)
        elem.clear()
    return SheetFacts(True, frozenset(percent), bad)


def _xlsx_cell(
    elem: ElementTree.Element,
    at: Position,
    styles: frozenset[bytes],
    percent: set[Position],
    bad: dict[Position, Message],
) -> None:
    kind = elem.get("t", "n")
    formula = value = None
    for child in elem:
        local = _local(child.tag)
        if local == "f":
            formula = child
        elif local == "v":
            value = child.text or ""
    if kind == "e":
        bad[at] = Message(ERROR_VALUE, {"error": value or "#N/A"})
    elif formula is not None and (value is None or (value == "" and kind != "str")):
        text = formula.text or ""
        bad[at] = Message(NO_RESULT, {"formula": "=" + text if text else "(shared)"})
    elif kind == "n" and elem.get("s", "0").encode() in styles:
        percent.add(at)


def _position(ref: str, row: int) -> Position:
    letters = ref.rstrip("0123456789")
    digits = ref[len(letters) :]
    return (int(digits) - 1 if digits else row), column_number(letters.upper().encode()) - 1


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _int(text: str | None) -> int:
    try:
        return int(text or "")
    except ValueError:
        return -1


# -- ods --------------------------------------------------------------------------------------

_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_CALC = "{urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0}"
_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_CHUNK = 1 << 20
_ODS_MATTERS = (b"table:formula=", b'office:value-type="percentage"')


def _ods_facts(archive: zipfile.ZipFile) -> dict[str, SheetFacts]:
    """Each table's facts from ``content.xml`` (only parsed if it has a formula or a percent)."""
    if not _odsmay_matter(archive):
        return {}
    facts: dict[str, SheetFacts] = {}
    with archive.open("content.xml") as stream:
        for table, percent, bad in _ods_tables(stream):
            facts[table] = SheetFacts(True, frozenset(percent), bad)
    return facts


def _odsmay_matter(archive: zipfile.ZipFile) -> bool:
    """Whether ``content.xml`` has a formula or a percent cell, searched as it inflates
    (a 10,000-row sheet's content is some 35 MB, never held whole)."""
    tail = b""
    with archive.open("content.xml") as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            if any(marker in data for marker in _ODS_MATTERS):
                return True
            tail = data[-64:]
    return False


def _ods_tables(stream: IO[bytes]) -> Iterator[tuple[str, set[Position], dict[Position, Message]]]:
    table = ""
    percent: set[Position] = set()
    bad: dict[Position, Message] = {}
    found: list[tuple[int, str | Message]] = []  # the current row's facts, by column
    row = col = 0
    cells = (_T + "table-cell", _T + "covered-table-cell")
    for event, elem in ElementTree.iterparse(stream, events=("start", "end")):
        tag = elem.tag
        if event == "start":
            if tag == _T + "table":
                table, percent, bad, row = elem.get(_T + "name", ""), set(), {}, 0
            elif tag == _T + "table-row":
                col, found = 0, []
            continue
        if tag in cells:
            repeat = max(_int(elem.get(_T + "number-columns-repeated")), 1)
            what = _ods_cell(elem)
            if what is not None:
                found.extend((c, what) for c in range(col, min(col + repeat, MAX_COLUMN)))
            col += repeat
            elem.clear()
        elif tag == _T + "table-row":
            # A row written once with number-rows-repeated: its facts hold for every copy
            # (the extent check has bounded the rows x columns such a run may cover).
            rows = max(_int(elem.get(_T + "number-rows-repeated")), 1)
            for r in range(row, row + rows) if found else ():
                for c, what in found:
                    if isinstance(what, Message):
                        bad[(r, c)] = what
                    else:
                        percent.add((r, c))
            row += rows
            elem.clear()
        elif tag == _T + "table":
            yield table, percent, bad


def _ods_cell(elem: ElementTree.Element) -> str | Message | None:
    """``"percent"``, the reason the cell's value must not be read, or ``None``."""
    formula = elem.get(_T + "formula")
    value_type = elem.get(_O + "value-type")
    if elem.get(_CALC + "value-type") == "error":
        shown = "".join(elem.itertext()).strip() or "#N/A"
        return Message(ERROR_VALUE, {"error": shown})
    if formula is not None and value_type is None:
        shown = formula.split(":", 1)[1] if formula.startswith("of:") else formula
        return Message(NO_RESULT, {"formula": shown})
    if value_type == "percentage":
        return "percent"
    return None
