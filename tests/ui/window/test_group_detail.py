"""A group's derived state in the window's table and detail pane: the members under their group."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import row_of
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from ui.assignments.assignment_model import GROUP, UNIT
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

CITIES = "各市、县（区）"
YINCHUAN, SHIZUISHAN, WUZHONG = "银川市", "石嘴山市", "吴忠市"


@pytest.fixture
def grouped(services: Services) -> Services:
    """On measure 1 (past its deadline) 银川市 is done, 石嘴山市 at 50 %, 吴忠市 not started."""
    services.groups.set_members(CITIES, [YINCHUAN, SHIZUISHAN, WUZHONG], create=True)
    ids = {(r.code, r.unit): r.id for r in services.overview.assignments()}
    services.progress.record(ids[("1", YINCHUAN)], Change(status=Status.DONE, percent=100))
    services.progress.record(ids[("1", SHIZUISHAN)], Change(status=Status.IN_PROGRESS, percent=50))
    return services


def tree(window: MainWindow) -> list[list[str]]:
    """The detail pane's units: a top-level line, then its members indented by two spaces."""
    units = window.detail.units
    lines = []
    for i in range(units.topLevelItemCount()):
        item = units.topLevelItem(i)
        lines.append([item.text(c) for c in range(4)])
        for j in range(item.childCount()):
            child = item.child(j)
            lines.append(["  " + child.text(0), *(child.text(c) for c in range(1, 4))])
    return lines


def test_the_table_names_a_members_group_with_its_derived_state(
    grouped: Services, window: MainWindow
) -> None:
    window.rows.reload()
    share = row_of(window, "1", SHIZUISHAN)
    assert share.group == CITIES
    row = window.model.row_of(share.id)
    assert row is not None
    tip = window.model.index(row, UNIT).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == f"Member of the group: {CITIES} (3 members) · 1/3 done · 2 overdue"
    own = window.model.row_of(row_of(window, "1", "自治区公安厅").id)
    assert own is not None
    assert window.model.index(own, UNIT).data(Qt.ItemDataRole.ToolTipRole) is None


def test_the_detail_pane_shows_the_group_and_each_members_state(
    grouped: Services, window: MainWindow
) -> None:
    window.rows.reload()
    window.table.select_assignment(row_of(window, "1", WUZHONG).id)
    window.selection.show_current_detail()
    detail = window.detail
    assert detail.facts.text().splitlines()[-1] == (
        f"Member of the group: {CITIES} (3 members) · 1/3 done · 2 overdue"
    )
    assert tree(window) == [
        ["自治区市场监管厅", "Lead", "Overdue", ""],
        ["自治区公安厅", "Responsible", "Overdue", ""],
        [f"{CITIES} (3 members) · 1/3 done · 2 overdue · 50%", "", "", ""],
        [f"  {YINCHUAN}", "Responsible", "Done", "100%"],
        [f"  {SHIZUISHAN}", "Responsible", "Overdue", "50%"],
        [f"  {WUZHONG}", "Responsible", "Overdue", ""],
    ]
    group = detail.units.topLevelItem(2)
    assert group.isFirstColumnSpanned()  # across the pane: the units' names keep their width
    assert group.toolTip(0) == (
        f"{CITIES} (3 members) · 1/3 done · 2 overdue · 50%\n"
        "Derived from the members' own states, never typed"
    )
    assert group.isExpanded() and group.font(0).bold()  # the selected row is one of its members
    assert [group.child(j).font(0).bold() for j in range(3)] == [False, False, True]
    assert detail.units.rootIsDecorated()


def test_without_groups_the_units_stay_a_flat_list(window: MainWindow) -> None:
    window.table.select_assignment(row_of(window, "1", "自治区公安厅").id)
    window.selection.show_current_detail()
    assert not window.detail.units.rootIsDecorated()
    assert len(tree(window)) == 3
    assert window.detail.facts.text().count("\n") == 1


def test_a_city_whose_counties_answer_directly_sits_under_the_group_in_the_detail_pane(
    services: Services, window: MainWindow
) -> None:
    """银川市's counties answer directly: 银川市 is a line under 各市、县（区）, counted as one
    of its three members, with its counties beneath; the board's group cell agrees."""
    services.groups.set_members(YINCHUAN, ["兴庆区", "金凤区"], create=True)
    services.groups.set_members(
        CITIES, [YINCHUAN, SHIZUISHAN, WUZHONG], create=True, report_directly=True
    )
    ids = {(r.code, r.unit): r.id for r in services.overview.assignments()}
    services.progress.record(ids[("1", "兴庆区")], Change(status=Status.DONE))
    services.progress.record(ids[("1", "金凤区")], Change(status=Status.DONE))
    services.progress.record(ids[("1", SHIZUISHAN)], Change(status=Status.IN_PROGRESS, percent=50))
    window.rows.reload()
    window.table.select_assignment(row_of(window, "1", "金凤区").id)
    window.selection.show_current_detail()
    units = window.detail.units
    group = units.topLevelItem(2)
    city = group.child(2)
    assert group.text(0) == f"{CITIES} (3 members) · 1/3 done · 2 overdue · 50%"
    assert [group.child(j).text(0) for j in range(group.childCount())] == [
        SHIZUISHAN,
        WUZHONG,
        f"{YINCHUAN} (2 members) · 2/2 done · 100%",
    ]
    assert city.isFirstColumnSpanned() and group.isFirstColumnSpanned()
    assert [city.child(j).text(0) for j in range(city.childCount())] == ["兴庆区", "金凤区"]
    assert (group.font(0).bold(), city.font(0).bold(), city.child(1).font(0).bold()) == (
        True,
        True,
        True,
    )
    assert units.topLevelItemCount() == 3
    window.tabs.setCurrentWidget(window.board_page)
    board = window.board.model
    assert board.index(0, board.units.index(CITIES)).data() == "1/3"


def test_the_group_column_shows_a_members_group_and_its_state_beside_the_unit(
    grouped: Services, window: MainWindow
) -> None:
    header = window.table.horizontalHeader()
    assert header.visualIndex(GROUP) == header.visualIndex(UNIT) + 1
    assert window.model.headerData(GROUP, Qt.Orientation.Horizontal) == "Group"
    window.rows.reload()
    assert not header.isSectionHidden(GROUP)  # the rows hold members' shares
    share = window.model.row_of(row_of(window, "1", SHIZUISHAN).id)
    own = window.model.row_of(row_of(window, "1", "自治区公安厅").id)
    assert share is not None and own is not None
    assert window.model.index(share, GROUP).data() == f"{CITIES} · 1/3 done · 2 overdue"
    assert window.model.index(share, GROUP).data(Qt.ItemDataRole.ToolTipRole) == (
        f"Member of the group: {CITIES} (3 members) · 1/3 done · 2 overdue"
    )
    assert window.model.index(own, GROUP).data() == ""
    window.table.column_chooser.show_column(GROUP, False)
    window.rows.reload()
    assert header.isSectionHidden(GROUP)  # the clerk's choice stands


def test_without_groups_the_group_column_is_hidden(window: MainWindow) -> None:
    window.rows.reload()
    assert window.table.horizontalHeader().isSectionHidden(GROUP)
