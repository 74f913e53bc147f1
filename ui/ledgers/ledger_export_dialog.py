"""Sending work ledgers out: one workbook per unit (all, or the units ticked) and the master.

Writing 40 workbooks takes a while, so the export runs on a worker thread
behind a progress dialog whose Cancel stops between two units (the workbooks
already written stay, and are recorded against the round).  At the end the
clerk is offered the folder, ready to attach the files to e-mails.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from tracker.memory import collecting_young, collector_paused
from ui.messages import app_title, translated, warn
from ui.settings.folders import choose_folder, round_folder
from ui.workers import Reporter, run_with_progress

if TYPE_CHECKING:
    from tracker.ledgers.ledger_export import ExportFailure, LedgerExporter
    from tracker.rounds.round_service import RoundInfo


@dataclass(frozen=True)
class ExportRequest:
    round_name: str
    folder: Path
    units: list[str] | None  # None: every unit with assignments
    master: bool


@dataclass
class ExportResult:
    written: list[Path] = field(default_factory=list)
    cancelled: bool = False
    failed: list[ExportFailure] = field(default_factory=list)
    """Units whose file could not be written (the others were): listed to the clerk."""
    memberless: list[str] = field(default_factory=list)
    """Collectives with no member yet, given no file (``tracker.units.memberless``)."""


def export_ledgers(
    exporter: LedgerExporter, request: ExportRequest, reporter: Reporter
) -> ExportResult:
    """The export itself (on the worker thread): units first, then the master ledger.

    A unit's file that cannot be written is listed at the end, the others written;
    a folder that cannot be made, or a master ledger that cannot be written, is a
    ``UserError`` (the units' files stay written and recorded).

    The cycle collector is paused meanwhile: openpyxl's objects for 10,000 rows set off a
    dozen full collections, each walking the window's rows too and holding the window
    still (up to 0.5 s under load; 8 heartbeat gaps over 100 ms → 1: ``bench/notes.md``);
    what each unit's workbook leaves is collected as it ends (``collecting_young``).
    """
    with collector_paused():
        result = ExportResult()
        if request.units != []:
            units = exporter.export_each_unit(
                request.round_name,
                request.folder,
                request.units,
                progress=collecting_young(reporter),  # each unit's objects freed as it ends
            )
            result.written += units.written
            result.failed += units.failed
            result.memberless += units.memberless
        result.cancelled = reporter.cancelled
        if request.master and not result.cancelled:
            result.written.append(exporter.export_master(request.round_name, request.folder))
        return result


class LedgerExportDialog(QDialog):
    def __init__(
        self,
        exporter: LedgerExporter,
        rounds: list[RoundInfo],
        units: list[str],
        parent: QWidget | None = None,
        folder: str = "",
    ) -> None:
        super().__init__(parent)
        self.exporter = exporter
        self.outcome: ExportResult | None = None
        self.open_folder: Callable[[Path], bool] = lambda p: QDesktopServices.openUrl(
            QUrl.fromLocalFile(str(p))
        )
        self.setWindowTitle(self.tr("Export work ledgers"))
        self.resize(520, 560)
        self.round = QComboBox()
        for r in reversed(rounds):  # the latest first
            self.round.addItem(f"{r.name}（{r.as_of:%Y-%m-%d}）", r.name)
        self.all_units = QRadioButton(
            self.tr("Every unit with assignments ({0})").format(len(units))
        )
        self.some_units = QRadioButton(self.tr("Only the units ticked below"))
        self.all_units.setChecked(True)
        self.unit_list = QListWidget()
        for name in units:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.unit_list.addItem(item)
        self.master = QCheckBox(
            self.tr("Also the master ledger (总台账, every unit in one workbook)")
        )
        self.master.setChecked(True)
        self.folder_chosen = bool(folder)
        """Once the clerk picks or types a folder, another round no longer moves it."""
        self.folder = QLineEdit(folder or str(round_folder(self.round.currentData() or "")))
        self.folder.textEdited.connect(self._folder_typed)
        self.round.currentIndexChanged.connect(self._round_changed)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("Export"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Round"), self.round)
        form.addRow(self.tr("Save in folder"), folder_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.all_units)
        layout.addWidget(self.some_units)
        layout.addWidget(self.unit_list, 1)
        layout.addWidget(self.master)
        layout.addWidget(self.buttons)
        self.some_units.toggled.connect(self.unit_list.setEnabled)
        self.unit_list.setEnabled(False)
        self.export_button.setEnabled(self.round.count() > 0)

    def _folder_typed(self, _text: str) -> None:
        self.folder_chosen = True

    def _round_changed(self) -> None:
        """文档\\督办台账\\<轮次>: each round's ledgers in a folder of their own."""
        if not self.folder_chosen:
            self.folder.setText(str(round_folder(self.round.currentData() or "")))

    def choose_folder(self) -> None:
        start = Path(self.folder.text())
        chosen = choose_folder(
            self, "exports", self.tr("Save the ledgers in"), start if start.is_dir() else None
        )
        if chosen is not None:
            self.folder.setText(str(chosen))
            self.folder_chosen = True

    def checked_units(self) -> list[str]:
        return [
            self.unit_list.item(i).text()
            for i in range(self.unit_list.count())
            if self.unit_list.item(i).checkState() == Qt.CheckState.Checked
        ]

    def request(self) -> ExportRequest | None:
        """What the clerk asked for, or None (with a message) if something is missing."""
        folder = self.folder.text().strip()
        units = self.checked_units() if self.some_units.isChecked() else None
        if not folder:
            warn(self, self.tr("Choose a folder to save the ledgers in."))
            return None
        if units == [] and not self.master.isChecked():
            warn(self, self.tr("Tick at least one unit, or the master ledger."))
            return None
        return ExportRequest(self.round.currentData(), Path(folder), units, self.master.isChecked())

    def export(self) -> None:
        request = self.request()
        if request is None:
            return
        outcome = run_with_progress(
            self,
            self.tr("Writing work ledgers…"),
            lambda reporter: export_ledgers(self.exporter, request, reporter),
        )
        if not outcome.ok or outcome.value is None:
            return
        self.outcome = outcome.value
        self.accept()
        self.offer_folder(request.folder, outcome.value)

    def offer_folder(self, folder: Path, result: ExportResult) -> None:
        n, failed = len(result.written), len(result.failed)
        if result.cancelled and n == 1:
            text = self.tr("Stopped: %n ledger was written to {0} before you cancelled.", "", n)
        elif result.cancelled:
            text = self.tr("Stopped: %n ledgers were written to {0} before you cancelled.", "", n)
        elif n == 1:
            text = self.tr("%n ledger was written to {0}.", "", n)
        else:
            text = self.tr("%n ledgers were written to {0}.", "", n)
        text = text.format(folder)
        if failed == 1:
            text += "\n\n" + self.tr("%n ledger could not be written:", "", failed)
        elif failed:
            text += "\n\n" + self.tr("%n ledgers could not be written:", "", failed)
        if failed:
            text += "".join(f"\n• {f.unit}: {translated(f.reason)}" for f in result.failed)
        if result.memberless:
            text += "\n\n" + self.tr(
                "No ledger for the collectives with no members yet (add their members in "
                "the units directory): {0}"
            ).format("、".join(result.memberless))
        text += "\n\n" + self.tr("Open the folder?")
        answer = QMessageBox.question(
            self,
            app_title(),
            text,
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
        )
        if answer == QMessageBox.StandardButton.Open:
            self.open_folder(folder)
