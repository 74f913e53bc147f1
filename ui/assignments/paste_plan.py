"""What a Ctrl+V on the assignment table would change: read, matched to rows, checked.

Excel and WPS put copied cells on the clipboard as tab-separated text
(``importers.table_text``).  The pasted columns are the ones their first row
names, when it holds the table's headers (this window's Ctrl+C copies them; a
returned ledger's 完成状态/完成进度/进展情况 count too); otherwise the pasted
columns land on the current column and those right of it, as in Excel.  Only
状态, 进度 and 进展情况 take values: a cell landing on another column is listed as not
taken (it was dropped unsaid, "0 pasted cells not taken"); a copied column whose header
names none of them is left alone.

The values go to the selected rows, top to bottom: one pasted row fills every
selected row; several go one per row (from the current row down when a single
row is selected).  Each cell is read as a ledger cell is — a status word or its
synonym (推进中 · 逾期 as this table shows it is 推进中), a percent (80, 80%,
0.8) — and a cell that cannot be taken is listed with why: an unknown word, 已销号
(销号 asks for confirmation), 长期坚持 for a measure with a fixed deadline, a row
already ticked off.  已完成 without a pasted percent fills 100 %.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from importers.ledger.cells import CellValueError, to_percent
from importers.ledger.statuses import UnknownStatusError, normalize_status
from tracker.statuses import Status
from ui.assignments.assignment_model import EDITABLE, NOTE, PERCENT, STATE
from ui.assignments.progress_commands import Values
from ui.labels import state_label
from ui.messages import translated

if TYPE_CHECKING:
    from tracker.records import AssignmentRow

translate = QCoreApplication.translate
STATE_SEPARATOR = " · "
"""Between the recorded status and the deadline state in the table (推进中 · 逾期)."""
LEDGER_HEADERS = {"完成状态": STATE, "状态": STATE, "完成进度": PERCENT, "进度": PERCENT}
LEDGER_HEADERS |= {"进展情况": NOTE, "工作进展": NOTE, "进展": NOTE}
"""Headers of a returned ledger (and plain words) that name a column the paste can fill."""


class PasteError(ValueError):
    """The clipboard cannot be pasted here at all (the message says why)."""


@dataclass(frozen=True)
class Refused:
    """A pasted cell not taken."""

    row: AssignmentRow
    column: int
    text: str
    reason: str


@dataclass
class PastePlan:
    changes: list[tuple[AssignmentRow, Values]] = field(default_factory=list)
    """Each row whose values change, with its new values (rows left as they are not listed)."""
    refused: list[Refused] = field(default_factory=list)
    columns: tuple[int, ...] = ()
    """The table's columns the paste fills."""


def pasted_columns(
    rows: list[list[str]], headers: dict[int, str], current: int, visible: Sequence[int]
) -> tuple[list[int | None], list[list[str]]]:
    """The table column each pasted column lands on (None: left alone; one that takes no
    values refuses its cells) and the data rows."""
    if not rows or not any(cell.strip() for row in rows for cell in row):
        raise PasteError(translate("PastePlan", "The clipboard holds no cells to paste."))
    named = {text.strip(): column for column, text in headers.items() if column in EDITABLE}
    named |= {word: column for word, column in LEDGER_HEADERS.items() if word not in named}
    first = [cell.strip() for cell in rows[0]]
    if any(cell in named for cell in first):
        return [named.get(cell) for cell in first], rows[1:]
    if current not in visible:
        raise PasteError(translate("PastePlan", "Choose the cell to paste into first."))
    place = visible.index(current)
    width = max(len(row) for row in rows)
    targets: list[int | None] = [
        visible[place + n] if place + n < len(visible) else None for n in range(width)
    ]
    if not any(t in EDITABLE for t in targets):
        raise PasteError(
            translate(
                "PastePlan",
                "Only the status, progress and progress report columns can be pasted into: "
                "choose a cell in one of them.",
            )
        )
    return targets, rows


def target_rows(data: int, selected: Sequence[int], current: int, count: int) -> list[int]:
    """The table rows ``data`` pasted rows go to: the selection, or from the current row down."""
    if len(selected) > 1:
        if data not in (1, len(selected)):
            raise PasteError(
                translate(
                    "PastePlan",
                    "{0} rows were copied but {1} are selected: select one row, or as many "
                    "as were copied.",
                ).format(data, len(selected))
            )
        return list(selected)
    start = selected[0] if selected else current
    if start < 0:
        raise PasteError(translate("PastePlan", "Choose the cell to paste into first."))
    return list(range(start, min(start + data, count)))


def _status(text: str, row: AssignmentRow) -> Status:
    word = text.split(STATE_SEPARATOR)[0].strip()
    labels = {state_label(s): s for s in Status}
    try:
        status = labels.get(word) or Status(normalize_status(word) or "")
    except UnknownStatusError as exc:
        raise ValueError(translated(exc.as_message())) from None
    except ValueError:
        raise ValueError(translate("PastePlan", "no status given")) from None
    if status is Status.TICKED_OFF:
        raise ValueError(
            translate("PastePlan", "ticking off is done with 销号, which asks for confirmation")
        )
    if status is Status.STANDING and row.deadline is not None and row.status != status:
        raise ValueError(
            translate("PastePlan", "长期坚持 is only for a measure without a fixed deadline")
        )
    return status


def _percent(text: str) -> int | None:
    try:
        return to_percent(text)
    except CellValueError as exc:
        raise ValueError(translated(exc.as_message())) from None


def plan_paste(
    columns: Sequence[int | None], data: list[list[str]], rows: Sequence[AssignmentRow]
) -> PastePlan:
    """Each of ``rows`` given its pasted row (the only one, or its own), checked."""
    plan = PastePlan(columns=tuple(sorted({c for c in columns if c in EDITABLE})))
    elsewhere = translate(
        "PastePlan",
        "pasted onto a column that takes no values: only the status, progress and "
        "progress report columns can be pasted into",
    )
    for number, row in enumerate(rows):
        cells = data[0] if len(data) == 1 else data[number]
        before = after = Values.of(row)
        refused = len(plan.refused)
        for column, text in zip(columns, cells, strict=False):
            if column is None:
                continue
            if column not in EDITABLE:  # (as in Excel, the cells right of the current one)
                if text.strip():
                    plan.refused.append(Refused(row, column, text, elsewhere))
                continue
            if row.status is Status.TICKED_OFF:
                reason = translate("PastePlan", "ticked off (已销号): undo the tick-off first")
                plan.refused.append(Refused(row, column, text, reason))
                continue
            try:
                if column == STATE:
                    after = dataclasses.replace(after, status=_status(text, row))
                elif column == PERCENT:
                    after = dataclasses.replace(after, percent=_percent(text))
                else:
                    after = dataclasses.replace(after, note=text.strip())
            except ValueError as exc:
                plan.refused.append(Refused(row, column, text, str(exc)))
        took_percent = PERCENT in columns and not any(
            r.row is row and r.column == PERCENT for r in plan.refused[refused:]
        )
        if after.status is Status.DONE and after.percent != 100 and not took_percent:
            after = dataclasses.replace(after, percent=100)  # 已完成 is the whole task
        if after != before:
            plan.changes.append((row, after))
    return plan
