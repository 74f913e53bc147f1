"""The database settings: declared once, read and written through their registry entry."""

from __future__ import annotations

import ast
from pathlib import Path

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
    assert len(names) == len(set(names)) == 10
    assert all(isinstance(s.default, s.type) and s.label for s in SETTINGS)


SOURCES = ("tracker", "ui", "importers", "db", "bench")
REGISTRY = Path(__file__).resolve().parents[2] / "tracker" / "database_settings.py"


def strings_naming_a_setting(path: Path) -> list[str]:
    """String literals in ``path`` (docstrings aside) holding a database setting's name."""
    names = [s.name.split("{")[0] for s in SETTINGS]  # a family by its prefix
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
    }
    found = [
        (node.lineno, f"{path.name}:{node.lineno}: {node.value!r}")
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and any(name in node.value for name in names)
    ]
    return [place for _, place in sorted(found)]


def test_the_check_sees_a_setting_named_in_a_string(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""Reads office_name."""\n'
        'store.setting("office_name")\n'
        "sql = \"SELECT value FROM settings WHERE key = 'due_soon_days'\"\n"
        'key = f"chaser_last_{year}"\n',
        encoding="utf-8",
    )
    assert strings_naming_a_setting(sample) == [
        "sample.py:2: 'office_name'",
        "sample.py:3: \"SELECT value FROM settings WHERE key = 'due_soon_days'\"",
        "sample.py:4: 'chaser_last_'",
    ]


def test_no_setting_is_named_outside_its_registry() -> None:
    root = REGISTRY.parents[1]
    found = [
        place
        for folder in SOURCES
        for path in sorted((root / folder).rglob("*.py"))
        if path != REGISTRY
        for place in strings_naming_a_setting(path)
    ]
    assert found == []
