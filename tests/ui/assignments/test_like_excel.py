"""The table works like Excel: type to edit, Enter/Tab move on, Ctrl+C copies rows; Esc
clears the search."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLineEdit

from importers.table_text import read_tab_separated, tab_separated
from tests.ui.assignments.test_editing import select
from tests.ui.conftest import row_of, shown
from tracker.progress.progress_service import Change
from tracker.services import Services
from ui.assignments.assignment_model import CODE, NOTE, PERCENT, STATE, TITLE, UNIT
from ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),  # the offscreen platform's note on show()
]


def focus_cell(qtbot, window: MainWindow, code: str, unit: str, column: int) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    row = window.model.row_of(row_of(window, code, unit).id)
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(row, column))


def test_typing_on_a_note_starts_editing_and_enter_saves_and_moves_down(
    qtbot, window: MainWindow, services: Services
) -> None:
    focus_cell(qtbot, window, "1", "自治区市场监管厅", NOTE)
    # Chinese comes from the input method: a composition (pinyin), then the characters
    QApplication.sendEvent(window.table, QInputMethodEvent("yibushu", []))
    typed = QInputMethodEvent()
    typed.setCommitString("已部署")
    QApplication.sendEvent(window.table, typed)
    editor = window.table.indexWidget(window.table.currentIndex())
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "已部署"
    qtbot.keyClicks(editor, " OK")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt saves it from the event loop
    qtbot.waitUntil(lambda: window.table.state() != window.table.State.EditingState)
    assert row_of(window, "1", "自治区市场监管厅").note == "已部署 OK"
    current = window.table.currentIndex()
    assert (window.model.row_at(current.row()).unit, current.column()) == ("自治区公安厅", NOTE)
    assert (
        window.progress_actions.stack.undoText() == "Edit progress report of 1 / 自治区市场监管厅"
    )


def test_tab_saves_and_opens_the_next_editable_cell(
    qtbot, window: MainWindow, services: Services
) -> None:
    focus_cell(qtbot, window, "1", "自治区公安厅", PERCENT)
    qtbot.keyClicks(window.table, "4")
    editor = window.table.indexWidget(window.table.currentIndex())
    qtbot.keyClicks(editor, "0")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert row_of(window, "1", "自治区公安厅").percent == 40
    current = window.table.currentIndex()
    assert (window.model.row_at(current.row()).unit, current.column()) == ("自治区公安厅", NOTE)
    assert window.table.state() == window.table.State.EditingState
    note = window.table.indexWidget(window.table.currentIndex())
    assert isinstance(note, QLineEdit)
    qtbot.keyClick(note, Qt.Key.Key_Tab)  # past the last editable column: the next row's first
    current = window.table.currentIndex()
    assert (window.model.row_at(current.row()).unit, current.column()) == ("各市、县（区）", STATE)


def test_enter_on_a_cell_not_edited_moves_down(qtbot, window: MainWindow) -> None:
    focus_cell(qtbot, window, "1", "自治区市场监管厅", UNIT)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert window.table.currentIndex().row() == 1
    assert window.table.state() != window.table.State.EditingState


def test_ctrl_c_copies_the_selected_rows_with_headers_as_excel_text(
    qtbot, window: MainWindow, services: Services
) -> None:
    services.progress.record(row_of(window, "2", "宁夏税务局").id, Change(note="第一行\n第二行"))
    window.rows.reload()
    for column in range(window.model.columnCount()):
        window.table.setColumnHidden(column, column == TITLE)
    window.table.horizontalHeader().moveSection(UNIT, CODE)  # the unit first
    focus_cell(qtbot, window, "2", "宁夏税务局", CODE)
    select(window, ("1", "自治区公安厅"), ("2", "宁夏税务局"))
    copy = window.actions_.copy_rows
    assert copy.shortcut() == QKeySequence(QKeySequence.StandardKey.Copy)
    assert copy.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    assert copy in window.table.actions()  # Ctrl+C on the table; the search box keeps its own
    copy.trigger()
    text = QGuiApplication.clipboard().text()
    rows = read_tab_separated(text)
    assert rows[0] == [
        "Responsible unit", "No.", "Document", "Group", "Role", "Status", "Progress",
        "Deadline", "Progress report", "Updated",
    ]  # fmt: skip
    assert [r[:5] for r in rows[1:]] == [
        ["自治区公安厅", "1", "宁政办〔2021〕9号", "", "Responsible"],
        ["宁夏税务局", "2", "宁政办〔2021〕9号", "", "Responsible"],
    ]
    shown_state = window.model.index(
        window.model.row_of(row_of(window, "2", "宁夏税务局").id), STATE
    )
    assert rows[2][5] == shown_state.data()  # the status cell as on screen
    assert rows[2][8] == "第一行\n第二行"  # one cell, its line break kept
    assert text == tab_separated(rows)


def test_tab_separated_text_round_trips_as_excel_writes_it() -> None:
    rows = [["编号", "进展情况"], ["1", 'a\tb "引" \r\nc'], ["", ""]]
    text = tab_separated(rows)
    assert text == '编号\t进展情况\r\n1\t"a\tb ""引"" \r\nc"\r\n\t\r\n'
    assert read_tab_separated(text) == rows
    assert read_tab_separated("推进中\n已完成") == [["推进中"], ["已完成"]]
    assert read_tab_separated("") == []


def test_esc_in_the_search_box_clears_it_at_once(qtbot, window: MainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.filters.search.setFocus()
    window.filters.search.setText("第2条")
    window.filters.flush()
    assert shown(window) == [("2", "自治区公安厅"), ("2", "宁夏税务局")]
    qtbot.keyClick(window.filters.search, Qt.Key.Key_Escape)
    assert window.filters.search.text() == ""
    assert len(shown(window)) == 6
