"""佐证材料 and 未按期完成原因 in the window: edited in "Edit progress…" with history and undo,
shown in the detail pane and its history."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime

import pytest
from PySide6.QtWidgets import QDialog

from tests.ui.assignments.test_editing import select
from tests.ui.conftest import row_of
from tracker.progress.progress_service import Change
from tracker.records import HistoryRow, UnitAnswers
from tracker.services import Services
from tracker.statuses import Status
from ui.assignments.progress_dialogs import StatusDialog
from ui.window.detail_pane import describe_change
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

UNIT = ("2", "宁夏税务局")


def answers_history(services: Services, assignment_id: int) -> list[tuple[object, ...]]:
    return [
        (h.old_evidence, h.new_evidence, h.old_delay_reason, h.new_delay_reason, h.source)
        for h in services.progress.history(assignment_id)[1:]
    ]


def test_the_dialog_edits_evidence_and_delay_reason_with_history_and_undo(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str, bool]] = []

    def fill(dialog: StatusDialog) -> int:
        seen.append(
            (
                dialog.evidence.toPlainText(),
                dialog.delay_reason.toPlainText(),
                dialog.evidence.isVisibleTo(dialog),
            )
        )
        dialog.status.setCurrentIndex(dialog.status.findData("推进中"))
        dialog.evidence.setPlainText("  会议纪要、验收报告 ")
        dialog.delay_reason.setPlainText("设备到货延迟")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(StatusDialog, "exec", fill)
    assignment_id = row_of(window, *UNIT).id
    select(window, UNIT)
    window.actions_.set_status.trigger()
    assert seen == [("", "", True)]
    assert services.progress.answers(assignment_id) == UnitAnswers(
        "会议纪要、验收报告", "设备到货延迟"
    )
    assert row_of(window, *UNIT).status is Status.IN_PROGRESS
    assert answers_history(services, assignment_id) == [
        ("", "会议纪要、验收报告", "", "设备到货延迟", "手工")
    ]

    window.progress_actions.stack.undo()
    assert services.progress.answers(assignment_id) == UnitAnswers("", "")
    assert row_of(window, *UNIT).status is Status.NOT_STARTED
    window.progress_actions.stack.redo()
    assert services.progress.answers(assignment_id) == UnitAnswers(
        "会议纪要、验收报告", "设备到货延迟"
    )
    assert [h[4] for h in answers_history(services, assignment_id)] == ["手工", "撤销", "重做"]

    select(window, UNIT)
    window.actions_.set_status.trigger()  # opened again: starts from what is stored
    assert seen[1] == ("会议纪要、验收报告", "设备到货延迟", True)


def test_many_rows_leave_each_ones_evidence_and_delay_reason_alone(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = row_of(window, *UNIT).id
    services.progress.record(first, Change(evidence="台账截图", delay_reason="待审批"))
    window.rows.reload()
    seen: list[tuple[bool, bool]] = []

    def many(dialog: StatusDialog) -> int:
        seen.append((dialog.evidence.isVisibleTo(dialog), dialog.delay_reason.isVisibleTo(dialog)))
        dialog.status.setCurrentIndex(dialog.status.findData("推进中"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(StatusDialog, "exec", many)
    select(window, UNIT, ("1", "自治区公安厅"))
    window.actions_.set_status.trigger()
    assert seen == [(False, False)]
    assert row_of(window, *UNIT).status is Status.IN_PROGRESS
    assert services.progress.answers(first) == UnitAnswers("台账截图", "待审批")
    other = row_of(window, "1", "自治区公安厅").id
    assert services.progress.answers(other) == UnitAnswers("", "")


def test_the_detail_pane_shows_them_and_the_history_says_what_changed(
    window: MainWindow, services: Services
) -> None:
    assignment_id = row_of(window, *UNIT).id
    services.progress.record(assignment_id, Change(evidence="会议纪要", delay_reason="资金未到位"))
    services.progress.record(assignment_id, Change(evidence="", percent=30))
    window.rows.reload()
    window.table.select_assignment(assignment_id)
    window.selection.show_current_detail()
    facts = window.detail.facts.text().splitlines()
    assert facts[-1] == "Reason for the delay: 资金未到位"
    assert not any(line.startswith("Evidence:") for line in facts)
    text = window.detail.history.toPlainText().splitlines()
    assert text[1] == "— → 30%；Evidence: —"
    assert text[3] == "Evidence: “会议纪要”；Reason for the delay: “资金未到位”"

    services.progress.record(assignment_id, Change(evidence="验收报告"))
    window.selection.show_current_detail()
    assert window.detail.facts.text().splitlines()[-2:] == [
        "Evidence: 验收报告",
        "Reason for the delay: 资金未到位",
    ]


def test_an_entry_from_before_the_columns_describes_no_evidence() -> None:
    entry = HistoryRow(
        changed_at=datetime(2021, 6, 1, 9, 0),
        changed_by="张三",
        source="手工",
        old_status="未启动",
        new_status="推进中",
        old_percent=None,
        new_percent=None,
        old_note="",
        new_note="",
    )
    assert describe_change(entry) == "Not started → In progress"


def test_an_approved_extension_in_the_history_says_the_deadline_it_moved() -> None:
    entry = HistoryRow(
        changed_at=datetime(2021, 7, 1, 9, 30),
        changed_by="测试员",
        source="延期申请已批准：同意",
        old_status="推进中",
        new_status="推进中",
        old_percent=40,
        new_percent=40,
        old_note="已上线",
        new_note="已上线",
        old_deadline=date(2021, 6, 30),
        new_deadline=date(2021, 12, 31),
    )
    assert describe_change(entry) == "Deadline: 2021-06-30 → 2021-12-31"
    refused = HistoryRow(**{**asdict(entry), "old_deadline": None, "new_deadline": None})
    assert describe_change(refused) == ""


@pytest.mark.qt_log_ignore("propagateSizeHints")  # (shown offscreen)
def test_the_dialog_fits_an_office_screen(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    """Its three text boxes at their natural height made it 370 × 720: on a 1366 × 768
    screen, below the title bar, its 确定 was off the bottom."""
    row = next(r for r in services.overview.assignments() if (r.code, r.unit) == UNIT)
    dialog = StatusDialog([row], answers=UnitAnswers("", ""))
    qtbot.addWidget(dialog)
    dialog.show()
    assert (dialog.width(), dialog.height()) == (540, 500)
    assert dialog.buttons.geometry().bottom() < dialog.height()
