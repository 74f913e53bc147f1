"""The assignment table's own commands — Ctrl+V, 导出当前列表到 Excel, 打印当前列表 — whose
modules (openpyxl, reportlab, the ledger cell readers) are imported only when one runs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.assignments.assignment_table import AssignmentTable
    from ui.assignments.progress_actions import ProgressActions


def paste(table: AssignmentTable, progress: ProgressActions, parent: QWidget) -> None:
    from ui.assignments.paste_dialog import paste_clipboard

    paste_clipboard(table, progress, parent)


def output_list(
    how: str, table: AssignmentTable, title: str, today: Callable[[], date], parent: QWidget
) -> None:
    """``how``: "export" (an .xlsx) or "print" (the print preview) of the shown list."""
    from ui.assignments import list_output

    write = list_output.export_list if how == "export" else list_output.print_list
    write(parent, table, title, today())
