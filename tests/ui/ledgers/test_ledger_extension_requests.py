"""The import preview lists a ledger's 申请延期 and the apply says they wait for a decision."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.tracker.ledgers.test_ledgers import _edit
from tests.ui.ledger_fixtures import ROUND
from tests.ui.ledgers.test_ledger_import_cases import import_dialog, table, tabs
from tracker.rounds.round_service import RoundService
from tracker.services import Services

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
POLICE = "自治区公安厅"


def test_requests_are_previewed_and_recorded_pending(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    [sent] = services.ledger_export.export_units(ROUND, tmp_path / "sent", units=[POLICE])
    back = _edit(sent, {"1/申请延期至": date(2021, 12, 31), "1/延期理由": "系统改造未完成"})
    dialog = import_dialog(qtbot, services, [back])
    assert tabs(dialog)[-1] == "Extension requests (1)"
    [[cell, code, unit, dates, reason]] = table(dialog.requests)
    assert (code, unit, dates, reason) == (
        "1",
        POLICE,
        "2021年6月底 → 2021-12-31",
        "系统改造未完成",
    )  # fmt: skip  (现完成时限 in the document's words, as the ledger; was 2021-06-30)
    assert cell.startswith(f"{dialog.previews()[0].requests[0].sheet}!")
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert messages == [
        (
            "information",
            "1 file imported with 0 changes.\n"
            "1 extension request awaits a decision (Edit → Extension requests…).",
        )
    ]
    [pending] = services.extensions.list()
    assert (pending.code, pending.unit, pending.source) == ("1", POLICE, f"台账 {back.name}")
