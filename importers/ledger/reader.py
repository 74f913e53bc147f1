"""Import: a returned ledger file (.xlsx, .xls or .ods) becomes a :class:`LedgerFile`.

python-calamine reads all three formats; it is given the bytes (after the
safety checks in :mod:`importers.ledger.safety`), not the path, so it detects
the format from the content and a ``.xlsx`` saved under a ``.xls`` name still
reads.  Matching rows to the database, conflicts and applying are the import
service's job: this module only reports what the file says, and which
exported row each line is.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum

from importers.ledger import cells
from importers.ledger.cellfacts import CellFacts, SheetMarkers
from importers.ledger.columns import header_for_field
from importers.ledger.errors import LedgerReadError
from importers.ledger.finding_sheet import is_findings_sheet, read_findings_sheet
from importers.ledger.matching import match_rows
from importers.ledger.metadata import META_SHEET, MetaFormatError, parse_meta
from importers.ledger.model import CellError, LedgerFile, LedgerMeta, ReturnedFinding, ReturnedRow
from importers.ledger.safety import PASSWORD_PROTECTED, check_content, check_size
from importers.ledger.sheetcolumns import (
    DRAFT_FIELDS,
    SheetColumns,
    drafts_as_columns,
    read_columns,
)
from importers.ledger.sheetparse import HEADER_SEARCH_ROWS, column_letter, find_header, read_rows
from importers.ledger.summary_sheet import is_own_summary
from importers.messages import QT_TRANSLATE_NOOP, Message

Area = tuple[tuple[int, int], tuple[int, int]]
"""A merged area as calamine gives it: ((top, left), (bottom, right)), 0-based, inclusive."""


def read_ledger(path: Path) -> LedgerFile:
    """Read a returned ledger; raise :class:`LedgerReadError` if it cannot be read at all.

    ``keys_found`` is true when the hidden metadata sheet survived, i.e. rows
    could be tied to exported keys; without it rows still come back with their
    measure code and unit, and ``key`` is ``None``.
    """
    name = path.name
    try:
        check_size(name, path.stat().st_size)
        data = path.read_bytes()
    except OSError as exc:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP("messages", "cannot open the file: {reason}"),
            reason=exc.strerror or exc,
        ) from None
    markers = SheetMarkers()  # what the cell facts need, noted as the checks read the sheets
    kind = check_content(name, data, markers)
    errors: list[CellError] = []
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    except PasswordError:
        raise LedgerReadError(
            name,
            PASSWORD_PROTECTED,
        ) from None
    except _CALAMINE_ERRORS as exc:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP("messages", "the file is damaged or unreadable ({reason})"),
            reason=exc,
        ) from None
    columns: dict[str, dict[str, str]] = {}
    findings: list[ReturnedFinding] = []
    facts = CellFacts(data, kind, markers)
    try:
        with book:
            meta = _read_meta(name, book, errors)
            found = _read_sheets(name, book, errors, columns, facts, meta, findings)
    finally:
        facts.close()
    return LedgerFile(
        file_name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        meta=meta,
        rows=_returned(meta, found),
        errors=errors,
        keys_found=meta is not None,
        columns=columns,
        findings=findings,
    )


_CALAMINE_ERRORS = (CalamineError, ValueError, OverflowError, UnicodeError)
"""What python-calamine raises for a damaged file (its own errors, and a few
conversions that fail on garbage).  They become a :class:`LedgerReadError` so one
bad file does not stop an import of forty."""

MAX_CELLS = 5_000_000
"""Largest sheet area read into Python (100,000 rows × 50 columns).  xlsx and ods
were already measured by :mod:`importers.ledger.extent`; this catches an .xls
filled to its 65,536 × 256 limit."""


def _rows(name: str, book: Any, sheet: str) -> Iterable[list[cells.RawValue]]:
    """The sheet's rows from A1 (so indices are Excel positions), merged areas filled.

    Rows are streamed from calamine one at a time when the sheet starts at A1,
    as exported sheets do: 10,000 rows held as lists at once only make work for
    Python's garbage collector.  A sheet starting further in is materialized,
    padded to A1.
    """
    try:
        data = book.get_sheet_by_name(sheet)
        end = data.end
        if end is None:
            return []
        height, width = end[0] + 1, end[1] + 1
        if height * width > MAX_CELLS:
            raise LedgerReadError(
                name,
                QT_TRANSLATE_NOOP(
                    "messages",
                    'sheet "{sheet}" reaches cell {cell}, far outside any ledger; '
                    "delete the stray content there and send the file again",
                ),
                sheet=sheet,
                cell=f"{column_letter(width - 1)}{height}",
            )
        merged = data.merged_cell_ranges or []
        rows: Iterable[list[cells.RawValue]]
        if data.start == (0, 0):
            rows = _streamed(name, sheet, data.iter_rows())
        else:
            rows = data.to_python(skip_empty_area=False)
    except _CALAMINE_ERRORS as exc:
        raise _damaged(name, sheet, exc) from None
    return filled(rows, merged) if merged else rows


LINE_ACROSS = 8
"""A one-row area merged from column A over this many columns or more is a line of text."""


def filled(
    rows: Iterable[list[cells.RawValue]], merged: list[Area]
) -> Iterator[list[cells.RawValue]]:
    """``rows`` with every merged area holding its top-left value in each of its cells.

    A unit that merges cells (one 责任单位 for several rows, say) means the
    value for every row of the area; calamine reports it only in the top-left
    cell.  ``merged`` holds ((top, left), (bottom, right)), 0-based, inclusive.
    A line merged from column A across most of the table (the master's heading
    over a group's members, a unit's note) is text of its own, not a row's values:
    it stays in its first cell.
    """
    starting: dict[int, list[tuple[int, int, int]]] = {}
    for (top, left), (bottom, right) in merged:
        if top == bottom and left == 0 and right >= LINE_ACROSS - 1:
            continue
        starting.setdefault(top, []).append((left, right, bottom))
    # The areas over the current row: (left, right, bottom, value); until row ``ends`` (the
    # first bottom among them) none closes.  The master merges a measure's cells down its
    # units' rows: hundreds of one-column areas per sheet, filled cell by cell.
    open_areas: list[tuple[int, int, int, cells.RawValue]] = []
    ends = -1
    for r, line in enumerate(rows):
        new = starting.get(r)
        if new:
            width = len(line)
            open_areas += [(lf, rt, bt, line[lf] if lf < width else None) for lf, rt, bt in new]
            ends = min(area[2] for area in open_areas)
        if open_areas:
            last = len(line) - 1
            for left, right, _, value in open_areas:
                if left == right:
                    if left <= last:
                        line[left] = value
                elif left <= last:
                    stop = min(right, last) + 1
                    line[left:stop] = [value] * (stop - left)
            if r >= ends:
                open_areas = [area for area in open_areas if area[2] > r]
                ends = min((area[2] for area in open_areas), default=-1)
        yield line


def _streamed(
    name: str, sheet: str, rows: Iterator[list[cells.RawValue]]
) -> Iterator[list[cells.RawValue]]:
    """``rows`` as they come, a conversion failure reported as a damaged sheet."""
    try:
        yield from rows
    except _CALAMINE_ERRORS as exc:
        raise _damaged(name, sheet, exc) from None


def _damaged(name: str, sheet: str, exc: Exception) -> LedgerReadError:
    return LedgerReadError(
        name,
        QT_TRANSLATE_NOOP("messages", 'sheet "{sheet}" is damaged or unreadable ({reason})'),
        sheet=sheet,
        reason=exc,
    )


def _read_meta(name: str, book: Any, errors: list[CellError]) -> LedgerMeta | None:
    if META_SHEET not in book.sheet_names:
        return None
    try:
        return parse_meta(_rows(name, book, META_SHEET))
    except MetaFormatError as exc:
        ignored = Message(
            QT_TRANSLATE_NOOP("messages", "metadata ignored: {problem}"),
            {"problem": exc.as_message()},
        )
        errors.append(CellError(META_SHEET, exc.cell, ignored))
        return None


def _read_sheets(
    name: str,
    book: Any,
    errors: list[CellError],
    columns: dict[str, dict[str, str]],
    facts: CellFacts,
    meta: LedgerMeta | None = None,
    findings: list[ReturnedFinding] | None = None,
) -> SheetColumns:
    """The data rows of every ledger sheet; ``columns`` gets each sheet's field → letter,
    ``findings`` the rows of a 整改台账 sheet (``importers.ledger.finding_sheet``).

    The master ledger's own 汇总 sheet is skipped (:func:`is_own_summary`); any other
    sheet with a ledger header is read, even one named like a summary: a unit's own
    summary repeating rows is for the import service to see as a second row for the
    same assignment, not for the reader to drop.
    """
    read_by_field: SheetColumns = {name: [] for name in DRAFT_FIELDS}
    ledger_sheets = 0
    for info in book.sheets_metadata:
        sheet = info.name
        if sheet == META_SHEET or info.typ != SheetTypeEnum.WorkSheet:
            continue
        rows = iter(_rows(name, book, sheet))
        top = list(islice(rows, HEADER_SEARCH_ROWS))
        if is_own_summary(sheet, top, meta):
            continue
        if is_findings_sheet(sheet, top):
            found = read_findings_sheet(sheet, chain(top, rows), errors, columns)
            if findings is not None:
                findings += found
            continue
        header = find_header(top)
        if header is None:
            continue  # a notes or chart sheet: not ours to read
        if header.missing:
            missing = "、".join(header_for_field(f) for f in header.missing)
            raise LedgerReadError(
                name,
                QT_TRANSLATE_NOOP(
                    "messages",
                    'sheet "{sheet}" has no column {missing} '
                    "(looked for it in the header row {row})",
                ),
                sheet=sheet,
                missing=missing,
                row=header.row + 1,
            )
        ledger_sheets += 1
        columns[sheet] = {f: column_letter(c) for f, c in header.columns.items()}
        sheet_facts = facts.sheet(sheet)
        if sheet_facts.bad:  # rows with unreadable cells are rejected whole: row by row
            drafts = read_rows(sheet, chain(top, rows), header, errors, sheet_facts)
            read = drafts_as_columns(drafts)
        else:
            lines = list(islice(chain(top, rows), header.row + 1, None))
            read = read_columns(sheet, lines, header, errors, sheet_facts)
        for field_name, values in read.items():
            read_by_field[field_name].extend(values)
    if not ledger_sheets and not findings:  # (a unit with findings only: the 整改台账 alone)
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP(
                "messages",
                "no sheet has a ledger header ({headers}); "
                "this is not a work ledger exported by this program",
            ),
            headers="序号, 措施编号, 责任单位, 完成状态, 进展情况 …",
        )
    return read_by_field


def _returned(meta: LedgerMeta | None, found: SheetColumns) -> list[ReturnedRow]:
    """The rows read, with their exported keys and values (shared with ``meta``, not
    copied), made field by field: one tuple a row, no per-row dict or keyword call."""
    sheet_of = found["sheet"]
    located = list(zip(sheet_of, found["row"], found["measure_code"], found["unit"], strict=True))
    entries = match_rows(meta, located)
    sheets = meta.sheets if meta else {}
    by_field = {
        **found,
        "key": [e.key if e else None for e in entries],
        "exported": [e.exported if e else None for e in entries],
        "doc_key": [
            sheets.get(e.sheet if e else sheet) for e, sheet in zip(entries, sheet_of, strict=True)
        ],
    }
    make, fields = ReturnedRow._make, ReturnedRow._fields
    return [make(values) for values in zip(*(by_field[f] for f in fields), strict=True)]


def sheet_rows(name: str, book: Any, sheet: str) -> Iterable[list[cells.RawValue]]:
    """A sheet's rows from A1, merged areas filled and far-flung extents refused, for
    another spreadsheet format read the ledgers' way (``importers.findings``)."""
    return _rows(name, book, sheet)
