"""Ctrl+V on the table: cells from Excel/WPS into a column of the selected rows, previewed,
then one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog

from importers.table_text import tab_separated
from tests.ui.assignments.test_editing import select
from tests.ui.assignments.test_like_excel import focus_cell
from tests.ui.conftest import row_of
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from ui.assignments.assignment_model import NOTE, PERCENT, STATE, UNIT
from ui.assignments.paste_dialog import PastePreview
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

OFFICE = "自治区市场监管厅", "自治区公安厅", "各市、县（区）"


@pytest.fixture
def previews(monkeypatch: pytest.MonkeyPatch) -> list[PastePreview]:
    """Every paste preview shown, each accepted (a test may set ``answer`` to cancel)."""
    shown: list[PastePreview] = []

    def exec_(self: PastePreview) -> int:
        shown.append(self)
        return int(getattr(PastePreview, "answer", QDialog.DialogCode.Accepted).value)

    monkeypatch.setattr(PastePreview, "exec", exec_)
    return shown


def cells(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def choose(qtbot, window: MainWindow, column: int, *keys: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    """The rows selected, the current cell in ``column`` of the first (as a click and a
    Shift+click leave them)."""
    focus_cell(qtbot, window, *keys[0], column)
    current = window.table.currentIndex()
    select(window, *keys)
    window.table.selectionModel().setCurrentIndex(
        current, QItemSelectionModel.SelectionFlag.NoUpdate
    )


def paste(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+V: the table's paste action (the offscreen platform has no active window to
    route the shortcut through)."""
    QGuiApplication.clipboard().setText(text)
    window.actions_.paste_cells.trigger()


def test_a_column_of_statuses_goes_into_the_selected_rows_as_one_undo_step(
    qtbot, window: MainWindow, services: Services, previews: list[PastePreview]
) -> None:  # type: ignore[no-untyped-def]
    action = window.actions_.paste_cells
    assert action.shortcut() == QKeySequence(QKeySequence.StandardKey.Paste)
    assert action in window.table.actions()  # Ctrl+V on the table (an open editor keeps its own)
    assert action.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    choose(qtbot, window, STATE, *(("1", unit) for unit in OFFICE))
    index_before = window.progress_actions.stack.index()
    paste(qtbot, window, "推进中\r\n已办结\r\n办理中\r\n")  # as Excel copies three cells
    [preview] = previews
    assert cells(preview.changes) == [
        ["1", "自治区市场监管厅", "Not started → In progress", "—"],
        ["1", "自治区公安厅", "Not started → Done", "— → 100%"],  # 已办结 is 已完成: 100 %
    ]
    assert cells(preview.refused) == [
        ["1", "各市、县（区）", "办理中", 'unknown status "办理中"; allowed: '
         "未启动、推进中、已完成、已销号、长期坚持"],
    ]  # fmt: skip
    assert row_of(window, "1", OFFICE[0]).status is Status.IN_PROGRESS
    assert (row_of(window, "1", OFFICE[1]).status, row_of(window, "1", OFFICE[1]).percent) == (
        Status.DONE,
        100,
    )
    stack = window.progress_actions.stack
    assert stack.index() == index_before + 1 and stack.undoText() == "Paste into 2 assignments"
    stack.undo()
    assert [row_of(window, "1", u).status for u in OFFICE[:2]] == [Status.NOT_STARTED] * 2
    assert row_of(window, "1", OFFICE[1]).percent is None


def test_copied_rows_with_headers_paste_their_status_percent_and_note(
    qtbot, window: MainWindow, services: Services, previews: list[PastePreview]
) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["No.", "Responsible unit", "Status", "Progress", "Progress report"],
        ["1", "自治区公安厅", "推进中 · 逾期", "60%", "已部署"],
        ["2", "宁夏税务局", "In progress", "0.5", "  "],
    ]
    choose(qtbot, window, UNIT, ("2", "自治区公安厅"), ("2", "宁夏税务局"))
    paste(qtbot, window, tab_separated(rows))
    [preview] = previews
    assert cells(preview.changes) == [
        ["2", "自治区公安厅", "Not started → In progress", "— → 60%", " → 已部署"],
        ["2", "宁夏税务局", "Not started → In progress", "— → 50%", ""],
    ]
    assert preview.refused.rowCount() == 0
    fresh = [row_of(window, "2", u) for u in ("自治区公安厅", "宁夏税务局")]
    assert [(r.status, r.percent, r.note) for r in fresh] == [
        (Status.IN_PROGRESS, 60, "已部署"),
        (Status.IN_PROGRESS, 50, ""),
    ]
    assert window.progress_actions.stack.undoText() == "Paste into 2 assignments"


