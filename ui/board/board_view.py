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
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPixmap
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
        self.table = QTableView()
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
        row.addWidget(QLabel(self.tr("✓ done · number: % complete · bold: lead unit")))
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
        self.summary.setText(
            self.tr("{0} measures × {1} units · {2} of {3} unit parts done").format(
                len(self.model.measures), len(self.model.units), done, whole
            )
        )

    def replace_rows(self, rows: Iterable[AssignmentRow]) -> None:
        self.model.replace_rows(rows)

    # -- reactions --------------------------------------------------------------------------
    def _document_chosen(self) -> None:
        document = self.current_document()
        if document is not None:
            self.document_changed.emit(document)

    def _clicked(self, index: QModelIndex) -> None:
        cell = self.model.assignment(index)
        if cell is not None:
            self.assignment_chosen.emit(cell.id)

    def _double_clicked(self, index: QModelIndex) -> None:
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
