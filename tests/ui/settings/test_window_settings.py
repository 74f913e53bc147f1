"""The window's settings: declared once, read and written through their entries."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ui.settings import window_settings as keys

ROOT = Path(__file__).resolve().parents[3]
REGISTRY = ROOT / "ui" / "settings" / "window_settings.py"
ACCESSORS = {"value", "setValue", "contains", "remove"}


def test_defaults_choices_and_bytes(private_settings: QSettings) -> None:
    assert keys.LANGUAGE.value(private_settings) == "zh_CN"
    assert keys.DATABASE.value(private_settings) == ""
    assert keys.database_choice(private_settings) is None
    assert keys.GEOMETRY.value(private_settings).isEmpty()
    keys.LANGUAGE.set(private_settings, "fr")  # not one the window speaks
    assert keys.LANGUAGE.value(private_settings) == "zh_CN"
    keys.LANGUAGE.set(private_settings, "en")
    keys.DATABASE.set(private_settings, "/data/台账.sqlite3")
    keys.COLUMNS.set(private_settings, QByteArray(b"\x00\xffheader"))
    keys.FOLDER.of(kind="ledgers").set(private_settings, "/data/回收")
    private_settings.sync()
    again = QSettings(private_settings.fileName(), QSettings.Format.IniFormat)
    assert keys.LANGUAGE.value(again) == "en"
    assert keys.database_choice(again) == "/data/台账.sqlite3"
    assert keys.COLUMNS.value(again) == QByteArray(b"\x00\xffheader")
    assert keys.FOLDER.of(kind="ledgers").value(again) == "/data/回收"
    assert keys.FOLDER.of(kind="exports").value(again) == ""
    assert again.value("folders/ledgers") == "/data/回收"  # the INI key the entry names


def test_each_setting_is_named_once_with_a_default_of_its_type() -> None:
    names = [s.name for s in keys.SETTINGS]
    assert len(names) == len(set(names)) == 9
    assert all(isinstance(s.default, s.type) and s.label for s in keys.SETTINGS)


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (
        isinstance(node, ast.Constant) and isinstance(node.value, str)
    )


def bare_keys(path: Path) -> list[str]:
    """QSettings read or written with a literal key, or a key spelled out, in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    spelled = tuple(s.name.split("{")[0] for s in keys.SETTINGS if "/" in s.name)
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ACCESSORS
            and node.args
            and _is_text(node.args[0])
        ):
            found.append((node.lineno, f"{path.name}:{node.lineno}: .{node.func.attr}(…)"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value.startswith(spelled)
        ):
            found.append((node.lineno, f"{path.name}:{node.lineno}: {node.value!r}"))
    return [place for _, place in sorted(found)]


def test_the_check_sees_a_literal_key(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'settings.value("database")\n'
        'settings.setValue(f"folders/{kind}", folder)\n'
        "spin.setValue(15)\n"
        "keys.LANGUAGE.value(settings)\n",
        encoding="utf-8",
    )
    assert bare_keys(sample) == [
        "sample.py:1: .value(…)",
        "sample.py:2: 'folders/'",
        "sample.py:2: .setValue(…)",
    ]


def test_no_window_setting_is_named_outside_its_registry() -> None:
    found = [
        place
        for folder in ("ui", "bench")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path != REGISTRY
        for place in bare_keys(path)
    ]
    assert found == []
