"""The findings tab and its export show the day each finding was closed (整改销号), so the
list exported for a leader says when the rectification was confirmed, against its 整改时限
(the score's 问题按期整改 / 逾期整改 is judged by it)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from tests.tracker.inspections.conftest import INSPECTION, finding
from tracker.inspections.finding_records import FindingChange
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock
from ui.inspections.finding_model import CLOSED_ON
from ui.inspections.findings_page import FindingsPage


def test_the_day_a_finding_was_closed_is_shown_and_exported(
    qtbot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    inspections = services.inspections
    inspections.create_inspection(INSPECTION, date(2021, 6, 1), "第一督查组")
    inspections.add_finding(finding("自治区市场监管厅", date(2021, 6, 30), "1", 1))
    inspections.add_finding(finding("自治区公安厅", date(2021, 7, 10), None, 2))
    services.store.clock = Clock(date(2021, 6, 25))
    inspections.record(1, FindingChange(status=Status.DONE, percent=100, note="已整改"))
    services.store.clock = Clock(date(2021, 6, 28))
    inspections.close(1, "整改报告")
    page = FindingsPage(inspections, services.today)
    qtbot.addWidget(page)
    page.reload()
    model = page.model
    assert model.headerData(CLOSED_ON, Qt.Orientation.Horizontal) == "Closed on"
    assert [model.index(r, CLOSED_ON).data() for r in range(2)] == ["2021-06-28", ""]
    monkeypatch.setattr(
        "ui.assignments.list_output.save_file", lambda *_args: tmp_path / "督查.xlsx"
    )
    page.buttons["export"].click()
    sheet = openpyxl.load_workbook(tmp_path / "督查.xlsx").active
    assert [list(r)[-5:] for r in sheet.iter_rows(values_only=True)] == [
        ["Progress (%)", "Rectification progress", "Unit's evidence", "Evidence", "Closed on"],
        ["100", "已整改", None, "整改报告", "2021-06-28"],
        [None, None, None, None, None],
    ]
    inspections.reopen(1)
    page.reload()
    assert model.index(0, CLOSED_ON).data() == ""
