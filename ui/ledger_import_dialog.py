"""Taking back returned work ledgers: preview every file, decide conflicts, then apply.

Nothing is written until Apply.  The preview reads the files on a worker thread
(one file at a time, so Cancel stops between two files) with one
``LedgerImporter``, which keeps what it read for the apply — the 40 workbooks are
read once.  Apply passes the previews it showed as ``expected``: if anything
changed meanwhile the service refuses and the clerk previews again.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelection, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.ledger_preview_models import (
    CHOICE,
    OFFICE,
    UNIT,
    ConflictModel,
    FileListModel,
    changes_model,
    rejects_model,
)
from ui.messages import app_title, translated
from ui.workers import Reporter, run_with_progress

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel

    from tracker.ledger_import import ApplyResult, FilePreview, LedgerImporter


def preview_files(
    importer: LedgerImporter, paths: Sequence[Path], round_name: str | None, reporter: Reporter
) -> list[FilePreview]:
    """Preview every file in one call (on the worker thread: the office's assignments are
    read once); the reporter's Cancel stops before the next file is read."""
    return importer.preview(paths, round_name, progress=reporter)


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box for a conflict's decision: undecided / the unit's value / the office's."""

    def createEditor(
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        combo = QComboBox(parent)
        for value, label in ConflictModel.choice_names().items():
            combo.addItem(label, value or "")
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


def _table(model: QAbstractItemModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


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
        self.cancelled = False
        self.setWindowTitle(self.tr("Import returned work ledgers"))
        self.resize(1100, 720)
        self.files = FileListModel(self)
        self.changes = changes_model(self)
        self.rejects = rejects_model(self)
        self.conflicts = ConflictModel(self.files.choices, self)
        self.file_view = _table(self.files, 7)  # the status says what happens: room for it
        self.change_view = _table(self.changes, 3)
        self.reject_view = _table(self.rejects, 1)
        self.conflict_view = _table(self.conflicts, 5)
        self.conflict_view.setItemDelegateForColumn(CHOICE, ChoiceDelegate(self.conflict_view))
        choice_header = self.conflict_view.horizontalHeader()
        choice_header.setSectionResizeMode(CHOICE, QHeaderView.ResizeMode.Fixed)
        longest = max(ConflictModel.choice_names().values(), key=len)
        choice_header.resizeSection(CHOICE, self.fontMetrics().horizontalAdvance(longest) + 48)
        self.details = QTabWidget()
        self.details.addTab(self.change_view, "")
        self.details.addTab(self.reject_view, "")
        self.details.addTab(self._conflict_page(), "")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.apply_button = self.buttons.addButton(
            self.tr("Apply"), QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.apply_button.clicked.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.file_view)
        splitter.addWidget(self.details)
        splitter.setSizes([300, 380])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.file_view.selectionModel().selectionChanged.connect(self._file_chosen)
        self.files.dataChanged.connect(lambda *_: self._update_summary())
        self.conflicts.dataChanged.connect(lambda *_: self._decided())
        self._show_file(None)

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
            lambda reporter: preview_files(self.importer, paths, None, reporter),
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
        self.rejects.set_records(preview.rejected if preview else [])
        self.conflicts.set_records(preview.conflicts if preview else [])
        for row in range(self.conflicts.rowCount()):
            self.conflict_view.openPersistentEditor(self.conflicts.index(row, CHOICE))
        self.details.setTabText(0, self.tr("Changes ({0})").format(self.changes.rowCount()))
        self.details.setTabText(1, self.tr("Rejected ({0})").format(self.rejects.rowCount()))
        self.details.setTabText(2, self.tr("Conflicts ({0})").format(self.conflicts.rowCount()))
        if preview is not None:  # open the tab that needs the clerk's attention
            wanted = 1 if preview.rejected else 2 if preview.conflicts else 0
            self.details.setCurrentIndex(wanted)

    def decide_all(self, choice: str) -> None:
        for row in range(self.conflicts.rowCount()):
            self.conflicts.setData(self.conflicts.index(row, CHOICE), choice)
        self._show_file(self.selected())

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
        self.summary.setText(
            self.tr("{0} files read; {1} can be applied now with {2} changes.").format(
                len(previews), len(ready), changes
            )
        )
        self.apply_button.setEnabled(bool(ready))

    def _ready(self, preview: FilePreview) -> bool:
        if preview.file in self.files.outcomes or preview.error or preview.rejected:
            return False
        undecided = [
            c for c in preview.conflicts if (c.assignment_id, c.field) not in self.files.choices
        ]
        chosen_units = [
            c
            for c in preview.conflicts
            if self.files.choices.get((c.assignment_id, c.field)) == UNIT
        ]
        return not undecided and bool(preview.changed or chosen_units)

    # -- apply ------------------------------------------------------------------------------
    def apply(self) -> None:
        previews = self.previews()
        paths = [p.path for p in previews]
        choices = dict(self.files.choices)
        outcome = run_with_progress(
            self,
            self.tr("Applying the returned ledgers…"),
            lambda _reporter: self.importer.apply(paths, expected=previews, resolutions=choices),
            cancellable=False,
        )
        if not outcome.ok or outcome.value is None:
            return
        result = outcome.value
        self.outcome = result
        for name in result.applied:
            self.files.outcomes[name] = self.tr("Imported")
        self.applied.emit()
        self._tell(result)
        self.reload()

    def _tell(self, result: ApplyResult) -> None:
        from PySide6.QtWidgets import QMessageBox

        lines = [
            self.tr("{0} files imported with {1} changes.").format(
                len(result.applied), result.changes
            )
        ]
        if result.skipped:
            lines.append(self.tr("Not imported:"))
            lines += [f"• {name}: {translated(reason)}" for name, reason in result.skipped]
        QMessageBox.information(self, app_title(), "\n".join(lines))

    def reload(self) -> None:
        """Read the files again after an apply: what is left shows its current state."""
        keep = self.file_view.currentIndex().row()
        outcome = run_with_progress(
            self,
            self.tr("Reading returned ledgers…"),
            lambda reporter: preview_files(self.importer, self.paths, None, reporter),
        )
        if outcome.ok and outcome.value is not None:
            self.files.set_records(outcome.value)
            if 0 <= keep < self.files.rowCount():
                self.file_view.selectRow(keep)
        self._update_summary()
