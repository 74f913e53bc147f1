"""Which columns the assignment table shows: the clerk's choice, from the header's menu.

Right-clicking the header lists every column with a tick; unticking hides it (the
last visible one cannot go).  ``chosen`` is emitted after each change so the window
saves the header at once (``ui.window.main_window``: ``window_settings.COLUMNS``),
not only on closing.  Without a saved choice, the columns a narrow office screen
can spare (文件, shown by the navigator, and 更新时间) start hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QBitArray, QByteArray, QDataStream, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QMenu

from ui.assignments import assignment_model as columns

HIDDEN_AT_FIRST = (columns.DOCUMENT, columns.UPDATED)
"""Hidden until the clerk shows them: what a 1280-pixel screen can do without."""
PLACED_AFTER = {columns.GROUP: columns.UNIT}
"""A column added to the model after the ones beside it (numbers are never reordered,
saved layouts keep them) and the column it is designed to stand after: 所属集体 beside
责任单位."""


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
        for column in PLACED_AFTER:
            self._place(column)

    def place_new_columns(self, saved: int) -> list[int]:
        """After restoring a layout saved with ``saved`` columns, the columns added since
        (which Qt appends last, shown): at their designed place, hidden if spare.  Returns
        them, for their widths."""
        added = list(range(saved, self.header.count()))
        for column in added:
            self.header.setSectionHidden(column, column in HIDDEN_AT_FIRST)
            if column in PLACED_AFTER:
                self._place(column)
        return added

    def _place(self, column: int) -> None:
        header = self.header
        after = header.visualIndex(PLACED_AFTER[column])
        here = header.visualIndex(column)
        header.moveSection(here, after + 1 if here > after else after)

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

    def chosen_text(self) -> str:
        """``chosen_columns`` as kept in the window settings: ``"4,10"``."""
        return ",".join(str(c) for c in sorted(self.chosen_columns))

    def restore_chosen(self, text: str) -> None:
        """``chosen_columns`` from ``chosen_text``'s form; what is not a column is ignored."""
        found = (part.strip() for part in text.split(","))
        self.chosen_columns = {
            int(part) for part in found if part.isdigit() and int(part) < self.header.count()
        }

    def show_column(self, column: int, shown: bool) -> None:
        self.chosen_columns.add(column)
        self.header.setSectionHidden(column, not shown)
        self.chosen.emit()

    def _show_menu(self, position: QPoint) -> None:
        menu = self.menu()
        menu.exec(self.header.mapToGlobal(position))
        menu.deleteLater()


def saved_column_count(state: QByteArray) -> int | None:
    """How many columns a layout saved by ``QHeaderView.saveState`` holds; None if it cannot
    be read.  Qt restores a shorter layout by appending the columns it lacks: the caller
    then places them (``ColumnChooser.place_new_columns``).

    The state, as Qt 6 writes it (``QHeaderViewPrivate::write``, data stream 5.0): a
    marker and a version, the orientation, sort order and column, whether the sort is
    shown, the visual and logical orders, the hidden columns, their sizes, the length,
    and then the number of columns."""
    stream = QDataStream(state)
    stream.setVersion(QDataStream.Version.Qt_5_0)
    if (stream.readInt32(), stream.readInt32()) != (0xFF, 0):
        return None
    for _ in range(3):
        stream.readInt32()
    stream.readBool()
    for _ in range(2):
        for _ in range(stream.readUInt32()):
            stream.readInt32()
    stream >> QBitArray()
    for _ in range(stream.readUInt32() * 2):
        stream.readInt32()
    stream.readInt32()
    count = stream.readInt32()
    return count if stream.status() == QDataStream.Status.Ok and count >= 0 else None
