"""Chasers for many units at once: choose the units (or all not reported) → preview → save
or print them all.

The preview is every chaser in one document, numbered as they would be now; saving
takes the numbers for good (``tracker.reports.chasers``: two clerks never share one)
and writes one file per unit plus the combined file on a worker, with progress and
Cancel (between files).  Printed from the preview, the chasers take their numbers then.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import UserError
from ui.messages import app_title, translated, user_errors, warn
from ui.settings.folders import choose_folder, round_folder
from ui.workers import Reporter, run_with_progress

if TYPE_CHECKING:
    from tracker.reports.chasers import Chaser, ChaserRequest, ChaserService
    from tracker.rounds.round_status import RoundStatusService

REPLY_DAYS = 5


class ChaserBatchDialog(QDialog):
    def __init__(
        self,
        chasers: ChaserService,
        status: RoundStatusService,
        units: list[str],
        rounds: list[str],
        today: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.chasers = chasers
        self.status = status
        self.written: list[Path] = []
        self.setWindowTitle(self.tr("Chasers for several units"))
        self.resize(560, 560)
        self.round = QComboBox()
        for name in reversed(rounds):
            self.round.addItem(name, name)
        self.units = QListWidget()
        for name in units:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.units.addItem(item)
        self.not_reported = QPushButton(self.tr("All not reported"))
        self.not_reported.clicked.connect(self.check_not_reported)
        self.overdue = QPushButton(self.tr("All with overdue tasks or findings"))
        self.overdue.clicked.connect(self.check_overdue)
        self.clear = QPushButton(self.tr("None"))
        self.clear.clicked.connect(lambda: self.check([]))
        self.ask_ledger = QCheckBox(self.tr("Ask units that have not reported for the ledger"))
        self.ask_ledger.setChecked(True)
        self.reply_by = QDateEdit(QDate(today + timedelta(days=REPLY_DAYS)))
        self.reply_by.setCalendarPopup(True)
        self.reply_by.setDisplayFormat("yyyy-MM-dd")
        self.format = QComboBox()
        self.format.addItem(self.tr("PDF"), ".pdf")
        self.format.addItem(self.tr("Word"), ".docx")
        picks = QHBoxLayout()
        for button in (self.not_reported, self.overdue, self.clear):
            picks.addWidget(button)
        form = QFormLayout()
        form.addRow(self.tr("Round"), self.round)
        form.addRow(self.tr("Units"), self.units)
        form.addRow("", picks)
        form.addRow("", self.ask_ledger)
        form.addRow(self.tr("Reply by"), self.reply_by)
        form.addRow(self.tr("Format"), self.format)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.preview = buttons.addButton(
            self.tr("Preview and print…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.preview.clicked.connect(self.show_preview)
        self.save = buttons.addButton(self.tr("Save all…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.save.clicked.connect(self.save_all)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    # -- choosing --------------------------------------------------------------------------
    def check(self, names: list[str]) -> None:
        wanted = set(names)
        for row in range(self.units.count()):
            item = self.units.item(row)
            state = Qt.CheckState.Checked if item.text() in wanted else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def checked(self) -> list[str]:
        items = (self.units.item(row) for row in range(self.units.count()))
        return [i.text() for i in items if i.checkState() == Qt.CheckState.Checked]

    def check_not_reported(self) -> None:
        with user_errors(self):
            self.check(self.status.status(self.round.currentData()).not_reported)

    def check_overdue(self) -> None:
        from tracker.reports.chasers import ChaserRequest

        with user_errors(self):
            self.check(self.chasers.targets(ChaserRequest(overdue=True)))

    def request(self) -> ChaserRequest:
        from tracker.reports.chasers import ChaserRequest

        return ChaserRequest(
            units=tuple(self.checked()),
            not_reported=self.ask_ledger.isChecked() and self.round.currentData() is not None,
            round_name=self.round.currentData(),
            reply_by=self.reply_by.date().toPython(),  # type: ignore[arg-type]
        )

    def drafts(self) -> list[Chaser] | None:
        request = self.request()
        if not request.units:
            warn(self, self.tr("Choose the units to chase first."))
            return None
        outcome = run_with_progress(
            self,
            self.tr("Preparing the chasers…"),
            lambda _reporter: self.chasers.drafts(request, list(request.units)),
            cancellable=False,
        )
        return outcome.value if outcome.ok else None

    # -- preview, print, save --------------------------------------------------------------
    def show_preview(self) -> None:
        from importers.reports.pdf import pdf_bytes
        from tracker.reports.chasers import combined
        from ui.reports.pdf_preview import preview_dialog

        drafts = self.drafts()
        if not drafts:
            return
        outcome = run_with_progress(
            self,
            self.tr("Laying out the chasers…"),
            lambda _reporter: pdf_bytes(combined(drafts)),
            cancellable=False,
        )
        if not outcome.ok or outcome.value is None:
            return
        preview = preview_dialog(outcome.value, self, "催办单_合订.pdf")
        printed = preview.exec() == QDialog.DialogCode.Accepted
        if printed:
            self.take_printed(drafts)

    def take_printed(self, drafts: list[Chaser]) -> None:
        """The chasers went to the printer with the drafts' numbers: take those numbers."""
        try:
            taken = self.chasers.take_numbers(drafts, self.request().round_name)
        except UserError as exc:
            warn(self, translated(exc))
            return
        if taken[0].number != drafts[0].number:
            warn(
                self,
                self.tr(
                    "Another clerk took chaser numbers meanwhile: the printed chasers are "
                    "recorded as {0} to {1}; correct the numbers on paper or print again."
                ).format(taken[0].label, taken[-1].label),
            )

    def save_all(self) -> None:
        drafts = self.drafts()
        if not drafts:
            return
        start = round_folder(self.round.currentData()) if self.round.currentData() else None
        folder = choose_folder(self, "reports", self.tr("Save the chasers into"), start)
        if folder is None:
            return
        suffix = self.format.currentData()
        round_name = self.request().round_name

        def work(reporter: Reporter) -> list[Path]:
            issued = self.chasers.take_numbers(drafts, round_name)
            return self.chasers.save_all(issued, folder, suffix, reporter)

        outcome = run_with_progress(self, self.tr("Writing the chasers…"), work)
        if not outcome.ok or outcome.value is None:
            return
        self.written = outcome.value
        n = len(self.written)
        if outcome.cancelled:
            text = (
                self.tr("Stopped: %n file written to {0}", "", n)
                if n == 1
                else self.tr("Stopped: %n files written to {0}", "", n)
            ).format(folder)
        else:
            text = (
                self.tr("%n file written to {0}", "", n)
                if n == 1
                else self.tr("%n files written to {0}", "", n)
            ).format(folder)
        QMessageBox.information(self, app_title(), text)
