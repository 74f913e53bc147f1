"""The bulletin's 二、主要成效 as a pick list: the round's facts and notes, ticked and editable.

Filled from ``ReportService.achievement_choices`` (sentences made from the
round's figures, and the units' notes), each item ticked as the bulletin prints
it by default.  The clerk ticks, unticks and rewords (double-click or F2); the
ticked items, in their order, become the paragraphs printed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from tracker.reports.report_bulletin_facts import AchievementChoice

KIND_ROLE = Qt.ItemDataRole.UserRole
"""Each item keeps what it was made from ("units", "complete", "measure", "note")."""


class AchievementList(QListWidget):
    """Checkable, editable paragraphs for 主要成效."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setToolTip(
            self.tr("Tick the paragraphs to print; double-click a paragraph to reword it")
        )

    def show_choices(self, choices: list[AchievementChoice]) -> None:
        """Replace the list with ``choices``, ticked as printed by default."""
        self.clear()
        for choice in choices:
            item = QListWidgetItem(choice.text)
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled
                | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemIsEditable
            )
            item.setCheckState(Qt.CheckState.Checked if choice.ticked else Qt.CheckState.Unchecked)
            item.setData(KIND_ROLE, choice.kind)
            self.addItem(item)

    def picked(self) -> list[str]:
        """The ticked paragraphs as the clerk left them, in order, blank ones left out."""
        found = (self.item(row) for row in range(self.count()))
        return [
            item.text().strip()
            for item in found
            if item.checkState() == Qt.CheckState.Checked and item.text().strip()
        ]
