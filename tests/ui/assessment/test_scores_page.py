"""The scores page: totals and ranks, a unit's lines, remarks, publishing, the rules
dialog, recalculating with a reason, the Excel export; every model checked by Qt's tester."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QDate
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from tracker.assessment.score_rules import EventKind
from tracker.services import Services
from ui.assessment.remark_dialog import RemarkDialog
from ui.assessment.rules_dialog import RulesDialog
from ui.assessment.scores_page import ScoresPage
from ui.record_model import RecordTableModel
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def rows(model: RecordTableModel[Any]) -> list[list[str]]:
    return [
        [str(model.index(r, c).data()) for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


@pytest.fixture
def dialog(qtbot, services: Services) -> ScoresPage:  # type: ignore[no-untyped-def]
    services.rounds.create("2021年第3季度", date(2021, 9, 30))
    shown = ScoresPage(services.assessment, services.rounds, services.units)
    qtbot.addWidget(shown)
    for model in (shown.totals, shown.lines):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    return shown


def test_totals_ranks_and_lines(dialog: ScoresPage) -> None:
    assert rows(dialog.totals) == [
        ["1", "自治区政府办公厅", "80", ""],
        ["2", "宁夏税务局", "77.5", ""],
        ["3", "自治区市场监管厅", "75", ""],
        ["4", "自治区公安厅", "72.5", ""],
        ["—", "各市、县（区）", "77.5", "集体单位，成员未单列，不参与排名"],
    ]
    assert dialog.state.text().startswith("Not published: computed now")
    dialog.totals_table.selectRow(3)
    assert rows(dialog.lines) == [
        ["基础分", "", "", "80", ""],
        ["配合单位逾期未完成", "宁政办〔2021〕9号 1", "2021-06-30", "-2.5",
         "推进企业开办全程网办；时限2021年6月30日，截至2021年9月30日未完成"],
        ["牵头单位逾期未完成", "宁政办〔2021〕9号 2", "2021-07-10", "-5",
         "推广企业开办零费用；时限2021年7月10日，截至2021年9月30日未完成"],
    ]  # fmt: skip
    assert dialog.publish_button.isEnabled() and not dialog.recalculate_button.isEnabled()


def test_remark_publish_rules_recalculate_export(
    qtbot,  # type: ignore[no-untyped-def]
    dialog: ScoresPage,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    remark = RemarkDialog(services.assessment, "2021年第3季度", ["宁夏税务局"])
    qtbot.addWidget(remark)
    QAbstractItemModelTester(remark.remarks, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert remark.remarks.rowCount() == 0 and not remark.delete_button.isEnabled()
    remark.criticise.setChecked(True)
    remark.note.setText("误记")
    remark.save()
    remark.reload()
    assert rows(remark.remarks) == [["宁夏税务局", "通报批评", "误记", "测试员"]]
    remark.table.selectRow(0)
    remark.delete_selected()
    assert remark.remarks.rowCount() == 0 and remark.deleted == 1
    remark.commend.setChecked(True)
    remark.note.setText("主动公开办事指南")
    remark.save()
    assert remark.result() == RemarkDialog.DialogCode.Accepted
    dialog.reload()
    assert rows(dialog.totals)[1] == ["2", "宁夏税务局", "78.5", ""]

    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    dialog.publish()
    assert dialog.state.text().startswith("Published version 1 on 2021-07-01 by 测试员")
    assert not dialog.publish_button.isEnabled() and dialog.recalculate_button.isEnabled()

    rules = RulesDialog(services.assessment)
    qtbot.addWidget(rules)
    rules.base.setValue(100)
    rules.caps[EventKind.OVERDUE_LEAD].setValue(4)
    rules.effective_from.setDate(QDate(2021, 1, 1))
    rules.reason.setText("县考核办新方案")
    rules.save()
    assert rules.saved is not None and rules.saved.version == 1
    again = RulesDialog(services.assessment)
    qtbot.addWidget(again)
    assert again.history.text() == "Saved versions:\nVersion 1 from 2021-01-01: 县考核办新方案"
    assert again.base.value() == 100
    dialog.reload()
    assert rows(dialog.totals)[1] == ["2", "宁夏税务局", "78.5", ""]  # published: frozen

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("规则调整", True)))
    dialog.recalculate()
    assert dialog.state.text().endswith("Reason: 规则调整")
    assert rows(dialog.totals)[:4] == [
        ["1", "自治区政府办公厅", "100", ""],
        ["2", "宁夏税务局", "98.5", ""],
        ["3", "自治区市场监管厅", "96", ""],
        ["4", "自治区公安厅", "93.5", ""],
    ]

    target = tmp_path / "得分.xlsx"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), ""))
    )
    dialog.export()
    book = load_workbook(target)
    assert book["得分汇总"]["A1"].value == "2021年第3季度考核得分（第2版）"
    assert [c.value for c in book["得分汇总"][4]] == [2, "宁夏税务局", 98.5, None]


def test_the_scores_are_a_tab_of_the_window_and_the_menu_shows_it(
    window: MainWindow, services: Services
) -> None:
    services.rounds.create("2021年第3季度", date(2021, 9, 30))
    window.rows.reload()
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs[-2:] == ["Findings", "Scores"]
    assert window.scores_tab.page.built() is None  # built when first shown
    window.actions_.scores.trigger()  # 编辑 → 考核得分… brings the tab to the front
    assert window.tabs.currentWidget() is window.scores_tab.page
    page = window.scores_tab.page.content()
    assert rows(page.totals)[0] == ["1", "自治区政府办公厅", "80", ""]
    assert window.detail.isHidden()  # the wide tab starts without the detail pane
    services.rounds.create("2021年第4季度", date(2021, 12, 31))  # made elsewhere meanwhile
    window.tabs.setCurrentIndex(0)
    window.tabs.setCurrentWidget(window.scores_tab.page)
    assert [page.round.itemText(i) for i in range(page.round.count())] == [
        "2021年第4季度",
        "2021年第3季度",
    ]
    assert page.round.currentText() == "2021年第3季度"  # the clerk's round kept
