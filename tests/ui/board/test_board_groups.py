"""The board's group column: 各市、县（区） shows its members' derived state and expands into them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester

from tests.ui.conftest import row_of
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Derived, Status
from ui.board.board_model import CELL_COLOURS, BoardModel
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

MARKET, POLICE, CITIES, TAX, OFFICE = (
    "自治区市场监管厅",
    "自治区公安厅",
    "各市、县（区）",
    "宁夏税务局",
    "自治区政府办公厅",
)
YINCHUAN, SHIZUISHAN, WUZHONG = "银川市", "石嘴山市", "吴忠市"


@pytest.fixture
def grouped(services: Services) -> Services:
    """各市、县（区） has three cities; on measure 1 (past its deadline) 银川市 is done,
    石嘴山市 at 50 %, 吴忠市 not started; 公安厅 done too."""
    services.groups.set_members(CITIES, [YINCHUAN, SHIZUISHAN, WUZHONG], create=True)
    ids = {(r.code, r.unit): r.id for r in services.overview.assignments()}
    services.progress.record(ids[("1", YINCHUAN)], Change(status=Status.DONE, percent=100))
    services.progress.record(ids[("1", SHIZUISHAN)], Change(status=Status.IN_PROGRESS, percent=50))
    services.progress.record(ids[("1", POLICE)], Change(status=Status.DONE, percent=100))
    return services


@pytest.fixture
def board(qtbot, grouped: Services, window: MainWindow) -> BoardModel:  # type: ignore[no-untyped-def]
    window.rows.reload()
    window.tabs.setCurrentWidget(window.board_page)
    QAbstractItemModelTester(
        window.board.model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    return window.board.model


def header(board: BoardModel, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return board.headerData(column, Qt.Orientation.Horizontal, role)


def test_the_group_column_shows_its_members_derived_state(board: BoardModel) -> None:
    assert board.units == [POLICE, *sorted([MARKET, CITIES, TAX, OFFICE])]
    column = board.units.index(CITIES)
    cell = board.index(0, column)
    assert cell.data() == "1/3"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == CELL_COLOURS[Derived.OVERDUE]
    assert cell.data(Qt.ItemDataRole.ToolTipRole).splitlines() == [
        "1．推进企业开办全程网办",
        f"{CITIES} (3 members) · 1/3 done · 2 overdue",
        f"  {YINCHUAN}：Done 100%",
        f"  {SHIZUISHAN}：Overdue 50%",
        f"  {WUZHONG}：Overdue",
    ]
    assert board.assignment(cell) is None  # a group's cell is no one's assignment
    assert header(board, column) == "▸\n" + "\n".join(CITIES)
    assert header(board, column, Qt.ItemDataRole.ToolTipRole) == "\n".join(
        [
            CITIES,
            f"3 members: {YINCHUAN}、{SHIZUISHAN}、{WUZHONG}",
            "Click or press + to show the members",
        ]
    )
    totals = len(board.units)
    # measure 1: 公安厅 and 银川市 done of 市场监管厅, 公安厅 and the three cities
    assert board.index(0, totals).data() == "40%"
    assert board.index(4, column).data() == "0%"  # no group task done by every member
    assert board.index(4, column).data(Qt.ItemDataRole.ToolTipRole) == (
        "0 of 1 task done by every member"
    )
    assert board.unit_count() == 7


def test_plus_and_minus_expand_and_collapse_the_members(
    qtbot, board: BoardModel, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    view = window.board.table
    column = board.units.index(CITIES)
    view.setFocus()
    view.setCurrentIndex(board.index(0, column))
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert board.units[column : column + 4] == [CITIES, YINCHUAN, SHIZUISHAN, WUZHONG]
    assert len(board.units) == 8 and board.columnCount() == 9
    assert header(board, column) == "▾\n" + "\n".join(CITIES)
    assert header(board, column + 1) == "·\n" + "\n".join(YINCHUAN)
    assert (
        header(board, column + 1, Qt.ItemDataRole.ToolTipRole) == f"{YINCHUAN}\nMember of {CITIES}"
    )
    texts = [board.index(0, c).data() for c in range(column, column + 4)]
    assert texts == ["1/3", "✓", "50", ""]  # 吴忠市 has no percent
    colours = [
        board.index(0, c).data(Qt.ItemDataRole.BackgroundRole)
        for c in range(column + 1, column + 4)
    ]
    assert colours == [CELL_COLOURS[Derived.DONE], *[CELL_COLOURS[Derived.OVERDUE]] * 2]
    assert [board.index(4, c).data() for c in range(column + 1, column + 4)] == ["100%", "0%", "0%"]
    assert board.index(0, 8).data() == "40%"  # the totals do not change with the view
    share = board.assignment(board.index(0, column + 2))
    assert share is not None and (share.unit, share.group) == (SHIZUISHAN, CITIES)
    assert board.index(0, column + 2).data(Qt.ItemDataRole.ToolTipRole).splitlines()[2] == (
        f"Member of {CITIES}"
    )
    view.setCurrentIndex(board.index(0, column + 3))  # − on a member closes its group
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert board.units == [POLICE, *sorted([MARKET, CITIES, TAX, OFFICE])]
    assert view.currentIndex().column() == column
    assert board.index_of(share.id) == board.index(0, column)  # collapsed: its group's cell


def test_a_click_on_the_header_expands_and_a_click_on_the_cell_selects_a_member(
    qtbot, board: BoardModel, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    view = window.board.table
    column = board.units.index(CITIES)
    heads = view.horizontalHeader()
    middle = heads.sectionViewportPosition(column) + heads.sectionSize(column) // 2
    qtbot.mouseClick(heads.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, 5))
    assert board.units[column + 1 : column + 4] == [YINCHUAN, SHIZUISHAN, WUZHONG]
    qtbot.mouseClick(heads.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, 5))
    assert CITIES in board.units and YINCHUAN not in board.units
    rect = view.visualRect(board.index(0, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = window.table.current_row()
    assert current is not None and (current.code, current.unit, current.group) == (
        "1",
        YINCHUAN,
        CITIES,
    )
    assert row_of(window, "1", WUZHONG).state is Derived.OVERDUE
