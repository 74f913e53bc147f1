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
