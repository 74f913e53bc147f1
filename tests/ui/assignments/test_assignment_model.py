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
from tracker.statuses import Derived
from ui.assignments import assignment_model as m
from ui.assignments.assignment_cells import SORT_KEYS
from ui.assignments.assignment_model import AssignmentTableModel, code_key

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

DISPLAY = Qt.ItemDataRole.DisplayRole


def test_the_model_passes_qts_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = AssignmentTableModel()
    qtmodeltester.check(model)
    model.set_rows(make_rows(40))
    model.sort(m.UNIT, Qt.SortOrder.DescendingOrder)
    model.replace_rows([make_row(3)])
    base = make_rows(60)
    model.show_positions(base, [1, 5, 9, 30])
    model.show_positions(base, list(range(0, 60, 2)))
    model.sort(m.DEADLINE)
    model.show_positions(base)
    model.replace_rows([dataclasses.replace(make_row(7), note="新")])
    model.sort(m.DEADLINE)
    model.set_rows(make_rows(7))
    model.sort(-1)


@pytest.mark.parametrize("column", [m.CODE, m.UNIT, m.STATE, m.PERCENT, m.DEADLINE, m.UPDATED])
@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
def test_a_filtered_sorted_view_is_the_subset_sorted(qapp, column: int, order) -> None:  # type: ignore[no-untyped-def]
    """The remembered order of the whole list, kept to the rows shown, is sorting just those."""
    base = make_rows(2_000)
    key = SORT_KEYS[column]
    descending = order == Qt.SortOrder.DescendingOrder
    model = AssignmentTableModel()
    model.show_positions(base)
    model.sort(column, order)
    assert [r.id for r in model.rows()] == [r.id for r in sorted(base, key=key, reverse=descending)]
    for shown in (list(range(0, 2_000, 3)), list(range(5, 300)), [7, 11, 1_999]):
        model.show_positions(base, shown)
        subset = [base[p] for p in shown]
        assert [r.id for r in model.rows()] == [
            r.id for r in sorted(subset, key=key, reverse=descending)
        ]
        assert all(model.row_of(r.id) == i for i, r in enumerate(model.rows()))
        assert model.row_of(base[1].id) is None or 1 in shown
    fresh = AssignmentTableModel()  # sorted before any whole-list order is remembered
    fresh.sort(column, order)
    fresh.show_positions(base, list(range(0, 2_000, 9)))
    assert [r.id for r in fresh.rows()] == [
        r.id for r in sorted(base[::9], key=key, reverse=descending)
    ]


def test_an_edited_row_is_sorted_anew_on_the_next_sort(qapp) -> None:  # type: ignore[no-untyped-def]
    base = make_rows(10)
    model = AssignmentTableModel()
    model.show_positions(base)
    model.sort(m.NOTE)
    first = model.row_at(0)
    model.replace_rows([dataclasses.replace(first, note="零")])  # "零" sorts after "进展…"
    assert model.row_at(0).note == "零"  # in place until sorted again
    model.sort(m.NOTE)
    assert model.row_at(9).note == "零"
    assert base[first.id - 1].note == "零"  # the caller's list holds the new row


def test_state_counts_follow_what_is_shown(qapp) -> None:  # type: ignore[no-untyped-def]
    base = make_rows(110)
    model = AssignmentTableModel()
    model.show_positions(base, list(range(0, 110, 11)))
    assert model.state_counts()[Derived.OVERDUE] == 10  # every 11th row is overdue
    model.show_positions(base, [1, 2, 3])
    assert model.state_counts()[Derived.OVERDUE] == 0


def test_a_hundred_thousand_rows_load_sort_and_answer_exactly(qapp) -> None:  # type: ignore[no-untyped-def]
    rows = make_rows(100_000)
    model = AssignmentTableModel()
    started = time.perf_counter()
    model.set_rows(rows)
    assert model.rowCount() == 100_000
    assert model.columnCount() == 11

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
