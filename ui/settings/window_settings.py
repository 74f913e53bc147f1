"""The window's own settings (QSettings, an INI file per user), declared in one place.

These are preferences of one person on one machine: which database to open, the
language, the window's geometry, where file dialogs open.  Each is declared once
below — name, type, default, label — and read and written only through its entry
(``LANGUAGE.value(settings)``, ``DATABASE.set(settings, path)``).  Settings shared by
the office (such as how many days count as 临期) live in the database, declared the
same way in ``tracker.database_settings``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings

from importers.messages import QT_TRANSLATE_NOOP

ORGANIZATION = "MeasureTracker"
APPLICATION = "MeasureTracker"
CONTEXT = "WindowSettings"
"""The translation context of the labels."""

T = TypeVar("T", str, QByteArray)


@dataclass(frozen=True)
class WindowSetting(Generic[T]):
    """One setting: its key in the INI file, value ``type``, ``default`` and ``label``
    (English, translated in the ``WindowSettings`` context)."""

    name: str
    type: type[T]
    default: T
    label: str
    choices: tuple[T, ...] = ()
    """The values it may take (any, when empty): another one is read as the default."""

    def value(self, settings: QSettings) -> T:
        """The value stored, or the default when there is none (or not a valid one)."""
        stored = settings.value(self.name)
        if isinstance(stored, self.type) and (not self.choices or stored in self.choices):
            return stored
        return self.default

    def set(self, settings: QSettings, value: T) -> None:
        settings.setValue(self.name, value)

    def of(self, **parts: str) -> WindowSetting[T]:
        """One member of a family of settings (``folders/{kind}`` for a kind of file)."""
        return replace(self, name=self.name.format(**parts))

    def translated_label(self) -> str:
        return QCoreApplication.translate(CONTEXT, self.label)


DATABASE = WindowSetting(
    "database",
    str,
    "",
    QT_TRANSLATE_NOOP("WindowSettings", "Open at start"),
)
"""Path or URL of the database to open; empty for the default file."""
LANGUAGE = WindowSetting(
    "language",
    str,
    "zh_CN",
    QT_TRANSLATE_NOOP("WindowSettings", "Language"),
    choices=("zh_CN", "en"),
)
GEOMETRY = WindowSetting(
    "window/geometry",
    QByteArray,
    QByteArray(),
    QT_TRANSLATE_NOOP("WindowSettings", "Window size and place"),
)
STATE = WindowSetting(
    "window/state",
    QByteArray,
    QByteArray(),
    QT_TRANSLATE_NOOP("WindowSettings", "Toolbars and docks"),
)
SPLITTER = WindowSetting(
    "window/splitter",
    QByteArray,
    QByteArray(),
    QT_TRANSLATE_NOOP("WindowSettings", "Table and detail pane sizes"),
)
COLUMNS = WindowSetting(
    "table/header",
    QByteArray,
    QByteArray(),
    QT_TRANSLATE_NOOP("WindowSettings", "Columns of the table"),
)
CHOSEN_COLUMNS = WindowSetting(
    "table/chosen",
    str,
    "",
    QT_TRANSLATE_NOOP("WindowSettings", "Columns shown or hidden by hand"),
)
"""The columns the clerk showed or hid from the header's menu, as numbers ("10"): they
keep that choice after a restart (所属集体 no longer follows whether rows hold groups)."""
FOLDER = WindowSetting(
    "folders/{kind}",
    str,
    "",
    QT_TRANSLATE_NOOP("WindowSettings", "Folder last used for a kind of file"),
)
"""A family: ``FOLDER.of(kind="ledgers")`` is where ledger files were last taken from."""
DETAIL_ON_TABS = WindowSetting(
    "window/detail_on_tabs",
    str,
    "",
    QT_TRANSLATE_NOOP("WindowSettings", "Detail pane shown on each tab"),
)
"""Per tab, "1" where the detail pane is shown ("100": on the assignment list only)."""

SETTINGS: tuple[WindowSetting[str] | WindowSetting[QByteArray], ...] = (
    DATABASE,
    LANGUAGE,
    GEOMETRY,
    STATE,
    SPLITTER,
    COLUMNS,
    CHOSEN_COLUMNS,
    FOLDER,
    DETAIL_ON_TABS,
)
"""Every window setting (``FOLDER`` standing for its family)."""


def app_settings() -> QSettings:
    """The user's settings file (``%APPDATA%/MeasureTracker/MeasureTracker.ini`` on Windows)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def database_choice(settings: QSettings) -> str | None:
    """The database the clerk chose to open at start; None for the default."""
    return DATABASE.value(settings) or None
