"""The shown list as plain data: taken on the GUI thread in a blink, made text anywhere.

Why a module of its own: exporting or printing 100,000 rows must not format them on
the GUI thread (the window would stand still for seconds).  The table hands over a
``ShownList`` — the visible columns' headers in the clerk's order and the shown rows
in display order, as plain records — which costs a list copy; ``cell_texts`` then
turns it into the text on screen (``ui.assignments.assignment_cells.display``; a 进展情况
whole, line breaks kept) on a worker thread, asking ``keep_going`` as it goes so a
Cancel is honoured within a moment.  Copying rows (Ctrl+C) uses the same function.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from ui.assignments import assignment_model as columns
from ui.assignments.assignment_cells import display

if TYPE_CHECKING:
    from tracker.records import AssignmentRow

KeepGoing = Callable[[int, int], bool]
"""``keep_going(done, total)``: False once the clerk pressed Cancel (``ui.workers.Reporter``)."""
CHECK_EVERY = 2_000
"""Rows between two calls of ``keep_going`` (≈ 10–20 ms of work on a busy machine)."""


class ShownList(NamedTuple):
    headers: list[str]
    columns: list[int]
    """The model's columns shown, in the clerk's order."""
    rows: Sequence[AssignmentRow]
    """The rows shown, top to bottom."""


class Cancelled(Exception):
    """The clerk pressed Cancel while the list was being made text."""


def cell_texts(shown: ShownList, keep_going: KeepGoing | None = None) -> list[list[str]]:
    """The headers, then each row's cells as on screen; ``Cancelled`` once ``keep_going``
    says so."""
    wanted = shown.columns
    table = [list(shown.headers)]
    total = len(shown.rows)
    for done, record in enumerate(shown.rows):
        if keep_going is not None and done % CHECK_EVERY == 0 and not keep_going(done, total):
            release(table)
            raise Cancelled
        table.append([record.note if c == columns.NOTE else display(record, c) for c in wanted])
    return table


def release(table: list[list[str]]) -> None:
    """Empty ``table`` a slice at a time.  Dropped whole, 100,000 rows are freed in one call
    that holds Python's lock throughout; by slices, the GUI thread gets its turn between."""
    while table:
        del table[-CHECK_EVERY:]
