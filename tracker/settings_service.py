"""The database settings as a service: each read and written through its registry entry.

The entries (name, type, default, label) are declared in ``tracker.database_settings``;
``Store`` reads and writes them, and this service is what the window and the CLI are given.
Kept apart from the registry, which ``Store`` itself imports.
"""

from __future__ import annotations

from tracker.database_settings import DUE_SOON_DAYS, OFFICE_NAME, DatabaseSetting, T
from tracker.store import Store


class SettingsService:
    """Reads and writes the database settings, each through its registry entry."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, setting: DatabaseSetting[T]) -> T:
        return self.store.setting(setting)

    def set(self, setting: DatabaseSetting[T], value: T) -> None:
        self.store.set_setting(setting, value)

    def due_soon_days(self) -> int:
        return self.get(DUE_SOON_DAYS)

    def office_name(self) -> str:
        return self.get(OFFICE_NAME)
