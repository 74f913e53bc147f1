"""The import preview's list of sub-tasks (分工): one row per task of every measure.

A measure of several tasks shows them as 3-1, 3-2…; each row gives the task's
lead units, its supporting units (a collective — 各有关部门, 各区、市政府 — marked
as such), its deadline, the source line and the text.  ``reset`` shows another
version of the document (after each of the clerk's edits, or an undo).
"""

from __future__ import annotations

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
from tracker.documents.task_edits import TaskRef, task_code

if TYPE_CHECKING:
    from importers.policy import ParsedDocument, ParsedTask

translate = QCoreApplication.translate
Index = QModelIndex | QPersistentModelIndex
NO_UNIT_COLOUR = QColor("#b00020")


def unit_label(name: str) -> str:
    """A unit as the preview names it: a collective marked (集体)."""
    if is_collective(name):
        return translate("ImportPreview", "{0} (collective)").format(name)
    return name


def task_deadline(task: ParsedTask) -> str:
    if task.deadline_text:
        return task.deadline_text
    if task.standing:
        return translate("ImportPreview", "standing")
    return task.deadline.isoformat() if task.deadline else ""


class TasksModel(QAbstractTableModel):
    CODE, LEADS, OTHERS, DEADLINE, LINE, TEXT = range(6)
    COLUMNS = 6

    def __init__(self, document: ParsedDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._refs = self._rows(document)

    @staticmethod
    def _rows(document: ParsedDocument) -> list[TaskRef]:
        return [
            TaskRef(m, t)
            for m, measure in enumerate(document.measures)
            for t in range(len(measure.tasks))
        ]

    def reset(self, document: ParsedDocument) -> None:
        self.beginResetModel()
        self._document = document
        self._refs = self._rows(document)
        self.endResetModel()

    def ref(self, row: int) -> TaskRef:
        return self._refs[row]

    def row_of(self, ref: TaskRef) -> int:
        """The row showing ``ref``, or the nearest one left (a merge takes a row away)."""
        if ref in self._refs:
            return self._refs.index(ref)
        earlier = [row for row, r in enumerate(self._refs) if r < ref]
        return earlier[-1] if earlier else 0

    def task(self, row: int) -> ParsedTask:
        ref = self._refs[row]
        return self._document.measures[ref.measure].tasks[ref.task]

    def code(self, row: int) -> str:
        ref = self._refs[row]
        return task_code(self._document.measures[ref.measure], ref.task)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._refs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < self.COLUMNS:
            return None
        return (
            translate("ImportPreview", "Task"),
            translate("ImportPreview", "Lead"),
            translate("ImportPreview", "Supporting"),
            translate("ImportPreview", "Deadline"),
            translate("ImportPreview", "Line"),
            translate("ImportPreview", "Text"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._refs):
            return None
        task = self.task(index.row())
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(index.row(), task, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            return task.text
        if role == Qt.ItemDataRole.ForegroundRole and column == self.LEADS and not task.units:
            return NO_UNIT_COLOUR
        return None

    def _display(self, row: int, task: ParsedTask, column: int) -> str:
        if column == self.CODE:
            return self.code(row)
        if column == self.LEADS:
            if not task.units:
                return translate("ImportPreview", "(no unit named)")
            return "、".join(unit_label(u) for u in task.lead_units)
        if column == self.OTHERS:
            others = [u for u in task.units if u not in task.lead_units]
            return "、".join(unit_label(u) for u in others)
        if column == self.DEADLINE:
            return task_deadline(task)
        if column == self.LINE:
            return str(task.line) if task.line else ""
        return task.text
