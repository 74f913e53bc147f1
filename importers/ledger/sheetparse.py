"""One worksheet of a returned ledger: find the header, read the data rows.

Columns are found by their header text, anywhere in the first rows and in any
order, because units insert, delete and move columns (and other offices'
templates put 序号 and 措施编号 in different places).  Values are converted by
:mod:`importers.ledger.cells`; a bad value becomes a :class:`CellError` and the
rest of the row is still read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import islice
from typing import TypedDict

from importers.ledger import cells
from importers.ledger.cells import CellValueError, RawValue
from importers.ledger.columns import (
    COLUMNS,
    FILL_IN_FIELDS,
    HEADERS,
    REQUIRED_FIELDS,
    TEXT_FIELDS,
    field_for_header,
    header_for_field,
    normalize_header,
)
from importers.ledger.facts import NOTHING, SheetFacts
from importers.ledger.model import CellError
from importers.ledger.statuses import UnknownStatusError, normalize_status
from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.text_clean import clean_unit_name

HEADER_SEARCH_ROWS = 10
MIN_HEADER_MATCHES = 3
"""A row naming at least this many ledger columns is taken as the header row."""
HEADER_TEXTS = {normalize_header(h) for h in HEADERS}
READ_FIELDS = ("measure_code", "unit", *FILL_IN_FIELDS)
"""The fields whose cells identify a row or carry what the unit reports."""
_LONGEST_HEADER = max(
    len(normalize_header(name)) for column in COLUMNS for name in (column.header, *column.aliases)
)


@dataclass(frozen=True)
class Header:
    """The header row (0-based index) and the column index of each field found."""

    row: int
    columns: dict[str, int]

    @property
    def missing(self) -> list[str]:
        return [f for f in REQUIRED_FIELDS if f not in self.columns]


class RowDraft(TypedDict):
    """A data row's values, before it is matched to an exported key.

    A dict of plain values, which the garbage collector does not track: a
    master ledger makes tens of thousands of drafts, and every tracked object
    that lives through the read brings the next full collection closer.
    """

    sheet: str
    row: int
    measure_code: str
    unit: str
    status: str | None
    percent: int | None
    progress: str
    problems: str
    next_steps: str
    contact: str
    phone: str
    deadline_text: str
    deadline: date | None
    content: str
    """具体内容 (locked: compared only to list an edit as ignored)."""
    delay_reason: str
    evidence: str
    extension_to: date | None
    extension_reason: str


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
            if isinstance(value, str) and _may_be_header(value):
                name = field_for_header(value)
                if name is not None and name not in columns:
                    columns[name] = c
        if len(columns) >= MIN_HEADER_MATCHES and (
            best is None or len(columns) > len(best.columns)
        ):
            best = Header(r, columns)
    return best


def _may_be_header(text: str) -> bool:
    """False for text too long to name a column even without its whitespace.

    The first rows also hold 具体内容 paragraphs; normalizing each of them
    to compare it with the headers would cost more than the rest of the header search.
    """
    return len(text) <= _LONGEST_HEADER or len("".join(text.split())) <= _LONGEST_HEADER


def read_rows(
    sheet: str,
    grid: Iterable[Sequence[RawValue]],
    header: Header,
    errors: list[CellError],
    facts: SheetFacts = NOTHING,
) -> list[RowDraft]:
    """The data rows below ``header`` (``grid`` starts at row 1, and may be a stream).

    Empty and repeated-header rows are skipped.  A row with fill-in values but
    no 措施编号 cannot be matched to anything: it is reported as an error
    (typically a note typed under the table) and dropped.  Column positions are
    looked up once for the sheet, not once per cell: a master ledger has tens
    of thousands of rows.

    ``facts`` says what the values do not (:mod:`importers.ledger.cellfacts`): which
    percent cells have a percent format, and which cells hold a formula without a
    result or an error — calamine returns ``""`` for those, which must not be read
    as an emptied cell, so each one read (code, unit, fill-in) is reported.
    """
    at = Positions(header.columns)
    code_at, unit_at, status_at, percent_at, deadline_at = (
        at.code,
        at.unit,
        at.status,
        at.percent,
        at.deadline,
    )
    progress_at, problems_at, next_steps_at, contact_at, phone_at = (
        at.progress,
        at.problems,
        at.next_steps,
        at.contact,
        at.phone,
    )
    content_at = at.content
    delay_reason_at, evidence_at, extension_to_at, extension_reason_at = (
        at.delay_reason,
        at.evidence,
        at.extension_to,
        at.extension_reason,
    )
    text, percent_cell, to_date = cells.text, cells.percent_cell, cells.to_date
    known, formatted, bad = facts.percent_known, facts.percent, facts.bad
    bad_rows = {r for r, _ in bad}
    # A sheet names a few dozen units and deadlines over thousands of rows: each is
    # cleaned or parsed once.
    units: dict[str, str] = {}
    deadlines: dict[str, tuple[str, date | None]] = {}
    drafts: list[RowDraft] = []
    first = header.row + 1
    for r, line in enumerate(islice(grid, first, None), start=first):
        if len(line) < at.width:
            line = [*line, *[None] * (at.width - len(line))]
        if r in bad_rows and ((r, code_at) in bad or not cells.is_empty(line[code_at])):
            # A row of the table (a note or total under it, without a code, is not).
            unreadable = [(c, bad[(r, c)]) for c in at.read if (r, c) in bad]
            if unreadable:
                errors.extend(
                    CellError(sheet, f"{column_letter(c)}{r + 1}", why) for c, why in unreadable
                )
                continue  # rejected: its other values are not offered on their own
        code = text(line[code_at])
        if not code:
            if any(not cells.is_empty(line[c]) for c in at.fill_in):
                errors.append(no_code(sheet, header, r))
            continue
        if not code.isascii() and normalize_header(code) in HEADER_TEXTS:
            continue  # the header repeated, e.g. pasted above a second block
        status: str | None = None
        try:
            status = normalize_status(text(line[status_at]))
        except UnknownStatusError as exc:
            errors.append(CellError(sheet, at.address("status", r), exc.as_message()))
        percent: int | None = None
        try:
            value = line[percent_at]
            is_percent = (r, percent_at) in formatted
            if value is None or (type(value) is int and 1 < value <= 100 and not is_percent):
                percent = value  # no cell, or the usual one (a whole percent as .xls stores it)
            else:
                percent = percent_cell(value, is_percent if known else None)
        except CellValueError as exc:
            errors.append(CellError(sheet, at.address("percent", r), exc.as_message()))
        deadline = line[deadline_at]
        known_deadline = deadlines.get(deadline) if type(deadline) is str else None
        if known_deadline is None:
            known_deadline = (text(deadline), to_date(deadline))
            if type(deadline) is str:
                deadlines[deadline] = known_deadline
        deadline_text, deadline_date = known_deadline
        unit = line[unit_at]
        unit_name = units.get(unit) if type(unit) is str else None
        if unit_name is None:
            unit_name = clean_unit_name(text(unit))  # as every entry point does
            if type(unit) is str:
                units[unit] = unit_name
        extension_to = line[extension_to_at]
        requested = None
        if extension_to is not None and extension_to != "":
            requested = to_date(extension_to)
            if requested is None:
                errors.append(not_a_date(sheet, at.address("extension_to", r), extension_to))
        drafts.append(
            {
                "sheet": sheet,
                "row": r + 1,
                "measure_code": code,
                "unit": unit_name,
                "status": status,
                "percent": percent,
                "progress": text(line[progress_at]),
                "problems": text(line[problems_at]),
                "next_steps": text(line[next_steps_at]),
                "contact": text(line[contact_at]),
                "phone": text(line[phone_at]),
                "deadline_text": deadline_text,
                "deadline": deadline_date,
                "content": text(line[content_at]),
                "delay_reason": text(line[delay_reason_at]),
                "evidence": text(line[evidence_at]),
                "extension_to": requested,
                "extension_reason": text(line[extension_reason_at]),
            }
        )
    return drafts


class Positions:
    """Where each field is in this sheet's rows; a missing optional column reads as empty."""

    def __init__(self, columns: dict[str, int]) -> None:
        self.columns = columns
        fields = (
            "measure_code",
            "unit",
            "status",
            "percent",
            "deadline",
            "content",
            "extension_to",
            *TEXT_FIELDS,
        )
        empty = max(columns.values()) + 1  # past the last column: rows are padded with None
        self.width = empty + 1 if any(f not in columns for f in fields) else empty
        self.code = columns.get("measure_code", empty)
        self.unit = columns.get("unit", empty)
        self.status = columns.get("status", empty)
        self.percent = columns.get("percent", empty)
        self.deadline = columns.get("deadline", empty)
        self.content = columns.get("content", empty)
        self.progress = columns.get("progress", empty)
        self.problems = columns.get("problems", empty)
        self.next_steps = columns.get("next_steps", empty)
        self.contact = columns.get("contact", empty)
        self.phone = columns.get("phone", empty)
        self.delay_reason = columns.get("delay_reason", empty)
        self.evidence = columns.get("evidence", empty)
        self.extension_to = columns.get("extension_to", empty)
        self.extension_reason = columns.get("extension_reason", empty)
        self.fill_in = [columns[name] for name in FILL_IN_FIELDS if name in columns]
        self.read = [columns[name] for name in READ_FIELDS if name in columns]
        """The columns whose values the import uses (a formula or error there is refused)."""

    def address(self, name: str, index: int) -> str:
        return f"{column_letter(self.columns.get(name, 0))}{index + 1}"


def no_code(sheet: str, header: Header, index: int) -> CellError:
    return CellError(
        sheet,
        f"{column_letter(header.columns.get('measure_code', 0))}{index + 1}",
        Message(
            QT_TRANSLATE_NOOP(
                "messages", "row {row} is filled in but has no {column} (measure code)"
            ),
            {"row": index + 1, "column": header_for_field("measure_code")},
        ),
    )


def not_a_date(sheet: str, cell: str, value: RawValue) -> CellError:
    return CellError(sheet, cell, not_a_date_reason(value))


def not_a_date_reason(value: RawValue) -> Message:
    """Why a 申请延期至 cell holding ``value`` is refused."""
    return Message(
        QT_TRANSLATE_NOOP(
            "messages",
            '{column} "{value}" is not a date; write it as 2021-12-31 or 2021年12月31日',
        ),
        {"column": header_for_field("extension_to"), "value": cells.text(value)},
    )
