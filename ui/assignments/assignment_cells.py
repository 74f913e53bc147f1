"""What a cell of the assignment table shows and how a column sorts, apart from the model.

``assignment_model`` is the Qt model (rows, order, edits); the texts of a cell (a
state as ``推进中 · 逾期``, a deadline as the document words it) and each column's
sort key live here, so that the model stays a model and the board and the detail
pane word a deadline as the table does.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from tracker.statuses import Derived
from ui.labels import role_label, state_label

if TYPE_CHECKING:
    from tracker.records import AssignmentRow

# Column numbers, in display order (GROUP, added last, is shown beside UNIT).
CODE, DOCUMENT, TITLE, UNIT, ROLE, STATE, PERCENT, DEADLINE, NOTE, UPDATED, GROUP = range(11)
COLUMN_COUNT = 11
EDITABLE = frozenset({STATE, PERCENT, NOTE})


# Most urgent first when sorting by the state column.
_STATE_RANK = {
    state: rank
    for rank, state in enumerate(
        [
            Derived.OVERDUE,
            Derived.DUE_SOON,
            Derived.NOT_STARTED,
            Derived.IN_PROGRESS,
            Derived.STANDING,
            Derived.DONE,
            Derived.TICKED_OFF,
            Derived.UNASSIGNED,
        ]
    )
}
_NUMBER = re.compile(r"\d+|\D+")


@functools.lru_cache(maxsize=65_536)  # a few hundred distinct codes in 100,000 rows
def code_key(code: str) -> tuple[tuple[int, int, str], ...]:
    """Natural order for measure codes: 2 < 2.3 < 10 < 12."""
    return tuple(
        (0, int(piece), "") if piece.isdigit() else (1, 0, piece) for piece in _NUMBER.findall(code)
    )


def _deadline_key(row: AssignmentRow) -> date:
    """Earliest first, no deadline last (standing tasks and the like)."""
    return row.deadline or date.max


SORT_KEYS: dict[int, Callable[[AssignmentRow], Any]] = {
    CODE: lambda r: (r.document_id, code_key(r.code)),
    DOCUMENT: lambda r: r.doc_label,
    TITLE: lambda r: r.shown_title,
    UNIT: lambda r: r.unit,
    ROLE: lambda r: r.role,
    STATE: lambda r: _STATE_RANK[r.state],
    PERCENT: lambda r: -1 if r.percent is None else r.percent,
    DEADLINE: _deadline_key,
    NOTE: lambda r: r.note,
    UPDATED: lambda r: r.updated_at,
    GROUP: lambda r: (r.group or "", r.outer_group or ""),
}


def state_text(row: AssignmentRow) -> str:
    """The recorded status, and the deadline's state when there is one: ``推进中 · 逾期``."""
    if row.state.value == row.status.value:
        return state_label(row.state)
    return f"{state_label(row.status)} · {state_label(row.state)}"


def deadline_text(row: AssignmentRow) -> str:
    """The deadline as the document words it (2021年6月底), else the date; a unit's own
    after an approved extension with the original: ``2021-12-31（原 2021年6月底）``."""
    if row.original_deadline is not None and row.deadline is not None:
        original = row.deadline_text or row.original_deadline.isoformat()
        return f"{row.deadline.isoformat()}（原 {original}）"
    if row.deadline_text:
        return row.deadline_text
    return row.deadline.isoformat() if row.deadline else ""


def display(row: AssignmentRow, column: int) -> str:
    """The text of ``row``'s cell in ``column``."""
    if column == CODE:
        return row.code
    if column == DOCUMENT:
        return row.doc_label
    if column == TITLE:  # a sub-task's row: its own text (3-2's), not the measure's title
        return row.shown_title
    if column == UNIT:
        return row.unit
    if column == ROLE:
        return role_label(row.role)
    if column == STATE:
        return state_text(row)
    if column == PERCENT:
        return "" if row.percent is None else f"{row.percent}%"
    if column == DEADLINE:
        return deadline_text(row)
    if column == NOTE:
        return row.note.replace("\n", " ")
    if column == UPDATED:
        return f"{row.updated_at:%Y-%m-%d %H:%M}"
    return ""


def edit_value(row: AssignmentRow, column: int) -> Any:
    """What an editor of ``row``'s cell in ``column`` starts with."""
    if column == STATE:
        return row.status.value
    if column == PERCENT:
        return row.percent
    if column == NOTE:
        return row.note
    return display(row, column)
