"""The 整改台账 sheet: a unit's open inspection findings, second sheet of its ledger.

Its own module because its columns are not the main sheet's: each row is one finding
(问题, 来源督查, 整改要求, 整改时限), with four columns for the unit (整改状态, 完成进度,
整改措施及进展, 佐证材料), locked and protected like the main sheet.  Each row carries
its key and the fill-in values as sent in hidden columns on the same row, so a unit
that sorts the rows keeps each finding's identity and the import still tells what the
unit changed.  A sheet whose hidden columns were deleted still reads: its rows come
back without key (and are refused by the service, naming the cell).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import Any, Final

from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from importers.ledger import cells, layout
from importers.ledger.cells import CellValueError, RawValue
from importers.ledger.columns import normalize_header
from importers.ledger.model import (
    CellError,
    ExportedValue,
    FindingLine,
    LedgerWorkbook,
    ReturnedFinding,
)
from importers.ledger.statuses import UnknownStatusError, normalize_status
from importers.statuses import Status

FINDINGS_SHEET: Final = "整改台账"
FIRST_ROW: Final = 4
"""Row 1 the title, row 2 the unit/round/date line, row 3 the header."""
REPORTED: Final[tuple[str, ...]] = (
    Status.NOT_STARTED.value,
    Status.IN_PROGRESS.value,
    Status.DONE.value,
)
"""What a unit may set; the office closes a finding (整改销号) with its evidence."""


@dataclass(frozen=True)
class FindingColumn:
    field: str
    header: str
    width: float
    fill_in: bool = False
    hidden: bool = False


COLUMNS: Final[tuple[FindingColumn, ...]] = (
    FindingColumn("seq", "序号", 5),
    FindingColumn("inspection", "来源督查", 16),
    FindingColumn("problem", "问题", 30),
    FindingColumn("requirement", "整改要求", 30),
    FindingColumn("deadline", "整改时限", 13),
    FindingColumn("status", "整改状态", 9, fill_in=True),
    FindingColumn("percent", "完成进度(%)", 8, fill_in=True),
    FindingColumn("progress", "整改措施及进展", 34, fill_in=True),
    FindingColumn("evidence", "佐证材料", 20, fill_in=True),
    FindingColumn("key", "问题编号", 8, hidden=True),
    FindingColumn("sent_status", "原整改状态", 8, hidden=True),
    FindingColumn("sent_percent", "原完成进度", 8, hidden=True),
    FindingColumn("sent_progress", "原整改措施及进展", 8, hidden=True),
    FindingColumn("sent_evidence", "原佐证材料", 8, hidden=True),
)
FILL_IN: Final[tuple[str, ...]] = tuple(c.field for c in COLUMNS if c.fill_in)
_LETTER: Final[dict[str, str]] = {
    c.field: str(get_column_letter(i)) for i, c in enumerate(COLUMNS, start=1)
}
_LAST_SHOWN: Final = _LETTER["evidence"]
_BY_HEADER: Final = {normalize_header(c.header): c.field for c in COLUMNS}
_MARKS: Final = frozenset(("整改要求", "整改状态"))
_LONGEST: Final = max(map(len, _BY_HEADER))
"""The longest header, normalized (whitespace removed)."""
"""A header row naming both is a 整改台账, whatever its sheet is called."""


def letter(field: str) -> str:
    """The column letter ``field`` is written in (for messages about an exported sheet)."""
    return _LETTER[field]


def write_findings_sheet(
    wb: Any, book: LedgerWorkbook, palette: layout.Palette | None, percent: DataValidation
) -> None:
    """Add the 整改台账 sheet for ``book.findings``; ``percent`` is the main sheet's 完成进度
    rule, given the range here (one rule for both sheets); ``palette`` the main sheets'
    styles (``None``: a unit with findings and no task, whose ledger is this sheet alone)."""
    ws = wb.create_sheet(FINDINGS_SHEET)
    palette = palette or layout.make_palette(ws)
    layout.set_widths(ws, [c.width for c in COLUMNS])
    for column in COLUMNS:
        if column.hidden:
            ws.column_dimensions[_LETTER[column.field]].hidden = True
    last = FIRST_ROW + len(book.findings) - 1
    ws.merged_cells.add(f"A1:{_LAST_SHOWN}1")
    ws.merged_cells.add("A2:C2")
    ws.merged_cells.add("D2:F2")
    ws.merged_cells.add(f"G2:{_LAST_SHOWN}2")
    ws.row_dimensions[1].height = 36
    ws.row_dimensions[3].height = 30
    layout.print_setup(ws, title_rows="3:3", freeze=f"A{FIRST_ROW}")
    layout.protect(ws)
    ws.auto_filter.ref = f"A3:{_LAST_SHOWN}{max(last, 3)}"
    if last >= FIRST_ROW:
        status = _LETTER["status"]
        ws.data_validations.append(
            DataValidation(
                type="list",
                formula1='"' + ",".join(REPORTED) + '"',
                allow_blank=True,
                showErrorMessage=True,
                errorStyle="stop",
                errorTitle="整改状态填写有误",
                error="请从下拉列表中选择：" + "、".join(REPORTED) + "。整改销号由督办部门办理。",
                sqref=f"{status}{FIRST_ROW}:{status}{last}",
            )
        )
        percent.add(f"{_LETTER['percent']}{FIRST_ROW}:{_LETTER['percent']}{last}")
        ws.data_validations.append(percent)
    who, round_text, as_of = layout.info_line(book)
    c = layout.cell
    ws.append([c(ws, f"{book.unit or ''}督查发现问题整改台账", palette.title)])
    ws.append(
        [
            c(ws, who, palette.info),
            None,
            None,
            c(ws, round_text, palette.info),
            None,
            None,
            c(ws, as_of, palette.info_right),
        ]
    )
    ws.append(
        [
            c(ws, col.header, palette.header_fill_in if col.fill_in else palette.header)
            for col in COLUMNS
        ]
    )
    for seq, line in enumerate(book.findings, start=1):
        ws.row_dimensions[FIRST_ROW + seq - 1].height = layout.row_height(
            [(line.problem, 30), (line.requirement, 30), (line.progress, 34)]
        )
        ws.append(_row(ws, palette, seq, line))


def _row(ws: Any, p: layout.Palette, seq: int, line: FindingLine) -> list[Any]:
    c = layout.cell
    percent = "" if line.percent is None else str(line.percent)
    return [
        c(ws, seq, p.center),
        c(ws, line.inspection, p.text),
        c(ws, line.problem, p.text),
        c(ws, line.requirement, p.text),
        c(ws, line.deadline, p.date),
        c(ws, line.status, p.fill_center),
        c(ws, line.percent, p.fill_number),
        c(ws, line.progress, p.fill_text),
        c(ws, line.evidence, p.fill_text),
        c(ws, line.key, p.center),
        c(ws, line.status, p.center),
        c(ws, percent, p.center),
        c(ws, line.progress, p.text),
        c(ws, line.evidence, p.text),
    ]


# -- reading back ------------------------------------------------------------------------
def is_findings_sheet(name: str, top: Sequence[Sequence[RawValue]]) -> bool:
    """Whether a sheet is a 整改台账: by its name, or a header naming 整改要求 and 整改状态."""
    return name == FINDINGS_SHEET or _header(top) is not None


def _header(top: Sequence[Sequence[RawValue]]) -> tuple[int, dict[str, int]] | None:
    for r, line in enumerate(top):
        found: dict[str, int] = {}
        for c, v in enumerate(line):
            # (text too long to be a header even without its whitespace is not normalized:
            # every ledger sheet is asked, and its first rows hold 具体内容 paragraphs)
            if isinstance(v, str) and (len(v) <= _LONGEST or len("".join(v.split())) <= _LONGEST):
                name = _BY_HEADER.get(normalize_header(v))
                if name is not None:
                    found[name] = c
        if {_BY_HEADER[m] for m in _MARKS} <= found.keys():
            return r, found
    return None


def read_findings_sheet(
    sheet: str,
    rows: Iterable[Sequence[RawValue]],
    errors: list[CellError],
    columns: dict[str, dict[str, str]],
) -> list[ReturnedFinding]:
    """The rows of a returned 整改台账 (``rows`` from A1); bad cells go to ``errors``,
    ``columns`` gets the sheet's field → column letter (units move columns)."""
    grid = list(rows)
    header = _header(grid[:10])
    if header is None:
        return []  # named 整改台账 but not one: nothing of ours to read
    top, at = header
    columns[sheet] = {f: get_column_letter(c + 1) for f, c in at.items()}
    width = max(at.values()) + 1

    def value(line: Sequence[RawValue], field: str) -> RawValue:
        index = at.get(field)
        return line[index] if index is not None and index < len(line) else None

    found: list[ReturnedFinding] = []
    for r, line in enumerate(islice(grid, top + 1, None), start=top + 2):
        line = [*line, *[None] * (width - len(line))]
        problem = cells.text(value(line, "problem"))
        key = cells.text(value(line, "key")) or None
        if not problem and key is None:
            continue  # an empty line, or a note under the table
        status: str | None = None
        try:
            status = normalize_status(cells.text(value(line, "status")))
        except UnknownStatusError as exc:
            errors.append(CellError(sheet, _address(at, "status", r), exc.as_message()))
        percent: int | None = None
        try:
            percent = cells.to_percent(value(line, "percent"))
        except CellValueError as exc:
            errors.append(CellError(sheet, _address(at, "percent", r), exc.as_message()))
        found.append(
            ReturnedFinding(
                sheet=sheet,
                row=r,
                key=key,
                problem=problem,
                status=status,
                percent=percent,
                progress=cells.text(value(line, "progress")),
                evidence=cells.text(value(line, "evidence")),
                exported=_sent(line, at) if key is not None else None,
            )
        )
    return found


def _sent(line: Sequence[RawValue], at: dict[str, int]) -> dict[str, ExportedValue] | None:
    """The fill-in values as exported, from the hidden columns (``None`` if they are gone)."""
    if not {"sent_status", "sent_percent", "sent_progress", "sent_evidence"} <= at.keys():
        return None
    text = cells.text
    percent = text(line[at["sent_percent"]])
    return {
        "status": text(line[at["sent_status"]]) or None,
        "percent": int(float(percent)) if percent else None,
        "progress": text(line[at["sent_progress"]]),
        "evidence": text(line[at["sent_evidence"]]),
    }


def _address(at: dict[str, int], field: str, row: int) -> str:
    return f"{get_column_letter(at.get(field, 0) + 1)}{row}"


def field_header(field: str) -> str:
    """The printed header of a 整改台账 ``field`` (for messages)."""
    return next(c.header for c in COLUMNS if c.field == field)
