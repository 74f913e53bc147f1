"""Recording progress, ticking off, history, stale edits, statistics."""

from __future__ import annotations

import pytest

from tests.tracker.conftest import sample_document, source
from tracker.errors import AmbiguousError, InvalidInputError, NotFoundError, StaleEditError
from tracker.progress.overview import AssignmentFilter
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Derived, Status


@pytest.fixture
def loaded(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    return services


def _row(services: Services, code: str, unit: str):  # type: ignore[no-untyped-def]
    [row] = [r for r in services.overview.assignments() if r.code == code and r.unit == unit]
    return row


def test_progress_is_recorded_with_history(loaded: Services) -> None:
    loaded.progress.record_by_code(
        "1", "自治区市场监管厅", Change(status=Status.IN_PROGRESS, percent=40, note="已上线试运行")
    )
    row = _row(loaded, "1", "自治区市场监管厅")
    assert (row.status, row.percent, row.note, row.updated_by) == (
        Status.IN_PROGRESS,
        40,
        "已上线试运行",
        "测试员",
    )
    history = loaded.progress.history(row.id)
    assert [(h.old_status, h.new_status, h.new_percent, h.new_note, h.source) for h in history] == [
        (None, "未启动", None, "", "导入 措施.txt"),
        ("未启动", "推进中", 40, "已上线试运行", "手工"),
    ]


def test_an_unchanged_value_writes_no_history(loaded: Services) -> None:
    row = _row(loaded, "2", "宁夏税务局")
    loaded.progress.record(row.id, Change(status=Status.NOT_STARTED))
    assert len(loaded.progress.history(row.id)) == 1


def test_tick_off_and_undo_restore_the_previous_status(loaded: Services) -> None:
    row = _row(loaded, "2", "宁夏税务局")
    loaded.progress.record(row.id, Change(status=Status.DONE, percent=100))
    loaded.progress.tick_off(row.id)
    assert _row(loaded, "2", "宁夏税务局").status is Status.TICKED_OFF
    loaded.progress.undo_tick_off(row.id)
    assert _row(loaded, "2", "宁夏税务局").status is Status.DONE
    assert [h.new_status for h in loaded.progress.history(row.id)] == [
        "未启动",
        "已完成",
        "已销号",
        "已完成",
    ]
    with pytest.raises(InvalidInputError):
        loaded.progress.undo_tick_off(row.id)


def test_a_stale_edit_is_refused(loaded: Services) -> None:
    row = _row(loaded, "1", "自治区公安厅")
    loaded.progress.record(row.id, Change(note="第一位办事员"), expected_version=row.version)
    with pytest.raises(StaleEditError, match="测试员"):
        loaded.progress.record(row.id, Change(note="第二位办事员"), expected_version=row.version)
    assert _row(loaded, "1", "自治区公安厅").note == "第一位办事员"


def test_bad_percent_and_unknown_names_are_user_errors(loaded: Services) -> None:
    with pytest.raises(InvalidInputError, match="150"):
        loaded.progress.record_by_code("1", "自治区公安厅", Change(percent=150))
    with pytest.raises(NotFoundError, match="自治区财政厅"):
        loaded.progress.record_by_code("1", "自治区财政厅", Change(note="x"))
    with pytest.raises(NotFoundError, match="measure '99'"):
        loaded.progress.record_by_code("99", "自治区公安厅", Change(note="x"))


def test_the_same_code_in_two_documents_is_ambiguous(loaded: Services) -> None:
    loaded.documents.import_parsed(sample_document("宁政办〔2021〕10号"), source(sha="c" * 64))
    with pytest.raises(AmbiguousError, match="--doc"):
        loaded.progress.record_by_code("1", "自治区公安厅", Change(note="x"))
    loaded.progress.record_by_code("1", "自治区公安厅", Change(note="x"), doc="宁政办〔2021〕10号")


def test_overdue_and_due_soon(loaded: Services) -> None:
    overdue = loaded.overview.assignments(AssignmentFilter(overdue=True))
    assert [(r.code, r.unit) for r in overdue] == [
        ("1", "自治区市场监管厅"),
        ("1", "自治区公安厅"),
        ("1", "各市、县（区）"),
    ]
    assert {r.state for r in overdue} == {Derived.OVERDUE}
    soon = loaded.overview.assignments(AssignmentFilter(due_within_days=15))
    assert [(r.code, r.unit, r.state) for r in soon] == [
        ("2", "自治区公安厅", Derived.DUE_SOON),
        ("2", "宁夏税务局", Derived.DUE_SOON),
    ]
    # Done work is neither overdue nor due soon.
    loaded.progress.record_by_code("1", "自治区公安厅", Change(status=Status.DONE))
    assert len(loaded.overview.assignments(AssignmentFilter(overdue=True))) == 2


def test_summary_counts(loaded: Services) -> None:
    loaded.progress.record_by_code("1", "自治区公安厅", Change(status=Status.DONE))
    summary = loaded.overview.summary()
    assert (summary.measures, summary.assignments, summary.overdue, summary.due_soon) == (
        4,
        6,
        2,
        2,
    )
    assert summary.by_status == {"未启动": 4, "推进中": 0, "已完成": 1, "已销号": 0, "长期坚持": 1}
    police = next(u for u in summary.units if u.unit == "自治区公安厅")
    assert (police.assigned, police.overdue, police.due_soon) == (2, 0, 1)
    parts = loaded.overview.part_stats()
    assert [(p.part, p.assignments, p.finished, p.overdue) for p in parts] == [
        ("营造公平竞争市场环境", 5, 1, 2),
        ("强化组织保障", 1, 0, 0),
    ]


def test_assign_unassign_and_search(loaded: Services) -> None:
    loaded.progress.assign("3", "自治区公安厅")
    assert [r.unit for r in loaded.overview.assignments(AssignmentFilter(search="压实"))] == [
        "自治区公安厅"
    ]
    loaded.progress.unassign("3", "自治区公安厅")
    assert loaded.overview.assignments(AssignmentFilter(search="压实")) == []
    with pytest.raises(InvalidInputError):
        loaded.progress.assign("1", "自治区公安厅")


def test_merge_units_keeps_history(loaded: Services) -> None:
    loaded.documents.import_parsed(_renamed(), source(sha="d" * 64))
    names = {u.name for u in loaded.units.list()}
    assert "自治区公安局" in names
    loaded.progress.record_by_code(
        "1", "自治区公安局", Change(note="并入前的进展"), doc="宁政办〔2021〕11号"
    )
    moved = loaded.units.merge("自治区公安局", "自治区公安厅").moved
    assert moved == 1
    row = next(
        r
        for r in loaded.overview.assignments(AssignmentFilter(document="宁政办〔2021〕11号"))
        if r.code == "1" and r.unit == "自治区公安厅"
    )
    assert row.note == "并入前的进展"
    police = next(u for u in loaded.units.list() if u.name == "自治区公安厅")
    assert police.aliases == ("自治区公安局",)


def _renamed():  # type: ignore[no-untyped-def]
    doc = sample_document("宁政办〔2021〕11号")
    doc.measures[0].units = ["自治区市场监管厅", "自治区公安局"]
    return doc
