"""The dialogs of the findings tab: a new inspection, a new finding, a finding's progress.

Each only gathers what the clerk typed; the page hands it to the inspection service,
which checks it (an unknown unit, a deadline before the inspection…) and says why not.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.inspections.finding_records import REPORTED_STATUSES, FindingChange, NewFinding
from tracker.statuses import Status
from ui.labels import state_label
from ui.record_model import Column, RecordTableModel

if TYPE_CHECKING:
    from tracker.inspections.finding_records import FindingHistoryRow, FindingRow

translate = QCoreApplication.translate


def date_edit(day: date) -> QDateEdit:
    edit = QDateEdit(QDate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def picked_date(edit: QDateEdit) -> date:
    day = edit.date()
    return date(day.year(), day.month(), day.day())


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class InspectionDialog(QDialog):
    """A new inspection: its name, the day it was held, the team."""

    def __init__(self, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New inspection"))
        self.name = QLineEdit()
        self.held_on = date_edit(today)
        self.team = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Held on"), self.held_on)
        form.addRow(self.tr("Inspection team"), self.team)
        form.addRow(_buttons(self))


class FindingDialog(QDialog):
    """A new finding: which inspection, which unit (and measure), what, by when."""

    def __init__(
        self, inspections: list[str], units: list[str], today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New finding"))
        self.resize(520, 420)
        self.inspection = QComboBox()
        self.inspection.addItems(inspections)
        self.inspection.setCurrentIndex(len(inspections) - 1)
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.addItems(units)
        self.unit.setCurrentIndex(-1)
        self.measure = QLineEdit()
        self.measure.setPlaceholderText(self.tr("Code of the measure concerned (optional)"))
        self.problem = QPlainTextEdit()
        self.requirement = QPlainTextEdit()
        self.deadline = date_edit(today)
        form = QFormLayout(self)
        form.addRow(self.tr("Inspection"), self.inspection)
        form.addRow(self.tr("Unit"), self.unit)
        form.addRow(self.tr("Measure"), self.measure)
        form.addRow(self.tr("Problem"), self.problem)
        form.addRow(self.tr("Required rectification"), self.requirement)
        form.addRow(self.tr("Deadline"), self.deadline)
        form.addRow(_buttons(self))

    def finding(self) -> NewFinding:
        return NewFinding(
            inspection=self.inspection.currentText(),
            unit=self.unit.currentText(),
            problem=self.problem.toPlainText(),
            requirement=self.requirement.toPlainText(),
            deadline=picked_date(self.deadline),
            measure=self.measure.text().strip() or None,
        )


class FindingProgressDialog(QDialog):
    """A finding's rectification progress: status, percent, what was done."""

    def __init__(self, row: FindingRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rectification progress"))
        self.resize(480, 300)
        self.status = QComboBox()
        for status in REPORTED_STATUSES:
            self.status.addItem(state_label(status), status.value)
        self.status.setCurrentIndex(max(0, self.status.findData(row.status.value)))
        self.percent = QSpinBox()
        self.percent.setRange(0, 100)
        self.percent.setSuffix("%")
        self.percent.setValue(row.percent or 0)
        self.note = QPlainTextEdit(row.note)
        form = QFormLayout(self)
        form.addRow(self.tr("Problem"), QLineEdit(row.problem, readOnly=True))
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Progress (%)"), self.percent)
        form.addRow(self.tr("Rectification progress"), self.note)
        form.addRow(_buttons(self))

    def change(self) -> FindingChange:
        return FindingChange(
            status=Status(self.status.currentData()),
            percent=self.percent.value(),
            note=self.note.toPlainText(),
        )


def history_model(parent: QWidget | None = None) -> RecordTableModel[FindingHistoryRow]:
    return RecordTableModel(
        [
            Column(translate("FindingHistory", "When"), lambda h: f"{h.changed_at:%Y-%m-%d %H:%M}"),
            Column(translate("FindingHistory", "Who"), lambda h: h.changed_by),
            Column(translate("FindingHistory", "Source"), lambda h: h.source),
            Column(
                translate("FindingHistory", "Status"),
                lambda h: f"{h.old_status or '—'} → {h.new_status}",
            ),
            Column(
                translate("FindingHistory", "Progress (%)"),
                lambda h: "" if h.new_percent is None else h.new_percent,
            ),
            Column(translate("FindingHistory", "Rectification progress"), lambda h: h.new_note),
            Column(translate("FindingHistory", "Unit's evidence"), lambda h: h.unit_evidence),
            Column(translate("FindingHistory", "Evidence"), lambda h: h.evidence),
        ],
        parent,
    )


class FindingHistoryDialog(QDialog):
    def __init__(self, rows: list[FindingHistoryRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("History of the finding"))
        self.resize(760, 320)
        self.model = history_model(self)
        self.model.set_records(rows)
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(table)
        layout.addWidget(buttons)
