"""Keeping the window in step with the assignment the clerk is on.

``SelectionController`` is the part of the window that follows the table's
current row: the detail pane shows it (after a short pause, so running the arrow
keys down the table does not read every row's history on the way), the actions
that need selected rows are enabled only with some, a choice in the navigator
becomes a filter, and an assignment chosen on the board or the dashboard is
selected in the table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QWidget

    from ui.assignments.assignment_model import AssignmentTableModel
    from ui.assignments.assignment_source import AssignmentSource
    from ui.assignments.assignment_table import AssignmentTable
    from ui.window.detail_pane import DetailPane
    from ui.window.filter_bar import FilterBar
    from ui.window.navigator import Target

DETAIL_DELAY_MS = 120
"""How long the current row must stay current before the detail pane reads it."""


class SelectionController(QObject):
    """The selection, the detail pane and the actions that need selected rows."""

    def __init__(
        self,
        table: AssignmentTable,
        model: AssignmentTableModel,
        filters: FilterBar,
        detail: DetailPane,
        selection_actions: list[QAction],
        parent: QWidget,
    ) -> None:
        """``parent`` is where a failure to read the detail is reported."""
        super().__init__(parent)
        self._parent = parent
        self._table = table
        self._model = model
        self._filters = filters
        self._detail = detail
        self._selection_actions = selection_actions
        self.source: AssignmentSource | None = None
        """Where the detail is read (None while the window only previews rows)."""
        self._detail_timer = QTimer(self)
        """Started on every change of the current row; shows its detail when it runs out."""
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(self.show_current_detail)
        table.selectionModel().currentRowChanged.connect(lambda *_: self.follow())
        table.selectionModel().selectionChanged.connect(self.update_actions)
        model.modelReset.connect(self.update_actions)
        # Off until a row is selected: before any row is shown (no database found, the
        # start page) the toolbar's 销号 would otherwise answer "all already ticked off".
        self.update_actions()

    def attach(self, source: AssignmentSource) -> None:
        """The details come from this database from now on."""
        self.source = source

    def follow(self) -> None:
        """The current row changed (or its rows did): show its detail after the pause."""
        self._detail_timer.start()

    def show_current_detail(self) -> None:
        from ui.messages import user_errors

        row = self._table.current_row()
        if row is None:
            self._detail.clear()
            return
        if self.source is None:  # (a preview: the detail comes from the services)
            return
        with user_errors(self._parent):
            self._detail.show_detail(self.source.detail(row))

    def show_row_detail(self) -> None:
        """The current row's measure text, units and history in a window of their own
        (the right-click menu's "Measure text and history…"; the pane may be hidden)."""
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

        from ui.messages import user_errors
        from ui.window.detail_pane import DetailPane

        row = self._table.current_row()
        if row is None or self.source is None:
            return
        pane = DetailPane()
        with user_errors(self._parent):
            pane.show_detail(self.source.detail(row))
        dialog = QDialog(self._parent)
        dialog.setWindowTitle(f"{row.code}　{row.unit}")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(pane, 1)
        layout.addWidget(buttons)
        dialog.resize(560, 640)
        dialog.exec()

    def select_assignment(self, assignment_id: int) -> None:
        """Select one assignment in the table (widening the filters if it is hidden)."""
        if self._model.row_of(assignment_id) is None:
            self._filters.reset()
        self._table.select_assignment(assignment_id)
        self.follow()

    def navigate(self, target: Target) -> None:
        """A choice in the navigator: a part of a document, a document, a unit or all."""
        from ui.window.filter_bar import Scope
        from ui.window.navigator import DocumentTarget, UnitTarget

        if isinstance(target, Scope):
            self._filters.choose_document(target.document_id, target)
        elif isinstance(target, DocumentTarget):
            self._filters.choose_document(target.document_id)
        elif isinstance(target, UnitTarget):
            self._filters.choose_unit(target.name)
        else:
            self._filters.show_everywhere()

    def update_actions(self) -> None:
        selected = self._table.selectionModel().hasSelection()
        for action in self._selection_actions:
            action.setEnabled(selected)
