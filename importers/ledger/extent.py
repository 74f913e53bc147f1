"""How far each sheet's data reaches, measured before python-calamine loads it.

calamine stores a sheet as a dense rectangle from A1 to the last cell holding
a value: one stray entry in XFD1048576 is 17 billion cells, and the allocation
aborts the whole process (the desktop app, not just the import).  So the sheet
XML is scanned first — cheaply, as a byte stream — and a sheet whose data area
exceeds :data:`MAX_CELLS` is refused with the address of its far corner.

The scan is as cheap as a sheet allows: a first pass only asks whether any
cell reference lies beyond row 99,999 or column AX (no such sheet can exceed
:data:`MAX_CELLS`), which a literal-prefix regex search answers at memory
speed; only a sheet that does reach that far is measured cell by cell.

A cell or row may also leave out its ``r`` reference: calamine then places it
after the one before (``<row r="1048576"><c/>…<c><v>1</v></c>`` is XFD1048576
without any reference saying so).  Every generator writes ``r`` first, so the
same pass looks for a ``<c``/``<row`` whose first attribute is not ``r``; a
sheet with one is measured position by position, as calamine counts.

calamine also reserves room for the ``uniqueCount`` the shared-strings part
declares (``uniqueCount="1000000000"`` is 24 GB): above :data:`MAX_SHARED_STRINGS`
the file is refused.  ``.xls`` records are measured by :mod:`importers.ledger.xls_extent`.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from enum import Enum
from typing import Any, Protocol
from xml.etree import ElementTree

from importers.ledger.errors import LedgerReadError
from importers.messages import QT_TRANSLATE_NOOP

MAX_CELLS = 5_000_000
"""100,000 rows × 50 columns: more than any real ledger."""
_CHUNK = 1 << 20
_OVERLAP = 512
# A cell with a reference and a value, formula or inline string (styled empty cells
# do not count: calamine ignores them).  Optional namespace prefixes: some
# generators write <x:c>.
_VALUE_CELL = re.compile(
    rb'<(?:\w+:)?c\s[^>]*?\br="([A-Z]{1,3})([0-9]{1,7})"[^>]*(?<!/)>\s*<(?:\w+:)?(?:v|is|f)\b'
)
NEAR_ROWS = 99_999
NEAR_COLUMNS = 50
"""A sheet whose references all stay within A1:AX99999 fits in :data:`MAX_CELLS`."""
# Any reference (value or not) in column AY or beyond, or in row 100000 or beyond.  No
# word boundary before ``r``: a leading literal lets the regex engine skip ahead fast,
# and a stray hit on some other attribute only costs the cell-by-cell measurement.
_FAR_REFERENCE = re.compile(rb'r="(?:[A-Z]{3}|[B-Z][A-Z]|A[YZ]|[A-Z]{1,2}[0-9]{6})')
_T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"


def column_number(letters: bytes) -> int:
    """``b"A"`` → 1, ``b"XFD"`` → 16384."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def _letters(n: int) -> str:
    out = ""
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(65 + rest) + out
    return out


def refuse_extent(name: str, sheet: str, rows: int, cols: int) -> None:
    """Refuse sheet ``sheet`` of file ``name`` if ``rows`` × ``cols`` exceeds the limit."""
    if rows * cols > MAX_CELLS:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP(
                "messages",
                'sheet "{sheet}" reaches cell {cell}, far outside any ledger; '
                "delete the stray content there and send the file again",
            ),
            sheet=sheet,
            cell=f"{_letters(cols)}{rows}",
        )


