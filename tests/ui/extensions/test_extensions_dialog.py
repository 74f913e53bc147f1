"""The extension requests page (issue 12 item 7): the navigator shows how many wait, the
clerk approves or refuses each, and the table and detail pane show the unit's deadline
with the original."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QInputDialog

from tests.ui.conftest import row_of
from tracker.services import Services
from ui.assignments.assignment_model import DEADLINE, STATE
from ui.extensions.extensions_dialog import ExtensionsDialog, extensions_model
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
POLICE = "自治区公安厅"
TAX = "宁夏税务局"


def table(dialog: ExtensionsDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def answer(monkeypatch: pytest.MonkeyPatch, text: str, ok: bool = True) -> list[str]:
    """QInputDialog.getText answers ``text``; the prompts it was shown are returned."""
    asked: list[str] = []

    def get_text(_parent, _title, label, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(label)
        return text, ok

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    return asked


def test_the_model_passes_qts_model_tester(services: Services) -> None:
    made = services.extensions.request_by_code("1", POLICE, date(2021, 12, 31), "改造")
    model = extensions_model()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_records(services.extensions.list())
    assert model.rowCount() == 1 and model.record(0).id == made.id
    model.set_records([])


def test_approve_refuse_and_undo_in_the_dialog(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    police = services.extensions.request_by_code("1", POLICE, date(2021, 12, 31), "系统改造")
    services.extensions.request_by_code("2", TAX, date(2021, 9, 30), "等待批复")
    dialog = ExtensionsDialog(services.extensions, services.today())
    qtbot.addWidget(dialog)
    assert dialog.count.text() == "2 requests wait for a decision"
    assert table(dialog) == [
        ["1", "推进企业开办全程网办", POLICE, "2021年6月底", "2021-12-31", "系统改造", "手工", "Pending", ""],
        ["2", "推广企业开办零费用", TAX, "2021年7月10日", "2021-09-30", "等待批复", "手工", "Pending", ""],
    ]  # fmt: skip
    assert dialog.approve_button.isEnabled() and not dialog.undo_button.isEnabled()
    asked = answer(monkeypatch, "同意延期")
    dialog.approve_button.click()
    assert asked == [f"1 {POLICE}: deadline 2021年6月底 → 2021-12-31. A note (optional):"]
    assert dialog.changed and dialog.count.text() == "1 request waits for a decision"
    assert [r[2] for r in table(dialog)] == [TAX]
    answer(monkeypatch, "  ")
    dialog.refuse_button.click()  # no reason: refused by the service, nothing written
    assert messages == [("warning", "say why the request is refused")]
    answer(monkeypatch, "理由不充分")
    dialog.refuse_button.click()
    assert table(dialog) == []
    dialog.show_decided.setChecked(True)
    decided = services.extensions.list(pending_only=False)
    when = [f"{e.decided_at:%Y-%m-%d}" for e in decided]
    assert [r[3:] for r in table(dialog)] == [
        ["2021-12-31（原 2021年6月底）", "2021-12-31", "系统改造", "手工", "Approved",
         f"{when[0]} 测试员：同意延期"],
        ["2021年7月10日", "2021-09-30", "等待批复", "手工", "Refused", f"{when[1]} 测试员：理由不充分"],
    ]  # fmt: skip
    dialog.table.selectRow(0)
    assert dialog.undo_button.isEnabled() and not dialog.approve_button.isEnabled()
    dialog.undo_button.click()
    assert dialog.count.text() == "1 request waits for a decision"
    assert services.extensions.list()[0].id == police.id


def test_the_navigator_counts_pending_requests_and_the_table_shows_both_deadlines(
    qtbot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    services.extensions.request_by_code("1", POLICE, date(2021, 12, 31), "系统改造")
    window.rows.reload()
    model = window.navigator.nav_model
    qtbot.waitUntil(lambda: model.extensions_count.text() == "1")
    assert model.extensions_root.text() == "Extension requests"
    assert row_of(window, "1", POLICE).state.value == "逾期"

    def decide(self: ExtensionsDialog) -> int:
        answer(monkeypatch, "")
        self.approve_button.click()
        return 0

    monkeypatch.setattr(ExtensionsDialog, "exec", decide)
    window.navigator.activated.emit(model.extensions_root.index())
    qtbot.waitUntil(lambda: model.extensions_count.text() == "")
    qtbot.waitUntil(lambda: row_of(window, "1", POLICE).original_deadline is not None)
    row = row_of(window, "1", POLICE)
    position = window.model.rows().index(row)
    assert window.model.index(position, DEADLINE).data() == "2021-12-31（原 2021年6月底）"
    assert window.model.index(position, STATE).data() == "Not started"
    window.table.select_assignment(row.id)
    qtbot.waitUntil(lambda: "2021-12-31（原 2021年6月底）" in window.detail.facts.text())
    assert window.counts.text() == "6 assignments shown · 2 overdue · 2 due soon"
