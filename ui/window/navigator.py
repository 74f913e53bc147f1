"""The navigator on the left: documents → parts → sections, and the units with their counts
(a group such as 各市、县（区） with its members beneath).

Choosing an entry narrows the table: a document or unit through the filter
bar, a part or section through a ``Scope`` (which carries the heading's id for
the database and its titles for filtering rows already loaded).  The tree is
``DocumentService.outline()``: every part and section, even one whose measures
have no unit yet.  A document's context menu offers to delete it
(``delete_requested``; the window asks first, ``ui.documents.document_delete_flow``).
The rounds branch lists the reporting rounds: opening one asks for its 报送情况 page
(``round_requested``); the extension requests entry shows how many wait for a decision
and opening it asks for their page (``extensions_requested``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTreeView, QWidget

from tracker.units.short_names import short_name
from ui.window.filter_bar import Scope, document_label

if TYPE_CHECKING:
    from tracker.records import DocumentInfo, OutlineDocument, UnitInfo

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1
OVERDUE_COLOUR = QColor("#b71c1c")

Outline = dict[int, "OutlineDocument"]
"""document id → its parts and sections."""


def outline_by_id(documents: Iterable[OutlineDocument]) -> Outline:
    return {doc.id: doc for doc in documents}


@dataclass(frozen=True)
class DocumentTarget:
    document_id: int


@dataclass(frozen=True)
class UnitTarget:
    name: str


@dataclass(frozen=True)
class RoundTarget:
    """A reporting round: opening it (double-click, Enter) shows its 报送情况."""

    name: str


@dataclass(frozen=True)
class ExtensionsTarget:
    """The units' extension requests (申请延期): opening it shows them."""


Target = DocumentTarget | UnitTarget | Scope | RoundTarget | ExtensionsTarget | None
"""What the clerk picked; None for everything."""


