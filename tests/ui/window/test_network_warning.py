"""The window warns each time it opens an SQLite file on a network drive."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

import db.engine
import db.network_drive
from tests.ui.conftest import make_window
from tracker.services import Services


def test_the_window_warns_when_it_opens_a_file_on_a_share(
    qtbot,  # type: ignore[no-untyped-def]
    messages: list[tuple[str, str]],
    private_settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    share = tmp_path / "共享"
    share.mkdir()

    def on_share(path: Path) -> bool:
        return share in path.parents

    monkeypatch.setattr(db.engine, "on_network_drive", on_share)
    monkeypatch.setattr(db.network_drive, "on_network_drive", on_share)
    services = Services.open(share / "台账.sqlite3", create=True)
    try:
        window = make_window(qtbot, services, private_settings, tmp_path)
        assert window.services is services  # attached by the constructor, warned once
        [(kind, text)] = messages
        assert kind == "warning"
        assert text.startswith(f"The database {share / '台账.sqlite3'} is on a network drive.")
    finally:
        services.close()
