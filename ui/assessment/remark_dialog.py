"""通报表扬/批评: the office records one for a unit in a round, with what it is for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.assessment.score_rules import EventKind
from ui.messages import user_errors

if TYPE_CHECKING:
    from tracker.assessment.score_service import AssessmentService


class RemarkDialog(QDialog):
    def __init__(
        self,
        assessment: AssessmentService,
        round_name: str | None,
        units: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.assessment = assessment
        self.round_name = round_name
        self.setWindowTitle(self.tr("Commend or criticise a unit"))
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(units)
        self.commend = QRadioButton(EventKind.COMMENDATION.label)
        self.criticise = QRadioButton(EventKind.CRITICISM.label)
        self.commend.setChecked(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("What it is for (printed with the score)"))
        form = QFormLayout()
        form.addRow(self.tr("Round"), QLabel(round_name or ""))
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow("", self.commend)
        form.addRow("", self.criticise)
        form.addRow(self.tr("Note"), self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save(self) -> None:
        kind = EventKind.COMMENDATION if self.commend.isChecked() else EventKind.CRITICISM
        with user_errors(self):
            self.assessment.add_remark(
                self.round_name, self.unit.currentText(), kind, self.note.text()
            )
            self.accept()
