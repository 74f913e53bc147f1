"""The findings tab (督查整改): every inspection's findings, tracked until closed.

The clerk filters by unit and to the open ones, records an inspection and its
findings, a finding's progress, closes it with its evidence (整改销号) or reopens
it, reads its history, and imports a 问题清单 (``ui.inspections.finding_import``).
Everything goes through the ``InspectionService`` the page is given.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.inspections.finding_dialogs import (
    FindingDialog,
    FindingHistoryDialog,
    FindingProgressDialog,
    InspectionDialog,
    picked_date,
)
from ui.inspections.finding_model import PROBLEM, REQUIREMENT, FindingTableModel
from ui.messages import user_errors

if TYPE_CHECKING:
    from tracker.inspections.finding_records import FindingRow
    from tracker.inspections.inspection_service import InspectionService


class FindingsPage(QWidget):
    changed = Signal()
    """A finding was added, changed, closed or reopened (the board's counts move)."""

    def __init__(
        self,
        inspections: InspectionService,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.inspections = inspections
        self.today = today
        self.model = FindingTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (PROBLEM, REQUIREMENT):
            header.resizeSection(column, 220)
        header.setStretchLastSection(True)
        self.unit = QComboBox()
        self.open_only = QCheckBox(self.tr("Open findings only"))
        self.counts = QLabel()
        self.buttons = {
            "inspection": QPushButton(self.tr("New inspection…")),
            "finding": QPushButton(self.tr("New finding…")),
            "progress": QPushButton(self.tr("Progress…")),
            "close": QPushButton(self.tr("Close (整改销号)…")),
            "reopen": QPushButton(self.tr("Reopen")),
            "history": QPushButton(self.tr("History")),
            "import": QPushButton(self.tr("Import problem list…")),
            "export": QPushButton(self.tr("Export…")),
        }
        self._lay_out()
        self._connect()
        self._enable()

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Unit")))
        filters.addWidget(self.unit, 1)
        filters.addWidget(self.open_only)
        filters.addWidget(self.counts, 2)
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch(1)
        column = QVBoxLayout(self)
        column.addLayout(filters)
        column.addLayout(actions)
        column.addWidget(self.table, 1)

    def _connect(self) -> None:
        b = self.buttons
        b["inspection"].clicked.connect(self.new_inspection)
        b["finding"].clicked.connect(self.new_finding)
        b["progress"].clicked.connect(self.record_progress)
        b["close"].clicked.connect(self.close_finding)
        b["reopen"].clicked.connect(self.reopen_finding)
        b["history"].clicked.connect(self.show_history)
        b["import"].clicked.connect(self.import_list)
        b["export"].clicked.connect(self.export_list)
        self.unit.currentIndexChanged.connect(lambda _i: self.reload())
        self.open_only.toggled.connect(lambda _on: self.reload())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._enable())
        self.table.doubleClicked.connect(lambda _i: self.record_progress())

    # -- reading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the findings the filters ask for (and the units that have any)."""
        chosen = self.unit.currentData()
        with user_errors(self):
            every = self.inspections.findings()
            units = sorted({r.unit for r in every})
            self.unit.blockSignals(True)
            self.unit.clear()
            self.unit.addItem(self.tr("All units"), None)
            for name in units:
                self.unit.addItem(name, name)
            self.unit.setCurrentIndex(max(0, self.unit.findData(chosen)))
            self.unit.blockSignals(False)
            rows = [
                r
                for r in every
                if (self.unit.currentData() in (None, r.unit))
                and (r.is_open or not self.open_only.isChecked())
            ]
            self.model.set_rows(rows)
            open_ = sum(r.is_open for r in every)
            shown = (
                self.tr("%n finding shown; {0} of {1} open", "", len(rows))
                if len(rows) == 1
                else self.tr("%n findings shown; {0} of {1} open", "", len(rows))
            )
            self.counts.setText(shown.format(open_, len(every)))
        self._enable()

    def selected(self) -> FindingRow | None:
        chosen = self.table.selectionModel().selectedRows()
        return self.model.row_at(chosen[0].row()) if chosen else None

    def select(self, finding_id: int) -> None:
        row = self.model.row_of(finding_id)
        if row is not None:
            self.table.selectRow(row)

    def _enable(self) -> None:
        row = self.selected()
        for name in ("progress", "close"):
            self.buttons[name].setEnabled(row is not None and row.is_open)
        self.buttons["reopen"].setEnabled(row is not None and not row.is_open)
        self.buttons["history"].setEnabled(row is not None)

    # -- commands ---------------------------------------------------------------------------
    def _done(self, finding_id: int | None = None) -> None:
        self.reload()
        if finding_id is not None:
            self.select(finding_id)
        self.changed.emit()

    def new_inspection(self) -> None:
        dialog = InspectionDialog(self.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        with user_errors(self):
            self.inspections.create_inspection(
                dialog.name.text(), picked_date(dialog.held_on), dialog.team.text()
            )
            self._done()

    def new_finding(self) -> None:
        with user_errors(self):
            names = [i.name for i in self.inspections.inspections()]
            units = self.inspections.unit_names()
        if not names:
            self.new_inspection()
            return
        dialog = FindingDialog(names, units, self.today(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        with user_errors(self):
            made = self.inspections.add_finding(dialog.finding())
            self._done(made.id)

    def record_progress(self) -> None:
        row = self.selected()
        if row is None or not row.is_open:
            return
        dialog = FindingProgressDialog(row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        with user_errors(self):
            self.inspections.record(row.id, dialog.change(), expected_version=row.version)
            self._done(row.id)

    def close_finding(self) -> None:
        row = self.selected()
        if row is None or not row.is_open:
            return
        evidence, accepted = QInputDialog.getMultiLineText(
            self,
            self.tr("Close the finding (整改销号)"),
            self.tr("Evidence that it is rectified (documents, site check…):"),
            row.unit_evidence,  # what the unit's 整改台账 pointed to, for the office to confirm
        )
        if not accepted:
            return
        with user_errors(self):
            self.inspections.close(row.id, evidence, expected_version=row.version)
            self._done(row.id)

    def reopen_finding(self) -> None:
        row = self.selected()
        if row is None or row.is_open:
            return
        with user_errors(self):
            self.inspections.reopen(row.id, expected_version=row.version)
            self._done(row.id)

    def show_history(self) -> None:
        row = self.selected()
        if row is None:
            return
        with user_errors(self):
            FindingHistoryDialog(self.inspections.history(row.id), self).exec()

    def export_list(self) -> None:
        """The findings shown, to an .xlsx (``ui.inspections.findings_export``)."""
        from ui.inspections.findings_export import export_findings, findings_title

        title = findings_title(self.unit.currentData(), self.open_only.isChecked())
        export_findings(self, self.model, title, self.today())

    def import_list(self) -> None:
        from ui.inspections.finding_import import import_finding_list

        if import_finding_list(self.inspections, self):
            self._done()
