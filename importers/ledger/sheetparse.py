"""One worksheet of a returned ledger: find the header, read the data rows.

Columns are found by their header text, anywhere in the first rows and in any
order, because units insert, delete and move columns (and other offices'
templates put 序号 and 措施编号 in different places).  Values are converted by
:mod:`importers.ledger.cells`; a bad value becomes a :class:`CellError` and the
rest of the row is still read.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from importers.ledger import cells
from importers.ledger.cells import CellValueError, RawValue
from importers.ledger.columns import (
    FILL_IN_FIELDS,
    HEADERS,
    REQUIRED_FIELDS,
    TEXT_FIELDS,
    field_for_header,
    header_for_field,
    normalize_header,
)
from importers.ledger.model import CellError
from importers.ledger.statuses import UnknownStatusError, normalize_status
from importers.messages import QT_TRANSLATE_NOOP, Message

HEADER_SEARCH_ROWS = 10
MIN_HEADER_MATCHES = 3
"""A row naming at least this many ledger columns is taken as the header row."""
_HEADER_TEXTS = {normalize_header(h) for h in HEADERS}


@dataclass(frozen=True)
class Header:
    """The header row (0-based index) and the column index of each field found."""

    row: int
    columns: dict[str, int]

    @property
    def missing(self) -> list[str]:
        return [f for f in REQUIRED_FIELDS if f not in self.columns]


@dataclass
class RowDraft:
    """A data row's values, before it is matched to an exported key."""

    sheet: str
    row: int
    measure_code: str
    unit: str
    status: str | None = None
    percent: int | None = None
    texts: dict[str, str] = field(default_factory=dict)
    deadline_text: str = ""
    deadline: date | None = None


def column_letter(index: int) -> str:
    """0-based column index → ``A``, ``B``, … ``AA``."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def find_header(grid: Sequence[Sequence[RawValue]]) -> Header | None:
    """The row among the first few that names the most ledger columns, if enough do."""
    best: Header | None = None
    for r, line in enumerate(grid[:HEADER_SEARCH_ROWS]):
        columns: dict[str, int] = {}
        for c, value in enumerate(line):
            if isinstance(value, str):
                name = field_for_header(value)
                if name is not None and name not in columns:
                    columns[name] = c
        if len(columns) >= MIN_HEADER_MATCHES and (
            best is None or len(columns) > len(best.columns)
        ):
            best = Header(r, columns)
    return best


class _Line:
    """One grid row, cells looked up by field name."""

    def __init__(self, values: Sequence[RawValue], columns: dict[str, int], index: int) -> None:
        self.values = values
        self.columns = columns
        self.index = index

    def get(self, name: str) -> RawValue:
        c = self.columns.get(name)
        return self.values[c] if c is not None and c < len(self.values) else None

    def address(self, name: str) -> str:
        return f"{column_letter(self.columns.get(name, 0))}{self.index + 1}"


def read_rows(
    sheet: str, grid: Sequence[Sequence[RawValue]], header: Header, errors: list[CellError]
) -> list[RowDraft]:
    """The data rows below ``header``; empty and repeated-header rows are skipped.

    A row with fill-in values but no 措施编号 cannot be matched to anything: it
    is reported as an error (typically a note typed under the table) and dropped.
    """
    drafts: list[RowDraft] = []
    for r in range(header.row + 1, len(grid)):
        line = _Line(grid[r], header.columns, r)
        code = cells.text(line.get("measure_code"))
        if not code:
            if any(not cells.is_empty(line.get(name)) for name in FILL_IN_FIELDS):
                errors.append(
                    CellError(
                        sheet,
                        line.address("measure_code"),
                        Message(
                            QT_TRANSLATE_NOOP(
                                "messages",
                                "row {row} is filled in but has no {column} (measure code)",
                            ),
                            {"row": r + 1, "column": header_for_field("measure_code")},
                        ),
                    )
                )
            continue
        if normalize_header(code) in _HEADER_TEXTS:
            continue  # the header repeated, e.g. pasted above a second block
        drafts.append(_draft(sheet, line, code, errors))
    return drafts


def _draft(sheet: str, line: _Line, code: str, errors: list[CellError]) -> RowDraft:
    draft = RowDraft(sheet, line.index + 1, code, cells.text(line.get("unit")))
    try:
        draft.status = normalize_status(cells.text(line.get("status")))
    except UnknownStatusError as exc:
        errors.append(CellError(sheet, line.address("status"), exc.as_message()))
    try:
        draft.percent = cells.to_percent(line.get("percent"))
    except CellValueError as exc:
        errors.append(CellError(sheet, line.address("percent"), exc.as_message()))
    draft.texts = {name: cells.text(line.get(name)) for name in TEXT_FIELDS}
    deadline = line.get("deadline")
    draft.deadline_text = cells.text(deadline)
    draft.deadline = cells.to_date(deadline)
    return draft
