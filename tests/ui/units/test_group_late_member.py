"""Saving a group's members in the window after the round's ledgers went out tells the
clerk which new members still need their ledger."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tracker.services import Services
from ui.units.group_dialog import GroupDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
GROUP = "各市、县（区）"


def test_saving_members_after_the_ledgers_went_out_names_who_needs_one(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    services.groups.set_members(GROUP, ["银川市"], create=True)
    services.rounds.create("2021年第2季度", date(2021, 6, 30), date(2021, 7, 10))
    services.ledger_export.export_units("2021年第2季度", tmp_path / "out")
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda _p, _t, text: told.append(text))
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.Yes)
    )
    dialog = GroupDialog(services.groups, GROUP, [u.name for u in services.units.list()])
    qtbot.addWidget(dialog)
    dialog.save()  # unchanged: every member has its ledger
    assert told == []
    dialog = GroupDialog(services.groups, GROUP, [u.name for u in services.units.list()])
    qtbot.addWidget(dialog)
    dialog.list.addItem("吴忠市")
    dialog.save()
    assert told == [
        "The ledgers of 2021年第2季度 went out before these members had tasks: 吴忠市. "
        "Export their ledgers (File → Export work ledgers) so they can report."
    ]
    assert services.groups.members(GROUP) == ("银川市", "吴忠市")
