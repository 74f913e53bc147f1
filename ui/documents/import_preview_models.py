"""The tables of the policy-document import preview: the measures found, the units named.

``MeasuresModel`` lists what the parser read (code, title, units, deadline).
``UnitsModel`` lists every unit the document names, new ones first: a known
one is shown as matched; for a new name the clerk chooses, in the "Import as" column, to
create it or to map it onto a known unit (the service's suggestions first).
``unit_mapping`` gives those choices as ``import_parsed`` takes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from importers.policy.units import is_collective

if TYPE_CHECKING:
    from importers.policy import ParsedMeasure
    from tracker.records import MeasureChange, PlannedUnit

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
OPTIONS_ROLE = Qt.ItemDataRole.UserRole + 1
"""``UnitsModel``: the known units a new name may be mapped to, suggestions first."""
SUGGESTIONS_ROLE = Qt.ItemDataRole.UserRole + 2
"""``UnitsModel``: the service's suggestions for a new name."""
NEW_UNIT_COLOUR = QColor("#fff4d6")


def deadline_text(measure: ParsedMeasure) -> str:
    if measure.deadline_text:
        return measure.deadline_text
    return measure.deadline.isoformat() if measure.deadline else ""


def tasks_tooltip(measure: ParsedMeasure) -> str:
    """One line per sub-task (分工): its number under the measure, lead, units, deadline, text."""
    lines = []
    for number, task in enumerate(measure.tasks, start=1):
        code = f"{measure.code}-{number}" if len(measure.tasks) > 1 else measure.code
        others = [unit for unit in task.units if unit not in task.lead_units]
        due = task.deadline_text or (task.deadline.isoformat() if task.deadline else "")
        lines.append(
            translate("ImportPreview", "{0}  lead: {1}  with: {2}  {3}  {4}")
            .format(
                code,
                "、".join(task.lead_units) or "—",
                "、".join(others) or "—",
                due,
                task.text[:_TASK_TEXT_CHARS],
            )
            .rstrip()
        )
    return "\n".join(lines)


_TASK_TEXT_CHARS = 40


