"""The findings table: one row per finding (督查问题), as a Qt item model.

Rows are the plain ``FindingRow`` records the inspection service returns; states
are coloured as the assignment table colours them (``ui.labels``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ui.labels import state_background, state_foreground, state_label

if TYPE_CHECKING:
    from tracker.inspections.finding_records import FindingRow

# Column numbers, in display order: the unit's 佐证材料, then the office's closing evidence
# and the day it closed the finding (整改销号).
ID, INSPECTION, UNIT, MEASURE, PROBLEM, REQUIREMENT, DEADLINE, STATE, PERCENT, NOTE = range(10)
UNIT_EVIDENCE, EVIDENCE, CLOSED_ON = 10, 11, 12
COLUMN_COUNT = 13
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, ROW_ROLE)`` is the row's ``FindingRow``."""

Index = QModelIndex | QPersistentModelIndex
_CENTRED = frozenset({ID, MEASURE, DEADLINE, STATE, PERCENT, CLOSED_ON})


class FindingTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[FindingRow] = []

    def set_rows(self, rows: Iterable[FindingRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> FindingRow:
        return self.rows[row]

    def row_of(self, finding_id: int) -> int | None:
        for number, found in enumerate(self.rows):
            if found.id == finding_id:
                return number
        return None

    def headers(self) -> list[str]:
        return [
            self.tr("No."),
            self.tr("Inspection"),
            self.tr("Unit"),
            self.tr("Measure"),
            self.tr("Problem"),
            self.tr("Required rectification"),
            self.tr("Deadline"),
            self.tr("Status"),
            self.tr("Progress (%)"),
            self.tr("Rectification progress"),
            self.tr("Unit's evidence"),
            self.tr("Evidence"),
            self.tr("Closed on"),
        ]

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        if column == STATE and role == Qt.ItemDataRole.BackgroundRole:
            return state_background(row.state)
        if column == STATE and role == Qt.ItemDataRole.ForegroundRole:
            return state_foreground(row.state)
        return None

    @staticmethod
    def _text(row: FindingRow, column: int) -> str:
        texts = {
            ID: str(row.id),
            INSPECTION: row.inspection,
            UNIT: row.unit,
            MEASURE: row.measure_code or "",
            PROBLEM: row.problem,
            REQUIREMENT: row.requirement,
            DEADLINE: row.deadline.isoformat(),
            STATE: state_label(row.state),
            PERCENT: "" if row.percent is None else str(row.percent),
            NOTE: row.note,
            UNIT_EVIDENCE: row.unit_evidence,
            EVIDENCE: row.evidence,
            CLOSED_ON: row.closed_at.date().isoformat()
            if row.closed_at and not row.is_open
            else "",
        }
        return texts[column]
