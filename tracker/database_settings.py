"""The office's settings kept in the database, declared once: name, type, default, label.

These are shared by every clerk working on one database (the office's name printed on
ledgers, how many days count as 临期, the backups kept, the bulletin's masthead…); a
person's own preferences (language, window geometry) are the window's settings
(``ui.settings.window_settings``).  The services, ``tracker-cli`` and the settings dialog
read and write them only through ``tracker.settings_service.SettingsService`` and the
entries below, so a setting's stored name is written here and nowhere else.

This module imports neither SQLAlchemy nor the services (nor ``Store``, which reads a
setting through its entry here): ``tracker-cli`` builds its parser (the options' help)
from it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Generic, TypeVar

from importers.messages import QT_TRANSLATE_NOOP
from tracker.statuses import DEFAULT_DUE_SOON_DAYS

T = TypeVar("T", int, str)


@dataclass(frozen=True)
class DatabaseSetting(Generic[T]):
    """One setting: its stored ``name``, value ``type`` (int or str), ``default`` and
    ``label`` (English, marked for translation in the ``messages`` context)."""

    name: str
    type: type[T]
    default: T
    label: str
    minimum: int | None = None
    """An int below it is read as the default."""

    def parse(self, stored: str | None) -> T:
        """The value a stored text stands for: the default when absent or unreadable."""
        if stored is None:
            return self.default
        try:
            value = self.type(stored)
        except ValueError:
            return self.default
        if isinstance(value, int) and self.minimum is not None and value < self.minimum:
            return self.default
        return value

    def of(self, **parts: object) -> DatabaseSetting[T]:
        """One member of a family of settings (``chaser_last_{year}`` for a year)."""
        return replace(self, name=self.name.format(**parts))


OFFICE_NAME = DatabaseSetting(
    "office_name",
    str,
    "协调小组办公室",
    QT_TRANSLATE_NOOP("messages", "Office name"),
)
DUE_SOON_DAYS = DatabaseSetting(
    "due_soon_days",
    int,
    DEFAULT_DUE_SOON_DAYS,
    QT_TRANSLATE_NOOP("messages", "Due soon (临期) means within"),
)
BACKUP_KEEP_COPIES = DatabaseSetting(
    "backup_keep_copies",
    int,
    30,
    QT_TRANSLATE_NOOP("messages", "Keep automatic backups"),
    minimum=1,
)
BACKUP_KEEP_DAYS = DatabaseSetting(
    "backup_keep_days",
    int,
    30,
    QT_TRANSLATE_NOOP("messages", "and the last of each day for"),
    minimum=1,
)
BULLETIN_NAME = DatabaseSetting(
    "bulletin_name",
    str,
    "督查通报",
    QT_TRANSLATE_NOOP("messages", "the bulletin's name in its masthead"),
)
BULLETIN_RECIPIENTS = DatabaseSetting(
    "bulletin_recipients",
    str,
    "各责任单位",
    QT_TRANSLATE_NOOP("messages", "主送: to whom bulletins go"),
)
REPORT_CONTACT = DatabaseSetting(
    "report_contact",
    str,
    "",
    QT_TRANSLATE_NOOP("messages", "the office's contact person printed on chasers"),
)
REPORT_PHONE = DatabaseSetting(
    "report_phone",
    str,
    "",
    QT_TRANSLATE_NOOP("messages", "the contact's phone number printed on chasers"),
)
CHASER_LAST = DatabaseSetting(
    "chaser_last_{year}",
    int,
    0,
    QT_TRANSLATE_NOOP("messages", "the number of the last chaser sent in a year"),
)
"""A family: ``CHASER_LAST.of(year=2026)`` is the counter of 2026."""

TICK_OFF_REASON_REQUIRED = DatabaseSetting(
    "tick_off_reason_required",
    int,
    0,
    QT_TRANSLATE_NOOP("messages", "A reason must be given to tick off (销号) an assignment"),
)
"""1: the window's 销号 asks for a reason and will not go on without one; 0: a note may be given."""

SETTINGS: tuple[DatabaseSetting[int] | DatabaseSetting[str], ...] = (
    OFFICE_NAME,
    DUE_SOON_DAYS,
    BACKUP_KEEP_COPIES,
    BACKUP_KEEP_DAYS,
    BULLETIN_NAME,
    BULLETIN_RECIPIENTS,
    REPORT_CONTACT,
    REPORT_PHONE,
    CHASER_LAST,
    TICK_OFF_REASON_REQUIRED,
)
"""Every setting the database holds (``CHASER_LAST`` standing for its family)."""
