"""The assignment table: one row per unit's part in a measure, as a Qt item model.

Rows are the plain ``AssignmentRow`` records the overview service returns; the
model keeps them in a Python list, so ``data()`` is two list indexes and an
attribute read — no query per cell, smooth with 100,000 rows.  Sorting happens
here too (Python's ``sorted`` on a key per column, done once per column and
remembered), because a ``QSortFilterProxyModel`` would call ``data()`` millions
of times to sort that many rows.  Edits are not applied by the model: ``setData`` hands them to
``edit_handler``, which turns them into undoable service calls.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from tracker.statuses import Derived
from tracker.units.group_rollup import GroupKey, GroupState, group_tallies
from ui.assignments.assignment_cells import (
    CODE,
    COLUMN_COUNT,
    DEADLINE,
    DOCUMENT,
    EDITABLE,
    GROUP,
    NOTE,
    PERCENT,
    ROLE,
    SORT_KEYS,
    STATE,
    TITLE,
    UNIT,
    UPDATED,
    code_key,
    deadline_text,
    display,
    edit_value,
    state_text,
)
from ui.group_labels import group_heading, group_progress
from ui.labels import state_background, state_foreground, state_label

if TYPE_CHECKING:
    from tracker.records import AssignmentRow

__all__ = [
    "CODE",
    "COLUMN_COUNT",
    "DEADLINE",
    "DOCUMENT",
    "EDITABLE",
    "GROUP",
    "NOTE",
    "PERCENT",
    "ROLE",
    "STATE",
    "TITLE",
    "UNIT",
    "UPDATED",
    "AssignmentTableModel",
    "code_key",
    "deadline_text",
    "state_text",
]
"""The columns and a cell's texts live in ``assignment_cells``; named here too, where
the table's users have always found them."""

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""``data(index, ROW_ROLE)`` is the row's ``AssignmentRow``."""

FIELD_OF_COLUMN = {STATE: "status", PERCENT: "percent", NOTE: "note"}

EditHandler = Callable[["AssignmentRow", str, object], bool]
"""(row, field name, new value) → accepted?  Field is "status", "percent" or "note"."""

Index = QModelIndex | QPersistentModelIndex

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_EDIT = Qt.ItemDataRole.EditRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ANSWERED = frozenset(
    {
        _DISPLAY,
        _EDIT,
        _ALIGNMENT,
        _BACKGROUND,
        _FOREGROUND,
        Qt.ItemDataRole.ToolTipRole.value,
        ROW_ROLE,
    }
)
_CENTRED = Qt.AlignmentFlag.AlignCenter.value
_READ_ONLY_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_EDITABLE_FLAGS = _READ_ONLY_FLAGS | Qt.ItemFlag.ItemIsEditable
_CENTRED_COLUMNS = frozenset({CODE, PERCENT, ROLE})


