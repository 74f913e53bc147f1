"""The master ledger's first sheet, 汇总: one line per unit, counts by status.

Counts are written as numbers, not formulas: the office reads them in meetings
from printed copies and from programs that do not recalculate.
"""

from __future__ import annotations

from typing import Any

from openpyxl.utils import get_column_letter

from importers.ledger import layout
from importers.ledger.model import LedgerWorkbook
from importers.ledger.naming import SUMMARY_SHEET
from importers.ledger.statuses import STATUSES

SUMMARY_HEADERS: tuple[str, ...] = (
    "序号",
    "单位",
    "任务数",
    *STATUSES,
    "逾期",
    "完成率",
    "报送情况",
)
_WIDTHS: tuple[float, ...] = (6, 30, 9, *[9] * len(STATUSES), 9, 9, 11)
FINISHED = ("已完成", "已销号")
"""完成率 counts these (as the bulletin does: ``tracker.reports.report_data``)."""


def completion_rate(by_status: dict[str, int], assigned: int) -> float | None:
    """(已完成 + 已销号) / 任务数, rounded half up to a tenth of a percent as the
    bulletin prints it (4/7 → 0.571); ``None`` for a unit without tasks."""
    if not assigned:
        return None
    finished = sum(by_status.get(s, 0) for s in FINISHED)
    return (2000 * finished + assigned) // (2 * assigned) / 1000


_NOTE_CHARS_PER_LINE = 50
"""About how many Chinese characters one line of a note under the table holds."""


def write_summary(wb: Any, book: LedgerWorkbook) -> None:
    """Add the 汇总 sheet to the write-only workbook ``wb``."""
    ws = wb.create_sheet(SUMMARY_SHEET)
    p = layout.make_palette(ws)
    c = layout.cell
    last = get_column_letter(len(SUMMARY_HEADERS))
    layout.set_widths(ws, list(_WIDTHS))
    ws.merged_cells.add(f"A1:{last}1")
    ws.merged_cells.add("A2:B2")
    ws.merged_cells.add("C2:E2")
    ws.merged_cells.add(f"F2:{last}2")
    ws.row_dimensions[1].height = 36
    ws.row_dimensions[3].height = 24
    layout.print_setup(ws, title_rows="3:3", freeze="A4")

    ws.append([c(ws, f"{book.round_name}工作台账汇总", p.title)])
    who, round_text, _ = layout.info_line(book)
    as_of = layout.summary_day(book)
    ws.append(
        [
            c(ws, who, p.info),
            None,
            c(ws, round_text, p.info),
            None,
            None,
            c(ws, as_of, p.info_right),
        ]
    )
    ws.append([c(ws, text, p.header) for text in SUMMARY_HEADERS])
    totals = [0] * (len(SUMMARY_HEADERS) - 4)
    for seq, unit in enumerate(book.summary or [], start=1):
        counts = [unit.assigned, *[unit.by_status.get(s, 0) for s in STATUSES], unit.overdue]
        totals = [t + n for t, n in zip(totals, counts, strict=True)]
        ws.append(
            [
                c(ws, seq, p.center),
                c(ws, unit.unit, p.text),
                *[c(ws, n, p.center) for n in counts],
                c(ws, completion_rate(unit.by_status, unit.assigned), p.rate),
                c(ws, unit.reporting, p.center),
            ]
        )
    ws.append(
        [
            c(ws, "合计", p.total),
            c(ws, "", p.total),
            *[c(ws, n, p.total) for n in totals],
            c(
                ws,
                completion_rate(dict(zip(STATUSES, totals[1:], strict=False)), totals[0]),
                p.rate,
            ),
            c(ws, "", p.total),
        ]
    )
    row = 4 + len(book.summary or []) + 1
    for note in book.summary_notes:
        ws.merged_cells.add(f"A{row}:{last}{row}")
        lines = -(-len(note) // _NOTE_CHARS_PER_LINE)
        ws.row_dimensions[row].height = 18 * max(lines, 1) + 6
        ws.append([c(ws, note, p.text)])
        row += 1
