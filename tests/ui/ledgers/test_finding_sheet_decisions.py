"""The 整改台账 in the import preview under the main sheet's rules: a value both the unit
and the office changed is decided in the Conflicts tab, a rejected 整改状态 is corrected
in the Rejected tab, and both are applied with the file."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from tests.ui.ledger_fixtures import ROUND
from tests.ui.ledgers.test_ledger_import_cases import import_dialog, table, tabs
from tests.ui.ledgers.test_rejected_edits import type_correction
from tracker.inspections.finding_records import FindingChange, NewFinding
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from ui.ledgers.ledger_preview_models import UNIT

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
POLICE = "自治区公安厅"


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_a_findings_conflict_is_decided_and_a_bad_status_corrected(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    services.inspections.create_inspection("专项督查", date(2021, 6, 1))
    for problem in ("窗口未公示", "材料未归档"):
        services.inspections.add_finding(
            NewFinding("专项督查", POLICE, problem, "整改到位", date(2021, 7, 10))
        )
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    [sent] = services.ledger_export.export_units(ROUND, tmp_path / "sent", units=[POLICE])
    services.inspections.record(1, FindingChange(percent=20))  # the office, since the export
    wb = openpyxl.load_workbook(sent)
    wb["整改台账"]["G4"], wb["整改台账"]["F5"] = 50, "差不多"
    wb.save(tmp_path / "回.xlsx")
    dialog = import_dialog(qtbot, services, [tmp_path / "回.xlsx"])
    assert [tabs(dialog)[i] for i in (1, 2, 7)] == [
        "Rejected (1)",
        "Conflicts (1)",
        "Findings sheet (0)",
    ]
    assert table(dialog.conflicts) == [
        ["窗口未公示", POLICE, "完成进度(%)", "—", "20%", "50%", "Undecided"]
    ]
    assert table(dialog.rejects) == [
        [
            "整改台账!F5",
            "Status",
            'unknown status "差不多"; allowed: 未启动、推进中、已完成、已销号、长期坚持',
            "",
        ]
    ]
    assert table(dialog.files)[0][7] == "Fix the rejected cells first"
    type_correction(qtbot, dialog, 0, "推进中")
    assert [tabs(dialog)[i] for i in (1, 2, 7)] == [
        "Rejected (0)",
        "Conflicts (1)",
        "Findings sheet (1)",
    ]
    assert table(dialog.files)[0][7] == "Decide 1 conflict"
    assert not dialog.apply_button.isEnabled()
    dialog.details.setCurrentIndex(2)
    dialog.decide_all(UNIT)
    assert table(dialog.conflicts)[0][6] == "Take the unit's value"
    assert dialog.files.choices == {(1, "finding:percent"): UNIT}
    assert table(dialog.files)[0][7] == "Ready to apply"
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert messages == [("information", "1 file imported with 2 changes.")]
    first, second = services.inspections.findings()
    assert (first.percent, second.status.value) == (50, "推进中")