class NavigatorModel(QStandardItemModel):
    """Two branches — documents and units — with open/overdue counts in columns 1 and 2."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels([self.tr("Browse"), self.tr("Open"), self.tr("Overdue")])
        self.documents_root = self._item(self.tr("Documents"), None, bold=True)
        self.units_root = self._item(self.tr("Units"), None, bold=True)
        self.rounds_root = self._item(self.tr("Reporting status"), None, bold=True)
        self.rounds_root.setToolTip(self.tr("Open a round to see which units have reported"))
        for root in (self.documents_root, self.units_root, self.rounds_root):
            self.appendRow([root, self._item("", None), self._item("", None)])
        self.extensions_root = self._item(self.tr("Extension requests"), ExtensionsTarget())
        self.extensions_root.setFont(self.documents_root.font())
        self.extensions_count = self._count(0, ExtensionsTarget())
        self.appendRow([self.extensions_root, self.extensions_count, self._item("", None)])
        self.set_extensions(0)

    def set_extensions(self, pending: int) -> None:
        """How many extension requests wait for a decision (red when any does)."""
        self.extensions_count.setText(str(pending) if pending else "")
        self.extensions_count.setForeground(QBrush(OVERDUE_COLOUR))
        tip = (
            self.tr("%n extension request waits for a decision: open to decide", "", pending)
            if pending == 1
            else self.tr("%n extension requests wait for a decision: open to decide", "", pending)
        )
        for item in (self.extensions_root, self.extensions_count):
            item.setToolTip(tip)

    def set_rounds(self, names: list[str]) -> None:
        """The rounds, the latest first."""
        self.rounds_root.removeRows(0, self.rounds_root.rowCount())
        for name in reversed(names):
            self.rounds_root.appendRow(self._item(name, RoundTarget(name)))

    def set_documents(self, documents: list[DocumentInfo], outline: Outline) -> None:
        self.documents_root.removeRows(0, self.documents_root.rowCount())
        for doc in documents:
            doc_item = self._item(document_label(doc), DocumentTarget(doc.id), tip=doc.title)
            found = outline.get(doc.id)
            for part in found.parts if found else ():
                part_item = self._item(part.title, Scope(doc.id, part.title, None, part.id))
                for section in part.sections:
                    scope = Scope(doc.id, part.title, section.title, section.id)
                    part_item.appendRow(self._item(section.title, scope))
                doc_item.appendRow(part_item)
            self.documents_root.appendRow(doc_item)

    def set_units(self, units: list[UnitInfo]) -> None:
        """Units busiest first; a group's members beneath it, in the office's order."""
        self.units_root.removeRows(0, self.units_root.rowCount())
        by_name = {u.name: u for u in units}
        beneath = {m for u in units if u.assigned for m in u.members}
        for unit in sorted(units, key=lambda u: (-u.overdue, -u.open, u.name)):
            if unit.assigned and unit.name not in beneath:
                self.units_root.appendRow(self._unit_row(unit, by_name, set()))

    def _unit_row(
        self, unit: UnitInfo, by_name: dict[str, UnitInfo], above: set[str]
    ) -> list[QStandardItem]:
        short = short_name(unit.name, unit.aliases)
        name = self._item(short or unit.name, UnitTarget(unit.name), tip=unit.name)
        if unit.needs_review:  # every unit after a first import: a tooltip, not a mark
            name.setToolTip(
                unit.name
                + "\n"
                + self.tr("New unit from an import: check its name in the units directory")
            )
        if unit.members:
            name.setToolTip(
                self.tr("{0}: its members answer its tasks one by one").format(unit.name)
            )
        for member in unit.members:
            found = by_name.get(member)
            if found is not None and member not in above:  # (no loop, however nested)
                name.appendRow(self._unit_row(found, by_name, above | {unit.name}))
        opened = self._count(unit.open, UnitTarget(unit.name))
        overdue = self._count(unit.overdue, UnitTarget(unit.name))
        if unit.overdue:
            overdue.setForeground(QBrush(OVERDUE_COLOUR))
        return [name, opened, overdue]

    @staticmethod
    def _item(text: str, target: Target, *, bold: bool = False, tip: str = "") -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(target, TARGET_ROLE)
        item.setToolTip(tip or text)
        if bold:
            font = QFont()
            font.setBold(True)
            item.setFont(font)
        return item

    def _count(self, value: int, target: Target) -> QStandardItem:
        item = self._item(str(value), target)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item


class Navigator(QTreeView):
    chosen = Signal(object)  # a Target
    delete_requested = Signal(int)  # a document's id: its context menu's "Delete document…"
    round_requested = Signal(str)  # a round's name: opened in the rounds branch
    extensions_requested = Signal()  # the extension requests entry opened

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.nav_model = NavigatorModel(self)
        self.setModel(self.nav_model)
        self.setUniformRowHeights(True)
        self.setIndentation(14)
        # Long names cut in the middle keep both ends ("自治区…建设厅"): they stay apart.
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.selectionModel().selectionChanged.connect(self._selection_changed)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._context_menu)
        self.activated.connect(self._activated)

    def set_rounds(self, names: list[str]) -> None:
        self.nav_model.set_rounds(names)

    def set_extensions(self, pending: int) -> None:
        self.nav_model.set_extensions(pending)

    def _activated(self, index: QModelIndex) -> None:
        target = index.data(TARGET_ROLE)
        if isinstance(target, RoundTarget):
            self.round_requested.emit(target.name)
        elif isinstance(target, ExtensionsTarget):
            self.extensions_requested.emit()

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """A document's menu (delete it), or None for any other entry."""
        target = index.data(TARGET_ROLE) if index.isValid() else None
        if not isinstance(target, DocumentTarget):
            return None
        menu = QMenu(self)
        delete = menu.addAction(self.tr("Delete document…"))
        delete.triggered.connect(lambda: self.delete_requested.emit(target.document_id))
        return menu

    def _context_menu(self, position: QPoint) -> None:
        menu = self.context_menu(self.indexAt(position))
        if menu is not None:
            menu.exec(self.viewport().mapToGlobal(position))
            menu.deleteLater()

    def set_documents(self, documents: list[DocumentInfo], outline: Outline) -> None:
        """Refill the documents, each opened on its parts (in one pass: an ``expand`` per
        document re-lays the whole tree out, which takes seconds for hundreds)."""
        self.nav_model.set_documents(documents, outline)
        self.expandToDepth(1)

    def set_units(self, units: list[UnitInfo]) -> None:
        """Refill the units with fresh counts, keeping the chosen entry highlighted."""
        chosen = self.current_target()
        with QSignalBlocker(self.selectionModel()):
            self.nav_model.set_units(units)
            self.expand(self.nav_model.units_root.index())
            if chosen is not None:
                self._select(chosen)
        if chosen is not None:  # (in view: the refill re-sorted it and scrolled elsewhere)
            self.scrollTo(self.currentIndex())

    def forget_choice(self) -> None:
        """The filters were changed elsewhere: highlight nothing, so any entry can be picked."""
        with QSignalBlocker(self.selectionModel()):
            self.selectionModel().clearSelection()
            self.setCurrentIndex(QModelIndex())
        self.viewport().update()

    def current_target(self) -> Target:
        index = self.currentIndex()
        return index.data(TARGET_ROLE) if index.isValid() else None

    def _select(self, target: Target) -> None:
        pending = [self.nav_model.invisibleRootItem()]
        while pending:
            item = pending.pop()
            for row in range(item.rowCount()):
                child = item.child(row)
                if child.data(TARGET_ROLE) == target:
                    self.setCurrentIndex(child.index())
                    return
                pending.append(child)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes and not isinstance(indexes[0].data(TARGET_ROLE), RoundTarget | ExtensionsTarget):
            self.chosen.emit(indexes[0].data(TARGET_ROLE))  # (a round filters nothing)
