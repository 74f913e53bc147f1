"""The database settings: declared once, read and written through their registry entry."""

from __future__ import annotations

from tracker.database_settings import (
    BACKUP_KEEP_COPIES,
    CHASER_LAST,
    DUE_SOON_DAYS,
    OFFICE_NAME,
    SETTINGS,
)
from tracker.services import Services


def test_defaults_until_set(services: Services) -> None:
    assert services.settings.get(OFFICE_NAME) == "协调小组办公室"
    assert services.settings.get(DUE_SOON_DAYS) == 15
    assert services.settings.get(BACKUP_KEEP_COPIES) == 30
    assert services.settings.get(CHASER_LAST.of(year=2021)) == 0


def test_set_and_read_back_typed(services: Services) -> None:
    services.settings.set(OFFICE_NAME, "市委督查室")
    services.settings.set(DUE_SOON_DAYS, 9)
    services.settings.set(CHASER_LAST.of(year=2021), 4)
    assert services.settings.get(OFFICE_NAME) == "市委督查室"
    assert services.settings.get(DUE_SOON_DAYS) == 9
    assert services.settings.due_soon_days() == 9
    assert services.settings.get(CHASER_LAST.of(year=2021)) == 4
    assert services.settings.get(CHASER_LAST.of(year=2022)) == 0
    assert services.store.stored_setting("chaser_last_2021") == "4"


def test_an_unreadable_or_too_small_number_is_the_default(services: Services) -> None:
    services.store.store_setting(DUE_SOON_DAYS.name, "soon")
    services.store.store_setting(BACKUP_KEEP_COPIES.name, "0")
    assert services.settings.get(DUE_SOON_DAYS) == 15
    assert services.settings.get(BACKUP_KEEP_COPIES) == 30


def test_each_setting_is_named_once_with_a_default_of_its_type() -> None:
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names)) == 9
    assert all(isinstance(s.default, s.type) and s.label for s in SETTINGS)
