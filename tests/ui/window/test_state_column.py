"""The status column shows a status and the deadline's state whole (issue 18 items 2–3)."""

from __future__ import annotations

import pytest

from ui.assignments import assignment_model as columns
from ui.window.main_window import MainWindow


@pytest.mark.parametrize("text", ["推进中 · 逾期", "未启动 · 临期", "长期坚持"])
def test_the_widest_states_fit_the_status_column_at_its_first_width(
    window: MainWindow, text: str
) -> None:
    window.table.reset_column_widths()
    needed = window.table.fontMetrics().horizontalAdvance(text) + 8  # the cell's margins
    assert window.table.columnWidth(columns.STATE) >= needed
