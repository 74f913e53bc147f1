"""The assignment table's own actions: status, tick-off and its undo, copy, paste, export,
print; and the row menu's commands for the current row's unit (a chaser, an extension request).

Each works on the rows selected (or shown) in the table and goes through the
``ProgressActions`` undo stack where it changes progress; the main window only
hands over the parts.  The column chooser's and the column reset's choices are
remembered in this user's window settings.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from ui.window.layout_memory import save_columns

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QWidget

    from ui.assessment.scores_tab import ScoresTab
    from ui.assignments.assignment_table import AssignmentTable
    from ui.assignments.progress_actions import ProgressActions
    from ui.window.window_actions import WindowActions
    from ui.window.window_commands import WindowCommands


def connect_table_actions(
    actions: WindowActions,
    table: AssignmentTable,
    progress: ProgressActions,
    commands: WindowCommands,
    title: Callable[[], str],
    today: Callable[[], date],
    settings: QSettings,
    parent: QWidget,
    scores: ScoresTab,
) -> None:
    """``title`` names the list shown (the filters' description) when it is exported or
    printed; ``parent`` is where the dialogs open; with ``scores`` in front, its scores are
    exported instead (``ui.assessment.scores_tab``)."""
    from ui.assignments.table_clipboard import copy_rows
    from ui.assignments.table_commands import output_list, paste

    actions.set_status.triggered.connect(lambda: progress.ask_status(table.selected_rows()))
    actions.tick_off.triggered.connect(lambda: progress.confirm_tick_off(table.selected_rows()))
    actions.undo_tick_off.triggered.connect(lambda: progress.undo_tick_off(table.selected_rows()))
    actions.chaser.triggered.connect(
        lambda: commands.chaser_for(row.unit) if (row := table.current_row()) else None
    )
    actions.request_extension.triggered.connect(
        lambda: commands.request_extension(row) if (row := table.current_row()) else None
    )
    table.addAction(actions.copy_rows)  # Ctrl+C on the table (the search box keeps its own)
    actions.copy_rows.triggered.connect(lambda: copy_rows(table))
    table.addAction(actions.paste_cells)  # Ctrl+V on the table: preview, then one undo step
    actions.paste_cells.triggered.connect(lambda: paste(table, progress, parent))

    def output(how: str) -> None:
        if not scores.output(how):  # the scores tab in front exports its scores
            output_list(how, table, title(), today, parent)

    for how, action in (("export", actions.export_list), ("print", actions.print_list)):
        action.triggered.connect(lambda _c=False, how=how: output(how))
    scores.take_list_actions(actions.export_list, actions.print_list)
    actions.reset_columns.triggered.connect(table.reset_column_widths)
    table.column_chooser.chosen.connect(lambda: save_columns(table, settings))
