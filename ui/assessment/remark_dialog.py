"""通报表扬/批评: the office records one for a unit in a round, with what it is for, and
sees the round's remarks (one taken back by mistake is deleted here; a published
score keeps it, being frozen)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.assessment.score_rules import EventKind
from ui.messages import user_errors
from ui.record_model import Column, RecordTableModel

if TYPE_CHECKING:
    from tracker.assessment.score_service import AssessmentService, Remark


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
        self.remarks: RecordTableModel[Remark] = RecordTableModel(
            [
                Column(self.tr("Unit"), lambda r: r.unit),
                Column(self.tr("Remark"), lambda r: r.kind.label),
                Column(self.tr("Note"), lambda r: r.note, lambda r: r.note),
                Column(self.tr("Recorded by"), lambda r: r.recorded_by),
            ],
            self,
        )
        self.table = QTableView()
        self.table.setModel(self.remarks)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.delete_button = QPushButton(self.tr("Delete the selected remark"))
        self.delete_button.clicked.connect(self.delete_selected)
        self.deleted = 0
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Remarks recorded in this round")))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.delete_button)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.reload()

    def reload(self) -> None:
        with user_errors(self):
            self.remarks.set_records(self.assessment.remarks(self.round_name))
        self.delete_button.setEnabled(self.remarks.rowCount() > 0)

    def delete_selected(self) -> None:
        row = self.table.currentIndex().row()
        if row < 0:
            return
        with user_errors(self):
            self.assessment.delete_remark(self.remarks.record(row).id)
            self.deleted += 1
        self.reload()

    def save(self) -> None:
        kind = EventKind.COMMENDATION if self.commend.isChecked() else EventKind.CRITICISM
        with user_errors(self):
            self.assessment.add_remark(
                self.round_name, self.unit.currentText(), kind, self.note.text()
            )
            self.accept()
