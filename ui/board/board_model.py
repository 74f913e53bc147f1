"""The progress board (进度看板) as an item model: measures × units, one coloured cell each.

A leader asks "which units are behind on which measures?" — a grid answers at
a glance where a 400-row list cannot.  Rows are every measure of one document
in document order (one with no unit yet is a grey "not assigned" row whose
completion is "—"), columns the units that have a part in it (busiest first);
the last column is each measure's completion and the last row each unit's.
Completion counts 已完成 and 已销号 over the unit parts assigned, rounded half up.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from tracker.statuses import FINISHED, Derived
from ui.assignments.assignment_model import ROW_ROLE, Index, deadline_text
from ui.labels import role_label, state_label

if TYPE_CHECKING:
    from tracker.records import AssignmentRow, MeasureInfo

translate = QCoreApplication.translate

NOT_ASSIGNED = "not assigned"
"""The colour key of a cell whose unit has no part in the measure."""

CELL_COLOURS: dict[Derived | str, QColor] = {
    Derived.OVERDUE: QColor("#c62828"),  # (white on it: 5.6, WCAG AA; #e53935 gave 4.2)
    Derived.DUE_SOON: QColor("#ffb300"),
    Derived.DONE: QColor("#81c784"),
    Derived.TICKED_OFF: QColor("#2e7d32"),
    Derived.IN_PROGRESS: QColor("#bbdefb"),
    Derived.STANDING: QColor("#d1c4e9"),
    Derived.NOT_STARTED: QColor("#ffffff"),
    Derived.UNASSIGNED: QColor("#e0e0e0"),
    NOT_ASSIGNED: QColor("#e0e0e0"),
}
_LIGHT_TEXT = {Derived.OVERDUE, Derived.TICKED_OFF}
_WHITE, _DARK = QColor("#ffffff"), QColor("#212121")


def cell_text_colour(key: Derived | str) -> QColor:
    """The text colour on a cell of that colour key: white on the dark ones."""
    return _WHITE if key in _LIGHT_TEXT else _DARK


TOTAL_BACKGROUND = QColor("#f5f5f5")


def percent(part: int, whole: int) -> int | None:
    """``part/whole`` as a whole percentage, halves rounded up (2/3 → 67, 1/8 → 13)."""
    return None if whole == 0 else (200 * part + whole) // (2 * whole)


def percent_text(part: int, whole: int) -> str:
    value = percent(part, whole)
    return "—" if value is None else f"{value}%"


@dataclass(frozen=True)
class BoardMeasure:
    measure_id: int
    code: str
    title: str


def vertical(text: str, limit: int = 9) -> str:
    """A unit name written top to bottom, one character a line, as a narrow header."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return "\n".join(shown)


class BoardModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.measures: list[BoardMeasure] = []
        self.units: list[str] = []
        self._cells: dict[tuple[int, int], AssignmentRow] = {}
        self._where: dict[int, tuple[int, int]] = {}  # assignment id → (row, column)
        self.findings: dict[str, tuple[int, int]] = {}
        """Per unit: its open inspection findings (督查问题) and how many are overdue."""
        self._bold = QFont()
        self._bold.setBold(True)

    # -- contents ---------------------------------------------------------------------------
    def set_contents(
        self, measures_in_order: Iterable[MeasureInfo], rows: Iterable[AssignmentRow]
    ) -> None:
        """Every measure of one document (in document order) and its assignments."""
        rows = list(rows)
        self.beginResetModel()
        measures = {m.id: BoardMeasure(m.id, m.code, m.title) for m in measures_in_order}
        for r in rows:  # (a measure read after the list of measures: shown all the same)
            measures.setdefault(r.measure_id, BoardMeasure(r.measure_id, r.code, r.title))
        counts = Counter(r.unit for r in rows)
        self.measures = list(measures.values())
        self.units = sorted(counts, key=lambda u: (-counts[u], u))
        row_of = {m.measure_id: i for i, m in enumerate(self.measures)}
        column_of = {u: i for i, u in enumerate(self.units)}
        self._cells = {(row_of[r.measure_id], column_of[r.unit]): r for r in rows}
        self._where = {r.id: place for place, r in self._cells.items()}
        self.endResetModel()

    def set_findings(self, open_by_unit: dict[str, tuple[int, int]]) -> None:
        """The open findings per unit, counted under each unit's column header."""
        self.findings = dict(open_by_unit)
        if self.units:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.units) - 1)

    def replace_rows(self, fresh: Iterable[AssignmentRow]) -> None:
        """Re-read rows (after a tick-off): their cells and the totals repaint."""
        for r in fresh:
            place = self._where.get(r.id)
            if place is None:
                continue
            self._cells[place] = r
            row, column = place
            self.dataChanged.emit(self.index(row, column), self.index(row, column))
            last_row, last_column = len(self.measures), len(self.units)
            self.dataChanged.emit(self.index(row, last_column), self.index(row, last_column))
            self.dataChanged.emit(self.index(last_row, 0), self.index(last_row, last_column))

    def assignment(self, index: Index) -> AssignmentRow | None:
        if not index.isValid():
            return None
        return self._cells.get((index.row(), index.column()))

    def index_of(self, assignment_id: int) -> QModelIndex:
        place = self._where.get(assignment_id)
        return QModelIndex() if place is None else self.index(*place)

    def state(self, index: Index) -> Derived | str | None:
        """The colour key of a cell; None for the totals."""
        if index.row() >= len(self.measures) or index.column() >= len(self.units):
            return None
        found = self.assignment(index)
        return NOT_ASSIGNED if found is None else found.state

    def row_completion(self, row: int) -> tuple[int, int]:
        cells = [self._cells.get((row, c)) for c in range(len(self.units))]
        return self._finished(cells)

    def column_completion(self, column: int) -> tuple[int, int]:
        cells = [self._cells.get((r, column)) for r in range(len(self.measures))]
        return self._finished(cells)

    def overall_completion(self) -> tuple[int, int]:
        return self._finished(list(self._cells.values()))

    @staticmethod
    def _finished(cells: list[AssignmentRow | None]) -> tuple[int, int]:
        present = [c for c in cells if c is not None]
        return sum(1 for c in present if c.status in FINISHED), len(present)

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or not self.measures else len(self.measures) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.measures else len(self.units) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        count = len(self.units) if horizontal else len(self.measures)
        if not 0 <= section <= count:
            return None
        total = section == count
        if role == Qt.ItemDataRole.DisplayRole:
            if total:
                return vertical(self.tr("Done")) if horizontal else self.tr("Done")
            if not horizontal:
                return self.measures[section].code
            found = self.findings.get(self.units[section])
            return vertical(self.units[section]) + (f"\n⚑{found[0]}" if found else "")
        if role == Qt.ItemDataRole.ForegroundRole and horizontal and not total:
            found = self.findings.get(self.units[section])
            return CELL_COLOURS[Derived.OVERDUE] if found and found[1] else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if total:
                return self.tr("Share of unit parts done or ticked off")
            if horizontal:
                found = self.findings.get(self.units[section])
                if found:
                    return (
                        self.units[section]
                        + "\n"
                        + self.tr("Open inspection findings: {0} ({1} overdue)").format(*found)
                    )
                return self.units[section]
            measure = self.measures[section]
            return f"{measure.code}．{measure.title}"
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row == len(self.measures) or column == len(self.units):
            return self._total(row, column, role)
        cell = self._cells.get((row, column))
        if role == Qt.ItemDataRole.BackgroundRole:
            return CELL_COLOURS[NOT_ASSIGNED if cell is None else cell.state]
        if cell is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if cell.status in FINISHED:
                return "✓"
            return "" if cell.percent is None else str(cell.percent)
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell_text_colour(cell.state)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole and cell.role == "牵头":
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(cell)
        if role == ROW_ROLE:
            return cell
        return None

    def tooltip(self, cell: AssignmentRow) -> str:
        lines = [
            f"{cell.code}．{cell.title}",
            self.tr("Unit: {0} ({1})").format(cell.unit, role_label(cell.role)),
            self.tr("Status: {0}").format(state_label(cell.state))
            + ("" if cell.percent is None else f" · {cell.percent}%"),
            self.tr("Deadline: {0}").format(deadline_text(cell) or "—"),
        ]
        if cell.note:
            lines.append(self.tr("Progress report: {0}").format(cell.note))
        return "\n".join(lines)

    def _total(self, row: int, column: int, role: int) -> Any:
        if row == len(self.measures) and column == len(self.units):
            done, whole = self.overall_completion()
        elif row == len(self.measures):
            done, whole = self.column_completion(column)
        else:
            done, whole = self.row_completion(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return percent_text(done, whole)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("{0} of {1} done or ticked off").format(done, whole)
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTAL_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None
