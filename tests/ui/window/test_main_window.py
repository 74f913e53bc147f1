"""The main window on a fresh database with the hand-built document: filters, navigator, detail."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QSettings, Qt

from tests.ui.conftest import make_window, row_of, shown
from tracker.services import Services
from ui.assignments.assignment_model import NOTE, STATE
from ui.window.filter_bar import Scope
from ui.window.main_window import MainWindow
from ui.window.navigator import TARGET_ROLE, UnitTarget

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

ALL = [
    ("1", "自治区市场监管厅"),
    ("1", "自治区公安厅"),
    ("1", "各市、县（区）"),
    ("2", "自治区公安厅"),
    ("2", "宁夏税务局"),
    ("4", "自治区政府办公厅"),
]


def test_it_opens_on_the_table_with_every_assignment(window: MainWindow) -> None:
    assert window.pages.currentWidget() is window.splitter
    assert shown(window) == ALL
    assert window.counts.text() == "6 assignments shown · 3 overdue · 2 due soon"


def test_filter_by_unit(window: MainWindow) -> None:
    window.filters.choose_unit("自治区公安厅")
    assert shown(window) == [("1", "自治区公安厅"), ("2", "自治区公安厅")]


def test_overdue_only(window: MainWindow) -> None:
    window.filters.overdue.setChecked(True)
    assert shown(window) == [
        ("1", "自治区市场监管厅"),
        ("1", "自治区公安厅"),
        ("1", "各市、县（区）"),
    ]
    window.filters.choose_unit("自治区公安厅")
    assert shown(window) == [("1", "自治区公安厅")]


def test_due_within_and_status(window: MainWindow) -> None:
    window.filters.due_soon.setChecked(True)
    window.filters.days.setValue(9)  # 2021-07-10 is 9 days after 2021-07-01
    assert shown(window) == [("2", "自治区公安厅"), ("2", "宁夏税务局")]
    window.filters.days.setValue(8)
    assert shown(window) == []
    window.filters.reset()
    index = window.filters.status.findData("长期坚持")
    window.filters.status.setCurrentIndex(index)
    assert shown(window) == [("4", "自治区政府办公厅")]


def test_search_waits_for_a_pause_in_typing(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.filters.search.setText("零费用")
    assert shown(window) == ALL  # not yet: the 200 ms pause has not passed
    with qtbot.waitSignal(window.filters.changed, timeout=1000, raising=True):
        pass
    assert shown(window) == [("2", "自治区公安厅"), ("2", "宁夏税务局")]
    window.filters.search.setText("税务")
    window.filters.flush()
    assert shown(window) == [("2", "宁夏税务局")]


def test_search_reads_no_database_once_every_row_is_in(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.rows.index is not None and window.rows.index.texts is not None

    def no_query(_needle: str) -> set[int]:
        raise AssertionError("the window asked the database")

    monkeypatch.setattr(window.services.overview, "matching_measures", no_query)
    window.filters.search.setText("企业开办")  # measure 1's title, measure 2's text
    window.filters.flush()
    assert shown(window) == ALL[:5]
    window.filters.search.setText("营商 ")
    window.filters.flush()
    assert shown(window) == []


def test_navigator_units_and_parts_filter_the_table(window: MainWindow) -> None:
    navigator = window.navigator
    model = navigator.nav_model
    units = [
        (
            model.units_root.child(r, 0).text(),
            model.units_root.child(r, 1).text(),
            model.units_root.child(r, 2).text(),
        )
        for r in range(model.units_root.rowCount())
    ]
    assert units == [  # most overdue first, then most open
        ("自治区公安厅", "2", "1"),
        ("各市、县（区）", "1", "1"),
        ("自治区市场监管厅", "1", "1"),
        ("宁夏税务局", "1", "0"),
        ("自治区政府办公厅", "1", "0"),
    ]
    navigator.setCurrentIndex(model.units_root.child(0, 0).index())
    assert model.units_root.child(0, 0).data(TARGET_ROLE) == UnitTarget("自治区公安厅")
    assert shown(window) == [("1", "自治区公安厅"), ("2", "自治区公安厅")]

    document = model.documents_root.child(0, 0)
    assert document.text() == "宁政办〔2021〕9号"
    parts = [document.child(r, 0).text() for r in range(document.rowCount())]
    assert parts == ["营造公平竞争市场环境", "强化组织保障"]
    assert document.child(0, 0).child(0, 0).text() == "深化商事制度改革"
    navigator.setCurrentIndex(document.child(1, 0).index())
    assert window.filters.scope() == Scope(1, "强化组织保障")
    assert window.filters.unit.currentData() == "自治区公安厅"  # the unit filter stays
    assert shown(window) == []
    navigator.setCurrentIndex(model.documents_root.index())  # "Documents": everything again
    assert shown(window) == ALL


def test_choosing_a_unit_by_hand_lets_the_navigator_entry_be_picked_again(
    window: MainWindow,
) -> None:
    units = window.navigator.nav_model.units_root
    window.navigator.setCurrentIndex(units.child(0, 0).index())  # 自治区公安厅
    assert len(shown(window)) == 2
    window.filters.unit.setCurrentIndex(0)
    window.filters.unit.activated.emit(0)  # as a clerk's choice of "All units" does
    assert shown(window) == ALL
    assert not window.navigator.selectionModel().hasSelection()
    window.navigator.setCurrentIndex(units.child(0, 0).index())
    assert shown(window) == [("1", "自治区公安厅"), ("2", "自治区公安厅")]


def test_show_all_assignments_lets_the_navigator_entry_be_picked_again(
    window: MainWindow,
) -> None:
    """视图 → 显示全部分工 left 自治区公安厅 highlighted over everyone's rows, and a click on
    it then chose nothing: it was chosen already."""
    units = window.navigator.nav_model.units_root
    window.navigator.setCurrentIndex(units.child(0, 0).index())  # 自治区公安厅
    assert len(shown(window)) == 2
    window.actions_.reset_filters.trigger()
    assert shown(window) == ALL
    assert not window.navigator.selectionModel().hasSelection()
    window.navigator.setCurrentIndex(units.child(0, 0).index())
    assert shown(window) == [("1", "自治区公安厅"), ("2", "自治区公安厅")]


def test_tabbing_into_the_list_selects_the_current_row(window: MainWindow) -> None:
    """The first row had the focus frame but no selection: Ctrl+E and Ctrl+T did nothing."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QFocusEvent
    from PySide6.QtWidgets import QApplication

    assert not window.actions_.set_status.isEnabled()
    reason = Qt.FocusReason.TabFocusReason
    QApplication.sendEvent(window.table, QFocusEvent(QEvent.Type.FocusIn, reason))
    assert window.table.selectionModel().selectedRows() == [window.model.index(0, 0)]
    assert window.actions_.set_status.isEnabled() and window.actions_.tick_off.isEnabled()


