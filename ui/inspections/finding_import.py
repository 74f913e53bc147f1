"""Importing a 问题清单 in the window: choose the file, see every line checked, then import.

The preview lists the findings the file makes, the inspections it will create and
every bad cell (sheet!cell: why); the import button stays off while there is any,
so nothing is written from a list with an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.messages import busy, translated, user_errors
from ui.record_model import Column, RecordTableModel
from ui.settings.folders import open_file

if TYPE_CHECKING:
    from tracker.inspections.finding_import import FindingListPreview, PlannedFinding
    from tracker.inspections.inspection_service import InspectionService

translate = QCoreApplication.translate


def planned_model(parent: QWidget | None = None) -> RecordTableModel[PlannedFinding]:
    return RecordTableModel(
        [
            Column(translate("FindingListPreview", "Cell"), lambda p: f"{p.sheet}!{p.row}"),
            Column(translate("FindingListPreview", "Inspection"), lambda p: p.finding.inspection),
            Column(translate("FindingListPreview", "Unit"), lambda p: p.finding.unit),
            Column(translate("FindingListPreview", "Measure"), lambda p: p.finding.measure or ""),
            Column(translate("FindingListPreview", "Problem"), lambda p: p.finding.problem),
            Column(
                translate("FindingListPreview", "Required rectification"),
                lambda p: p.finding.requirement,
            ),
            Column(
                translate("FindingListPreview", "Deadline"),
                lambda p: p.finding.deadline.isoformat(),
            ),
        ],
        parent,
    )


class FindingListPreviewDialog(QDialog):
    def __init__(self, preview: FindingListPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import problem list: {0}").format(preview.file_name))
        self.resize(900, 520)
        self.model = planned_model(self)
        self.model.set_records(preview.findings)
        table = QTableView()
        table.setModel(self.model)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        n = len(preview.findings)
        summary = self.tr("%n finding", "", n) if n == 1 else self.tr("%n findings", "", n)
        if preview.inspections:
            names = "、".join(i.name for i in preview.inspections)
            summary += self.tr("; new inspections: {0}").format(names)
        self.errors = QListWidget()
        for error in preview.errors:
            where = f"{error.sheet}!{error.cell}" if error.cell else error.sheet
            self.errors.addItem(f"{where}: {translated(error.reason)}")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary))
        layout.addWidget(table, 3)
        if preview.errors:
            layout.addWidget(
                QLabel(
                    self.tr(
                        "%n cell must be corrected in the file; nothing will be imported:",
                        "",
                        len(preview.errors),
                    )
                    if len(preview.errors) == 1
                    else self.tr(
                        "%n cells must be corrected in the file; nothing will be imported:",
                        "",
                        len(preview.errors),
                    )
                )
            )
            layout.addWidget(self.errors, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Import"))
        ok.setEnabled(preview.ready)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)


def import_finding_list(inspections: InspectionService, parent: QWidget) -> bool:
    """Ask for a 问题清单, show its preview, import it when the clerk agrees; True if done."""
    path = open_file(
        parent,
        "documents",
        translate("FindingListPreview", "Choose a problem list (问题清单)"),
        translate("FindingListPreview", "Spreadsheets (*.xlsx *.xls *.ods)"),
    )
    if path is None:
        return False
    preview: FindingListPreview | None = None
    with user_errors(parent), busy():
        preview = inspections.preview_list(path)
    if preview is None:
        return False
    dialog = FindingListPreviewDialog(preview, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    written = 0
    with user_errors(parent), busy():
        written = inspections.apply_list(preview)
    return written > 0
