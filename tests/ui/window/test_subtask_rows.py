"""The list's rows of a measure split into sub-tasks, and of a collective with no members.

A sub-task's row shows the start of its own text in 重点任务 (the measure's title is in
its tool tip and the detail pane); a collective nobody has given members yet (issue 16)
is listed with a hint in its unit's tool tip and in the detail pane, until it has
members and its members' shares take its place.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt

from importers.policy import ParsedTask
from tests.tracker.conftest import sample_document, source
from tests.ui.conftest import make_window, row_of
from tracker.services import Services
from ui.assignments.assignment_cells import GROUP, TITLE, UNIT
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

CITIES = "各市、县（区）"
FIRST = "推进企业开办全程网办，开办时间压缩至1个工作日以内，全面推行电子营业执照和电子印章同步发放，实现企业开办“一网通办、一窗通取”"
SECOND = "各市县落实到位，\n按月报送进展"
WHOLE = f"{FIRST}（自治区市场监管厅牵头）。{SECOND}（自治区公安厅负责，各市、县〔区〕配合）。"
HINT = "The collective has no member units yet: add its members in the units directory"


def _cell(window: MainWindow, code: str, unit: str, column: int, role: Qt.ItemDataRole) -> str:
    model = window.model
    found = model.row_of(row_of(window, code, unit).id)
    assert found is not None
    return str(model.index(found, column).data(role))


@pytest.fixture
def split(qtbot, empty_services: Services, private_settings: QSettings, tmp_path: Path):  # type: ignore[no-untyped-def]
    """The sample document with measure 1 in two sub-tasks, 各市、县（区） in the second."""
    doc = sample_document()
    doc.measures[0] = replace(
        doc.measures[0],
        text=WHOLE,
        tasks=[
            ParsedTask(FIRST, ["自治区市场监管厅"], ["自治区市场监管厅"]),
            ParsedTask(SECOND, ["自治区公安厅"], ["自治区公安厅", CITIES]),
        ],
    )
    empty_services.documents.import_parsed(doc, source())
    window = make_window(qtbot, empty_services, private_settings, tmp_path)
    window.rows.reload()
    return window


def test_a_sub_tasks_row_shows_the_start_of_its_own_text(split: MainWindow) -> None:
    display, tip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
    assert _cell(split, "1-1", "自治区市场监管厅", TITLE, display) == (
        "推进企业开办全程网办，开办时间压缩至1个工作日以内，"
        "全面推行电子营业执照和电子印章同步发放，实现企业开办“一网通办、一窗"
    )  # its first 60 of 63 characters
    assert _cell(split, "1-2", "自治区公安厅", TITLE, display) == "各市县落实到位， 按月报送进展"
    assert _cell(split, "1-2", CITIES, TITLE, display) == "各市县落实到位， 按月报送进展"
    assert _cell(split, "2", "宁夏税务局", TITLE, display) == "推广企业开办零费用"  # one task
    assert _cell(split, "1-2", "自治区公安厅", TITLE, tip).splitlines() == [
        "1-2  各市县落实到位， 按月报送进展",
        "推进企业开办全程网办",
        "营造公平竞争市场环境 › 深化商事制度改革",
    ]
    assert _cell(split, "2", "宁夏税务局", TITLE, tip).splitlines() == [
        "推广企业开办零费用",
        "营造公平竞争市场环境 › 深化商事制度改革",
    ]


def test_a_collective_without_members_is_listed_with_a_hint(
    split: MainWindow, empty_services: Services
) -> None:
    tip = Qt.ItemDataRole.ToolTipRole
    assert _cell(split, "1-2", CITIES, UNIT, tip) == HINT
    assert _cell(split, "1-2", CITIES, GROUP, tip) == HINT
    assert _cell(split, "1-2", "自治区公安厅", UNIT, tip) == "None"  # a unit of its own
    split.table.select_assignment(row_of(split, "1-2", CITIES).id)
    split.selection.show_current_detail()
    assert split.detail.facts.text().splitlines()[-1] == HINT
    split.table.select_assignment(row_of(split, "1-2", "自治区公安厅").id)
    split.selection.show_current_detail()
    assert HINT not in split.detail.facts.text()

    # Given members, it fans out: its members' shares are listed, no hint.
    empty_services.groups.set_members(CITIES, ["银川市", "吴忠市"], create=True)
    split.rows.reload()
    assert [r.unit for r in split.model.rows() if r.code == "1-2"] == [
        "自治区公安厅",
        "银川市",
        "吴忠市",
    ]
    assert _cell(split, "1-2", "银川市", UNIT, tip).startswith(
        "Member of the group: 各市、县（区）"
    )
    split.table.select_assignment(row_of(split, "1-2", "银川市").id)
    split.selection.show_current_detail()
    assert HINT not in split.detail.facts.text()
