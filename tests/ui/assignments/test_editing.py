"""Editing progress in the window: delegate, model, many rows, 销号, undo/redo, stale edits."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QComboBox, QDialog, QLineEdit, QSpinBox

from tests.ui.conftest import row_of
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from ui.assignments.assignment_model import NOTE, PERCENT, STATE
from ui.assignments.progress_dialogs import StatusDialog, TickOffDialog
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

IMPORTED = (None, "未启动", None, None, "", "导入 措施.txt")


def history(services: Services, assignment_id: int) -> list[tuple[object, ...]]:
    return [
        (h.old_status, h.new_status, h.old_percent, h.new_percent, h.new_note, h.source)
        for h in services.progress.history(assignment_id)
    ]


def edit_cell(window: MainWindow, row: int, column: int) -> object:
    """Open the delegate's editor on a cell, as a double click would; returns the editor."""
    index = window.model.index(row, column)
    window.table.setCurrentIndex(index)
    window.table.edit(index)
    editor = window.table.indexWidget(index) or window.table.viewport().focusWidget()
    assert editor is not None
    return editor


def commit(window: MainWindow, editor: object) -> None:
    delegate = window.table.itemDelegate()
    delegate.commitData.emit(editor)
    delegate.closeEditor.emit(editor)


def test_status_through_the_delegate_records_history_and_undo_redo_record_it_back(
    window: MainWindow, services: Services
) -> None:
    target = row_of(window, "2", "宁夏税务局")
    position = window.model.row_of(target.id)
    assert position is not None
    combo = edit_cell(window, position, STATE)
    assert isinstance(combo, QComboBox)
    # measure 2 has a fixed deadline: 长期坚持 is not offered
    assert [combo.itemData(i) for i in range(combo.count())] == [
        s.value for s in Status if s is not Status.STANDING
    ]
    combo.setCurrentIndex(combo.findData("推进中"))
    commit(window, combo)

    assert row_of(window, "2", "宁夏税务局").status is Status.IN_PROGRESS
    assert history(services, target.id) == [
        IMPORTED,
        ("未启动", "推进中", None, None, "", "手工"),
    ]
    stack = window.progress_actions.stack
    assert stack.undoText() == "Set status of 2 / 宁夏税务局"

    window.actions_.undo.trigger()
    assert row_of(window, "2", "宁夏税务局").status is Status.NOT_STARTED
    window.actions_.redo.trigger()
    assert row_of(window, "2", "宁夏税务局").status is Status.IN_PROGRESS
    assert history(services, target.id) == [
        IMPORTED,
        ("未启动", "推进中", None, None, "", "手工"),
        ("推进中", "未启动", None, None, "", "撤销"),
        ("未启动", "推进中", None, None, "", "重做"),
    ]


def test_percent_and_note_editors(window: MainWindow, services: Services) -> None:
    target = row_of(window, "1", "自治区公安厅")
    position = window.model.row_of(target.id)
    spin = edit_cell(window, position, PERCENT)
    assert isinstance(spin, QSpinBox)
    assert spin.specialValueText() == "—" and spin.value() == spin.minimum()
    spin.setValue(40)
    commit(window, spin)
    line = edit_cell(window, position, NOTE)
    assert isinstance(line, QLineEdit)
    line.setText("  已完成初稿  ")
    commit(window, line)

    row = row_of(window, "1", "自治区公安厅")
    assert (row.percent, row.note) == (40, "已完成初稿")
    assert window.model.data(window.model.index(position, PERCENT)) == "40%"
    assert history(services, target.id) == [
        IMPORTED,
        ("未启动", "未启动", None, 40, "", "手工"),
        ("未启动", "未启动", 40, 40, "已完成初稿", "手工"),
    ]
    window.progress_actions.stack.undo()
    window.progress_actions.stack.undo()
    row = row_of(window, "1", "自治区公安厅")
    assert (row.percent, row.note) == (None, "")
    assert history(services, target.id)[-2:] == [
        ("未启动", "未启动", 40, 40, "", "撤销"),
        ("未启动", "未启动", 40, None, "", "撤销"),
    ]


