"""The export dialog lists the units whose ledger could not be written, with the cause."""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from importers.ledger.model import LedgerWorkbook
from importers.ledger.writer import write_ledger
from tests.ui.ledger_fixtures import ROUND
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from ui.ledgers.ledger_export_dialog import LedgerExportDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_failed_units_are_listed_and_the_others_written(
    qtbot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    units = [u.name for u in services.units.list() if u.assigned and not u.memberless]
    dialog = LedgerExportDialog(
        services.ledger_export, services.rounds.list(), units, folder=str(tmp_path)
    )
    qtbot.addWidget(dialog)
    dialog.open_folder = lambda p: True
    real = write_ledger
    failing = units[1]

    def write(book: LedgerWorkbook, path: Path) -> None:
        if book.unit == failing:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(book, path)

    monkeypatch.setattr("tracker.ledgers.ledger_export.write_ledger", write)
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(
            lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Close
        ),
    )
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None
    assert len(dialog.outcome.written) == len(units)  # the others and the master
    path = tmp_path / f"{failing}_{ROUND}_工作台账.xlsx"
    assert asked == [
        f"{len(units)} ledgers were written to {tmp_path}.\n\n"
        "1 ledger could not be written:\n"
        f"• {failing}: cannot write {path}: the disk is full; free some space and export again"
        "\n\nNo ledger for the collectives with no members yet (add their members in the "
        "units directory): 各市、县（区）"
        "\n\nOpen the folder?"
    ]
    assert not path.exists()
