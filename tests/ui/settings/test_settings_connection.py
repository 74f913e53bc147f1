"""Settings → Test connection: the clerk learns what the typed database is before switching."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from tracker.services import Services
from ui.settings.settings_dialog import SettingsDialog


def _dialog(qtbot: QtBot, services: Services, settings: QSettings) -> SettingsDialog:
    dialog = SettingsDialog(
        services.settings, services.backups, settings, services.database_location()
    )
    qtbot.addWidget(dialog)
    return dialog


def test_testing_this_database_says_what_it_is(
    qtbot: QtBot,
    services: Services,
    private_settings: QSettings,
    messages: list[tuple[str, str]],
) -> None:
    dialog = _dialog(qtbot, services, private_settings)
    dialog.database.setText(services.store.where)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    [(kind, text)] = messages
    assert kind == "information"
    assert text.startswith(f"Connected to {services.store.where}: a database of this application")


def test_a_server_out_of_reach_is_a_warning_not_a_crash(
    qtbot: QtBot,
    services: Services,
    private_settings: QSettings,
    messages: list[tuple[str, str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dialog = _dialog(qtbot, services, private_settings)
    dialog.database.setText("postgresql+psycopg://clerk:secret@127.0.0.1:9/tracker")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    [(kind, text)] = messages
    assert kind in ("warning", "critical")
    assert "127.0.0.1:9" in text and "secret" not in text