def select(window: MainWindow, *keys: tuple[str, str]) -> None:
    selection = window.table.selectionModel()
    selection.clear()
    for code, unit in keys:
        index = window.model.index(window.model.row_of(row_of(window, code, unit).id), 0)
        selection.select(
            index, QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        )


def test_set_status_on_many_rows_is_one_undo_step(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[list[str]] = []

    def choose(dialog: StatusDialog) -> int:
        asked.append([dialog.status.itemText(i) for i in range(dialog.status.count())])
        assert not dialog.percent.isEnabled() and not dialog.note.isEnabled()  # many: kept
        dialog.status.setCurrentIndex(dialog.status.findData("已完成"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(StatusDialog, "exec", choose)
    select(window, ("1", "自治区公安厅"), ("2", "自治区公安厅"), ("2", "宁夏税务局"))
    assert window.actions_.set_status.isEnabled()
    window.actions_.set_status.trigger()
    assert asked == [["Not started", "In progress", "Done", "Ticked off", "Standing task"]]
    statuses = [(r.code, r.unit, r.status.value, r.percent) for r in window.model.rows()]
    assert statuses == [
        ("1", "自治区市场监管厅", "未启动", None),
        ("1", "自治区公安厅", "已完成", 100),  # 已完成 fills in 100 %
        ("1", "各市、县（区）", "未启动", None),
        ("2", "自治区公安厅", "已完成", 100),
        ("2", "宁夏税务局", "已完成", 100),
        ("4", "自治区政府办公厅", "长期坚持", None),
    ]
    assert window.progress_actions.stack.count() == 1
    assert window.progress_actions.stack.undoText() == "Set 3 assignments to Done"
    window.progress_actions.stack.undo()
    assert [r.status.value for r in window.model.rows()] == ["未启动"] * 5 + ["长期坚持"]
    assert [r.percent for r in window.model.rows()] == [None] * 6


def test_the_status_dialog_sets_status_percent_and_note_of_one_row_together(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: StatusDialog) -> int:
        assert (dialog.percent.isEnabled(), dialog.note.isEnabled()) == (True, True)
        dialog.status.setCurrentIndex(dialog.status.findData("推进中"))
        dialog.percent.setValue(60)
        dialog.note.setPlainText("已完成系统联调\n下月上线")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(StatusDialog, "exec", fill)
    select(window, ("2", "宁夏税务局"))
    window.actions_.set_status.trigger()
    row = row_of(window, "2", "宁夏税务局")
    assert (row.status, row.percent, row.note) == (
        Status.IN_PROGRESS,
        60,
        "已完成系统联调\n下月上线",
    )
    assert history(services, row.id)[-1] == (
        "未启动",
        "推进中",
        None,
        60,
        "已完成系统联调\n下月上线",
        "手工",
    )
    assert window.progress_actions.stack.undoText() == "Edit progress of 2 / 宁夏税务局"
    assert window.progress_actions.stack.count() == 1


def test_done_typed_in_the_status_cell_fills_in_100_percent(window: MainWindow) -> None:
    target = row_of(window, "1", "自治区公安厅")
    assert window.model.setData(window.model.index(window.model.row_of(target.id), STATE), "已完成")
    assert row_of(window, "1", "自治区公安厅").percent == 100


def accept_tick_off(reason: str, seen: list[tuple[bool, bool]]):  # type: ignore[no-untyped-def]
    def run(dialog: TickOffDialog) -> int:
        seen.append((dialog.reason_required, dialog.confirm.isEnabled()))
        dialog.note.setText(reason)
        seen.append((dialog.reason_required, dialog.confirm.isEnabled()))
        return QDialog.DialogCode.Accepted

    return run


def test_tick_off_and_undo_tick_off(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.progress.record(row_of(window, "2", "宁夏税务局").id, Change(status=Status.DONE))
    window.rows.reload()
    select(window, ("2", "宁夏税务局"), ("2", "自治区公安厅"))
    assert window.actions_.tick_off.shortcut().toString() == "Ctrl+T"
    seen: list[tuple[bool, bool]] = []
    monkeypatch.setattr(TickOffDialog, "exec", accept_tick_off("材料齐全", seen))
    window.actions_.tick_off.trigger()
    assert seen == [(False, True), (False, True)]  # a note is optional by default
    assert row_of(window, "2", "宁夏税务局").status is Status.TICKED_OFF
    assert row_of(window, "2", "自治区公安厅").status is Status.TICKED_OFF

    select(window, ("2", "宁夏税务局"), ("2", "自治区公安厅"))
    window.actions_.undo_tick_off.trigger()  # each goes back to its own earlier status
    assert row_of(window, "2", "宁夏税务局").status is Status.DONE
    assert row_of(window, "2", "自治区公安厅").status is Status.NOT_STARTED
    tax = row_of(window, "2", "宁夏税务局").id
    assert [h[1] for h in history(services, tax)] == ["未启动", "已完成", "已销号", "已完成"]
    assert history(services, tax)[2][-1] == "销号：材料齐全"  # the note, in the history
    assert history(services, tax)[-1][-1] == "撤销销号"

    window.progress_actions.stack.undo()  # undo the 撤销销号: ticked off again
    assert row_of(window, "2", "宁夏税务局").status is Status.TICKED_OFF
    window.progress_actions.stack.redo()
    assert row_of(window, "2", "宁夏税务局").status is Status.DONE
    window.progress_actions.stack.undo()
    window.progress_actions.stack.undo()  # and the tick-off itself
    assert row_of(window, "2", "宁夏税务局").status is Status.DONE
    assert row_of(window, "2", "自治区公安厅").status is Status.NOT_STARTED


def test_undo_tick_off_on_rows_not_ticked_off_says_so(
    window: MainWindow, messages: list[tuple[str, str]]
) -> None:
    select(window, ("1", "自治区公安厅"))
    window.actions_.undo_tick_off.trigger()
    assert messages == [("warning", "None of the selected assignments is ticked off.")]
    assert window.progress_actions.stack.count() == 0


def test_a_stale_edit_is_refused_with_a_message_and_the_row_is_reread(
    window: MainWindow, services: Services, messages: list[tuple[str, str]]
) -> None:
    seen = row_of(window, "2", "宁夏税务局")
    services.progress.record(seen.id, Change(note="另一位同事刚刚填写"))  # behind the window's back
    position = window.model.row_of(seen.id)
    assert not window.model.setData(window.model.index(position, STATE), "推进中")  # not saved

    [(kind, text)] = messages
    assert kind == "warning"
    assert text.startswith(
        "Some changes could not be saved; the table now shows the current values.\n\n"
        "宁夏税务局 / measure 2 was changed by 测试员 at "
    )
    now = row_of(window, "2", "宁夏税务局")
    assert (now.status, now.note) == (Status.NOT_STARTED, "另一位同事刚刚填写")
    assert window.progress_actions.stack.count() == 0  # nothing to undo


def test_standing_is_offered_only_without_a_fixed_deadline(
    window: MainWindow, services: Services
) -> None:
    standing = row_of(window, "4", "自治区政府办公厅")
    position = window.model.row_of(standing.id)
    assert position is not None
    combo = edit_cell(window, position, STATE)
    assert isinstance(combo, QComboBox)
    assert [combo.itemData(i) for i in range(combo.count())] == [s.value for s in Status]
    window.table.itemDelegate().closeEditor.emit(combo)


def test_a_required_reason_holds_the_tick_off_until_given_and_cancel_changes_nothing(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tracker.database_settings import TICK_OFF_REASON_REQUIRED

    services.settings.set(TICK_OFF_REASON_REQUIRED, 1)
    seen: list[tuple[bool, bool]] = []
    monkeypatch.setattr(TickOffDialog, "exec", accept_tick_off("  经核查已办结 ", seen))
    select(window, ("1", "自治区公安厅"))
    window.actions_.tick_off.trigger()
    assert seen == [(True, False), (True, True)]  # the button waits for a reason
    row = row_of(window, "1", "自治区公安厅")
    assert row.status is Status.TICKED_OFF
    assert history(services, row.id)[-1][-1] == "销号：经核查已办结"

    monkeypatch.setattr(TickOffDialog, "exec", lambda _d: QDialog.DialogCode.Rejected)
    select(window, ("2", "宁夏税务局"))
    window.actions_.tick_off.trigger()
    assert row_of(window, "2", "宁夏税务局").status is Status.NOT_STARTED
    assert window.progress_actions.stack.count() == 1
