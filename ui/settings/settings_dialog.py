"""Settings: the office's name, what counts as "due soon" and how many automatic backups
are kept (for the whole office); the language and which database to open (for this user).

The office name (printed on ledgers and reports), the due-soon window and the
backups kept are stored in the database, because every clerk working on it must
see the same (declared, with their labels, in ``tracker.database_settings``); the
language and the database to open are personal preferences kept in QSettings
(``ui.settings.window_settings``), used from the next start.  Where the log file
lives is shown for support.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QWidget,
)

from importers.messages import Message
from tracker.backups.backup_service import BackupService
from tracker.database_settings import (
    BACKUP_KEEP_COPIES,
    BACKUP_KEEP_DAYS,
    DUE_SOON_DAYS,
    OFFICE_NAME,
    TICK_OFF_REASON_REQUIRED,
    DatabaseSetting,
)
from tracker.settings_service import SettingsService
from ui.count_suffix import counted_suffix
from ui.crash import default_log_path
from ui.messages import translated
from ui.settings import window_settings as keys

LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(
        self,
        shared: SettingsService,
        backups: BackupService,
        settings: QSettings,
        database: str,
        parent: QWidget | None = None,
    ) -> None:
        """``shared``: the database's settings (the office's); ``settings``: this user's."""
        super().__init__(parent)
        self.shared = shared
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)  # room for a Windows path on one line
        self.due_soon = QSpinBox()
        self.due_soon.setRange(1, 90)
        counted_suffix(self.due_soon, self.tr(" day"), self.tr(" days"))
        self.due_soon.setValue(shared.get(DUE_SOON_DAYS))
        self.due_soon.setToolTip(
            self.tr("Shared by everyone using this database. Default: %n day.", "", 1)
            if DUE_SOON_DAYS.default == 1
            else self.tr(
                "Shared by everyone using this database. Default: %n days.",
                "",
                DUE_SOON_DAYS.default,
            )
        )
        self.backups = backups
        copies, days = self.backups.retention()
        self.keep_copies = QSpinBox()
        self.keep_copies.setRange(1, 999)
        counted_suffix(self.keep_copies, self.tr(" copy"), self.tr(" copies"))
        self.keep_copies.setValue(copies)
        self.keep_days = QSpinBox()
        self.keep_days.setRange(1, 3650)
        counted_suffix(self.keep_days, self.tr(" day"), self.tr(" days"))
        self.keep_days.setValue(days)
        self.keep_days.setToolTip(
            self.tr(
                "The newest automatic backups are kept, and the last one of each recent day; "
                "backups made by hand are kept until you delete them. Folder: {0}"
            ).format(self.backups.folder)
        )
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep_copies)
        keep_row.addWidget(QLabel(label_of(BACKUP_KEEP_DAYS)))
        keep_row.addWidget(self.keep_days)
        keep_row.addStretch(1)
        self.office = QLineEdit(shared.get(OFFICE_NAME))
        self.office.setToolTip(self.tr("Printed on ledgers, bulletins and chasers."))
        self.office.setMinimumWidth(320)
        self.reason_required = QCheckBox(label_of(TICK_OFF_REASON_REQUIRED))
        self.reason_required.setChecked(bool(shared.get(TICK_OFF_REASON_REQUIRED)))
        self.reason_required.setToolTip(
            self.tr("Shared by everyone using this database; kept in each assignment's history.")
        )
        self.database = QLineEdit(keys.database_choice(settings) or "")
        self.database.setPlaceholderText(self.tr("Default: {0}").format(database))
        self.database.setToolTip(
            self.tr(
                "A database file, or a server address such as "
                "postgresql+psycopg://user:password@server/tracker to share one database."
            )
        )
        self.database.setMinimumWidth(320)
        self.database_note = QLabel(self.tr("Another database is opened from the next start."))
        self.database_note.setVisible(False)
        self.database.textEdited.connect(lambda _text: self.database_note.setVisible(True))
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._choose_file)
        database_row = QHBoxLayout()
        database_row.addWidget(self.database, 1)
        database_row.addWidget(browse)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.setToolTip(
            self.tr("Try the database or server typed here before it is used from the next start.")
        )
        self.test_button.clicked.connect(self.test_database)
        database_row.addWidget(self.test_button)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(keys.LANGUAGE.value(settings)))
        self.language_note = QLabel(self.tr("A new language is used from the next start."))
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(lambda: self.language_note.setVisible(True))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.row_label(OFFICE_NAME), self.office)
        form.addRow(self.row_label(DUE_SOON_DAYS), self.due_soon)
        form.addRow(self.row_label(BACKUP_KEEP_COPIES), keep_row)
        form.addRow("", self.reason_required)
        form.addRow(self.tr("{0}:").format(keys.LANGUAGE.translated_label()), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Database in use:"), self._path_label(database))
        form.addRow(self.tr("{0}:").format(keys.DATABASE.translated_label()), database_row)
        form.addRow("", self.database_note)
        form.addRow(self.tr("Log file:"), self._path_label(str(default_log_path())))
        form.addRow(buttons)

    def row_label(self, setting: DatabaseSetting[int] | DatabaseSetting[str]) -> str:
        """A setting's label as the form's rows show it (with a colon)."""
        return self.tr("{0}:").format(label_of(setting))

    PATH_WIDTH = 460
    """Pixels a path may take: a longer one is elided in the middle, whole in its tooltip."""

    @classmethod
    def _path_label(cls, text: str) -> QLabel:
        """A path on one line (a word-wrapped path lost its lines in the form's row)."""
        label = QLabel()
        label.setText(
            label.fontMetrics().elidedText(text, Qt.TextElideMode.ElideMiddle, cls.PATH_WIDTH)
        )
        label.setToolTip(text)
        label.setAccessibleName(text)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _choose_file(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Database file"),
            self.database.text() or "",
            self.tr("Database (*.sqlite3 *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(path)
            self.database_note.setVisible(True)

    def test_database(self) -> None:
        """Reach the database typed in (a server may take seconds): off the GUI thread."""
        from tracker.sharing import check_database
        from ui.messages import app_title, translated
        from ui.workers import run_with_progress

        target = self.database.text()
        outcome = run_with_progress(
            self,
            self.tr("Connecting to the database…"),
            lambda _reporter: check_database(target),
            cancellable=False,
        )
        if outcome.value is not None:
            QMessageBox.information(self, app_title(), translated(outcome.value))

    def apply(self) -> bool:
        """Save what changed; True if the window must reload (the 临期 rows changed)."""
        keys.LANGUAGE.set(self.settings, self.language.currentData())
        keys.DATABASE.set(self.settings, self.database.text().strip())
        office = self.office.text().strip()
        if office and office != self.shared.get(OFFICE_NAME):
            self.shared.set(OFFICE_NAME, office)
        required = int(self.reason_required.isChecked())
        if required != self.shared.get(TICK_OFF_REASON_REQUIRED):
            self.shared.set(TICK_OFF_REASON_REQUIRED, required)
        if (self.keep_copies.value(), self.keep_days.value()) != self.backups.retention():
            self.backups.set_retention(self.keep_copies.value(), self.keep_days.value())
        if self.due_soon.value() == self.shared.get(DUE_SOON_DAYS):
            return False
        self.shared.set(DUE_SOON_DAYS, self.due_soon.value())
        return True


def label_of(setting: DatabaseSetting[int] | DatabaseSetting[str]) -> str:
    """A database setting's label in the user's language."""
    return translated(Message(setting.label))
