"""The units directory: check names an import added, merge duplicates, aliases, contacts.

Documents name one unit in several ways; an import creates a unit for every
name it has not seen and flags it "to check".  Here a clerk merges such a unit
into the right one (its name becomes an alias, its assignments and history
move; a measure both units have is previewed with both values and a choice,
``ui.units.merge_preview``), records other aliases, keeps each unit's contact person and phone,
and says which units make up a group (``ui.units.group_dialog``).
"""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.records import UnitInfo
from tracker.units.groups import GroupService
from tracker.units.unit_service import UnitService
from ui.enter_key import EnterDoes
from ui.messages import user_errors
from ui.units import unit_model as columns
from ui.units.contact_history import ContactHistoryDialog
from ui.units.group_dialog import GroupDialog
from ui.units.merge_preview import MergePreviewDialog
from ui.units.unit_model import SORT_ROLE, UNIT_ROLE, UnitTableModel


class ContactDialog(QDialog):
    """Contact person and phone of one unit."""

    def __init__(self, unit: UnitInfo, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Contact of {0}").format(unit.name))
        self.person = QLineEdit(unit.contact_person)
        self.phone = QLineEdit(unit.phone)
        form = QFormLayout(self)
        form.addRow(self.tr("Contact person:"), self.person)
        form.addRow(self.tr("Phone:"), self.phone)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class UnitsDialog(QDialog):
    def __init__(
        self,
        units: UnitService,
        groups: GroupService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.units = units
        self.groups = groups
        self.changed = False
        """True once anything was written: the window then reloads its lists."""
        self.setWindowTitle(self.tr("Units directory"))
        self.resize(980, 620)
        self.model = UnitTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)  # the name, the aliases, the contact…
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a unit…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        EnterDoes(self.search, self._to_matches)
        self.table = self._table()
        self.merge_button = QPushButton(self.tr("Merge into…"))
        self.alias_button = QPushButton(self.tr("Add alias…"))
        self.contact_button = QPushButton(self.tr("Contact…"))
        self.history_button = QPushButton(self.tr("Contact history…"))
        self.history_button.setToolTip(
            self.tr("Who changed the contact person and phone, when, and from which ledger")
        )
        self.history_button.clicked.connect(self.show_contact_history)
        self.checked_button = QPushButton(self.tr("Mark as checked"))
        self.members_button = QPushButton(self.tr("Members…"))
        self.members_button.setToolTip(
            self.tr("A group's members answer each of its tasks on their own")
        )
        self.members_button.clicked.connect(self.edit_members)
        self.merge_button.clicked.connect(self.merge)
        self.alias_button.clicked.connect(self.add_alias)
        self.contact_button.clicked.connect(self.edit_contact)
        self.checked_button.clicked.connect(self.mark_checked)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        close.button(QDialogButtonBox.StandardButton.Close).setDefault(True)  # (not 合并到…)
        actions = QHBoxLayout()
        for button in self._unit_buttons():
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(actions)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.reload()

    def _to_matches(self) -> None:
        """Enter in the search: to the table, on the first match unless one is selected."""
        if self.proxy.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.selectRow(0)
        self.table.setFocus()

    def _table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(columns.NAME, Qt.SortOrder.AscendingOrder)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(columns.ALIASES, QHeaderView.ResizeMode.Stretch)
        return table

    def _unit_buttons(self) -> list[QPushButton]:
        return [
            self.merge_button,
            self.alias_button,
            self.contact_button,
            self.history_button,
            self.members_button,
            self.checked_button,
        ]

    def reload(self) -> None:
        chosen = self.selected()
        self.model.set_units(self.units.list())
        if chosen is not None:
            self.select(chosen.name)
        self._update_buttons()

    def selected(self) -> UnitInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(UNIT_ROLE) if rows else None

    def select(self, name: str) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, columns.NAME)
            if index.data() == name:
                self.table.selectRow(row)
                return

    # -- actions ----------------------------------------------------------------------------
    def merge(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        others = sorted(n for n in self.model.names() if n != unit.name)
        target, ok = QInputDialog.getItem(
            self,
            self.tr("Merge units"),
            self.tr("Merge {0} into:").format(unit.name),
            others,
            0,
            False,
        )
        if not ok or not target:
            return
        with user_errors(self):
            plan = self.units.plan_merge(unit.name, target)
            preview = MergePreviewDialog(plan, self)
            if preview.exec() != QDialog.DialogCode.Accepted:
                return
            self.units.merge(unit.name, target, preview.choices())
            self._written(target)

    def add_alias(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        alias, ok = QInputDialog.getText(
            self, self.tr("Add alias"), self.tr("Another name of {0}:").format(unit.name)
        )
        if ok and alias.strip():
            with user_errors(self):
                self.units.add_alias(unit.name, alias)
                self._written(unit.name)

    def edit_contact(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        dialog = ContactDialog(unit, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            with user_errors(self):
                self.units.update_contact(unit.name, dialog.person.text(), dialog.phone.text())
                self._written(unit.name)

    def show_contact_history(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        with user_errors(self):
            history = self.units.contact_history(unit.name)
            ContactHistoryDialog(unit.name, history, self).exec()

    def edit_members(self) -> None:
        unit = self.selected()
        if unit is None:
            return
        with user_errors(self):
            dialog = GroupDialog(self.groups, unit.name, self.model.names(), self)
            if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved:
                self._written(unit.name)

    def mark_checked(self) -> None:
        unit = self.selected()
        if unit is not None:
            with user_errors(self):
                self.units.mark_reviewed(unit.name)
                self._written(unit.name)

    def _written(self, select: str) -> None:
        self.changed = True
        self.reload()
        self.select(select)

    def _update_buttons(self) -> None:
        unit = self.selected()
        for button in self._unit_buttons():
            button.setEnabled(unit is not None)
        self.checked_button.setEnabled(unit is not None and unit.needs_review)
