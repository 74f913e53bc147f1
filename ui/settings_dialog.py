"""Settings: what counts as "due soon" (for the whole office), the language (for this user).

The due-soon window is stored in the database, because every clerk working on
it must see the same 临期 rows; the language is a personal preference kept in
QSettings.  Where the database and the log file live is shown for support.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from tracker.statuses import DEFAULT_DUE_SOON_DAYS
from tracker.store import Store
from ui import settings as keys
from ui.crash import default_log_path

LANGUAGE_NAMES = {"zh_CN": "中文", "en": "English"}


class SettingsDialog(QDialog):
    def __init__(
        self, store: Store, settings: QSettings, database: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(560)  # room for a Windows path on one line
        self.due_soon = QSpinBox()
        self.due_soon.setRange(1, 90)
        self.due_soon.setSuffix(self.tr(" days"))
        self.due_soon.setValue(store.due_soon_days)
        self.due_soon.setToolTip(
            self.tr("Shared by everyone using this database. Default: {0} days.").format(
                DEFAULT_DUE_SOON_DAYS
            )
        )
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(keys.language(settings)))
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
        form.addRow(self.tr("Due soon (临期) means within:"), self.due_soon)
        form.addRow(self.tr("Language:"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Database:"), self._path_label(database))
        form.addRow(self.tr("Log file:"), self._path_label(str(default_log_path())))
        form.addRow(buttons)

    @staticmethod
    def _path_label(text: str) -> QLabel:
        label = QLabel(text)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def apply(self) -> bool:
        """Save what changed; True if the window must reload (the 临期 rows changed)."""
        self.settings.setValue(keys.LANGUAGE, self.language.currentData())
        if self.due_soon.value() == self.store.due_soon_days:
            return False
        self.store.set_setting("due_soon_days", str(self.due_soon.value()))
        return True
