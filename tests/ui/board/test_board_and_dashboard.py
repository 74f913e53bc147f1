"""The progress board and the dashboard on the hand-built document: colours, percentages, clicks."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog

from tests.ui.conftest import row_of
from tracker.progress.progress_service import Change
from tracker.records import PartStats, Summary, UnitStats
from tracker.services import Services
from tracker.statuses import Derived, Status
from ui.assignments.progress_dialogs import TickOffDialog
from ui.board.board_model import CELL_COLOURS, NOT_ASSIGNED, BoardModel, percent
from ui.board.dashboard import gather, part_bars, unit_bars
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

MARKET, POLICE, CITIES, TAX, OFFICE = (
    "自治区市场监管厅",
    "自治区公安厅",
    "各市、县（区）",
    "宁夏税务局",
    "自治区政府办公厅",
)


@pytest.fixture
def progressed(services: Services) -> Services:
    """市场监管厅 40 % on 1 (overdue), 公安厅 done on 1, 税务局 ticked off on 2."""
    ids = {(r.code, r.unit): r.id for r in services.overview.assignments()}
    services.progress.record(ids[("1", MARKET)], Change(status=Status.IN_PROGRESS, percent=40))
    services.progress.record(ids[("1", POLICE)], Change(status=Status.DONE, percent=100))
    services.progress.record(ids[("2", TAX)], Change(status=Status.DONE))
    services.progress.tick_off(ids[("2", TAX)])
    return services


@pytest.fixture
def board(qtbot, progressed: Services, window: MainWindow) -> BoardModel:  # type: ignore[no-untyped-def]
    window.rows.reload()
    window.tabs.setCurrentWidget(window.board_page)
    QAbstractItemModelTester(
        window.board.model, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    return window.board.model


def grid(model: BoardModel, role: Qt.ItemDataRole) -> list[list[object]]:
    return [
        [model.index(r, c).data(role) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_percentages_round_half_up() -> None:
    assert [percent(1, 3), percent(2, 3), percent(1, 8), percent(0, 5), percent(0, 0)] == [
        33,
        67,
        13,
        0,
        None,
    ]


def test_board_rows_columns_colours_and_completion(board: BoardModel) -> None:
    assert [m.code for m in board.measures] == ["1", "2", "3", "4"]  # 3 has no unit yet
    assert board.units == [POLICE, *sorted([MARKET, CITIES, TAX, OFFICE])]
    column = {unit: i for i, unit in enumerate(board.units)}
    colours = grid(board, Qt.ItemDataRole.BackgroundRole)
    grey = CELL_COLOURS[NOT_ASSIGNED]
    expected = [[grey] * 5 for _ in range(4)]
    expected[0][column[MARKET]] = CELL_COLOURS[Derived.OVERDUE]  # 40 % but past its deadline
    expected[0][column[POLICE]] = CELL_COLOURS[Derived.DONE]
    expected[0][column[CITIES]] = CELL_COLOURS[Derived.OVERDUE]
    expected[1][column[POLICE]] = CELL_COLOURS[Derived.DUE_SOON]
    expected[1][column[TAX]] = CELL_COLOURS[Derived.TICKED_OFF]
    expected[3][column[OFFICE]] = CELL_COLOURS[Derived.STANDING]
    assert [row[:5] for row in colours[:4]] == expected  # measure 3: a grey row
    assert CELL_COLOURS[Derived.OVERDUE].name() == "#c62828"
    assert CELL_COLOURS[Derived.TICKED_OFF].name() == "#2e7d32"
    assert CELL_COLOURS[Derived.NOT_STARTED].name() == "#ffffff"

    texts = grid(board, Qt.ItemDataRole.DisplayRole)
    assert texts[0][column[MARKET]] == "40"
    assert texts[0][column[POLICE]] == "✓"
    assert texts[2][:5] == [None] * 5
    assert [row[5] for row in texts] == ["33%", "50%", "—", "0%", "33%"]  # per measure, overall
    by_unit = dict(zip(board.units, texts[4][:5], strict=True))
    assert by_unit == {POLICE: "50%", MARKET: "0%", CITIES: "0%", TAX: "100%", OFFICE: "0%"}
    assert board.headerData(0, Qt.Orientation.Horizontal) == "\n".join(POLICE)
    assert board.headerData(5, Qt.Orientation.Horizontal) == "D\no\nn\ne"
    assert board.headerData(2, Qt.Orientation.Vertical) == "3"
    assert board.index(2, 5).data(Qt.ItemDataRole.ToolTipRole) == "0 of 0 done or ticked off"
    tip = board.index(0, column[MARKET]).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == [
        "1．推进企业开办全程网办",
        f"Unit: {MARKET} (Lead)",
        "Status: Overdue · 40%",
        "Deadline: 2021年6月底",
    ]


def test_click_selects_in_the_table_and_double_click_ticks_off_undoably(
    qtbot, board: BoardModel, window: MainWindow, progressed: Services, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window.filters.choose_unit(TAX)  # the police row is filtered out of the table
    column = board.units.index(POLICE)
    view = window.board.table
    index = board.index(1, column)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    current = window.table.current_row()
    assert current is not None and (current.code, current.unit) == ("2", POLICE)
    qtbot.waitUntil(lambda: window.detail.heading.text().startswith("2．"))

    asked: list[int] = []
    monkeypatch.setattr(  # 销号 asks first
        TickOffDialog, "exec", lambda d: asked.append(1) or QDialog.DialogCode.Accepted
    )
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert asked == [1]
    assert row_of(window, "2", POLICE).status is Status.TICKED_OFF
    assert (
        board.index(1, column).data(Qt.ItemDataRole.BackgroundRole)
        == CELL_COLOURS[Derived.TICKED_OFF]
    )
    assert board.index(1, len(board.units)).data() == "100%"
    window.progress_actions.stack.undo()
    assert (
        board.index(1, column).data(Qt.ItemDataRole.BackgroundRole)
        == CELL_COLOURS[Derived.DUE_SOON]
    )
    assert board.index(1, len(board.units)).data() == "50%"


def test_empty_board_is_a_valid_model(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = BoardModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert (model.rowCount(), model.columnCount()) == (0, 0)
    assert model.assignment(QModelIndex()) is None


def test_dashboard_figures_are_exact(progressed: Services) -> None:
    data = gather(progressed.overview, progressed.store.due_soon_days)
    summary = data.summary
    assert (summary.measures, summary.assignments, summary.overdue, summary.due_soon) == (
        4,
        6,
        2,
        1,
    )
    assert summary.by_status == {"未启动": 2, "推进中": 1, "已完成": 1, "已销号": 1, "长期坚持": 1}
    assert [(r.code, r.unit) for r in data.overdue] == [("1", MARKET), ("1", CITIES)]
    assert [(r.code, r.unit) for r in data.due_soon] == [("2", POLICE)]
    assert [(b.label, b.figure) for b in unit_bars(summary)] == [
        (TAX, "100.0%（1/1）"),
        (POLICE, "50.0%（1/2）"),
        *sorted([(MARKET, "0.0%（0/1）"), (CITIES, "0.0%（0/1）"), (OFFICE, "0.0%（0/1）")]),
    ]
    assert [(b.label, b.figure) for b in part_bars(data.parts)] == [
        ("营造公平竞争市场环境", "40.0%（2/5）"),
        ("强化组织保障", "0.0%（0/1）"),
    ]


def test_the_dashboard_writes_a_rate_as_the_bulletin_prints_it() -> None:
    """1 of 27 done: the bulletin's 3.7%, where the dashboard said 4% beside it."""
    summary = Summary(
        measures=27,
        assignments=27,
        by_status={"已完成": 1, "未启动": 26},
        overdue=0,
        due_soon=0,
        units=[UnitStats("自治区市场监管厅", 27, {"已完成": 1, "未启动": 26}, 0, 0)],
    )
    assert [(b.label, b.figure) for b in unit_bars(summary)] == [
        ("自治区市场监管厅", "3.7%（1/27）")
    ]


