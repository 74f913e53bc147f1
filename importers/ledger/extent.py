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

``.xls`` is not scanned: its grid is at most 65,536 × 256 cells, which calamine
survives; :func:`importers.ledger.reader` still refuses to materialize it.
"""

from __future__ import annotations

import re
import zipfile
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


def _refuse(name: str, sheet: str, rows: int, cols: int) -> None:
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
        path = target.lstrip("/") if target.startswith("/") else "xl/" + target
        titles[path] = sheet.get("name", "")
    return titles


def check_xlsx(name: str, archive: zipfile.ZipFile) -> None:
    """Refuse an xlsx with a worksheet whose values span more than :data:`MAX_CELLS`."""
    titles: dict[str, str] | None = None
    for member in archive.infolist():
        path = member.filename
        if not (path.startswith("xl/worksheets/") and path.endswith(".xml")):
            continue
        if not reaches_far(archive, member):
            continue
        if titles is None:
            titles = sheet_titles(archive)
        rows, cols = value_extent(archive, member)
        _refuse(name, titles.get(path) or path.rsplit("/", 1)[-1], rows, cols)


def reaches_far(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """Whether any reference in the sheet lies outside A1:AX99999 (then it must be measured).

    Streams the part to its end when nothing reaches far, so a part that inflates
    beyond its declared size still fails here (zipfile stops at the declared size
    and checks the CRC); on the first far reference it returns, and the measuring
    that follows reads the part to its end.
    """
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(_CHUNK):
            data = tail + chunk
            if _FAR_REFERENCE.search(data):
                return True
            tail = data[-_OVERLAP:]
    return False


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


def check_ods(name: str, archive: zipfile.ZipFile) -> None:
    """Refuse an ods whose repeated rows/columns of values would span too many cells.

    ODS compresses runs of equal cells (``number-columns-repeated``), so a small
    file can describe a column filled to the last row.  Trailing empty runs,
    which every LibreOffice file has, do not count.
    """
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
                    _refuse(name, table, rows, cols)
                elem.clear()
