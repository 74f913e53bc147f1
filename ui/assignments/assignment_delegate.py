"""In-cell editors for the assignment table: a status list, a percent spinbox, a text line.

The delegate only picks the widget and moves values between it and the model;
the model hands the value to the window, which records it through an undoable
command.  Choosing a status commits at once, so one click is one edit.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from tracker.records import AssignmentRow
from tracker.statuses import Status
from ui.assignments.assignment_model import NOTE, PERCENT, ROW_ROLE, STATE
from ui.labels import state_label

Index = QModelIndex | QPersistentModelIndex
NO_PERCENT = -1


def status_combo(parent: QWidget | None = None, *, standing: bool = True) -> QComboBox:
    """A combobox of the stored statuses, labelled for the screen, holding the value;
    长期坚持 only when ``standing`` (a measure without a fixed deadline)."""
    combo = QComboBox(parent)
    for status in Status:
        if standing or status is not Status.STANDING:
            combo.addItem(state_label(status), status.value)
    return combo


def offers_standing(row: AssignmentRow | None) -> bool:
    """长期坚持 is for a measure without a fixed deadline (or one that already has it)."""
    return row is None or row.deadline is None or row.status is Status.STANDING


class AssignmentDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        column = index.column()
        if column == STATE:
            combo = status_combo(parent, standing=offers_standing(index.data(ROW_ROLE)))
            combo.activated.connect(lambda _=0, c=combo: self._commit_now(c))
            return combo
        if column == PERCENT:
            spin = QSpinBox(parent)
            spin.setRange(NO_PERCENT, 100)
            spin.setSpecialValueText("—")  # shown at NO_PERCENT: no percent reported
            spin.setSuffix("%")
            spin.setAlignment(Qt.AlignmentFlag.AlignCenter)
            return spin
        if column == NOTE:
            return QLineEdit(parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QSpinBox):
            editor.setValue(NO_PERCENT if value is None else int(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            value: object = editor.currentData()
        elif isinstance(editor, QSpinBox):
            value = None if editor.value() == NO_PERCENT else editor.value()
        elif isinstance(editor, QLineEdit):
            value = editor.text()
        else:
            super().setModelData(editor, model, index)
            return
        if value != index.data(Qt.ItemDataRole.EditRole):
            model.setData(index, value, Qt.ItemDataRole.EditRole)

    def _commit_now(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