class MeasuresModel(QAbstractTableModel):
    CODE, TITLE, UNITS, DEADLINE = range(4)

    def __init__(self, measures: Sequence[ParsedMeasure], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._measures = list(measures)

    def reset(self, measures: Sequence[ParsedMeasure]) -> None:
        """Show the measures after the clerk corrected their tasks."""
        self.beginResetModel()
        self._measures = list(measures)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._measures)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 4:
            return None
        return (
            translate("ImportPreview", "Code"),
            translate("ImportPreview", "Measure"),
            translate("ImportPreview", "Responsible units"),
            translate("ImportPreview", "Deadline"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._measures):
            return None
        measure = self._measures[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.CODE:
                return measure.code
            if column == self.TITLE:
                return measure.title
            if column == self.UNITS:
                if not measure.units:
                    return translate("ImportPreview", "(no unit named)")
                if len(measure.tasks) > 1:
                    return translate("ImportPreview", "{0} ({1} sub-tasks)").format(
                        "、".join(measure.units), len(measure.tasks)
                    )
                return "、".join(measure.units)
            if column == self.DEADLINE:
                return deadline_text(measure)
        elif role == Qt.ItemDataRole.ToolTipRole and column == self.TITLE:
            return measure.text
        elif role == Qt.ItemDataRole.ToolTipRole and column == self.UNITS and measure.tasks:
            return tasks_tooltip(measure)
        elif role == Qt.ItemDataRole.ForegroundRole and column == self.UNITS and not measure.units:
            return QColor("#b00020")
        return None


class UnitsModel(QAbstractTableModel):
    NAME, STATE, TARGET = range(3)

    def __init__(
        self, units: Sequence[PlannedUnit], known: Sequence[str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._units = sorted(units, key=lambda u: u.existing is not None)  # new ones first
        self._known = sorted(set(known))
        self._choice: dict[str, str] = {}  # new name → known unit it is mapped to

    def reset(self, units: Sequence[PlannedUnit]) -> None:
        """Show the units named after the clerk corrected the tasks; choices made stay."""
        self.beginResetModel()
        self._units = sorted(units, key=lambda u: u.existing is not None)
        names = {unit.name for unit in self._units}
        self._choice = {name: known for name, known in self._choice.items() if name in names}
        self.endResetModel()

    # -- what the clerk chose ---------------------------------------------------------------
    def unit(self, row: int) -> PlannedUnit:
        return self._units[row]

    def new_rows(self) -> list[int]:
        return [row for row, unit in enumerate(self._units) if unit.existing is None]

    def options(self, row: int) -> list[str]:
        """Known units to map a new name to: its suggestions first, then all the others."""
        suggested = list(self._units[row].suggestions)
        return suggested + [name for name in self._known if name not in suggested]

    def choose(self, name: str, target: str | None) -> None:
        """Map the new unit ``name`` to ``target`` (None: create it as a new unit)."""
        [row] = [r for r in self.new_rows() if self._units[r].name == name]
        self.setData(self.index(row, self.TARGET), target or "")

    def unit_mapping(self) -> dict[str, str]:
        return dict(self._choice)

    # -- the model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < 3:
            return None
        return (
            translate("ImportPreview", "Unit named in the document"),
            translate("ImportPreview", "In the units directory"),
            translate("ImportPreview", "Import as"),
        )[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if (
            index.isValid()
            and index.column() == self.TARGET
            and self._units[index.row()].existing is None
        ):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._units):
            return None
        unit = self._units[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(unit, column)
        if role == Qt.ItemDataRole.EditRole and column == self.TARGET:
            return unit.existing or self._choice.get(unit.name, "")
        if role == OPTIONS_ROLE and unit.existing is None:
            return self.options(index.row())
        if role == SUGGESTIONS_ROLE:
            return list(unit.suggestions)
        if role == Qt.ItemDataRole.BackgroundRole and unit.existing is None:
            return NEW_UNIT_COLOUR
        return None

    def _display(self, unit: PlannedUnit, column: int) -> str:
        if column == self.NAME:
            return unit.name
        if column == self.STATE:
            if unit.existing is not None:
                return translate("ImportPreview", "Known unit")
            if unit.suggestions:
                return translate("ImportPreview", "New — similar to {0}").format(
                    "、".join(unit.suggestions)
                )
            if is_collective(unit.name):
                return translate("ImportPreview", "New collective (集体): give it members later")
            return translate("ImportPreview", "New")
        if unit.existing is not None:
            return unit.existing
        chosen = self._choice.get(unit.name)
        return chosen or translate("ImportPreview", "Create as a new unit")

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        name = self._units[index.row()].name
        target = str(value or "")
        if target and target not in self._known:
            return False
        if target:
            self._choice[name] = target
        else:
            self._choice.pop(name, None)
        self.dataChanged.emit(index, index)
        return True


def change_kind(kind: str) -> str:
    return {
        "added": translate("ImportFlow", "added"),
        "removed": translate("ImportFlow", "removed"),
        "changed": translate("ImportFlow", "changed"),
        "renumbered": translate("ImportFlow", "renumbered"),
    }.get(kind, kind)


def change_details(change: MeasureChange) -> str:
    """How a revision changes a measure, worded here from the data (the service's
    ``details`` are English); an added or removed measure is named by its title."""
    words = []
    if change.old_code is not None:  # where the units' progress goes: shown before accepting
        n = len(change.moved_units)
        moves = (
            translate("ImportFlow", "measure {0} → {1}: %n unit's progress moves", None, n)
            if n == 1
            else translate("ImportFlow", "measure {0} → {1}: %n units' progress moves", None, n)
        )
        words.append(
            moves.format(change.old_code, change.code)
            + (f" ({'、'.join(change.moved_units)})" if change.moved_units else "")
        )
    if not change.fields:
        return "; ".join(words or change.details)
    for diff in change.fields:
        if diff.field == "title":
            words.append(translate("ImportFlow", "title: {0} → {1}").format(diff.old, diff.new))
        elif diff.field == "text":
            words.append(translate("ImportFlow", "text changed"))
        elif diff.field == "deadline":
            words.append(
                translate("ImportFlow", "deadline: {0} → {1}").format(
                    diff.old or "—", diff.new or "—"
                )
            )
        elif diff.field == "units":  # old: the units dropped, new: the units added
            words.append(units_changed(diff.old, diff.new))
        elif diff.field == "tasks":
            words.append(translate("ImportFlow", "sub-tasks: {0} → {1}").format(diff.old, diff.new))
        else:
            words.append(diff.field)
    return "; ".join(words)


def units_changed(removed: str, added: str) -> str:
    """The units a revision adds and drops, naming only the side that changed."""
    if not removed:
        return translate("ImportFlow", "units: +[{0}]").format(added)
    if not added:
        return translate("ImportFlow", "units: -[{0}]").format(removed)
    return translate("ImportFlow", "units: +[{0}] -[{1}]").format(added, removed)


def change_line(change: MeasureChange) -> str:
    return f"• {change.code} {change_kind(change.kind)}  {change_details(change)}".rstrip()