def test_one_value_fills_every_selected_row_and_bad_cells_are_listed_with_why(
    qtbot, window: MainWindow, services: Services, previews: list[PastePreview]
) -> None:  # type: ignore[no-untyped-def]
    ticked = row_of(window, "1", OFFICE[2])
    services.progress.record(ticked.id, Change(status=Status.TICKED_OFF))
    window.rows.reload()
    qtbot.waitUntil(lambda: row_of(window, "1", OFFICE[2]).status is Status.TICKED_OFF)
    choose(qtbot, window, PERCENT, *(("1", unit) for unit in OFFICE))
    paste(qtbot, window, "80")
    [preview] = previews
    assert [r[:3] for r in cells(preview.changes)] == [
        ["1", OFFICE[0], "— → 80%"],
        ["1", OFFICE[1], "— → 80%"],
    ]
    assert cells(preview.refused) == [
        ["1", OFFICE[2], "80", "ticked off (已销号): undo the tick-off first"]
    ]
    choose(qtbot, window, PERCENT, ("1", OFFICE[0]), ("1", OFFICE[1]))
    paste(qtbot, window, "150\r\n长期坚持")
    assert cells(previews[1].refused) == [
        ["1", OFFICE[0], "150", "percent 150 is outside 0–100"],
        ["1", OFFICE[1], "长期坚持", 'percent "长期坚持" is not a number'],
    ]
    assert not previews[1].paste.isEnabled()  # nothing to change: only Cancel is left
    choose(qtbot, window, STATE, ("1", OFFICE[0]))
    paste(qtbot, window, "长期坚持\r\n已销号")  # from the current row down
    assert [r[3] for r in cells(previews[2].refused)] == [
        "长期坚持 is only for a measure without a fixed deadline",
        "ticking off is done with 销号, which asks for confirmation",
    ]


def test_cells_landing_right_of_the_last_editable_column_are_listed_as_not_taken(
    qtbot, window: MainWindow, services: Services, previews: list[PastePreview]
) -> None:  # type: ignore[no-untyped-def]
    """Percent and note copied side by side, pasted from 完成进度: the notes land on 完成时限,
    which takes nothing.  They were dropped while the preview said 0 cells not taken."""
    choose(qtbot, window, PERCENT, ("1", OFFICE[0]), ("1", OFFICE[1]))
    paste(qtbot, window, "50%\t在推进\r\n60\t已部署\r\n")
    [preview] = previews
    assert [r[:3] for r in cells(preview.changes)] == [
        ["1", OFFICE[0], "— → 50%"],
        ["1", OFFICE[1], "— → 60%"],
    ]
    elsewhere = (
        "pasted onto a column that takes no values: only the status, progress and "
        "progress report columns can be pasted into"
    )
    assert cells(preview.refused) == [
        ["1", OFFICE[0], "在推进", elsewhere],
        ["1", OFFICE[1], "已部署", elsewhere],
    ]
    assert preview.summary.text() == "2 assignments change; 2 pasted cells are not taken."


def test_a_paste_that_does_not_fit_is_refused_with_a_message(
    qtbot, window: MainWindow, previews: list[PastePreview], messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    focus_cell(qtbot, window, "1", OFFICE[0], UNIT)
    paste(qtbot, window, "推进中")
    choose(qtbot, window, NOTE, *(("1", unit) for unit in OFFICE))
    paste(qtbot, window, "a\r\nb")
    assert messages == [
        (
            "warning",
            "Only the status, progress and progress report columns can be pasted into: "
            "choose a cell in one of them.",
        ),
        (
            "warning",
            "2 rows were copied but 3 are selected: select one row, or as many as were copied.",
        ),
    ]
    assert previews == []
