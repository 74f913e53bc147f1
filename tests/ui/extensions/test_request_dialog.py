"""A request the office types itself (issue 12 item 7): from the extension requests page's
"New request…" and from a row's right-click menu, the real dialog driven — the unit and its
task, the new date, the reason, the round; what the service refuses said in the dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.conftest import row_of
from tracker.services import Services
from ui.extensions.extensions_dialog import ExtensionsDialog
from ui.extensions.request_dialog import RequestDialog
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
POLICE = "自治区公安厅"
ROUND = "2021年7月"


def ok(dialog: RequestDialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def test_new_request_from_the_page(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    services.rounds.create(ROUND, date(2021, 7, 31))
    page = ExtensionsDialog(services.extensions, services.today())
    qtbot.addWidget(page)
    typed: list[RequestDialog] = []

    def fill(dialog: RequestDialog) -> int:
        typed.append(dialog)
        assert [dialog.unit.itemText(i) for i in range(dialog.unit.count())] == [
            "自治区市场监管厅", POLICE, "各市、县（区）", "宁夏税务局", "自治区政府办公厅",
        ]  # fmt: skip
        assert (dialog.unit.currentText(), dialog.current.text()) == ("", "—")
        ok(dialog)  # nothing chosen yet
        assert (dialog.result(), dialog.error.text()) == (
            0,
            "Choose the unit and one of its tasks.",
        )
        dialog.unit.setCurrentIndex(dialog.unit.findText(POLICE))
        assert [dialog.task.itemText(i) for i in range(dialog.task.count())] == [
            "宁政办〔2021〕9号 1 推进企业开办全程网办",
            "宁政办〔2021〕9号 2 推广企业开办零费用",
        ]
        assert dialog.current.text() == "2021年6月底"  # the document's words, as the table
        assert dialog.until.date() == QDate(2021, 7, 31)  # 30 days after today (1 July)
        dialog.task.setCurrentIndex(1)
        assert (dialog.current.text(), dialog.until.date()) == ("2021年7月10日", QDate(2021, 8, 9))
        dialog.until.setDate(QDate(2021, 7, 5))
        dialog.reason.setPlainText("等待上级批复")
        assert dialog.round.currentText() == ROUND  # the latest round
        ok(dialog)
        assert dialog.error.text() == (
            "the requested deadline 2021-07-05 is not later than the current one 2021-07-10"
        )
        assert services.extensions.list() == []
        dialog.until.setDate(QDate(2021, 9, 30))
        ok(dialog)
        return dialog.result()

    monkeypatch.setattr(RequestDialog, "exec", fill)
    page.new_button.click()
    [made] = services.extensions.list()
    assert (made.code, made.unit, made.requested_deadline, made.reason) == (
        "2", POLICE, date(2021, 9, 30), "等待上级批复",
    )  # fmt: skip
    assert (made.source, made.round, made.requested_by) == ("手工", ROUND, "测试员")
    assert typed[0].made == made
    assert page.requested and not page.changed
    assert page.count.text() == "1 request waits for a decision"
    model = page.model
    assert [model.index(0, c).data() for c in range(model.columnCount())] == [
        "2", "推广企业开办零费用", POLICE, "2021年7月10日", "2021-09-30", "等待上级批复", "手工",
        "Pending", "",
    ]  # fmt: skip
    assert page.selected() == made


def test_a_task_without_a_fixed_deadline_is_refused_with_the_services_words(
    qtbot, services: Services
) -> None:  # type: ignore[no-untyped-def]
    dialog = RequestDialog(services.extensions, services.today(), "自治区政府办公厅")
    qtbot.addWidget(dialog)
    assert (dialog.task.currentText(), dialog.current.text()) == (
        "宁政办〔2021〕9号 4 持续优化服务", "none (no fixed deadline)",
    )  # fmt: skip
    assert dialog.round.currentText() == "(none)"  # no round yet
    ok(dialog)
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.error.text() == "measure 4 has no fixed deadline: there is nothing to extend"
    assert (dialog.result(), dialog.made, services.extensions.list()) == (0, None, [])


def test_request_from_a_rows_menu(
    qtbot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    row = row_of(window, "1", POLICE)
    window.table.select_assignment(row.id)
    action = window.actions_.request_extension
    assert action in window.table.context_menu.actions()
    qtbot.waitUntil(action.isEnabled)
    shown: list[tuple[str, str, str]] = []

    def fill(dialog: RequestDialog) -> int:
        shown.append((dialog.unit.currentText(), dialog.task.currentText(), dialog.current.text()))
        dialog.until.setDate(QDate(2021, 12, 31))
        dialog.reason.setPlainText("系统改造未完成")
        ok(dialog)
        return dialog.result()

    monkeypatch.setattr(RequestDialog, "exec", fill)
    action.trigger()
    assert shown == [(POLICE, "宁政办〔2021〕9号 1 推进企业开办全程网办", "2021年6月底")]
    [made] = services.extensions.list()
    assert (made.assignment_id, made.requested_deadline, made.reason, made.source) == (
        row.id, date(2021, 12, 31), "系统改造未完成", "手工",
    )  # fmt: skip
    model = window.navigator.nav_model
    qtbot.waitUntil(lambda: model.extensions_count.text() == "1")
    assert row_of(window, "1", POLICE).deadline == date(2021, 6, 30)  # pending: unchanged


def test_after_an_approval_the_units_date_and_the_words_it_replaced(
    qtbot, services: Services
) -> None:  # type: ignore[no-untyped-def]
    [task, _] = services.extensions.tasks_of(POLICE)
    request = services.extensions.request(task.assignment_id, date(2021, 12, 31), "系统改造")
    services.extensions.approve(request.id)
    dialog = RequestDialog(services.extensions, services.today(), POLICE, task.assignment_id)
    qtbot.addWidget(dialog)
    assert dialog.current.text() == "2021-12-31（原 2021年6月底）"  # as the main table shows it