def refuse_book(name: str, cells: int) -> None:
    """Refuse file ``name`` if its sheets together span more than :data:`MAX_CELLS` cells
    (for the formats calamine reads whole on opening: .ods and .xls)."""
    if cells > MAX_CELLS:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP(
                "messages",
                "the sheets together span {cells} cells, far more than any ledger "
                "(at most {limit}); delete the stray content and send the file again",
            ),
            cells=cells,
            limit=MAX_CELLS,
        )


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def sheet_titles(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part path (``xl/worksheets/sheet2.xml``) → tab name, for messages."""
    try:
        book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ElementTree.ParseError):
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels.iter(_PKG + "Relationship")}
    titles: dict[str, str] = {}
    for sheet in book.iter(_MAIN + "sheet"):
        target = targets.get(sheet.get(_REL + "id"), "")
        path = posixpath.normpath(target.lstrip("/") if target.startswith("/") else "xl/" + target)
        titles[path] = sheet.get("name", "")
    return titles


class Reach(Enum):
    """What the first pass found in a worksheet part."""

    NEAR = "near"  # every reference within A1:AX99999: nothing to measure
    FAR = "far"  # a reference beyond: measure the values' references
    IRREGULAR = "irregular"  # a cell or row without a plain ``r``: count positions


class PartWatch(Protocol):
    """Something else to learn from the worksheet parts while the check inflates them
    (``importers.ledger.cellfacts.SheetMarkers``), so that no part is inflated twice."""

    def begin(self, archive: zipfile.ZipFile) -> None:
        """The archive, before its first worksheet part is read."""

    def feed(self, part: str, xml: bytes) -> None:
        """The next piece of part ``part``: whole tags and texts, cut before a ``<``."""

    def end(self, part: str) -> None:
        """Part ``part`` was fed to its end (a part left early is not ended)."""


def check_xlsx(name: str, archive: zipfile.ZipFile, watch: PartWatch | None = None) -> None:
    """Refuse an xlsx with a worksheet whose values span more than :data:`MAX_CELLS`,
    or whose shared strings declare more than :data:`MAX_SHARED_STRINGS`; ``watch``
    sees every worksheet part as it is read."""
    titles = sheet_titles(archive)
    listed = {m.filename: m for m in archive.infolist()}
    if watch is not None:
        watch.begin(archive)
    for path, member in listed.items():
        if not ((path.startswith("xl/worksheets/") and path.endswith(".xml")) or path in titles):
            continue
        found = reach(archive, member, watch)
        if found is Reach.NEAR:
            continue
        if found is Reach.FAR:
            rows, cols = value_extent(archive, member)
        else:
            rows, cols = position_extent(archive, member)
        refuse_extent(name, titles.get(path) or path.rsplit("/", 1)[-1], rows, cols)
    check_shared_strings(name, archive)


def reaches_far(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether the sheet must be measured (see :func:`reach`)."""
    return reach(archive, member) is not Reach.NEAR


def reach(
    archive: zipfile.ZipFile, member: zipfile.ZipInfo, watch: PartWatch | None = None
) -> Reach:
    """Whether any reference in the sheet lies outside A1:AX99999, or any cell or row
    lacks a plain reference (then it must be measured).

    A plain reference is the element's first attribute, written ``r="XFD1048576"``:
    upper-case letters, a row without leading zeros, at most seven digits, double
    quotes — as every spreadsheet program writes it.  calamine also reads
    ``r = 'xfd001048576'`` or a row of eight digits, which the literal searches
    would not see, so any other spelling is measured position by position.

    Streams the part to its end unless an irregular cell or row turns up, so a part
    that inflates beyond its declared size still fails here (zipfile stops at the
    declared size and checks the CRC); the measuring that follows an early return
    reads the part to its end.

    Without namespace prefixes, one search first asks whether any cell or row is
    irregular or far (:data:`_IRREGULAR_OR_FAR`); only a piece where it is found is
    searched the two ways that tell which.
    """
    carry = b""
    far = False
    path = member.filename
    with archive.open(member) as stream:
        chunk = stream.read(_CHUNK)
        while chunk:
            data = carry + chunk
            chunk = stream.read(_CHUNK)
            # A tag cut by the chunk's end (``<c r="A1`` | ``2">``) would look irregular:
            # search up to the last tag's start and carry that tag into the next chunk.
            cut = data.rfind(b"<") if chunk else -1
            head, carry = (data, b"") if cut < 0 else (data[:cut], data[cut:])
            prefixed = _PREFIXED.search(head) is not None
            if prefixed or _IRREGULAR_OR_FAR.search(head):
                if (_IRREGULAR_PREFIXED if prefixed else _IRREGULAR).search(head):
                    return Reach.IRREGULAR
                far = far or bool(_FAR_REFERENCE.search(head))
            if watch is not None:
                watch.feed(path, head)
    if watch is not None:
        watch.end(path)
    return Reach.FAR if far else Reach.NEAR


def value_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """The last row and column (1-based) holding a value in the sheet part ``member``."""
    rows = cols = 0
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            for letters, number in _VALUE_CELL.findall(data):
                rows = max(rows, int(number))
                cols = max(cols, column_number(letters))
            tail = data[-_OVERLAP:]
    return rows, cols


def position_extent(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> tuple[int, int]:
    """The last row and column (1-based) holding a value, placed as calamine places them.

    A row without ``r`` follows the row before; a cell without ``r`` follows the
    cell before in its row (the first in a row is column A).  A reference is read
    however it is spelled (any case, quotes, spaces, ``$`` or leading zeros).  A
    cell counts when it has content (``<v>``, ``<is>`` or ``<f>``); one whose
    content lies beyond what has been read yet counts too (never too little).
    """
    rows = cols = row = col = 0
    carry = b""
    with archive.open(member) as stream:
        chunk = stream.read(_CHUNK)
        while chunk:
            data = carry + chunk
            chunk = stream.read(_CHUNK)
            cut = len(data) if not chunk else max(data.rfind(b"<"), 0)
            for match in _TAG.finditer(data):
                if match.start() >= cut:
                    break
                closing, element, attributes = match.groups()
                ref = _REFERENCE.search(attributes)
                if element == b"row":
                    if not closing:
                        row = int(ref.group(2)) if ref and ref.group(2) else row + 1
                    col = 0
                    continue
                if closing:
                    continue
                if ref is not None and ref.group(1):
                    col = column_number(ref.group(1).upper())
                else:
                    col += 1
                if ref is not None and ref.group(2):
                    row = int(ref.group(2))
                end = match.end()
                if not attributes.endswith(b"/") and (
                    _CONTENT.match(data, end) or (chunk and len(data) - end < _OVERLAP)
                ):
                    rows, cols = max(rows, row, 1), max(cols, col)
            carry = data[cut:]
    return rows, cols


MAX_SHARED_STRINGS = MAX_CELLS
"""More distinct strings than the largest sheet has cells: never a real ledger."""


def check_shared_strings(name: str, archive: zipfile.ZipFile) -> None:
    """Refuse a shared-strings part declaring more strings than :data:`MAX_SHARED_STRINGS`.

    calamine reserves a slot per declared string before reading one.  The part is
    found by its root element ``<sst>`` (the workbook's relationships may put it
    anywhere), and only as much of each XML part is parsed as it takes to reach
    its root element — comments before it included.
    """
    for member in archive.infolist():
        if not member.filename.casefold().endswith(".xml"):
            continue
        root = _root_element(archive, member)
        if root is None or root.tag.rsplit("}", 1)[-1] != "sst":
            continue
        try:
            count = int(root.get("uniqueCount", "0"))
        except ValueError:
            continue  # calamine cannot read it as a number either
        if count > MAX_SHARED_STRINGS:
            raise LedgerReadError(
                name,
                QT_TRANSLATE_NOOP(
                    "messages",
                    "refused: part {part} declares {count} different texts "
                    "(more than {limit}); the file is damaged or forged",
                ),
                part=member.filename,
                count=count,
                limit=MAX_SHARED_STRINGS,
            )


def _root_element(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> ElementTree.Element | None:
    """The root element of an XML part (its attributes; no children), or None if there is
    none to read (not XML: left to the reader, which reports it if it needs the part)."""
    parser: Any = ElementTree.XMLPullParser(events=("start",))  # typeshed: events untyped
    with archive.open(member) as stream:
        while chunk := stream.read(_OVERLAP * 16):
            try:
                parser.feed(chunk)
                for _event, element in parser.read_events():
                    if isinstance(element, ElementTree.Element):
                        return element
            except ElementTree.ParseError:
                return None
    return None


_PLAIN = rb'r="[A-Z]{0,3}[1-9][0-9]{0,6}"[\s/>]'
_IRREGULAR = re.compile(rb"<(?:c|row)(?:>|/>|\s+(?!" + _PLAIN + rb"))")
_IRREGULAR_PREFIXED = re.compile(rb"<(?:[\w.-]+:)?(?:c|row)(?:>|/>|\s+(?!" + _PLAIN + rb"))")
"""A cell or row tag whose first attribute is not a plain reference (with a namespace
prefix only when the chunk has prefixed elements: a literal ``<`` start is 2.5× faster)."""
_NEAR_PLAIN = rb'r="(?:A[A-X]|[A-Z])?[1-9][0-9]{0,4}"[\s/>]'
_IRREGULAR_OR_FAR = re.compile(rb"<(?:c|row)(?:>|/>|\s+(?!" + _NEAR_PLAIN + rb"))")
"""A cell or row tag whose first attribute is not a plain reference within A1:AX99999.
Without one, a piece without prefixed elements has no irregular tag (a near plain
reference is a plain one) and no cell the measuring would place beyond A1:AX99999 (it
reads a cell's first reference), so the two searches it stands for are not made; a
far reference elsewhere (a text, another attribute) only ever cost the measuring."""
_PREFIXED = re.compile(rb":(?:c|row)")
"""Where a prefixed cell or row (``<x:c``, ``<x:row``) may be: the same as the two literal
searches ``b":c" in`` and ``b":row" in``, in one pass whose one-letter literal start the
regex engine skips ahead to (6 ms instead of 33 over a 10,000-row ledger's 22 MB)."""
_TAG = re.compile(rb"<(/?)(?:[\w.-]+:)?(row|c)(?=[\s/>])([^>]*)>")
_CONTENT = re.compile(rb"\s*<(?:[\w.-]+:)?(?:v|is|f)\b")
_REFERENCE = re.compile(rb"(?:^|\s)r\s*=\s*[\"']\s*\$?([A-Za-z]*)\$?([0-9]*)")


def check_ods(name: str, archive: zipfile.ZipFile) -> None:
    """Refuse an ods whose repeated rows/columns of values would span too many cells.

    ODS compresses runs of equal cells (``number-columns-repeated``), so a small
    file can describe a column filled to the last row.  Trailing empty runs,
    which every LibreOffice file has, do not count.  calamine reads every table
    when it opens the file, so their areas together are bounded too.
    """
    total = 0
    with archive.open("content.xml") as stream:
        table, rows, cols, row, col, row_cols = "", 0, 0, 0, 0, 0
        for event, elem in ElementTree.iterparse(stream, events=("start", "end")):
            tag = elem.tag
            if event == "start":
                if tag == _T + "table":
                    table, rows, cols, row = elem.get(_T + "name", ""), 0, 0, 0
                elif tag == _T + "table-row":
                    col = row_cols = 0
                continue
            if tag in (_T + "table-cell", _T + "covered-table-cell"):
                repeat = int(elem.get(_T + "number-columns-repeated", "1"))
                col += repeat
                if elem.get(_O + "value-type") is not None or len(elem):
                    row_cols = col
                elem.clear()
            elif tag == _T + "table-row":
                repeat = int(elem.get(_T + "number-rows-repeated", "1"))
                row += repeat
                if row_cols:
                    rows, cols = row, max(cols, row_cols)
                    refuse_extent(name, table, rows, cols)
                    refuse_book(name, total + rows * cols)
                elem.clear()
            elif tag == _T + "table":
                total += rows * cols
