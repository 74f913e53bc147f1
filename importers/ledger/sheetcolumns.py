"""One worksheet's data rows read column by column: the fast path of the ledger reader.

Why it exists: a returned master ledger has 10,000 rows.  Read row by row
(:func:`importers.ledger.sheetparse.read_rows`, the general path), each row costs a
dozen function calls and an 18-key dict, ≈ 8 µs: ≈ 80 ms of a heavy import whose
target is twice calamine's own read.  Here each column the ledger reads is taken
from the rows as one list and converted in one comprehension, the values a sheet
repeats (unit names, deadlines, statuses) converted once each, and only the rows that
need a word (no 措施编号, an unknown status, a bad percent or date) are looked at one
by one.  The result is the same data, by field (:data:`SheetColumns`), in the same
order, with the same errors in the same order (by row, then as the general path
finds them in a row).

A sheet with an unreadable cell (a formula without a result, an error value, from
:mod:`importers.ledger.cellfacts`) is read by the general path: such a row is
rejected whole, a decision taken row by row.  ``tests/tracker/ledgers/
test_ledger_fast_paths.py`` holds the two paths to the same previews.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from importers.ledger import cells
from importers.ledger.cells import CellValueError, RawValue
from importers.ledger.columns import normalize_header
from importers.ledger.facts import SheetFacts
from importers.ledger.model import CellError
from importers.ledger.sheetparse import (
    HEADER_TEXTS,
    Header,
    Positions,
    RowDraft,
    no_code,
    not_a_date_reason,
)
from importers.ledger.statuses import UnknownStatusError, normalize_status
from importers.messages import Message
from importers.text_clean import clean_unit_name

DRAFT_FIELDS: tuple[str, ...] = tuple(RowDraft.__annotations__)
"""A data row's fields, in :class:`RowDraft`'s order."""

SheetColumns = dict[str, list[Any]]
"""Data rows by field: ``columns["status"][i]`` is the status of the ``i``-th row read."""


def drafts_as_columns(drafts: Sequence[RowDraft]) -> SheetColumns:
    """What the general path read, by field."""
    return {name: [d[name] for d in drafts] for name in DRAFT_FIELDS}  # type: ignore[literal-required]


def read_columns(
    sheet: str,
    lines: list[list[RawValue]],
    header: Header,
    errors: list[CellError],
    facts: SheetFacts,
) -> SheetColumns:
    """The data rows of ``lines`` (the sheet's rows below ``header``), by field.

    As :func:`~importers.ledger.sheetparse.read_rows` reads them, for a sheet whose
    facts hold no unreadable cell; ``errors`` gets the same errors in the same order.
    """
    at = Positions(header.columns)
    first = header.row + 1
    if any(len(line) < at.width for line in lines):
        lines = [[*ln, *[None] * (at.width - len(ln))] for ln in lines]
    found: list[tuple[int, int, CellError]] = []  # (row, order in the row, error)
    text = cells.text
    codes = [text(line[at.code]) for line in lines]
    kept = [
        i
        for i, code in enumerate(codes)
        if code and (code.isascii() or normalize_header(code) not in HEADER_TEXTS)
    ]
    for i, code in enumerate(codes):
        if not code and any(not cells.is_empty(lines[i][c]) for c in at.fill_in):
            found.append((i, 0, no_code(sheet, header, first + i)))
    if len(kept) < len(lines):
        lines = [lines[i] for i in kept]
        codes = [codes[i] for i in kept]
    rows = [first + i for i in kept]  # 0-based, as the general path counts

    def column(index: int) -> list[RawValue]:
        return [line[index] for line in lines]

    def texts(index: int) -> list[str]:
        # (cells.text inline for the usual cell, a one-line printable text, which it strips)
        return [
            v.strip() if type(v) is str and v.isprintable() else text(v)
            for v in (line[index] for line in lines)
        ]

    def report(field: str, order: int) -> Callable[[int, Message], None]:
        def add(k: int, why: Message) -> None:
            cell = at.address(field, rows[k])
            found.append((rows[k] - first, order, CellError(sheet, cell, why)))

        return add

    deadline_pairs = _repeated(column(at.deadline), lambda v: (text(v), cells.to_date(v)))
    found_columns: SheetColumns = {
        "sheet": [sheet] * len(lines),
        "row": [r + 1 for r in rows],
        "measure_code": codes,
        "unit": _repeated(column(at.unit), lambda v: clean_unit_name(text(v))),
        "status": _statuses(texts(at.status), report("status", 1)),
        "percent": _percents(column(at.percent), rows, at.percent, facts, report("percent", 2)),
        "progress": texts(at.progress),
        "problems": texts(at.problems),
        "next_steps": texts(at.next_steps),
        "contact": texts(at.contact),
        "phone": texts(at.phone),
        "deadline_text": [pair[0] for pair in deadline_pairs],
        "deadline": [pair[1] for pair in deadline_pairs],
        "content": texts(at.content),
        "delay_reason": texts(at.delay_reason),
        "evidence": texts(at.evidence),
        "extension_to": _requested(column(at.extension_to), report("extension_to", 3)),
        "extension_reason": texts(at.extension_reason),
    }
    found.sort(key=lambda e: (e[0], e[1]))
    errors.extend(e for _, _, e in found)
    return found_columns


def _repeated(values: list[RawValue], convert: Callable[[RawValue], Any]) -> list[Any]:
    """``convert`` of each value, each distinct text converted once (a sheet names a few
    dozen units and deadlines over thousands of rows); other values one by one."""
    known = {v: convert(v) for v in set(values) if type(v) is str}
    return [known[v] if type(v) is str else convert(v) for v in values]


def _statuses(values: list[str], report: Callable[[int, Message], None]) -> list[str | None]:
    """完成状态 of each row; an unknown word is reported, and read as no status."""
    known: dict[str, str | UnknownStatusError | None] = {}
    for value in set(values):
        try:
            known[value] = normalize_status(value)
        except UnknownStatusError as exc:
            known[value] = exc
    result: list[str | None] = []
    for k, value in enumerate(values):
        status = known[value]
        if isinstance(status, UnknownStatusError):
            report(k, status.as_message())
            status = None
        result.append(status)
    return result


def _percents(
    values: list[RawValue],
    rows: list[int],
    column: int,
    facts: SheetFacts,
    report: Callable[[int, Message], None],
) -> list[int | None]:
    """完成进度 of each row.  The usual cell — a whole percent 2–100, stored as a number
    (calamine gives a float for every number of an .xlsx) in a cell not formatted as a
    percent — is taken as it is: what :func:`cells.percent_cell` makes of it, without
    its checks; every other cell is converted by it, as the general path converts it."""
    formatted, known = facts.percent, facts.percent_known
    result: list[int | None] = [None] * len(values)
    for k, value in enumerate(values):
        if value is None:
            continue
        is_percent = bool(formatted) and (rows[k], column) in formatted
        if (type(value) is int or (type(value) is float and value.is_integer())) and (
            1 < value <= 100 and not is_percent
        ):
            result[k] = int(value)
            continue
        try:
            result[k] = cells.percent_cell(value, is_percent if known else None)
        except CellValueError as exc:
            report(k, exc.as_message())
    return result


def _requested(values: list[RawValue], report: Callable[[int, Message], None]) -> list[date | None]:
    """申请延期至 of each row; a value that is no date is reported, and read as none."""
    result: list[date | None] = [None] * len(values)
    for k, value in enumerate(values):
        if value is None or value == "":
            continue
        requested = result[k] = cells.to_date(value)
        if requested is None:
            report(k, not_a_date_reason(value))
    return result
