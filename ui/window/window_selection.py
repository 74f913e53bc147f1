"""Keeping the window in step with the assignment the clerk is on.

A mixin of ``MainWindow``: the detail pane follows the table's current row
(after a short pause, so running the arrow keys down the table does not read
every row's history on the way), the actions that need selected rows are
enabled only with some, a choice in the navigator becomes a filter, and an
assignment chosen on the board or the dashboard is selected in the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.window.window_commands import WindowCommands

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer

    from ui.assignments.assignment_model import AssignmentTableModel
    from ui.assignments.assignment_source import AssignmentSource
    from ui.assignments.assignment_table import AssignmentTable
    from ui.window.detail_pane import DetailPane
    from ui.window.filter_bar import FilterBar
    from ui.window.navigator import Target
    from ui.window.window_actions import WindowActions

DETAIL_DELAY_MS = 120
"""How long the current row must stay current before the detail pane reads it."""


class WindowSelection(WindowCommands):
    """The selection and the detail pane; ``WindowLayout`` makes the parts they use."""

    model: AssignmentTableModel
    table: AssignmentTable
    filters: FilterBar
    detail: DetailPane
    actions_: WindowActions
    source: AssignmentSource
    _detail_timer: QTimer
    """Started on every change of the current row; shows its detail when it runs out."""
    attached: bool

    def show_current_detail(self) -> None:
        from ui.messages import user_errors

        row = self.table.current_row()
        if row is None:
            self.detail.clear()
            return
        if not self.attached:  # (a preview: the detail comes from the services)
            return
        with user_errors(self):
            self.detail.show_detail(self.source.detail(row))

    def select_assignment(self, assignment_id: int) -> None:
        """Select one assignment in the table (widening the filters if it is hidden)."""
        if self.model.row_of(assignment_id) is None:
            self.filters.reset()
        self.table.select_assignment(assignment_id)
        self._detail_timer.start()

    def _navigate(self, target: Target) -> None:
        from ui.window.filter_bar import Scope
        from ui.window.navigator import DocumentTarget, UnitTarget

        if isinstance(target, Scope):
            self.filters.choose_document(target.document_id, target)
        elif isinstance(target, DocumentTarget):
            self.filters.choose_document(target.document_id)
        elif isinstance(target, UnitTarget):
            self.filters.choose_unit(target.name)
        else:
            self.filters.show_everywhere()

    def _update_actions(self) -> None:
        selected = self.table.selectionModel().hasSelection()
        for action in self.actions_.selection_actions():
            action.setEnabled(selected)
