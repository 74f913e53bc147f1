"""文件 → 备份数据库… / 从备份恢复…: the backups a clerk makes, lists and restores.

``back_up_now`` asks where (the backups folder and a dated name by default) and
copies the database on a worker thread.  ``restore_from_backup`` lists this
database's backups newest first (date, size, what came after each), or takes a
file the clerk browses to, says plainly that the current state is backed up
first, and restores on a worker thread; the caller reloads the window.
``start_daily_backup`` makes the day's backup in the background when a database
is opened (a failure is shown in the status bar: the clerk can still work).
"""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tracker.backups.backup_service import BackupInfo, BackupService, operation
from ui.messages import app_title, translated
from ui.workers import Reporter, report_failure, run_and_tell, start

ModelIndex = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate
FILE_FILTER = "*.sqlite3 *.db"


def size_text(size: int) -> str:
    """A size as a clerk reads it: KB below a megabyte, MB with one decimal above."""
    if size < 1024 * 1024:
        return translate("BackupDialog", "{0} KB").format(max(1, round(size / 1024)))
    return translate("BackupDialog", "{0:.1f} MB").format(size / (1024 * 1024))


class BackupListModel(QAbstractTableModel):
    """The backups, newest first: date, size, what came after it, file name."""

    COLUMNS = ("date", "size", "reason", "file")

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups = backups

    def reset_to(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.backups = backups
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (
            self.tr("Made"),
            self.tr("Size"),
            self.tr("Made before"),
            self.tr("File"),
        )[section]

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.backups):
            return None
        info = self.backups[index.row()]
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "date":
                return f"{info.created:%Y-%m-%d %H:%M:%S}"
            if column == "size":
                return size_text(info.size)
            if column == "reason":
                return translated(operation(info.reason))
            return info.path.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == "size":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return str(info.path)
        return None


class BackupDialog(QDialog):
    """Choose the backup to restore: one of the list, or a file browsed to."""

    def __init__(self, service: BackupService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.chosen: Path | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumSize(720, 360)
        self.model = BackupListModel(service.list_backups(), self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(lambda _index: self._restore_selected())
        note = QLabel(
            self.tr(
                "Backups in {0}, newest first. The database as it is now is backed up "
                "before a backup replaces it."
            ).format(service.folder)
        )
        note.setWordWrap(True)
        if not self.model.backups:
            note.setText(self.tr("No backups yet in {0}.").format(service.folder))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore_selected)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.setEnabled(False)
        self.delete_button.clicked.connect(self._delete_selected)
        browse = QPushButton(self.tr("Another file…"))
        browse.clicked.connect(self._browse)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.delete_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(browse, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        if self.model.backups:
            self.view.selectRow(0)

    def _selection_changed(self) -> None:
        selected = self.view.selectionModel().hasSelection()
        self.restore_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)

    def _delete_selected(self) -> None:
        """Delete the selected backup after a confirmation naming it."""
        from tracker.errors import UserError
        from ui.messages import warn

        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return
        info = self.model.backups[rows[0].row()]
        answer = QMessageBox.question(
            self,
            app_title(),
            self.tr("Delete the backup {0}? It cannot be brought back.").format(info.path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.service.delete(info)
        except UserError as exc:
            warn(self, translated(exc))
        self.model.reset_to(self.service.list_backups())
        self._selection_changed()

    def _restore_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.chosen = self.model.backups[rows[0].row()].path
            self.accept()

    def _browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Restore from a backup"),
            str(self.service.folder),
            self.tr("Database backups ({0});;All files (*)").format(FILE_FILTER),
        )
        if path:
            self.chosen = Path(path)
            self.accept()


def back_up_now(parent: QWidget, service: BackupService) -> BackupInfo | None:
    """Ask where, then back up; the info of the copy, or None if the clerk cancelled."""
    suggested = service.suggested_path("manual", datetime.now())
    with suppress(OSError):  # for the dialog to open in it; if it cannot be made, the clerk
        service.folder.mkdir(parents=True, exist_ok=True)  # chooses another folder there
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("BackupDialog", "Back up the database"),
        str(suggested),
        translate("BackupDialog", "Database backups ({0})").format(FILE_FILTER),
    )
    if not path:
        return None
    target = Path(path)
    return run_and_tell(
        parent,
        translate("BackupDialog", "Backing up the database…"),
        lambda: service.backup("manual", target, replace=True),  # (the dialog asked)
        lambda info: translate("BackupDialog", "The database was backed up to {0} ({1}).").format(
            info.path, size_text(info.size)
        ),
    )


def restore_from_backup(parent: QWidget, service: BackupService) -> bool:
    """Choose a backup, confirm, restore; True if the database was replaced (reload)."""
    dialog = BackupDialog(service, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen is None:
        return False
    chosen = dialog.chosen
    answer = QMessageBox.question(
        parent,
        app_title(),
        translate(
            "BackupDialog",
            "Replace the database with the backup {0}?\n\nThe database as it is now is "
            "backed up first, so this restore can itself be undone from the list of backups.",
        ).format(chosen),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    restored = run_and_tell(
        parent,
        translate("BackupDialog", "Restoring the backup…"),
        lambda: service.restore(chosen),
        lambda outcome: translate(
            "BackupDialog",
            "Restored {0}.\n\nThe database as it was just before is kept in {1}.",
        ).format(chosen, outcome.safety_copy.path),
    )
    return restored is not None


def start_daily_backup(window: QMainWindow, service: BackupService) -> None:
    """The day's backup, in the background, when a database is opened."""

    def work(_reporter: Reporter) -> BackupInfo | None:
        return service.daily()

    def failed(exc: BaseException) -> None:
        from tracker.errors import UserError

        if isinstance(exc, UserError):
            window.statusBar().showMessage(translated(exc))
        else:
            report_failure(window, exc)

    start(work, done=lambda _info: None, failed=failed)
