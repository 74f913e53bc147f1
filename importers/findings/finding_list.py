"""A 问题清单 (an inspection's list of findings, .xlsx/.xls/.ods) becomes a ``FindingList``.

The file passes the ledgers' safety checks first (``importers.ledger.safety``: size,
format, encryption, zip and XML bombs, implied sheet extents) and is read with
python-calamine the way a returned ledger is (``importers.ledger.reader.sheet_rows``).
Columns are found by their header text in the first rows of each sheet; a sheet without
the columns a finding needs is skipped, and a file where no sheet has them is refused.
A cell that cannot be taken (an empty 问题描述, a 整改时限 that is no date) is listed as a
``CellError`` naming its sheet and cell; the database is the service's business.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from python_calamine import CalamineWorkbook, PasswordError, SheetTypeEnum

from importers.ledger import cells
from importers.ledger.errors import LedgerReadError
from importers.ledger.model import CellError
from importers.ledger.reader import sheet_rows
from importers.ledger.safety import PASSWORD_PROTECTED, check_content, check_size
from importers.ledger.sheetparse import column_letter
from importers.messages import QT_TRANSLATE_NOOP, FileError, Message

HEADERS: Final[dict[str, tuple[str, ...]]] = {
    "inspection": ("督查名称", "督查", "检查名称", "督查事项"),
    "held_on": ("督查日期", "督查时间", "检查日期"),
    "team": ("督查组", "检查组"),
    "unit": ("责任单位", "责任部门", "整改单位", "整改责任单位"),
    "measure": ("措施编号", "编号"),
    "problem": ("问题描述", "存在问题", "发现问题", "问题"),
    "requirement": ("整改要求", "整改措施"),
    "deadline": ("整改时限", "完成时限", "整改期限"),
}
REQUIRED: Final = ("unit", "problem", "requirement", "deadline")
HEADER_SEARCH_ROWS = 10
_NOISE = re.compile(r"[\s\u3000]+")
_BY_HEADER = {name: field for field, names in HEADERS.items() for name in names}
EMPTY = QT_TRANSLATE_NOOP("messages", "{header} is empty")
NOT_A_DATE = QT_TRANSLATE_NOOP("messages", "{header} {value!r} is not a date (e.g. 2021-09-30)")


class FindingListError(FileError):
    """The file cannot be read as a 问题清单 at all (wrong type, damaged, unsafe, no columns)."""


@dataclass(frozen=True)
class ListedFinding:
    """One line of the list, its texts stripped; ``cells`` is each field's ``A1`` address."""

    sheet: str
    row: int
    inspection: str
    held_on: date | None
    team: str
    unit: str
    measure: str
    problem: str
    requirement: str
    deadline: date | None
    cells: dict[str, str]


@dataclass(frozen=True)
class FindingList:
    file_name: str
    sha256: str
    rows: list[ListedFinding]
    errors: list[CellError]


def read_finding_list(path: Path) -> FindingList:
    name = path.name
    try:
        try:
            check_size(name, path.stat().st_size)
            data = path.read_bytes()
        except OSError as exc:
            raise FindingListError(
                name,
                QT_TRANSLATE_NOOP("messages", "cannot open the file: {reason}"),
                reason=exc.strerror or exc,
            ) from None
        check_content(name, data)
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except LedgerReadError as exc:  # the ledgers' checks, worded for any spreadsheet
        raise FindingListError(name, exc.template, **exc.params) from None
    except PasswordError:
        raise FindingListError(name, PASSWORD_PROTECTED) from None
    except FindingListError:
        raise  # (said already: not "damaged" around it)
    except Exception as exc:  # python-calamine's errors for a damaged file
        raise FindingListError(
            name,
            QT_TRANSLATE_NOOP("messages", "the file is damaged or unreadable ({reason})"),
            reason=exc,
        ) from None
    rows: list[ListedFinding] = []
    errors: list[CellError] = []
    found = False
    with book:
        for sheet in book.sheets_metadata:
            if sheet.typ != SheetTypeEnum.WorkSheet:
                continue
            try:
                grid = list(sheet_rows(name, book, sheet.name))
            except LedgerReadError as exc:
                raise FindingListError(name, exc.template, **exc.params) from None
            header = _header(grid)
            if header is None:
                continue
            found = True
            rows.extend(_lines(sheet.name, grid, header, errors))
    if not found:
        raise FindingListError(
            name,
            QT_TRANSLATE_NOOP(
                "messages",
                "no sheet has the columns of a problem list ({columns}) in its first rows",
            ),
            columns="、".join(HEADERS[f][0] for f in REQUIRED),
        )
    return FindingList(name, hashlib.sha256(data).hexdigest(), rows, errors)


def _header(grid: Sequence[Sequence[cells.RawValue]]) -> tuple[int, dict[str, int]] | None:
    for r, line in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for c, value in enumerate(line):
            field = _BY_HEADER.get(_NOISE.sub("", value)) if isinstance(value, str) else None
            if field is not None and field not in columns:
                columns[field] = c
        if all(f in columns for f in REQUIRED):
            return r, columns
    return None


def _lines(
    sheet: str,
    grid: Sequence[Sequence[cells.RawValue]],
    header: tuple[int, dict[str, int]],
    errors: list[CellError],
) -> Iterable[ListedFinding]:
    top, columns = header
    for r in range(top + 1, len(grid)):
        line = grid[r]

        def value(field: str, line: Sequence[cells.RawValue] = line) -> cells.RawValue:
            c = columns.get(field)
            return line[c] if c is not None and c < len(line) else None

        if all(cells.is_empty(value(f)) for f in columns):
            continue
        where = {f: f"{column_letter(c)}{r + 1}" for f, c in columns.items()}
        texts = {f: cells.text(value(f)) for f in HEADERS}
        bad = False
        for field in ("unit", "problem", "requirement"):
            if not texts[field]:
                errors.append(_error(sheet, where[field], EMPTY, HEADERS[field][0], ""))
                bad = True
        dates: dict[str, date | None] = {}
        for field in ("deadline", "held_on"):
            dates[field] = cells.to_date(value(field))
            if dates[field] is None and (field == "deadline" or texts[field]):
                template = NOT_A_DATE if texts[field] else EMPTY
                header_text = HEADERS[field][0]
                errors.append(_error(sheet, where[field], template, header_text, texts[field]))
                bad = True
        if bad:
            continue
        yield ListedFinding(
            sheet=sheet,
            row=r + 1,
            inspection=texts["inspection"],
            held_on=dates["held_on"],
            team=texts["team"],
            unit=texts["unit"],
            measure=texts["measure"],
            problem=texts["problem"],
            requirement=texts["requirement"],
            deadline=dates["deadline"],
            cells=where,
        )


def _error(sheet: str, cell: str, template: str, header: str, value: str) -> CellError:
    params: dict[str, object] = {"header": header}
    if "{value" in template:
        params["value"] = value
    return CellError(sheet, cell, Message(template, params))
