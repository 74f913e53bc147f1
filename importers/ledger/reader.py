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
from pathlib import Path
from typing import Any

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, SheetTypeEnum

from importers.ledger import cells
from importers.ledger.columns import header_for_field
from importers.ledger.errors import LedgerReadError
from importers.ledger.matching import Located, match_rows
from importers.ledger.metadata import META_SHEET, MetaFormatError, parse_meta
from importers.ledger.model import CellError, LedgerFile, LedgerMeta, ReturnedRow
from importers.ledger.safety import PASSWORD_PROTECTED, check_content, check_size
from importers.ledger.sheetparse import RowDraft, column_letter, find_header, read_rows
from importers.messages import QT_TRANSLATE_NOOP, Message

Grid = list[list[cells.RawValue]]


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
    check_content(name, data)
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
    with book:
        meta = _read_meta(name, book, errors)
        drafts = _read_sheets(name, book, errors, columns)
    return LedgerFile(
        file_name=name,
        sha256=hashlib.sha256(data).hexdigest(),
        meta=meta,
        rows=_returned(meta, drafts),
        errors=errors,
        keys_found=meta is not None,
        columns=columns,
    )


_CALAMINE_ERRORS = (CalamineError, ValueError, OverflowError, UnicodeError)
"""What python-calamine raises for a damaged file (its own errors, and a few
conversions that fail on garbage).  They become a :class:`LedgerReadError` so one
bad file does not stop an import of forty."""

MAX_CELLS = 5_000_000
"""Largest sheet area turned into Python lists (100,000 rows × 50 columns).  xlsx
and ods were already measured by :mod:`importers.ledger.extent`; this catches an
.xls filled to its 65,536 × 256 limit."""


def _grid(name: str, book: Any, sheet: str) -> Grid:
    """The sheet as rows from A1 (so indices are Excel positions), merged areas filled.

    A unit that merges cells (one 责任单位 for several rows, say) means the value
    for every row of the area; calamine reports it only in the top-left cell.
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
        rows: Grid = data.to_python(skip_empty_area=False)
        merged = data.merged_cell_ranges or []
    except _CALAMINE_ERRORS as exc:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP("messages", 'sheet "{sheet}" is damaged or unreadable ({reason})'),
            sheet=sheet,
            reason=exc,
        ) from None
    for (top, left), (bottom, right) in merged:
        if top >= len(rows):
            continue
        value = rows[top][left] if left < len(rows[top]) else None
        for r in range(top, min(bottom, len(rows) - 1) + 1):
            line = rows[r]
            for c in range(left, min(right, len(line) - 1) + 1):
                line[c] = value
    return rows


def _read_meta(name: str, book: Any, errors: list[CellError]) -> LedgerMeta | None:
    if META_SHEET not in book.sheet_names:
        return None
    try:
        return parse_meta(_grid(name, book, META_SHEET))
    except MetaFormatError as exc:
        ignored = Message(
            QT_TRANSLATE_NOOP("messages", "metadata ignored: {problem}"),
            {"problem": exc.as_message()},
        )
        errors.append(CellError(META_SHEET, "", ignored))
        return None


def _read_sheets(
    name: str, book: Any, errors: list[CellError], columns: dict[str, dict[str, str]]
) -> list[RowDraft]:
    """The data rows of every ledger sheet; ``columns`` gets each sheet's field → letter."""
    drafts: list[RowDraft] = []
    ledger_sheets = 0
    for info in book.sheets_metadata:
        sheet = info.name
        if sheet == META_SHEET or info.typ != SheetTypeEnum.WorkSheet:
            continue
        grid = _grid(name, book, sheet)
        header = find_header(grid)
        if header is None:
            continue  # a summary, notes or chart sheet: not ours to read
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
        drafts += read_rows(sheet, grid, header, errors)
    if not ledger_sheets:
        raise LedgerReadError(
            name,
            QT_TRANSLATE_NOOP(
                "messages",
                "no sheet has a ledger header ({headers}); "
                "this is not a work ledger exported by this program",
            ),
            headers="序号, 措施编号, 责任单位, 完成状态, 进展情况 …",
        )
    return drafts


def _returned(meta: LedgerMeta | None, drafts: list[RowDraft]) -> list[ReturnedRow]:
    located = [Located(d.sheet, d.row, d.measure_code, d.unit) for d in drafts]
    sheets = meta.sheets if meta else {}
    rows: list[ReturnedRow] = []
    for draft, entry in zip(drafts, match_rows(meta, located), strict=True):
        rows.append(
            ReturnedRow(
                sheet=draft.sheet,
                row=draft.row,
                key=entry.key if entry else None,
                measure_code=draft.measure_code,
                unit=draft.unit,
                status=draft.status,
                percent=draft.percent,
                progress=draft.texts["progress"],
                problems=draft.texts["problems"],
                next_steps=draft.texts["next_steps"],
                contact=draft.texts["contact"],
                phone=draft.texts["phone"],
                exported=dict(entry.exported) if entry else None,
                doc_key=sheets.get(entry.sheet if entry else draft.sheet),
                deadline=draft.deadline,
                deadline_text=draft.deadline_text,
            )
        )
    return rows
