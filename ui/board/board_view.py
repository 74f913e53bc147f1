"""The progress board tab: a document chooser, the measures × units grid and its legend.

A click on a cell asks the window to select that assignment (the detail pane
follows); a double click or "Tick off" in the context menu asks it to tick the
assignment off — through the window's undoable commands, so Ctrl+Z works the
same as in the table.  The board never writes anything itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.statuses import Derived
from ui.board.board_model import CELL_COLOURS, NOT_ASSIGNED, BoardModel
from ui.labels import state_label
from ui.window.filter_bar import document_label

if TYPE_CHECKING:
    from tracker.records import AssignmentRow, DocumentInfo, MeasureInfo

CELL_WIDTH = 30
"""The narrowest a unit's column is: room for a percent in a coloured cell."""
WIDEST_FIGURE = "100%"
"""The widest text a cell shows (the 完成率 row, in bold): every column has room for it."""


LEGEND_ORDER: list[Derived | str] = [
    Derived.OVERDUE,
    Derived.DUE_SOON,
    Derived.IN_PROGRESS,
    Derived.STANDING,
    Derived.NOT_STARTED,
    Derived.DONE,
    Derived.TICKED_OFF,
    NOT_ASSIGNED,
]
"""The legend's colours, in the order a clerk reads urgency."""