class AssignmentTableModel(QAbstractTableModel):
    """Rows shown as positions into a list of rows (the "base"), in display order.

    ``set_rows`` shows a list of its own; ``show_positions`` shows some positions of a
    list the window keeps (every assignment, ``RowIndex.rows``), so a filter
    change hands over a list of ints instead of copying rows.  Sorting the base
    by a column is done once and remembered: a later sort, or a filter while
    sorted, keeps the remembered order's positions that are shown.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._base: list[AssignmentRow] = []
        self._shown: list[int] = []  # positions in _base, ascending: the service's order
        self._order: list[int] = []  # positions in _base, as displayed
        self._orders: dict[tuple[int, bool], list[int]] = {}  # the whole base, sorted
        self._ids: dict[int, int] | None = None  # assignment id → position in _base
        self._rows_by_position: list[int] | None = None  # position in _base → displayed row, or -1
        self._states: list[Derived] | None = None
        self._groups: dict[GroupKey, GroupState] | None = None  # (measure, task, group)
        self._memberless: frozenset[str] = frozenset()
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._order_stale = False
        self.edit_handler: EditHandler | None = None
        self._headers = [
            self.tr("No."),
            self.tr("Document"),
            self.tr("Key task"),
            self.tr("Responsible unit"),
            self.tr("Role"),
            self.tr("Status"),
            self.tr("Progress"),
            self.tr("Deadline"),
            self.tr("Progress report"),
            self.tr("Updated"),
            self.tr("Group"),
        ]

    # -- contents ---------------------------------------------------------------------------
    def set_memberless(self, units: Iterable[str]) -> None:
        """The collectives with no member yet (``UnitInfo.memberless``): their rows' unit
        cells say so in their tool tips."""
        self._memberless = frozenset(units)

    def set_rows(self, rows: Iterable[AssignmentRow]) -> None:
        """Show these rows (a fresh query result), keeping the current sort."""
        self.show_positions(list(rows))

    def show_positions(self, base: list[AssignmentRow], positions: list[int] | None = None) -> None:
        """Show ``base[p]`` for each of ``positions`` (ascending; None: all), keeping the sort.

        ``base`` is not copied: the caller keeps it and tells ``replace_rows``
        when rows in it are replaced.  Showing another position list of the same
        base reuses the orders already sorted.
        """
        self.beginResetModel()
        if base is not self._base:
            self._base = base
            self._orders = {}
            self._ids = None
            self._states = None
            self._groups = None
        self._shown = list(range(len(base))) if positions is None else positions
        self._order = self._sorted()
        self._rows_by_position = None
        self._order_stale = False
        self.endResetModel()

    def rows(self) -> list[AssignmentRow]:
        base = self._base
        return [base[p] for p in self._order]

    def row_at(self, row: int) -> AssignmentRow:
        return self._base[self._order[row]]

    def row_of(self, assignment_id: int) -> int | None:
        position = self._id_positions().get(assignment_id)
        return None if position is None else self._row_of_position(position)

    def state_counts(self) -> Counter[Derived]:
        """How many rows shown are in each state (逾期, 临期…)."""
        if self._states is None:
            self._states = [r.state for r in self._base]
        return Counter(map(self._states.__getitem__, self._order))

    def replace_rows(self, updated: Iterable[AssignmentRow]) -> None:
        """Put re-read rows in place (after an edit) without disturbing selection or order."""
        ids = self._id_positions()
        changed = False
        for row in updated:
            position = ids.get(row.id)
            if position is None:
                continue
            self._base[position] = row
            changed = True
            shown = self._row_of_position(position)
            if shown is not None:
                left = self.index(shown, 0)
                self.dataChanged.emit(left, self.index(shown, COLUMN_COUNT - 1))
        if changed:  # the sort keys of those rows may have changed
            self._orders = {}
            self._states = None
            self._groups = None
            self._order_stale = True

    # -- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.column() in EDITABLE and self.edit_handler is not None:
            return _EDITABLE_FLAGS
        return _READ_ONLY_FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Called for every visible cell and role at each repaint: the roles Qt asks for
        # and this model does not answer (font, icon, check box…) are turned away first.
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self._base[self._order[index.row()]]
        column = index.column()
        if role == _DISPLAY:
            return self._group_cell(row) if column == GROUP else display(row, column)
        if role == _ALIGNMENT:
            return _CENTRED if column in _CENTRED_COLUMNS else None
        if role == _BACKGROUND:
            return state_background(row.state) if column == STATE else None
        if role == _FOREGROUND:
            return state_foreground(row.state) if column == STATE else None
        if role == _EDIT:
            return edit_value(row, column)
        if role == ROW_ROLE:
            return row
        return self._tooltip(row, column)  # the tool tip role

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.edit_handler is None:
            return False
        field = FIELD_OF_COLUMN.get(index.column())
        if field is None:
            return False
        return self.edit_handler(self.row_at(index.row()), field, value)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if (column, order) == (self._sort_column, self._sort_order) and not self._order_stale:
            return  # QTableView.sortByColumn asks twice
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        old = [(self._order[index.row()], index.column()) for index in persistent]
        self._order = self._sorted()
        self._rows_by_position = None
        self._order_stale = False
        moved = []
        for position, column_ in old:
            row = self._row_of_position(position)
            moved.append(QModelIndex() if row is None else self.index(row, column_))
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    # -- helpers ----------------------------------------------------------------------------
    def _sorted(self) -> list[int]:
        """The shown positions in display order."""
        key = SORT_KEYS.get(self._sort_column)
        shown = self._shown
        if key is None:
            return shown
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        whole = self._orders.get((self._sort_column, descending))
        base = self._base
        if whole is None:
            if len(shown) * 4 < len(base):  # a few rows: sort just those
                return sorted(shown, key=lambda p: key(base[p]), reverse=descending)
            keys = [key(r) for r in base]
            whole = sorted(range(len(base)), key=keys.__getitem__, reverse=descending)
            self._orders[(self._sort_column, descending)] = whole
        if len(shown) == len(base):
            return whole
        wanted = bytearray(len(base))
        for position in shown:
            wanted[position] = 1
        return [p for p in whole if wanted[p]]

    def _id_positions(self) -> dict[int, int]:
        if self._ids is None:
            self._ids = {row.id: position for position, row in enumerate(self._base)}
        return self._ids

    def _row_of_position(self, position: int) -> int | None:
        if self._rows_by_position is None:
            display = [-1] * len(self._base)
            for row, p in enumerate(self._order):
                display[p] = row
            self._rows_by_position = display
        row = self._rows_by_position[position]
        return None if row < 0 else row

    def _tooltip(self, row: AssignmentRow, column: int) -> str | None:
        if column == TITLE:
            where = " › ".join(p for p in (row.part, row.section) if p)
            lines = [row.title, where] if where else [row.title]
            if row.task_start is not None:  # the sub-task's start above the measure's title
                lines.insert(0, f"{row.code}  {row.task_start}")
            return "\n".join(lines)
        if column == NOTE and row.note:
            return row.note
        if column == DEADLINE and row.deadline is not None:
            return f"{deadline_text(row)} ({row.deadline.isoformat()})"
        if column == STATE and row.state.value != row.status.value:  # 逾期 / 临期 shown
            return self.tr("Recorded status: {0}").format(state_label(row.status))
        if column == UPDATED:
            return self.tr("Updated by {0}").format(row.updated_by or "?")
        if column in (UNIT, GROUP) and row.group is not None:
            return self.tr("Member of the group: {0}").format(self._group_of(row))
        if column in (UNIT, GROUP) and row.unit in self._memberless:
            return self.tr(
                "The collective has no member units yet: add its members in the units directory"
            )
        return None

    def has_groups(self) -> bool:
        """Whether any row held is a member's share of a group's task."""
        return bool(self._tallies())

    def _tallies(self) -> dict[GroupKey, GroupState]:
        if self._groups is None:
            self._groups = group_tallies(self._base)
        return self._groups

    def _group_cell(self, row: AssignmentRow) -> str:
        """``各市、县（区） · 3/5 完成 · 2 逾期`` (the count of members is in the fraction):
        short, so the column need not be wide; the tool tip says it in full."""
        if row.group is None:
            return ""
        state = self._tallies()[(row.measure_id, row.code, row.group)]
        return f"{row.group} · {group_progress(state)}"

    def _group_of(self, row: AssignmentRow) -> str:
        """``各市、县（区）（5个）· 3/5 完成 · 2 逾期``: the group's task (its sub-task's) from
        its members' shares among the rows held (every assignment, when the window has them
        all); empty for a unit's own task."""
        if row.group is None:
            return ""
        return group_heading(row.group, self._tallies()[(row.measure_id, row.code, row.group)])
