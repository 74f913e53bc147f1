"""The progress board (进度看板) as an item model: measures × units, one coloured cell each.

A leader asks "which units are behind on which measures?" — a grid answers at
a glance where a 400-row list cannot.  Rows are every measure of one document
in document order, a row per sub-task (3-1, 3-2) of a measure that has several (one
with no unit yet is a grey "not assigned" row whose completion is "—"), columns the
units that have a part in it (busiest first); the last column is each row's completion
and the last row each unit's.
Completion counts 已完成 and 已销号 over the unit parts assigned, rounded half up.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from tracker.statuses import FINISHED, Derived
from tracker.units.group_rollup import GroupState, derived_state, group_tallies
from ui.assignments.assignment_model import ROW_ROLE, Index, deadline_text
from ui.board.board_columns import BoardColumn, CellKey, cell_key, shown, top_level
from ui.board.board_texts import column_header, group_tooltip, vertical
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


class BoardModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.measures: list[BoardMeasure] = []
        self.columns: list[BoardColumn] = []
        """The columns in view (``board_columns``); ``units`` their names."""
        self.units: list[str] = []
        self.expanded: set[str] = set()
        """The groups shown with their members (none at first; kept across reloads)."""
        self._top: list[BoardColumn] = []
        self._cells: dict[tuple[int, CellKey], AssignmentRow] = {}
        self._where: dict[int, tuple[int, CellKey]] = {}  # assignment id → (row, column key)
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
        tasks: dict[int, dict[str, None]] = {}  # a measure's task codes (3-1, 3-2…) in order
        for r in rows:
            tasks.setdefault(r.measure_id, {})[r.code] = None
        measures: dict[tuple[int, str], BoardMeasure] = {}
        for m in measures_in_order:  # a row per sub-task: each has its own units and state
            for code in tasks.get(m.id) or {m.code: None}:
                measures[(m.id, code)] = BoardMeasure(m.id, code, m.title)
        for r in rows:  # (a measure read after the list of measures: shown all the same)
            measures.setdefault((r.measure_id, r.code), BoardMeasure(r.measure_id, r.code, r.title))
        self.measures = list(measures.values())
        self._top = top_level(rows)
        self._show_columns()
        row_of = {(m.measure_id, m.code): i for i, m in enumerate(self.measures)}
        self._cells = {(row_of[(r.measure_id, r.code)], cell_key(r)): r for r in rows}
        self._where = {r.id: place for place, r in self._cells.items()}
        self.endResetModel()

    def _show_columns(self) -> None:
        self.columns = shown(self._top, self.expanded)
        self.units = [c.unit for c in self.columns]

    def set_findings(self, open_by_unit: dict[str, tuple[int, int]]) -> None:
        """The open findings per unit, counted under each unit's column header."""
        self.findings = dict(open_by_unit)
        if self.units:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.units) - 1)

    def replace_rows(self, fresh: Iterable[AssignmentRow]) -> None:
        """Re-read rows (after a tick-off): their cells, their group's and the totals repaint."""
        last_row, last_column = len(self.measures), len(self.columns)
        for r in fresh:
            place = self._where.get(r.id)
            if place is None:
                continue
            self._cells[place] = r
            row = place[0]
            self.dataChanged.emit(self.index(row, 0), self.index(row, last_column))
            self.dataChanged.emit(self.index(last_row, 0), self.index(last_row, last_column))

    # -- groups -----------------------------------------------------------------------------
    def group_column(self, column: int) -> int | None:
        """The column of the group that ``column`` is (or is a member of), if any."""
        if not 0 <= column < len(self.columns):
            return None
        group = self.columns[column].group or self.columns[column].unit
        for found, candidate in enumerate(self.columns):
            if candidate.is_group and candidate.unit == group:
                return found
        return None

    def set_expanded(self, column: int, expand: bool) -> bool:
        """Show or hide the members of the group in ``column``; whether anything changed."""
        if not 0 <= column < len(self.columns) or not self.columns[column].is_group:
            return False
        group = self.columns[column]
        if (group.unit in self.expanded) == expand:
            return False
        first, last = column + 1, column + len(group.members)
        if expand:
            self.beginInsertColumns(QModelIndex(), first, last)
            self.expanded.add(group.unit)
            self._show_columns()
            self.endInsertColumns()
        else:
            self.beginRemoveColumns(QModelIndex(), first, last)
            self.expanded.discard(group.unit)
            self._show_columns()
            self.endRemoveColumns()
        return True

    def group_state(self, row: int, group: str) -> GroupState | None:
        """The group's task in ``row`` as its members' shares make it; None: not its task."""
        shares = self._all_shares(row, group)
        if not shares:
            return None
        return group_tallies(shares)[(shares[0].measure_id, shares[0].code, group)]

    def _all_shares(self, row: int, group: str) -> list[AssignmentRow]:
        """The group's shares in ``row`` and, for a member whose counties answer directly
        (its own column, its cells' ``outer_group`` the group), theirs: the roll-up counts
        that member as one share, as the database does."""
        found = self.shares(row, group)
        for column in self._top:
            if column.is_group and column.unit != group:
                inner = self.shares(row, column.unit)
                if inner and inner[0].outer_group == group:
                    found += self._all_shares(row, column.unit)
        return found

    def shares(self, row: int, group: str) -> list[AssignmentRow]:
        """The members' shares of the group's task in ``row``, in the members' order."""
        column = next((c for c in self._top if c.unit == group and c.is_group), None)
        if column is None:
            return []
        found = (self._cells.get((row, (member, group))) for member in column.members)
        return [cell for cell in found if cell is not None]

    # -- reading ----------------------------------------------------------------------------
    def assignment(self, index: Index) -> AssignmentRow | None:
        if not index.isValid() or index.column() >= len(self.columns):
            return None
        column = self.columns[index.column()]
        return self._cells.get((index.row(), (column.unit, column.group)))

    def index_of(self, assignment_id: int) -> QModelIndex:
        """Where the assignment shows: its cell, or its group's when the group is collapsed."""
        place = self._where.get(assignment_id)
        if place is None:
            return QModelIndex()
        row, (unit, group) = place
        for column, candidate in enumerate(self.columns):
            if (candidate.unit, candidate.group) == (unit, group):
                return self.index(row, column)
        found = None if group is None else self.group_column(self.units.index(group))
        return QModelIndex() if found is None else self.index(row, found)

    def state(self, index: Index) -> Derived | str | None:
        """The colour key of a cell; None for the totals."""
        if index.row() >= len(self.measures) or index.column() >= len(self.columns):
            return None
        column = self.columns[index.column()]
        if column.is_group:
            group = self.group_state(index.row(), column.unit)
            return NOT_ASSIGNED if group is None else derived_state(group)
        found = self.assignment(index)
        return NOT_ASSIGNED if found is None else found.state

    def unit_count(self) -> int:
        """The units with a part in the document (a group's members each count)."""
        return len({unit for _, (unit, _group) in self._cells})

    def row_completion(self, row: int) -> tuple[int, int]:
        """Every unit's part in the measure, members one by one (whatever is expanded)."""
        return self._finished([c for (r, _), c in self._cells.items() if r == row])

    def column_completion(self, column: int) -> tuple[int, int]:
        """A unit's parts done; a group's tasks done (every member's share done)."""
        shown_column = self.columns[column]
        if shown_column.is_group:
            states = [self.group_state(r, shown_column.unit) for r in range(len(self.measures))]
            present = [s for s in states if s is not None]
            return sum(1 for s in present if s.status in FINISHED), len(present)
        key = (shown_column.unit, shown_column.group)
        return self._finished([c for (_, k), c in self._cells.items() if k == key])

    def overall_completion(self) -> tuple[int, int]:
        return self._finished(list(self._cells.values()))

    @staticmethod
    def _finished(cells: list[AssignmentRow]) -> tuple[int, int]:
        return sum(1 for c in cells if c.status in FINISHED), len(cells)

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() or not self.measures else len(self.measures) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.measures else len(self.columns) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        count = len(self.columns) if horizontal else len(self.measures)
        if not 0 <= section <= count:
            return None
        if section == count:
            if role == Qt.ItemDataRole.DisplayRole:
                return vertical(self.tr("Done")) if horizontal else self.tr("Done")
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Share of unit parts done or ticked off")
            return None
        if not horizontal:
            measure = self.measures[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return measure.code
            return (
                f"{measure.code}．{measure.title}" if role == Qt.ItemDataRole.ToolTipRole else None
            )
        if role == Qt.ItemDataRole.ForegroundRole:
            found = self.findings.get(self.columns[section].unit)
            return CELL_COLOURS[Derived.OVERDUE] if found and found[1] else None
        column = self.columns[section]
        found = self.findings.get(column.unit)
        return column_header(column, column.unit in self.expanded, found, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if row == len(self.measures) or column == len(self.columns):
            return self._total(row, column, role)
        if self.columns[column].is_group:
            return self._group_data(row, self.columns[column].unit, role)
        cell = self.assignment(index)
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

    def _group_data(self, row: int, group: str, role: int) -> Any:
        """A group's cell: ``3/5`` members done (✓ when all are), coloured by the derived state."""
        state = self.group_state(row, group)
        key = NOT_ASSIGNED if state is None else derived_state(state)
        if role == Qt.ItemDataRole.BackgroundRole:
            return CELL_COLOURS[key]
        if state is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "✓" if state.status in FINISHED else f"{state.finished}/{state.members}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return cell_text_colour(key)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            measure = self.measures[row]
            title = f"{measure.code}．{measure.title}"
            return group_tooltip(title, group, state, self.shares(row, group))
        return None

    def tooltip(self, cell: AssignmentRow) -> str:
        lines = [
            f"{cell.code}．{cell.title}",
            self.tr("Unit: {0} ({1})").format(cell.unit, role_label(cell.role)),
            self.tr("Status: {0}").format(state_label(cell.state))
            + ("" if cell.percent is None else f" · {cell.percent}%"),
            self.tr("Deadline: {0}").format(deadline_text(cell) or "—"),
        ]
        if cell.group:
            lines.insert(2, self.tr("Member of {0}").format(cell.group))
        if cell.note:
            lines.append(self.tr("Progress report: {0}").format(cell.note))
        return "\n".join(lines)

    def _total(self, row: int, column: int, role: int) -> Any:
        if row == len(self.measures) and column == len(self.columns):
            done, whole = self.overall_completion()
        elif row == len(self.measures):
            done, whole = self.column_completion(column)
        else:
            done, whole = self.row_completion(row)
        if role == Qt.ItemDataRole.DisplayRole:
            return percent_text(done, whole)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column < len(self.columns) and self.columns[column].is_group:
                if whole == 1:
                    return self.tr("{0} of %n task done by every member", "", whole).format(done)
                return self.tr("{0} of %n tasks done by every member", "", whole).format(done)
            return self.tr("{0} of {1} done or ticked off").format(done, whole)
        if role == Qt.ItemDataRole.BackgroundRole:
            return TOTAL_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.FontRole:
            return self._bold
        return None
