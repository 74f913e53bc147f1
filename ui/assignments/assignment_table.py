"""The table view in the centre: sorting, multi-selection, in-cell editors, sensible widths.

Column widths, order and which are shown (``ColumnChooser``, the header's context
menu) are the clerk's own and are saved by the window; the defaults keep 进展情况
(the progress report) in view on a 1280-pixel-wide screen with both side panes open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from ui.assignments import assignment_model as columns
from ui.assignments.assignment_delegate import AssignmentDelegate
from ui.assignments.assignment_model import AssignmentTableModel
from ui.assignments.column_chooser import ColumnChooser

if TYPE_CHECKING:
    from tracker.records import AssignmentRow

# Width of each column in average Chinese characters (the font decides the pixels).
_DEFAULT_WIDTHS = {
    columns.CODE: 4,
    columns.DOCUMENT: 7,
    columns.TITLE: 11,
    columns.UNIT: 9,
    columns.ROLE: 3,
    columns.STATE: 4,
    columns.PERCENT: 4,
    columns.DEADLINE: 8,
    columns.NOTE: 12,
    columns.UPDATED: 9,
}


class AssignmentTable(QTableView):
    def __init__(self, model: AssignmentTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assignments = model
        self.context_menu = QMenu(self)
        self.setModel(model)
        self.setItemDelegate(AssignmentDelegate(self))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(True)  # third click: back to document order
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)  # 进展情况 (or the last one shown) takes the rest
        self.column_chooser = ColumnChooser(header)
        self.setSortingEnabled(True)
        self.reset_column_widths()
        self.column_chooser.hide_spare_columns()  # (a saved header, restored later, shows its own)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self.context_menu.exec(self.viewport().mapToGlobal(pos))
        )

    def reset_column_widths(self) -> None:
        char = self.fontMetrics().horizontalAdvance("国")
        for column, chars in _DEFAULT_WIDTHS.items():
            self.setColumnWidth(column, chars * char + 16)

    def selected_rows(self) -> list[AssignmentRow]:
        """The selected assignments, top to bottom."""
        rows = sorted(index.row() for index in self.selectionModel().selectedRows())
        return [self.assignments.row_at(row) for row in rows]

    def current_row(self) -> AssignmentRow | None:
        index = self.currentIndex()
        return self.assignments.row_at(index.row()) if index.isValid() else None

    def select_assignment(self, assignment_id: int) -> None:
        row = self.assignments.row_of(assignment_id)
        if row is not None:
            self.selectRow(row)
            self.scrollTo(self.assignments.index(row, 0))

    def save_header(self) -> QByteArray:
        return self.horizontalHeader().saveState()

    def restore_header(self, state: object) -> None:
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.horizontalHeader().restoreState(state)
