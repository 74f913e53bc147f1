"""The findings tab: its model, its commands through real buttons, the board's counts."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog, QInputDialog

from tests.tracker.inspections.conftest import INSPECTION, finding
from tracker.services import Services
from tracker.statuses import Derived, Status
from ui.inspections import finding_import
from ui.inspections.finding_dialogs import FindingProgressDialog
from ui.inspections.finding_model import (
    COLUMN_COUNT,
    DEADLINE,
    EVIDENCE,
    ROW_ROLE,
    STATE,
    UNIT,
    FindingTableModel,
)
from ui.inspections.findings_page import FindingsPage
from ui.labels import state_background
from ui.window.main_window import MainWindow


@pytest.fixture
def inspected(services: Services) -> Services:
    services.inspections.create_inspection(INSPECTION, date(2021, 6, 1), "第一督查组")
    services.inspections.add_finding(finding("自治区市场监管厅", date(2021, 6, 30), "1", 1))
    services.inspections.add_finding(finding("自治区公安厅", date(2021, 7, 10), None, 2))
    services.inspections.add_finding(finding("自治区市场监管厅", date(2021, 9, 30), "2", 3))
    return services


@pytest.fixture
def page(qtbot, inspected: Services) -> FindingsPage:  # type: ignore[no-untyped-def]
    shown = FindingsPage(inspected.inspections, inspected.today)
    qtbot.addWidget(shown)
    QAbstractItemModelTester(shown.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    shown.reload()
    return shown


def test_the_model_shows_each_finding_and_its_state(page: FindingsPage) -> None:
    model = page.model
    assert (model.rowCount(), model.columnCount()) == (3, COLUMN_COUNT)
    assert [model.index(r, UNIT).data() for r in range(3)] == [
        "自治区市场监管厅",
        "自治区公安厅",
        "自治区市场监管厅",
    ]
    assert [model.index(r, DEADLINE).data() for r in range(3)] == [
        "2021-06-30",
        "2021-07-10",
        "2021-09-30",
    ]
    assert [model.index(r, STATE).data(ROW_ROLE).state for r in range(3)] == [
        Derived.OVERDUE,
        Derived.DUE_SOON,
        Derived.NOT_STARTED,
    ]
    assert model.index(0, STATE).data(Qt.ItemDataRole.BackgroundRole) == state_background(
        Derived.OVERDUE
    )
    assert model.headerData(EVIDENCE, Qt.Orientation.Horizontal) == "Evidence"
    assert model.rowCount(model.index(0, 0)) == 0
    assert page.counts.text() == "3 findings shown; 3 of 3 open"


def test_an_empty_model_is_valid(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = FindingTableModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert (model.rowCount(), model.data(QModelIndex())) == (0, None)


def test_progress_close_and_reopen_through_the_buttons(
    page: FindingsPage, inspected: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    page.table.selectRow(1)
    assert [page.buttons[n].isEnabled() for n in ("progress", "close", "reopen")] == [
        True,
        True,
        False,
    ]

    def fill_in(dialog: FindingProgressDialog) -> int:
        dialog.status.setCurrentIndex(dialog.status.findData(Status.DONE.value))
        dialog.percent.setValue(100)
        dialog.note.setPlainText("已整改")
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(FindingProgressDialog, "exec", fill_in)
    page.buttons["progress"].click()
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", staticmethod(lambda *_a, **_k: ("整改报告", True))
    )
    page.buttons["close"].click()
    row = inspected.inspections.finding(2)
    assert (row.status, row.percent, row.note, row.evidence) == (
        Status.TICKED_OFF,
        100,
        "已整改",
        "整改报告",
    )
    assert page.selected() == row
    assert page.counts.text() == "3 findings shown; 2 of 3 open"
    page.open_only.setChecked(True)
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [1, 3]
    page.open_only.setChecked(False)
    page.select(2)
    page.buttons["reopen"].click()
    assert inspected.inspections.finding(2).status is Status.DONE


def test_the_unit_filter_lists_the_units_with_findings(page: FindingsPage) -> None:
    assert [page.unit.itemText(i) for i in range(page.unit.count())] == [
        "All units",
        "自治区公安厅",
        "自治区市场监管厅",
    ]
    page.unit.setCurrentIndex(2)
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [1, 3]


def test_a_problem_list_with_a_bad_cell_cannot_be_imported(
    page: FindingsPage,
    inspected: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["督查名称", "责任单位", "问题描述", "整改要求", "整改时限"])
    sheet.append([INSPECTION, "公安厅", "问题甲", "要求甲", "2021-08-01"])
    sheet.append([INSPECTION, "无此单位", "问题乙", "要求乙", "2021-08-01"])
    book.save(tmp_path / "清单.xlsx")
    monkeypatch.setattr(finding_import, "open_file", lambda *_a: tmp_path / "清单.xlsx")
    seen: list[tuple[bool, int, int]] = []

    def look(dialog: finding_import.FindingListPreviewDialog) -> int:
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        seen.append((ok.isEnabled(), dialog.model.rowCount(), dialog.errors.count()))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(finding_import.FindingListPreviewDialog, "exec", look)
    page.buttons["import"].click()  # (accepted all the same: the service still refuses)
    assert messages == [
        (
            "warning",
            "清单.xlsx has 1 error; nothing was imported "
            "(first: Sheet!B3: unknown unit '无此单位')",
        )
    ]
    assert seen == [(False, 1, 1)]
    assert len(inspected.inspections.findings()) == 3


def test_the_tab_and_the_board_count_open_findings(
    qtbot,
    window: MainWindow,
    inspected: Services,  # type: ignore[no-untyped-def]
) -> None:
    window.rows.reload()
    window.tabs.setCurrentWidget(window.findings_tab.page)
    page = window.findings_tab.page.content()
    assert page.model.rowCount() == 3
    window.tabs.setCurrentWidget(window.board_page)
    model = window.board.model
    assert model.findings == {"自治区市场监管厅": (2, 1), "自治区公安厅": (1, 0)}
    column = model.units.index("自治区公安厅")
    assert model.headerData(column, Qt.Orientation.Horizontal).endswith("\n⚑1")
    assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "自治区公安厅\nOpen inspection findings: 1 (0 overdue)"
    )


def test_export_writes_the_findings_shown(
    page: FindingsPage, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[str] = []

    def choose(_parent: object, kind: str, _title: str, name: str, _filters: str) -> Path:
        offered.append(f"{kind}:{name}")
        return tmp_path / "督查"  # typed without the suffix

    monkeypatch.setattr("ui.assignments.list_output.save_file", choose)
    page.unit.setCurrentIndex(page.unit.findData("自治区市场监管厅"))
    page.open_only.setChecked(True)
    page.buttons["export"].click()
    assert offered == ["exports:督查整改_自治区市场监管厅_未销号_2021-07-01.xlsx"]
    sheet = openpyxl.load_workbook(tmp_path / "督查.xlsx").active
    assert sheet.title == "督查整改_自治区市场监管厅_未销号"
    assert [list(r) for r in sheet.iter_rows(values_only=True)] == [
        ["No.", "Inspection", "Unit", "Measure", "Problem", "Required rectification",
         "Deadline", "Status", "Progress (%)", "Rectification progress", "Unit's evidence",
         "Evidence", "Closed on"],
        ["1", INSPECTION, "自治区市场监管厅", "1", "问题1", "整改要求1", "2021-06-30", "Overdue",
         None, None, None, None, None],
        ["3", INSPECTION, "自治区市场监管厅", "2", "问题3", "整改要求3", "2021-09-30",
         "Not started", None, None, None, None, None],
    ]  # fmt: skip


def test_export_of_no_finding_says_so(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    empty = FindingsPage(services.inspections, services.today)
    qtbot.addWidget(empty)
    empty.reload()
    warned: list[str] = []
    monkeypatch.setattr(
        "ui.inspections.findings_export.warn", lambda _parent, text: warned.append(text)
    )
    empty.buttons["export"].click()
    assert warned == ["No finding is shown: nothing to export."]
