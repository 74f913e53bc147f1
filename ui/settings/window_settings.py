"""The window's own settings (QSettings, an INI file per user), declared in one place.

These are preferences of one person on one machine: which database to open,
the language, window geometry.  Settings shared by the office (such as how
many days count as 临期) live in the database (``Store.setting``).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANIZATION = "MeasureTracker"
APPLICATION = "MeasureTracker"

DATABASE = "database"
"""Path or URL of the database to open; empty for the default file."""
LANGUAGE = "language"
"""``zh_CN`` (default) or ``en``."""
GEOMETRY = "window/geometry"
STATE = "window/state"
SPLITTER = "window/splitter"
COLUMNS = "table/header"

DEFAULT_LANGUAGE = "zh_CN"
LANGUAGES = ("zh_CN", "en")


def app_settings() -> QSettings:
    """The user's settings file (``%APPDATA%/MeasureTracker/MeasureTracker.ini`` on Windows)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


def language(settings: QSettings) -> str:
    value = str(settings.value(LANGUAGE, DEFAULT_LANGUAGE) or DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def database_choice(settings: QSettings) -> str | None:
    value = str(settings.value(DATABASE, "") or "")
    return value or None
