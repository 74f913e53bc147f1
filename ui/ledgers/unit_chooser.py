"""The import dialog's row for a file whose hidden sheet is gone: the clerk names its unit.

Never guessed: the service suggests units (file name, then the rows) and the
clerk chooses one, after which the file is previewed again with it.  Its own
widget so the import dialog (``ui.ledgers.ledger_import_dialog``) stays a
dialog of lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QWidget

if TYPE_CHECKING:
    from tracker.ledgers.ledger_import import FilePreview


class UnitChooser(QWidget):
    chosen = Signal(str)
    """The clerk chose this unit for the shown file (stripped, never empty)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.choice = QComboBox()
        self.choice.setEditable(True)
        self.choice.setMinimumContentsLength(16)
        self.use_button = QPushButton(self.tr("Use this unit"))
        self.use_button.clicked.connect(self._use)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 4, 0, 4)
        row.addWidget(self.label, 1)
        row.addWidget(self.choice)
        row.addWidget(self.use_button)
        self.hide()

    def _use(self) -> None:
        name = self.choice.currentText().strip()
        if name:
            self.chosen.emit(name)

    def show_for(self, preview: FilePreview | None, chosen: str | None) -> None:
        """Shown for a file whose hidden sheet is gone (its unit chosen, or not yet)."""
        if preview is None or preview.keys_found or (preview.error and chosen is None):
            self.hide()
            return
        self.show()
        if preview.needs_unit:
            self.label.setText(
                self.tr(
                    "The hidden sheet of this file is gone: choose the unit it comes from "
                    "(suggested from the file name and its rows)."
                )
            )
        else:
            self.label.setText(
                self.tr("The hidden sheet of this file is gone; its unit was chosen: {0}.").format(
                    chosen or preview.unit or ""
                )
            )
        self.choice.clear()
        self.choice.addItems(preview.unit_suggestions)
        if chosen:
            self.choice.setCurrentText(chosen)
