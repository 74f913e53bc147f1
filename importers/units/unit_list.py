"""A column of unit names from a spreadsheet or CSV file: a group's members.

The clerk often has the member list already (a contact sheet, a former ledger):
``read_unit_column`` takes the column headed by a word such as 单位 or 名称, or
else the first column with text, from the first sheet of an ``.xlsx/.xls/.ods``
(python-calamine) or a ``.csv`` (UTF-8, else GB18030 as WPS and Excel save it),
cleans each name (``clean_unit_name``) and drops repeats and blanks.  A file that
cannot be read, or holds no name, raises ``UnitListReadError`` naming the file
(and the sheet).  The damaged/oversized checks are the ledger reader's.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from importers.ledger.errors import LedgerReadError
from importers.ledger.safety import check_content
from importers.messages import QT_TRANSLATE_NOOP, FileError
from importers.text_clean import clean_unit_name

HEADER_WORDS = ("单位", "名称", "成员")
MAX_NAMES = 2000
SPREADSHEETS = (".xlsx", ".xls", ".ods")


class UnitListReadError(FileError):
    """The file gives no list of unit names (unreadable, wrong type, no names)."""


def read_unit_column(path: Path) -> list[str]:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
        where = path.name
    elif suffix in SPREADSHEETS:
        rows, sheet = _sheet_rows(path)
        where = f"{path.name} / {sheet}"
    else:
        raise UnitListReadError(
            path.name,
            QT_TRANSLATE_NOOP("messages", "not a spreadsheet or CSV file"),
        )
    names = _names(rows)
    if not names:
        raise UnitListReadError(
            where, QT_TRANSLATE_NOOP("messages", "no unit names found in the first columns")
        )
    return names


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnitListReadError(
            path.name, QT_TRANSLATE_NOOP("messages", "cannot be read: {error}"), error=exc.strerror
        ) from None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return [row for row in csv.reader(io.StringIO(text))][: MAX_NAMES + 1]
    raise UnitListReadError(
        path.name, QT_TRANSLATE_NOOP("messages", "the text is neither UTF-8 nor GB18030")
    )


def _sheet_rows(path: Path) -> tuple[list[list[str]], str]:
    from python_calamine import CalamineWorkbook

    try:
        data = path.read_bytes()
        check_content(path.name, data)
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        sheet = book.get_sheet_by_index(0)
        rows = sheet.to_python(nrows=MAX_NAMES + 1)
        name = book.sheet_names[0]
    except OSError as exc:
        raise UnitListReadError(
            path.name, QT_TRANSLATE_NOOP("messages", "cannot be read: {error}"), error=exc.strerror
        ) from None
    except LedgerReadError as exc:
        raise UnitListReadError(path.name, exc.template, **exc.params) from None
    except Exception:  # calamine's own errors for a damaged file
        raise UnitListReadError(
            path.name, QT_TRANSLATE_NOOP("messages", "the file is damaged or not a spreadsheet")
        ) from None
    return [["" if cell is None else str(cell) for cell in row] for row in rows], name


def _names(rows: list[list[str]]) -> list[str]:
    column, start = _column(rows)
    if column is None:
        return []
    found: dict[str, None] = {}
    for row in rows[start:]:
        if column < len(row):
            name = clean_unit_name(row[column])
            if name and not name.replace(".", "").isdigit():
                found.setdefault(name, None)
    return list(found)


def _column(rows: list[list[str]]) -> tuple[int | None, int]:
    """The column to read and the first row of names: under a header naming units
    (in the first five rows), else the first column holding text."""
    for index, row in enumerate(rows[:5]):
        for column, cell in enumerate(row):
            if any(word in cell for word in HEADER_WORDS) and len(cell) <= 12:
                return column, index + 1
    widths = max((len(r) for r in rows), default=0)
    for column in range(widths):
        if any(column < len(r) and r[column].strip() and not _number(r[column]) for r in rows):
            return column, 0
    return None, 0


def _number(text: str) -> bool:
    return text.strip().replace(".", "").isdigit()
