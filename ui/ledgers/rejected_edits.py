"""The rejected cells of a returned ledger, with a column where the clerk corrects a value.

A bad 完成进度 or an unknown 当前状态 need not send the file back: the clerk types the
value the unit meant in the "Corrected value" column, the dialog previews the
file again with it (``LedgerImporter.preview(corrections=…)``, read by the
reader's own rules in ``importers.ledger.corrections``), and a valid value leaves
this list for the changes, to be applied with the others.  Only a cell whose
``Rejected.field`` is set can be corrected (a status or a percent of a row that
was read); its own module so the import dialog only wires it in.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView

from importers.ledger.corrections import cell_key
from tracker.ledgers.ledger_records import Rejected
from ui.ledgers.ledger_preview_models import field_label
from ui.messages import translated
from ui.record_model import Column, Index, RecordTableModel

translate = QCoreApplication.translate

CORRECTION = 3
"""The column the clerk types a corrected value in."""
_TRIGGER = QAbstractItemView.EditTrigger
EDIT_TRIGGERS = (
    _TRIGGER.DoubleClicked | _TRIGGER.EditKeyPressed | _TRIGGER.AnyKeyPressed
) | _TRIGGER.SelectedClicked
"""Typing on a correctable cell, F2 or a double click edits it; moving through the list
does not."""


class RejectedModel(RecordTableModel[Rejected]):
    """Rejected cells: where, which field, why, and the clerk's correction (editable)."""

    corrected = Signal(str, str)
    """(``sheet!cell``, the text typed): the file is to be previewed again with it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(translate("LedgerPreview", "Cell"), lambda r: f"{r.sheet}!{r.cell}"),
                Column(
                    translate("LedgerPreview", "Field"),
                    lambda r: field_label(r.field) if r.field else "",
                ),
                Column(translate("LedgerPreview", "Reason"), lambda r: translated(r.reason)),
                Column(translate("LedgerPreview", "Corrected value"), self._typed_text),
            ],
            parent,
        )
        self.typed: dict[str, str] = {}
        """What the clerk typed for the shown file's cells, by ``sheet!cell``."""

    def _typed_text(self, record: Rejected) -> str:
        if not record.field:
            return translate("LedgerPreview", "(the unit must correct it)")
        return self.typed.get(cell_key(record.sheet, record.cell), "")

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() == CORRECTION and self.record(index.row()).field:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole and index.isValid() and index.column() == CORRECTION:
            record = self.record(index.row())
            return self.typed.get(cell_key(record.sheet, record.cell), "")
        editable = index.isValid() and index.column() == CORRECTION
        if role == Qt.ItemDataRole.ToolTipRole and editable and self.record(index.row()).field:
            return translate(
                "LedgerPreview", "Type the value the unit meant; it is checked like the cell"
            )
        return super().data(index, role)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        record = self.record(index.row())
        key = cell_key(record.sheet, record.cell)
        text = str(value).strip()
        if not text or self.typed.get(key) == text:
            return False
        self.typed[key] = text
        self.dataChanged.emit(index, index)
        self.corrected.emit(key, text)
        return True
