"""Taking back returned work ledgers: preview every file, decide conflicts, then apply.

Nothing is written until Apply.  The preview reads the files on a worker thread
(one file at a time, so Cancel stops between two files) with one
``LedgerImporter``, which keeps what it read for the apply — the 40 workbooks are
read once.  Apply passes the previews it showed as ``expected``: if anything
changed meanwhile the service refuses and the clerk previews again.

Besides changes, rejected rows and conflicts, the clerk sees the cells the unit
edited that are ignored (locked columns, over-long text), the texts the unit
emptied (kept, or cleared by the clerk's choice), and — for a file whose hidden
sheet is gone — picks the file's unit (suggested by the service) before it can
go in.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.ledgers.file_list_model import STATUS, FileListModel
from ui.ledgers.ledger_choice_delegate import ChoiceDelegate
from ui.ledgers.ledger_history import ApplyRequest
from ui.ledgers.ledger_preview_models import (
    CHOICE,
    KEPT_CHOICE,
    OFFICE,
    UNIT,
    ConflictModel,
    KeptModel,
    changes_model,
    contacts_model,
    extensions_model,
    finding_edits_model,
    ignored_model,
    warnings_model,
)
from ui.ledgers.preview_views import apply_summary, preview_files, table_view, with_changes
from ui.ledgers.rejected_edits import EDIT_TRIGGERS, RejectedModel
from ui.ledgers.unit_chooser import UnitChooser
from ui.messages import app_title
from ui.workers import run_with_progress

if TYPE_CHECKING:
    from tracker.ledgers.ledger_import import ApplyResult, FilePreview, LedgerImporter


class LedgerImportDialog(QDialog):
    applied = Signal()
    """Changes were written: the window re-reads its rows."""

    def __init__(
        self, importer: LedgerImporter, paths: Sequence[Path], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.importer = importer
        self.paths = list(paths)
        self.outcome: ApplyResult | None = None
        self.applies: list[tuple[ApplyRequest, ApplyResult]] = []
        """Each apply made here, in order, with what it applied (for the undo history)."""
        self.cancelled = False
        self.units: dict[Path, str] = {}
        """The clerk's unit for each file whose hidden sheet is gone."""
        self.corrections: dict[Path, dict[str, str]] = {}
        """The clerk's values for rejected cells, per file (``ui.ledgers.rejected_edits``)."""
        self.setWindowTitle(self.tr("Import returned work ledgers"))
        self.resize(1100, 720)
        self.files = FileListModel(self)
        self.changes = changes_model(self)
        self.rejects = RejectedModel(self)
        self.rejects.corrected.connect(self.correct)
        self.conflicts = ConflictModel(self.files.choices, self)
        self.ignored = ignored_model(self)
        self.kept = KeptModel(self.files.choices, self)
        self.warnings = warnings_model(self)
        self.contacts = contacts_model(self)
        self.requests = extensions_model(self)
        self.finding_edits = finding_edits_model(self)
        self.file_view = table_view(self.files, STATUS)  # the status says what happens: room for it
        self.change_view = table_view(self.changes, 3)
        self.reject_view = table_view(self.rejects, 2)
        self.reject_view.setEditTriggers(EDIT_TRIGGERS)
        self.conflict_view = table_view(self.conflicts, 5)
        self.ignored_view = table_view(self.ignored, 1)
        self.kept_view = table_view(self.kept, 4)
        self.warning_view = table_view(self.warnings, 3)
        self.contact_view = table_view(self.contacts, 2)
        self.request_view = table_view(self.requests, 4)
        self.conflict_view.setItemDelegateForColumn(
            CHOICE, ChoiceDelegate(ConflictModel.choice_names, self.conflict_view)
        )
        self.kept_view.setItemDelegateForColumn(
            KEPT_CHOICE, ChoiceDelegate(KeptModel.choice_names, self.kept_view)
        )
        choice_header = self.conflict_view.horizontalHeader()
        choice_header.setSectionResizeMode(CHOICE, QHeaderView.ResizeMode.Fixed)
        longest = max(ConflictModel.choice_names().values(), key=len)
        choice_header.resizeSection(CHOICE, self.fontMetrics().horizontalAdvance(longest) + 48)
        self.details = QTabWidget()
        self.details.addTab(self.change_view, "")
        self.details.addTab(self.reject_view, "")
        self.details.addTab(self._conflict_page(), "")
        self.details.addTab(self.ignored_view, "")
        self.details.addTab(self.kept_view, "")
        self.details.addTab(self.warning_view, "")
        self.details.addTab(self.contact_view, "")
        self.details.addTab(table_view(self.finding_edits, 3), "")
        self.details.addTab(self.request_view, "")
        self.unit_page = UnitChooser()
        self.unit_page.chosen.connect(self.choose_unit)
        self.unit_label, self.unit_choice = self.unit_page.label, self.unit_page.choice
        self.use_unit_button = self.unit_page.use_button
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.apply_valid = QCheckBox(
            self.tr("Apply the valid rows of files with rejected cells (the rejected rows stay)")
        )
        self.apply_valid.toggled.connect(self._apply_valid_toggled)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = self.buttons.addButton(
            self.tr("Apply"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.apply_button.clicked.connect(self.apply)
        self.notice_button = self.buttons.addButton(
            self.tr("Write return notice…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.notice_button.setToolTip(
            self.tr("The file back to its unit with the rejected cells marked, and their list")
        )
        self.notice_button.clicked.connect(self.write_return_notice)
        self.buttons.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.file_view)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.unit_page)
        lower_layout.addWidget(self.details, 1)
        splitter.addWidget(lower)
        splitter.setSizes([300, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.apply_valid)
        layout.addWidget(self.buttons)
        self.file_view.selectionModel().selectionChanged.connect(self._file_chosen)
        self.files.dataChanged.connect(lambda *_: self._update_summary())
        self.conflicts.dataChanged.connect(lambda *_: self._decided())
        self.kept.dataChanged.connect(lambda *_: self._decided())
        self._show_file(None)

    def choose_unit(self, name: str) -> None:
        """The clerk named the selected file's unit: preview again with it."""
        preview = self.selected()
        name = name.strip()
        if preview is None or not name:
            return
        self.units[preview.path] = name
        self.reload()

    def correct(self, key: str, text: str) -> None:
        """The clerk typed a value for a rejected cell: preview its file again with it."""
        preview = self.selected()
        if preview is not None:
            self.corrections.setdefault(preview.path, {})[key] = text
            self.reload()

    def _conflict_page(self) -> QWidget:
        page = QWidget()
        take_all = QPushButton(self.tr("Take the unit's values for all"))
        keep_all = QPushButton(self.tr("Keep the office's values for all"))
        take_all.clicked.connect(lambda: self.decide_all(UNIT))
        keep_all.clicked.connect(lambda: self.decide_all(OFFICE))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("The unit and the office both changed these fields:")), 1)
        row.addWidget(take_all)
        row.addWidget(keep_all)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.conflict_view, 1)
        return page

    # -- preview ----------------------------------------------------------------------------
    def load(self) -> bool:
        """Preview the files (worker thread, progress, Cancel); False if nothing was read."""
        paths = self.paths
        outcome = run_with_progress(
            self.parentWidget(),
            self.tr("Reading returned ledgers…"),
            lambda reporter: preview_files(
                self.importer, paths, None, reporter, self.units, self.corrections
            ),
        )
        self.cancelled = outcome.cancelled
        if not outcome.ok or outcome.value is None:
            return False
        self.files.set_records(outcome.value)
        if outcome.value:
            self.file_view.selectRow(0)
        self._update_summary()
        return bool(outcome.value)

    def previews(self) -> list[FilePreview]:
        return self.files.records()

    def selected(self) -> FilePreview | None:
        rows = self.file_view.selectionModel().selectedRows()
        return self.files.record(rows[0].row()) if rows else None

    def _file_chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_file(self.selected())

    def _show_file(self, preview: FilePreview | None) -> None:
        self.changes.set_records(preview.changed if preview else [])
        self.rejects.typed = self.corrections.get(preview.path, {}) if preview else {}
        self.rejects.set_records(preview.rejected if preview else [])
        self.conflicts.set_records(preview.conflicts if preview else [])
        self.ignored.set_records(preview.ignored if preview else [])
        self.kept.set_records(preview.kept if preview else [])
        self.warnings.set_records(preview.warnings if preview else [])
        self.contacts.set_records(preview.contacts if preview else [])
        self.requests.set_records(preview.requests if preview else [])
        self.finding_edits.set_records(preview.finding_edits if preview else [])
        for row in range(self.conflicts.rowCount()):
            self.conflict_view.openPersistentEditor(self.conflicts.index(row, CHOICE))
        for row in range(self.kept.rowCount()):
            self.kept_view.openPersistentEditor(self.kept.index(row, KEPT_CHOICE))
        self.details.setTabText(0, self.tr("Changes ({0})").format(self.changes.rowCount()))
        self.details.setTabText(1, self.tr("Rejected ({0})").format(self.rejects.rowCount()))
        self.details.setTabText(2, self.tr("Conflicts ({0})").format(self.conflicts.rowCount()))
        self.details.setTabText(3, self.tr("Ignored ({0})").format(self.ignored.rowCount()))
        self.details.setTabText(4, self.tr("Emptied, kept ({0})").format(self.kept.rowCount()))
        self.details.setTabText(5, self.tr("Warnings ({0})").format(self.warnings.rowCount()))
        self.details.setTabText(
            6, self.tr("Contacts updated ({0})").format(self.contacts.rowCount())
        )
        edits = self.tr("Findings sheet ({0})").format(self.finding_edits.rowCount())
        self.details.setTabText(7, edits)
        asked = self.tr("Extension requests ({0})").format(self.requests.rowCount())
        self.details.setTabText(8, asked)
        self.unit_page.show_for(preview, self.units.get(preview.path) if preview else None)
        self.notice_button.setEnabled(bool(preview and preview.rejected and not preview.error))
        if preview is not None:  # open the tab that needs the clerk's attention
            wanted = (
                1 if preview.rejected else 2 if preview.conflicts else 5 if preview.warnings else 0
            )
            self.details.setCurrentIndex(wanted)

    def decide_all(self, choice: str) -> None:
        for row in range(self.conflicts.rowCount()):
            self.conflicts.setData(self.conflicts.index(row, CHOICE), choice)
        self._show_file(self.selected())

    def write_return_notice(self) -> None:
        """The 退回单 of the selected file, into a folder the clerk picks."""
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        preview = self.selected()
        if preview is None or not preview.rejected:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Folder for the return notice"), str(preview.path.parent)
        )
        if not folder:
            return
        outcome = run_with_progress(
            self,
            self.tr("Writing the return notice…"),
            lambda _reporter: self.importer.return_notice(preview, Path(folder)),
            cancellable=False,
        )
        if outcome.ok and outcome.value is not None:
            QMessageBox.information(
                self, app_title(), self.tr("Return notice written: {0}").format(outcome.value)
            )

    def _apply_valid_toggled(self, checked: bool) -> None:
        self.files.apply_valid = checked
        for row in range(self.files.rowCount()):
            self.files.refresh_row(row)
        self._update_summary()

    def _decided(self) -> None:
        """A conflict's decision changed: the file's status follows."""
        preview = self.selected()
        if preview is not None:
            self.files.refresh_row(self.previews().index(preview))
        self._update_summary()

    def _update_summary(self) -> None:
        previews = self.previews()
        ready = [p for p in previews if self._ready(p)]
        changes = sum(len(p.changed) for p in ready)
        files = len(previews)
        read = (
            self.tr("%n file read", "", files)
            if files == 1
            else self.tr("%n files read", "", files)
        )
        done = [p for p in previews if p.file in self.files.outcomes]
        if done:  # after an apply: what went in, not "0 can be applied now with 0 changes"
            went_in = with_changes(sum(result.changes for _request, result in self.applies))
            text = self.tr("{0}; {1} imported {2}.").format(read, len(done), went_in)
            if ready:
                text = self.tr("{0}; {1} imported {2}; {3} more can be applied now {4}.").format(
                    read, len(done), went_in, len(ready), with_changes(changes)
                )
        else:
            text = self.tr("{0}; {1} can be applied now {2}.").format(
                read, len(ready), with_changes(changes)
            )
        self.summary.setText(text)
        self.apply_button.setEnabled(bool(ready))

    def _ready(self, preview: FilePreview) -> bool:
        if preview.file in self.files.outcomes or preview.error:
            return False
        if preview.rejected and not self.apply_valid.isChecked():
            return False
        undecided = [c for c in preview.conflicts if c.key not in self.files.choices]
        if preview.needs_unit:
            return False
        # A file with nothing new is applied too: its unit has reported (报送情况).
        return not undecided

    # -- apply ------------------------------------------------------------------------------
    def apply(self) -> None:
        previews = self.previews()
        request = ApplyRequest(
            [p.path for p in previews],
            previews,
            dict(self.files.choices),
            dict(self.units),
            self.apply_valid.isChecked(),
            {p: dict(c) for p, c in self.corrections.items()},
        )
        outcome = run_with_progress(
            self,
            self.tr("Applying the returned ledgers…"),
            lambda _reporter: request.apply(self.importer),
            cancellable=False,
        )
        if not outcome.ok or outcome.value is None:
            return
        result = outcome.value
        self.outcome = result
        if result.applied:
            self.applies.append((request, result))
        for name in result.applied:
            self.files.outcomes[name] = self.tr("Imported")
        self.files.reported.update(result.reporting)
        self.applied.emit()
        self._tell(result)
        self.reload()

    def _tell(self, result: ApplyResult) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(self, app_title(), apply_summary(result))

    def reload(self) -> None:
        """Read the files again after an apply: what is left shows its current state; a
        file imported keeps the preview it went in with (its unit, counts, changes and
        退回单), not the refusal a second reading of it now gets."""
        keep = self.file_view.currentIndex().row()
        outcome = run_with_progress(
            self,
            self.tr("Reading returned ledgers…"),
            lambda reporter: preview_files(
                self.importer, self.paths, None, reporter, self.units, self.corrections
            ),
        )
        if outcome.ok and outcome.value is not None:
            shown = {p.file: p for p in self.previews() if p.file in self.files.outcomes}
            self.files.set_records([shown.get(p.file, p) for p in outcome.value])
            if 0 <= keep < self.files.rowCount():
                self.file_view.selectRow(keep)
        self._update_summary()
