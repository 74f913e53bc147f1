"""The units directory as a table model: one row per responsible unit, with its counts.

A few hundred units at most, so sorting and the name filter go through a
``QSortFilterProxyModel`` (``SORT_ROLE`` gives numbers for the count columns).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from tracker.records import UnitInfo
from ui.labels import kind_label

NAME, KIND, ALIASES, CONTACT, PHONE, ASSIGNED, OPEN, OVERDUE, REVIEW = range(9)
COLUMN_COUNT = 9
UNIT_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_NUMERIC = (ASSIGNED, OPEN, OVERDUE)
_OVERDUE_COLOUR = QColor("#b71c1c")

Index = QModelIndex | QPersistentModelIndex


class UnitTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._units: list[UnitInfo] = []
        self._headers = [
            self.tr("Unit"),
            self.tr("Kind"),
            self.tr("Also called"),
            self.tr("Contact person"),
            self.tr("Phone"),
            self.tr("Assigned"),
            self.tr("Open"),
            self.tr("Overdue"),
            self.tr("To check"),
        ]

    def set_units(self, units: list[UnitInfo]) -> None:
        self.beginResetModel()
        self._units = list(units)
        self.endResetModel()

    def unit_at(self, row: int) -> UnitInfo:
        return self._units[row]

    def names(self) -> list[str]:
        return [u.name for u in self._units]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < COLUMN_COUNT
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit = self._units[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(unit, column)
        if role == SORT_ROLE:
            return self._number(unit, column) if column in _NUMERIC else self._display(unit, column)
        if role == UNIT_ROLE:
            return unit
        if role == Qt.ItemDataRole.ForegroundRole and column == OVERDUE and unit.overdue:
            return _OVERDUE_COLOUR
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == REVIEW and unit.needs_review:
            return self.tr("Added by an import under a name never seen before")
        return None

    def _display(self, unit: UnitInfo, column: int) -> str:
        if column == NAME:
            return unit.name
        if column == KIND:
            return kind_label(unit.kind)
        if column == ALIASES:
            return "、".join(unit.aliases)
        if column == CONTACT:
            return unit.contact_person
        if column == PHONE:
            return unit.phone
        if column in _NUMERIC:
            return str(self._number(unit, column))
        if column == REVIEW:
            return self.tr("yes") if unit.needs_review else ""
        return ""

    @staticmethod
    def _number(unit: UnitInfo, column: int) -> int:
        return {ASSIGNED: unit.assigned, OPEN: unit.open, OVERDUE: unit.overdue}[column]
