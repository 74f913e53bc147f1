"""The combo box a clerk decides with in the returned-ledger preview.

One delegate for every decision column (a conflict: undecided / the unit's value /
the office's; an emptied text: kept / cleared), given the column's value → label names.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for a decision: a conflict's (undecided / the unit's value / the
    office's) or an emptied text's (kept / cleared); ``names`` gives value → label."""

    def __init__(
        self, names: Callable[[], dict[str | None, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.names = names

    def createEditor(
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for value, label in self.names().items():
            combo.addItem(label, value or "")
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