def test_detail_pane_shows_the_measure_its_units_and_history(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.table.setCurrentIndex(window.model.index(1, 0))  # measure 1, 自治区公安厅
    window.selection.show_current_detail()
    detail = window.detail
    assert detail.heading.text() == "1．推进企业开办全程网办"
    assert detail.facts.text() == (
        "宁政办〔2021〕9号 › 营造公平竞争市场环境 › 深化商事制度改革\nDeadline: 2021年6月底"
    )
    assert detail.text.toPlainText().startswith("推进企业开办全程网办。（责任单位：")
    units = [
        [detail.units.topLevelItem(i).text(c) for c in range(4)]
        for i in range(detail.units.topLevelItemCount())
    ]
    assert units == [
        ["自治区市场监管厅", "Lead", "Overdue", ""],
        ["自治区公安厅", "Responsible", "Overdue", ""],
        ["各市、县（区）", "Responsible", "Overdue", ""],
    ]
    when, change = detail.history.toPlainText().splitlines()
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d · 测试员 · 导入 措施.txt", when)
    assert change == "Not started"


def test_detail_lists_milestones(window: MainWindow) -> None:
    window.table.select_assignment(row_of(window, "2", "宁夏税务局").id)
    window.selection.show_current_detail()
    assert window.detail.text.toPlainText() == (
        "推广企业开办零费用。\n\nMilestones:\n• 2021-07-10  2021年7月10日前完成"
    )


def test_state_cells_are_coloured_and_edits_need_a_handler(window: MainWindow) -> None:
    index = window.model.index(0, STATE)
    assert window.model.data(index) == "Not started · Overdue"  # recorded · deadline
    assert window.model.data(index, Qt.ItemDataRole.BackgroundRole).name() == "#fde0dc"
    assert window.model.flags(window.model.index(0, NOTE)) & Qt.ItemFlag.ItemIsEditable


def test_layout_is_remembered(
    qtbot, services: Services, private_settings: QSettings, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    first = make_window(qtbot, services, private_settings, tmp_path)
    first.table.setColumnWidth(NOTE, 333)
    first.splitter.setSizes([200, 700, 300])
    first.close()
    reopened = Services.open(services.store.engine.url.render_as_string())
    second = make_window(qtbot, reopened, private_settings, tmp_path)
    assert second.table.columnWidth(NOTE) == 333
    assert second.splitter.saveState() == first.splitter.saveState()


def test_unit_counts_follow_an_edit_from_a_worker(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    units = window.navigator.nav_model.units_root

    def overdue() -> dict[str, str]:
        return {units.child(r, 0).text(): units.child(r, 2).text() for r in range(units.rowCount())}

    assert overdue()["自治区市场监管厅"] == "1"
    window.progress_actions.tick_off([row_of(window, "1", "自治区市场监管厅")])
    index = window.rows.index
    assert index is not None
    assert [r.status.value for r in index.rows if r.unit == "自治区市场监管厅"] == ["已销号"]
    qtbot.waitUntil(lambda: overdue().get("自治区市场监管厅") == "0")
    window.filters.overdue.setChecked(True)  # the in-memory lists know it is no longer overdue
    assert ("1", "自治区市场监管厅") not in shown(window)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_the_filter_row_leaves_the_navigator_its_width(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
) -> None:
    """Long unit names and document numbers do not widen the filter row (their lists do)."""
    from ui.window.main_window import MainWindow

    window = MainWindow(services, private_settings)
    qtbot.addWidget(window)
    window.resize(1480, 900)
    window.show()
    qtbot.waitUntil(lambda: window.rows.index is not None)
    navigator, _centre, detail = window.splitter.sizes()
    assert navigator >= 230 and detail >= 300  # (was squeezed to 160 by a 1,000-pixel row)
    unit = window.filters.unit
    unit.addItem("自治区人力资源和社会保障厅")
    assert unit.minimumSizeHint().width() < unit.fontMetrics().horizontalAdvance(
        "自治区人力资源和社会保障厅"
    )
    window.filters.set_units(window.services.units.list())  # (refilled: the popup fits again)
    assert unit.view().minimumWidth() >= unit.view().sizeHintForColumn(0)
    assert unit.toolTip() == "Filter by responsible unit"