def test_dashboard_tab_shows_the_figures_and_refreshes_after_an_edit(
    qtbot, window: MainWindow, progressed: Services
) -> None:  # type: ignore[no-untyped-def]
    window.rows.reload()
    window.tabs.setCurrentWidget(window.dashboard_page)
    figures = window.dashboard.figures
    qtbot.waitUntil(lambda: figures["overdue"].text() == "2")
    assert [figures[k].text() for k in ("measures", "assignments", "已销号", "due_soon")] == [
        "4",
        "6",
        "1",
        "1",
    ]
    assert window.dashboard.overdue.topLevelItemCount() == 2
    item = window.dashboard.overdue.topLevelItem(1)
    window.dashboard.overdue.itemClicked.emit(item, 0)
    current = window.table.current_row()
    assert current is not None and (current.code, current.unit) == ("1", CITIES)

    window.progress_actions.tick_off([current])
    qtbot.waitUntil(lambda: figures["overdue"].text() == "1")
    assert figures["已销号"].text() == "2"


def test_every_completion_figure_fits_its_column(board: BoardModel, window: MainWindow) -> None:
    """The 完成率 row in bold, "100%" included, is never cut to "3…" (issue 18 item 2)."""
    from PySide6.QtGui import QFont, QFontMetrics

    view = window.board
    bold = QFont(view.table.font())
    bold.setBold(True)
    needed = QFontMetrics(bold).horizontalAdvance("100%")
    totals = board.rowCount() - 1
    texts = [board.index(totals, c).data() for c in range(board.columnCount())]
    assert texts[-1].endswith("%")
    for column, text in enumerate(texts):
        assert view.table.columnWidth(column) >= needed + 4, (column, text)
        assert view.table.columnWidth(column) >= QFontMetrics(bold).horizontalAdvance(text) + 4


def test_parts_of_several_documents_are_listed_under_each_documents_number() -> None:
    """The label was "宁政规发〔2020〕5号 › 便利企业融资", cut from the left at 1280 × 800
    to "…0〕5号 › 便利企业融资"; now each document's number heads its parts."""
    parts = [
        PartStats("宁政职转办〔2021〕1号", "营造公平竞争市场环境", 106, 1, 0, 9),
        PartStats("宁政职转办〔2021〕1号", "强化组织保障", 8, 0, 0, 0),
        PartStats("宁政规发〔2020〕5号", "便利企业融资", 13, 0, 0, 0),
    ]
    assert [(b.label, b.figure, b.heading) for b in part_bars(parts)] == [
        ("宁政职转办〔2021〕1号", "", True),
        ("营造公平竞争市场环境", "0.9%（1/106）", False),
        ("强化组织保障", "0.0%（0/8）", False),
        ("宁政规发〔2020〕5号", "", True),
        ("便利企业融资", "0.0%（0/13）", False),
    ]
    assert part_bars(parts)[4].tooltip == "宁政规发〔2020〕5号 › 便利企业融资"
