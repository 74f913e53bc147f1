"""The table view in the centre: sorting, multi-selection, in-cell editors, sensible widths.

Column widths, order and which are shown (``ColumnChooser``, the header's context
menu) are the clerk's own and are saved by the window; the defaults keep 进展情况
(the progress report) in view on a 1280-pixel-wide screen with both side panes open.

It works as Excel does: typing on an editable cell starts editing it with what
was typed; Enter saves and moves down a row, Tab (Shift+Tab) to the next
(previous) editable cell, on to the next row at the end of one; Enter on a cell
not being edited moves down too.  ``shown_table`` is what is on screen — the
visible columns in their order, with headers — for copying, exporting and printing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QModelIndex, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QWidget,
)

from ui.assignments import assignment_model as columns
from ui.assignments.assignment_delegate import AssignmentDelegate
from ui.assignments.assignment_model import AssignmentTableModel
from ui.assignments.column_chooser import ColumnChooser, saved_column_count
from ui.assignments.shown_list import ShownList, cell_texts

if TYPE_CHECKING:
    from tracker.records import AssignmentRow

# Width of each column in average Chinese characters (the font decides the pixels).
_DEFAULT_WIDTHS = {
    columns.CODE: 4,
    columns.DOCUMENT: 7,
    columns.TITLE: 10,
    columns.UNIT: 9,
    columns.ROLE: 3,
    columns.STATE: 6,  # "推进中 · 逾期": the status and the deadline state together
    columns.PERCENT: 4,
    columns.DEADLINE: 8,
    columns.NOTE: 12,
    columns.UPDATED: 9,
    columns.GROUP: 12,
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
            | QAbstractItemView.EditTrigger.AnyKeyPressed
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
        model.modelReset.connect(self._show_group_column)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(
            lambda pos: self.context_menu.exec(self.viewport().mapToGlobal(pos))
        )

    def _show_group_column(self) -> None:
        """所属集体 is shown while the rows hold members' shares of a group's tasks, hidden
        while none do — unless the clerk showed or hid it himself (the column chooser)."""
        if columns.GROUP not in self.column_chooser.chosen_columns:
            header = self.horizontalHeader()
            header.setSectionHidden(columns.GROUP, not self.assignments.has_groups())

    # -- moving like Excel ------------------------------------------------------------------
    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        Hint = QAbstractItemDelegate.EndEditHint
        if hint in (Hint.EditNextItem, Hint.EditPreviousItem):
            super().closeEditor(editor, Hint.NoHint)
            target = self._next_editable(forward=hint == Hint.EditNextItem)
            if target.isValid():
                self.setCurrentIndex(target)
                self.edit(target)
            return
        super().closeEditor(editor, hint)
        if hint == Hint.SubmitModelCache:  # Enter: saved, on to the row below
            self._move_down()

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Tabbed into, the row under the focus frame is selected too: else 编辑进展 (Ctrl+E)
        and 销号 (Ctrl+T) stayed off though a row looked current."""
        super().focusInEvent(event)
        tabbed = event.reason() in (
            Qt.FocusReason.TabFocusReason,
            Qt.FocusReason.BacktabFocusReason,
        )
        current = self.currentIndex()
        if tabbed and current.isValid() and not self.selectionModel().hasSelection():
            self.selectRow(current.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.state() != QAbstractItemView.State.EditingState:
            self._move_down()
            return
        super().keyPressEvent(event)

    def _move_down(self) -> None:
        current = self.currentIndex()
        if current.isValid() and current.row() + 1 < self.assignments.rowCount():
            self.setCurrentIndex(self.assignments.index(current.row() + 1, current.column()))

    def _next_editable(self, *, forward: bool) -> QModelIndex:
        """The next (previous) editable cell in the visible columns' order, row by row."""
        current = self.currentIndex()
        if not current.isValid():
            return QModelIndex()
        shown = self.visible_columns()
        editable = [c for c in shown if c in columns.EDITABLE]
        if not editable:
            return QModelIndex()
        row = current.row()
        place = shown.index(current.column()) if current.column() in shown else -1
        if forward:
            later = [c for c in editable if shown.index(c) > place]
            column = later[0] if later else editable[0]
            row += 0 if later else 1
        else:
            earlier = [c for c in editable if shown.index(c) < place]
            column = earlier[-1] if earlier else editable[-1]
            row -= 0 if earlier else 1
        if not 0 <= row < self.assignments.rowCount():
            return QModelIndex()
        return self.assignments.index(row, column)

    # -- what is on screen ------------------------------------------------------------------
    def visible_columns(self) -> list[int]:
        """The model's columns shown, in the order the clerk arranged them."""
        header = self.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [c for c in logical if not header.isSectionHidden(c)]

    def shown_list(self, rows: list[int] | None = None) -> ShownList:
        """The visible columns' headers and ``rows`` (None: every row shown) as plain data,
        to be made text off the GUI thread (``ui.assignments.shown_list``)."""
        model = self.assignments
        shown = self.visible_columns()
        headers = [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in shown]
        records = model.rows() if rows is None else [model.row_at(r) for r in rows]
        return ShownList(headers, shown, records)

    def shown_table(self, rows: list[int] | None = None) -> list[list[str]]:
        """The headers and the cells of ``rows`` (None: every row shown) as on screen,
        visible columns only; a 进展情况 whole, line breaks kept."""
        return cell_texts(self.shown_list(rows))

    def selected_positions(self) -> list[int]:
        """The selected rows' numbers in the table, top to bottom."""
        return sorted(index.row() for index in self.selectionModel().selectedRows())

    def reset_column_widths(self) -> None:
        self._set_widths(list(_DEFAULT_WIDTHS))

    def _set_widths(self, which: list[int]) -> None:
        """The designed widths of ``which`` columns."""
        char = self.fontMetrics().horizontalAdvance("国")
        for column in which:
            self.setColumnWidth(column, _DEFAULT_WIDTHS[column] * char + 16)

    def selected_rows(self) -> list[AssignmentRow]:
        """The selected assignments, top to bottom."""
        return [self.assignments.row_at(row) for row in self.selected_positions()]

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
        """The clerk's saved columns; those added since the layout was saved (所属集体) at
        their designed place and width, shown or hidden as on a first look."""
        if not isinstance(state, QByteArray) or state.isEmpty():
            return
        saved = saved_column_count(state)
        if self.horizontalHeader().restoreState(state) and saved is not None:
            self._set_widths(self.column_chooser.place_new_columns(saved))
            self._show_group_column()