class BoardTable(QTableView):
    """The grid; + and − on a group's column (or a member's) show and hide its members."""

    toggle_requested = Signal(int, bool)
    """(column, expand)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Minus) and self.currentIndex().isValid():
            self.toggle_requested.emit(self.currentIndex().column(), key == Qt.Key.Key_Plus)
            return
        super().keyPressEvent(event)


class BoardView(QWidget):
    document_changed = Signal(int)
    """The clerk chose another document: the window loads its rows."""
    assignment_chosen = Signal(int)
    tick_off_requested = Signal(list)
    """A list with the ``AssignmentRow`` to tick off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = BoardModel(self)
        self.document = QComboBox()
        self.document.setMinimumContentsLength(16)
        self.summary = QLabel()
        self.table = BoardTable()
        self.table.setModel(self.model)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setShowGrid(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(CELL_WIDTH)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        rows = self.table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.tick_off_action = self.tr("Tick off")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Document:")))
        top.addWidget(self.document)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._legend())
        self.document.currentIndexChanged.connect(self._document_chosen)
        self.table.clicked.connect(self._clicked)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.customContextMenuRequested.connect(self._context_menu)
        header.sectionClicked.connect(self._header_clicked)
        self.table.toggle_requested.connect(self.set_expanded)

    def legend_entries(self) -> list[tuple[QColor, str]]:
        return [
            (
                CELL_COLOURS[key],
                self.tr("Not assigned") if key == NOT_ASSIGNED else state_label(Derived(key)),
            )
            for key in LEGEND_ORDER
        ]

    def _legend(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Legend:")))
        size = self.fontMetrics().height()
        for colour, text in self.legend_entries():
            swatch = QPixmap(size, size)
            swatch.fill(colour)
            icon = QLabel()
            icon.setPixmap(swatch)
            icon.setStyleSheet("border: 1px solid #9e9e9e;")
            row.addWidget(icon)
            row.addWidget(QLabel(text))
            row.addSpacing(8)
        row.addWidget(
            QLabel(
                self.tr(
                    "✓ done · number: % complete · bold: lead unit · ▸ 3/5: a group's members done"
                )
            )
        )
        row.addStretch(1)
        return row

    # -- contents ---------------------------------------------------------------------------
    def set_documents(self, documents: list[DocumentInfo]) -> None:
        chosen = self.current_document()
        self.document.blockSignals(True)
        self.document.clear()
        for doc in documents:
            self.document.addItem(document_label(doc), doc.id)
            self.document.setItemData(
                self.document.count() - 1, doc.title, Qt.ItemDataRole.ToolTipRole
            )
        self.document.setCurrentIndex(max(0, self.document.findData(chosen)))
        self.document.blockSignals(False)

    def cell_width(self) -> int:
        """A unit's column: ``WIDEST_FIGURE`` in bold with the cell's margins, at the font
        and scale in use (30 px cut "33%" to "3…" at 125 % and 150 %)."""
        bold = QFont(self.table.font())
        bold.setBold(True)
        figure = QFontMetrics(bold).horizontalAdvance(WIDEST_FIGURE)
        margins = 2 * (self.table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        return max(CELL_WIDTH, figure + margins + 4)

    def current_document(self) -> int | None:
        value = self.document.currentData()
        return int(value) if value is not None else None

    def set_contents(self, measures: Iterable[MeasureInfo], rows: Iterable[AssignmentRow]) -> None:
        """Every measure of the chosen document and its assignments."""
        self.model.set_contents(measures, rows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        width = self.cell_width()
        header.setDefaultSectionSize(width)
        for column in range(len(self.model.units)):
            header.resizeSection(column, width)
        header.resizeSection(len(self.model.units), width + 16)  # the totals column
        done, whole = self.model.overall_completion()
        shown, units = len(self.model.measures), self.model.unit_count()
        self.summary.setText(
            self.tr("{0} × {1} · {2}").format(
                self.tr("%n measure", "", shown)
                if shown == 1
                else self.tr("%n measures", "", shown),
                self.tr("%n unit", "", units) if units == 1 else self.tr("%n units", "", units),
                (
                    self.tr("{0} of %n unit part done", "", whole)
                    if whole == 1
                    else self.tr("{0} of %n unit parts done", "", whole)
                ).format(done),
            )
        )

    def set_expanded(self, column: int, expand: bool) -> None:
        """Show (or hide) the members of the group in ``column`` — or of the group a member
        column belongs to; the current cell stays on the group's row and column."""
        group = self.model.group_column(column)
        if group is None:
            return
        row = max(0, self.table.currentIndex().row())
        if self.model.set_expanded(group, expand):
            self.table.setCurrentIndex(self.model.index(row, group))

    def replace_rows(self, rows: Iterable[AssignmentRow]) -> None:
        self.model.replace_rows(rows)

    # -- reactions --------------------------------------------------------------------------
    def _document_chosen(self) -> None:
        document = self.current_document()
        if document is not None:
            self.document_changed.emit(document)

    def _header_clicked(self, column: int) -> None:
        if column < len(self.model.columns) and self.model.columns[column].is_group:
            expand = self.model.columns[column].unit not in self.model.expanded
            self.model.set_expanded(column, expand)

    def _clicked(self, index: QModelIndex) -> None:
        """A unit's cell selects its assignment; a group's cell its first member's share
        (the detail pane then shows the group with every member)."""
        cell = self.model.assignment(index)
        if cell is None and index.column() < len(self.model.columns):
            column = self.model.columns[index.column()]
            shares = self.model.shares(index.row(), column.unit) if column.is_group else []
            cell = shares[0] if shares else None
        if cell is not None:
            self.assignment_chosen.emit(cell.id)

    def _double_clicked(self, index: QModelIndex) -> None:
        """Ticks a unit's part off; on a group's cell, shows or hides its members."""
        if index.column() < len(self.model.columns) and self.model.columns[index.column()].is_group:
            self._header_clicked(index.column())
            return
        cell = self.model.assignment(index)
        if cell is not None:
            self.tick_off_requested.emit([cell])

    def _context_menu(self, position: QPoint) -> None:
        cell = self.model.assignment(self.table.indexAt(position))
        if cell is None:
            return
        menu = QMenu(self)
        tick = menu.addAction(self.tick_off_action)
        tick.triggered.connect(lambda: self.tick_off_requested.emit([cell]))
        menu.popup(self.table.viewport().mapToGlobal(position))
