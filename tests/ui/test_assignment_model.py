"""The assignment table model: Qt's model tester, 100,000 rows, sorting, edits handed on."""

from __future__ import annotations

import dataclasses
import time
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from tests.ui.factories import make_row, make_rows
from tracker.records import AssignmentRow
from ui import assignment_model as m
from ui.assignment_model import AssignmentTableModel, code_key

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

DISPLAY = Qt.ItemDataRole.DisplayRole


def test_the_model_passes_qts_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = AssignmentTableModel()
    qtmodeltester.check(model)
    model.set_rows(make_rows(40))
    model.sort(m.UNIT, Qt.SortOrder.DescendingOrder)
    model.replace_rows([make_row(3)])
    model.set_rows(make_rows(7))
    model.sort(-1)


def test_a_hundred_thousand_rows_load_sort_and_answer_exactly(qapp) -> None:  # type: ignore[no-untyped-def]
    rows = make_rows(100_000)
    model = AssignmentTableModel()
    started = time.perf_counter()
    model.set_rows(rows)
    assert model.rowCount() == 100_000
    assert model.columnCount() == 10

    first = model.index(0, 0)
    assert model.data(first, DISPLAY) == "1"
    assert model.data(model.index(0, m.UNIT), DISPLAY) == "自治区市场监管厅"
    assert model.data(model.index(0, m.PERCENT), DISPLAY) == ""
    assert model.data(model.index(1, m.PERCENT), DISPLAY) == "1%"
    assert model.data(model.index(99_999, m.CODE), DISPLAY) == "20000"
    assert model.data(model.index(99_999, m.DOCUMENT), DISPLAY) == "宁政办〔2021〕2号"
    assert model.data(model.index(12, m.DEADLINE), DISPLAY) == "2021年1月"
    assert model.data(model.index(12, m.UPDATED), DISPLAY) == "2021-06-01 09:12"
    assert model.data(model.index(12, m.NOTE), DISPLAY) == "进展12"

    model.sort(m.PERCENT, Qt.SortOrder.DescendingOrder)
    top = model.row_at(0)
    assert top.percent == 100
    assert top.id == 101  # i = 100 is the first row with percent 100 (stable sort)
    assert model.data(model.index(0, m.PERCENT), DISPLAY) == "100%"
    assert model.row_at(99_999).percent is None

    model.sort(m.DEADLINE, Qt.SortOrder.AscendingOrder)
    assert model.row_at(0).deadline == date(2021, 1, 1)
    assert model.row_at(99_999).deadline is None
    assert time.perf_counter() - started < 5  # loading, reading and two sorts stay interactive


def test_data_is_cheap_on_a_big_table(qapp) -> None:  # type: ignore[no-untyped-def]
    model = AssignmentTableModel()
    model.set_rows(make_rows(100_000))
    started = time.perf_counter()
    for row in range(0, 100_000, 10):  # 10,000 rows × 10 columns
        for column in range(10):
            model.data(model.index(row, column), DISPLAY)
    assert time.perf_counter() - started < 3


def test_codes_sort_naturally() -> None:
    assert sorted(["10", "2.3", "2", "1", "2.10"], key=code_key) == ["1", "2", "2.3", "2.10", "10"]


def test_sorting_keeps_the_selection_on_the_same_rows(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = AssignmentTableModel()
    model.set_rows(make_rows(30))
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.selectRow(4)  # id 5
    model.sort(m.UPDATED, Qt.SortOrder.DescendingOrder)
    [selected] = view.selectionModel().selectedRows()
    assert model.row_at(selected.row()).id == 5
    assert selected.row() == 25


def test_unsorted_means_the_services_order_again(qapp) -> None:  # type: ignore[no-untyped-def]
    model = AssignmentTableModel()
    model.set_rows(make_rows(20))
    model.sort(m.UNIT)
    model.sort(-1)
    assert [r.id for r in model.rows()] == list(range(1, 21))


def test_edits_go_to_the_handler_not_into_the_model(qapp) -> None:  # type: ignore[no-untyped-def]
    model = AssignmentTableModel()
    model.set_rows(make_rows(3))
    index = model.index(1, m.STATE)
    assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable  # no handler: read-only
    calls: list[tuple[int, str, object]] = []

    def handler(row: AssignmentRow, field: str, value: object) -> bool:
        calls.append((row.id, field, value))
        return True

    model.edit_handler = handler
    assert model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(1, m.UNIT)) & Qt.ItemFlag.ItemIsEditable
    assert model.data(index, Qt.ItemDataRole.EditRole) == "推进中"
    assert model.setData(index, "已完成")
    assert model.setData(model.index(2, m.PERCENT), 55)
    assert model.setData(model.index(0, m.NOTE), "已上线")
    assert not model.setData(model.index(0, m.UNIT), "x")
    assert calls == [(2, "status", "已完成"), (3, "percent", 55), (1, "note", "已上线")]
    assert model.row_at(1).status.value == "推进中"  # unchanged until the service says so


def test_replaced_rows_show_their_new_values(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = AssignmentTableModel()
    model.set_rows(make_rows(5))
    changed = dataclasses.replace(make_row(2), note="已完成初稿", version=2)
    with qtbot.waitSignal(model.dataChanged, raising=True):
        model.replace_rows([changed])
    assert model.data(model.index(2, m.NOTE), DISPLAY) == "已完成初稿"
    assert model.row_of(3) == 2
