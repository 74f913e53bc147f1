"""The detail pane of a measure split into sub-tasks: each line led by its task's code, a
group named in both sub-tasks shown once per sub-task with that sub-task's roll-up."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from importers.policy import ParsedTask
from tests.tracker.conftest import sample_document, source
from tests.ui.conftest import make_window, row_of
from tests.ui.window.test_group_detail import tree
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

CITIES = "各市、县（区）"
YINCHUAN, WUZHONG = "银川市", "吴忠市"


def test_the_detail_pane_heads_each_line_with_its_sub_task(
    qtbot, empty_services: Services, private_settings: QSettings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    doc = sample_document()
    doc.measures[0] = replace(
        doc.measures[0],
        tasks=[
            ParsedTask("推进企业开办全程网办", ["自治区市场监管厅"], ["自治区市场监管厅", CITIES]),
            ParsedTask("各市县落实", ["自治区公安厅"], ["自治区公安厅", CITIES]),
        ],
    )
    empty_services.documents.import_parsed(doc, source())
    empty_services.groups.set_members(CITIES, [YINCHUAN, WUZHONG], create=True)
    ids = {(r.code, r.unit): r.id for r in empty_services.overview.assignments()}
    empty_services.progress.record(ids[("1-1", YINCHUAN)], Change(status=Status.DONE))
    window = make_window(qtbot, empty_services, private_settings, tmp_path)
    window.rows.reload()
    window.table.select_assignment(row_of(window, "1-2", WUZHONG).id)
    window.selection.show_current_detail()
    assert tree(window) == [
        ["1-1  自治区市场监管厅", "Lead", "Overdue", ""],
        [f"1-1  {CITIES} (2 members) · 1/2 done · 1 overdue · 50%", "", "", ""],
        [f"  {YINCHUAN}", "Responsible", "Done", "100%"],
        [f"  {WUZHONG}", "Responsible", "Overdue", ""],
        ["1-2  自治区公安厅", "Lead", "Overdue", ""],
        [f"1-2  {CITIES} (2 members) · 0/2 done · 2 overdue · 0%", "", "", ""],
        [f"  {YINCHUAN}", "Responsible", "Overdue", ""],
        [f"  {WUZHONG}", "Responsible", "Overdue", ""],
    ]
    assert window.detail.facts.text().splitlines()[-1] == (
        f"Member of the group: {CITIES} (2 members) · 0/2 done · 2 overdue"
    )
    selected = window.detail.units.topLevelItem(3)
    assert selected.font(0).bold() and selected.child(1).font(0).bold()
    assert not window.detail.units.topLevelItem(1).font(0).bold()


def test_the_detail_pane_says_what_the_selected_sub_task_asks(
    qtbot, empty_services: Services, private_settings: QSettings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A clerk looking at 1-2 reads 1-2's own text (分工) first, then the measure in full;
    a measure of one task shows its text alone."""
    doc = sample_document()
    whole = "推进企业开办全程网办（自治区市场监管厅牵头）。各市县落实到位（自治区公安厅负责）。"
    doc.measures[0] = replace(
        doc.measures[0],
        text=whole,
        tasks=[
            ParsedTask("推进企业开办全程网办", ["自治区市场监管厅"], ["自治区市场监管厅"]),
            ParsedTask("各市县落实到位", ["自治区公安厅"], ["自治区公安厅", CITIES]),
        ],
    )
    empty_services.documents.import_parsed(doc, source())
    window = make_window(qtbot, empty_services, private_settings, tmp_path)
    window.rows.reload()
    window.table.select_assignment(row_of(window, "1-2", CITIES).id)
    window.selection.show_current_detail()
    assert window.detail.heading.text() == "1-2．推进企业开办全程网办"
    assert window.detail.text.toPlainText() == (
        f"Sub-task 1-2:\n各市县落实到位\n\nThe measure in full:\n{whole}"
    )
    window.table.select_assignment(row_of(window, "1-1", "自治区市场监管厅").id)
    window.selection.show_current_detail()
    assert window.detail.text.toPlainText().splitlines()[:2] == [
        "Sub-task 1-1:",
        "推进企业开办全程网办",
    ]
    window.table.select_assignment(row_of(window, "2", "宁夏税务局").id)
    window.selection.show_current_detail()
    assert window.detail.text.toPlainText() == (
        "推广企业开办零费用。\n\nMilestones:\n• 2021-07-10  2021年7月10日前完成"
    )
