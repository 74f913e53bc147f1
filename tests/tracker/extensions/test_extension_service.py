"""Extension requests (申请延期, issue 12 item 7): request, list, approve (the unit's own
deadline, the measure's kept as the original), refuse with a reason, undo — and every
overdue count judging the unit by its approved deadline."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from tests.tracker.conftest import sample_document, source
from tests.whole_round import fixed_time  # noqa: F401 (fixture)
from tracker.errors import InvalidInputError
from tracker.extensions.extension_records import ExtensionState
from tracker.progress.quick_look import quick_summary
from tracker.services import Services
from tracker.statuses import Derived

POLICE = "自治区公安厅"
TAX = "宁夏税务局"
ROUND = "2021年7月"


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create(ROUND, date(2021, 7, 31))
    return services


def _row(office: Services, code: str, unit: str):  # type: ignore[no-untyped-def]
    [row] = [r for r in office.overview.assignments() if (r.code, r.unit) == (code, unit)]
    return row


def test_a_request_is_listed_pending_until_approved_and_then_the_unit_is_not_overdue(
    office: Services,
) -> None:
    extensions = office.extensions
    police_1 = _row(office, "1", POLICE)
    assert (police_1.state, office.overview.summary().overdue) == (Derived.OVERDUE, 3)
    made = extensions.request(police_1.id, date(2021, 12, 31), "系统改造未完成", round_name=ROUND)
    assert (made.state, made.source, made.round, made.requested_by) == (
        ExtensionState.PENDING, "手工", ROUND, "测试员",
    )  # fmt: skip
    assert [(e.id, e.code, e.unit, e.requested_deadline) for e in extensions.list()] == [
        (made.id, "1", POLICE, date(2021, 12, 31))
    ]
    assert extensions.pending_count() == 1
    assert _row(office, "1", POLICE).state == Derived.OVERDUE  # pending changes nothing

    approved = extensions.approve(made.id, "同意")
    assert (approved.state, approved.unit_deadline, approved.measure_deadline) == (
        ExtensionState.APPROVED, date(2021, 12, 31), date(2021, 6, 30),
    )  # fmt: skip
    assert (approved.previous_deadline, approved.decided_by, approved.decision_note) == (
        date(2021, 6, 30), "测试员", "同意",
    )  # fmt: skip
    assert (extensions.list(), extensions.pending_count()) == ([], 0)
    row = _row(office, "1", POLICE)
    assert (row.deadline, row.original_deadline, row.state) == (
        date(2021, 12, 31), date(2021, 6, 30), Derived.NOT_STARTED,
    )  # fmt: skip
    other = _row(office, "1", "自治区市场监管厅")  # the measure's other units keep its deadline
    assert (other.deadline, other.original_deadline, other.state) == (
        date(2021, 6, 30), None, Derived.OVERDUE,
    )  # fmt: skip
    summary = office.overview.summary()
    assert summary.overdue == 2
    assert [u.overdue for u in summary.units if u.unit == POLICE] == [0]
    data = office.reports.bulletin_data(ROUND)
    assert (data.day, data.now.overdue) == (date(2021, 7, 1), 2)  # 监管厅 and 各市县 on 1
    if office.store.file is not None:  # the first look, read with sqlite3 alone
        quick = quick_summary(str(office.store.file), date(2021, 7, 1))
        assert quick is not None and quick.overdue == 2

    undone = extensions.undo_decision(made.id)
    assert (undone.state, undone.unit_deadline, undone.decided_at) == (
        ExtensionState.PENDING, date(2021, 6, 30), None,
    )  # fmt: skip
    row = _row(office, "1", POLICE)
    assert (row.deadline, row.original_deadline, row.state) == (
        date(2021, 6, 30), None, Derived.OVERDUE,
    )  # fmt: skip


def test_a_refusal_needs_a_reason_and_changes_no_deadline(office: Services) -> None:
    extensions = office.extensions
    made = extensions.request_by_code("2", TAX, date(2021, 9, 30), "等待上级批复")
    with pytest.raises(InvalidInputError, match="say why the request is refused"):
        extensions.refuse(made.id, "  ")
    refused = extensions.refuse(made.id, "理由不充分")
    assert (refused.state, refused.decision_note, refused.unit_deadline) == (
        ExtensionState.REFUSED, "理由不充分", date(2021, 7, 10),
    )  # fmt: skip
    with pytest.raises(InvalidInputError, match="already decided: 已驳回"):
        extensions.approve(made.id)
    assert [e.state for e in extensions.list(pending_only=False)] == [ExtensionState.REFUSED]
    assert [e.id for e in extensions.list(pending_only=False, unit=TAX)] == [made.id]
    assert extensions.list(pending_only=False, unit=POLICE) == []
    assert _row(office, "2", TAX).deadline == date(2021, 7, 10)


def test_requests_that_extend_nothing_are_refused(office: Services) -> None:
    extensions = office.extensions
    with pytest.raises(InvalidInputError, match="not later than the current one 2021-06-30"):
        extensions.request_by_code("1", POLICE, date(2021, 6, 1), "")
    with pytest.raises(InvalidInputError, match="measure 4 has no fixed deadline"):
        extensions.request_by_code("4", "自治区政府办公厅", date(2021, 12, 31), "")
    assert extensions.list(pending_only=False) == []


def test_a_second_approval_stacks_and_undoes_in_order(office: Services) -> None:
    extensions = office.extensions
    first = extensions.request_by_code("1", POLICE, date(2021, 9, 30), "一")
    extensions.approve(first.id)
    second = extensions.request_by_code("1", POLICE, date(2021, 12, 31), "二")
    assert extensions.approve(second.id).previous_deadline == date(2021, 9, 30)
    with pytest.raises(InvalidInputError, match="a later decision changed this deadline"):
        extensions.undo_decision(first.id)
    extensions.undo_decision(second.id)
    assert _row(office, "1", POLICE).deadline == date(2021, 9, 30)
    extensions.undo_decision(first.id)
    assert _row(office, "1", POLICE).original_deadline is None


@pytest.mark.usefixtures("fixed_time")
def test_the_rows_history_shows_each_decision_and_the_deadline_it_moved(office: Services) -> None:
    """The assignment's history (the window's detail pane, ``tracker-cli history``) has
    an entry for each decided request: the approval moves the deadline, the refusal says
    why; a pending request and an undone decision are no entry."""
    extensions = office.extensions
    police_1 = _row(office, "1", POLICE)
    refused = extensions.request(police_1.id, date(2021, 9, 30), "等待上级批复")
    extensions.refuse(refused.id, "理由不充分")
    undone = extensions.request(police_1.id, date(2021, 10, 31), "系统改造")
    extensions.approve(undone.id)
    extensions.undo_decision(undone.id)
    approved = extensions.request(police_1.id, date(2021, 12, 31), "系统改造未完成")
    extensions.approve(approved.id, "同意")
    *_, first, second = office.progress.history(police_1.id)
    assert [
        (e.changed_at, e.changed_by, e.source, e.old_deadline, e.new_deadline)
        for e in (first, second)
    ] == [
        (
            datetime(2021, 7, 1, 9, 30),
            "测试员",
            "延期申请已驳回（申请延至2021-09-30）：理由不充分",
            None,
            None,
        ),
        (
            datetime(2021, 7, 1, 9, 30),
            "测试员",
            "延期申请已批准：同意",
            date(2021, 6, 30),
            date(2021, 12, 31),
        ),
    ]
    assert (second.old_status, second.new_status, second.new_note) == ("未启动", "未启动", "")
