"""Ctrl+C on the assignment table: the selected rows as Excel's clipboard text, with headers.

The visible columns are copied in the clerk's order, as tab-separated text
(``importers.table_text``), so a paste into Excel or WPS gives one cell per
field and the headers on the first row; a 进展情况 spanning lines stays one cell.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from importers.table_text import tab_separated
from ui.assignments.assignment_table import AssignmentTable


def _copied_rows(table: AssignmentTable) -> list[int]:
    """The selected rows, else the current one."""
    rows = table.selected_positions()
    if not rows and table.currentIndex().isValid():
        rows = [table.currentIndex().row()]
    return rows


def copied_text(table: AssignmentTable) -> str:
    """The selected rows (else the current one) with the headers, tab-separated."""
    rows = _copied_rows(table)
    return tab_separated(table.shown_table(rows)) if rows else ""


def copy_rows(table: AssignmentTable) -> int:
    """Put the selected rows on the clipboard; how many were copied."""
    rows = _copied_rows(table)
    if rows:
        QGuiApplication.clipboard().setText(tab_separated(table.shown_table(rows)))
    return len(rows)
