"""The clerk sees both evidence texts of a finding: the unit's 佐证材料 and the office's
closing evidence, in the findings table and in its history; closing offers the unit's."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog

from tests.tracker.inspections.conftest import INSPECTION, finding
from tracker.inspections.finding_records import FindingChange
from tracker.services import Services
from ui.inspections.finding_dialogs import history_model
from ui.inspections.finding_model import EVIDENCE, UNIT_EVIDENCE
from ui.inspections.findings_page import FindingsPage


def test_both_evidence_texts_are_shown_and_closing_offers_the_units(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    inspected = services
    inspected.inspections.create_inspection(INSPECTION, date(2021, 6, 1))
    inspected.inspections.add_finding(finding("自治区市场监管厅", date(2021, 6, 30), None, 1))
    inspected.inspections.add_finding(finding("自治区公安厅", date(2021, 7, 10), None, 2))
    inspected.inspections.record(2, FindingChange(evidence="公示截图"))
    page = FindingsPage(inspected.inspections, inspected.today)
    qtbot.addWidget(page)
    page.reload()
    page.select(2)
    offered: list[str] = []

    def answer(_parent, _title, _label, text):  # type: ignore[no-untyped-def]
        offered.append(text)
        return "现场核查", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", staticmethod(answer))
    page.buttons["close"].click()
    assert offered == ["公示截图"]
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in (UNIT_EVIDENCE, EVIDENCE)]
    assert headers == ["Unit's evidence", "Evidence"]
    row = model.row_of(2)
    assert row is not None
    assert [model.index(row, c).data() for c in (UNIT_EVIDENCE, EVIDENCE)] == [
        "公示截图",
        "现场核查",
    ]
    history = history_model()
    history.set_records(inspected.inspections.history(2))
    last = history.rowCount() - 1
    assert [history.index(last, c).data() for c in (2, 6, 7)] == [
        "整改销号",
        "公示截图",
        "现场核查",
    ]
