"""Which columns the assignment table shows: the clerk's choice, from the header's menu.

Right-clicking the header lists every column with a tick; unticking hides it (the
last visible one cannot go).  ``chosen`` is emitted after each change so the window
saves the header at once (``ui.window.main_window``: ``window_settings.COLUMNS``),
not only on closing.  Without a saved choice, the columns a narrow office screen
can spare (文件, shown by the navigator, and 更新时间) start hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMenu

from ui.assignments import assignment_model as columns

HIDDEN_AT_FIRST = (columns.DOCUMENT, columns.UPDATED)
"""Hidden until the clerk shows them: what a 1280-pixel screen can do without."""


class ColumnChooser(QObject):
    chosen = Signal()
    """A column was shown or hidden."""

    def __init__(self, header: QHeaderView) -> None:
        super().__init__(header)
        self.header = header
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_menu)
        self.chosen_columns: set[int] = set()
        """The columns the clerk showed or hid himself (所属集体 then no longer follows
        whether the rows hold groups)."""

    def hide_spare_columns(self) -> None:
        """The first look, before the clerk has chosen: 所属集体 beside 责任单位."""
        for column in HIDDEN_AT_FIRST:
            self.header.setSectionHidden(column, True)
        header = self.header
        header.moveSection(header.visualIndex(columns.GROUP), header.visualIndex(columns.UNIT) + 1)

    def menu(self) -> QMenu:
        """Every column, ticked if shown, in the order the header shows them."""
        menu = QMenu(self.header)
        model = self.header.model()
        shown = [c for c in range(self.header.count()) if not self.header.isSectionHidden(c)]
        for visual in range(self.header.count()):
            column = self.header.logicalIndex(visual)
            title = model.headerData(column, Qt.Orientation.Horizontal)
            action = menu.addAction(str(title))
            action.setCheckable(True)
            action.setChecked(column in shown)
            action.setEnabled(shown != [column])  # the last one shown stays
            action.toggled.connect(lambda on, c=column: self.show_column(c, on))
        return menu

    def show_column(self, column: int, shown: bool) -> None:
        self.chosen_columns.add(column)
        self.header.setSectionHidden(column, not shown)
        self.chosen.emit()

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu()
        menu.exec(self.header.mapToGlobal(position))
        menu.deleteLater()
