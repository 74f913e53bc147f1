"""Inspections and findings: recorded, tracked with history, closed with evidence."""

from __future__ import annotations

from datetime import date

import pytest

from tests.tracker.inspections.conftest import INSPECTION, finding
from tracker.errors import InvalidInputError, NotFoundError, StaleEditError
from tracker.inspections.finding_records import FindingChange, InspectionInfo, NewFinding
from tracker.services import Services
from tracker.statuses import Derived, Status


def test_findings_are_listed_with_their_state_of_today(inspected: Services) -> None:
    rows = inspected.inspections.findings()
    assert [
        (r.id, r.unit, r.measure_code, r.problem, r.deadline, r.status, r.state) for r in rows
    ] == [
        (
            1,
            "自治区市场监管厅",
            "1",
            "问题1",
            date(2021, 6, 30),
            Status.NOT_STARTED,
            Derived.OVERDUE,
        ),
        (2, "自治区公安厅", None, "问题2", date(2021, 7, 10), Status.NOT_STARTED, Derived.DUE_SOON),
        (
            3,
            "自治区市场监管厅",
            "2",
            "问题3",
            date(2021, 9, 30),
            Status.NOT_STARTED,
            Derived.NOT_STARTED,
        ),
    ]
    assert (rows[0].inspection, rows[0].held_on, rows[0].requirement) == (
        INSPECTION,
        date(2021, 6, 1),
        "整改要求1",
    )
    assert [r.id for r in inspected.inspections.findings(unit="市场监管厅")] == [1, 3]
    assert inspected.inspections.inspections() == [
        InspectionInfo(1, INSPECTION, date(2021, 6, 1), "第一督查组", 3, 3)
    ]


def test_progress_and_closing_keep_the_whole_history(inspected: Services) -> None:
    service = inspected.inspections
    service.record(1, FindingChange(status=Status.IN_PROGRESS, percent=50, note="已制定方案"))
    service.record(1, FindingChange(status=Status.DONE, percent=100, note="已整改到位"))
    version = service.finding(1).version
    service.close(1, "  现场核查照片及整改报告  ", expected_version=version)
    row = service.finding(1)
    assert (row.status, row.state, row.percent, row.evidence, row.is_open) == (
        Status.TICKED_OFF,
        Derived.TICKED_OFF,
        100,
        "现场核查照片及整改报告",
        False,
    )
    assert row.closed_at is not None and row.closed_at.date() == date(2021, 7, 1)
    assert [
        (h.source, h.old_status, h.new_status, h.new_percent, h.new_note, h.evidence, h.changed_by)
        for h in service.history(1)
    ] == [
        ("手工", None, "未启动", None, "", "", "测试员"),
        ("手工", "未启动", "推进中", 50, "已制定方案", "", "测试员"),
        ("手工", "推进中", "已完成", 100, "已整改到位", "", "测试员"),
        ("整改销号", "已完成", "已销号", 100, "已整改到位", "现场核查照片及整改报告", "测试员"),
    ]
    assert [r.id for r in service.findings(open_only=True)] == [2, 3]
    assert service.inspections()[0].open == 2
    assert service.open_by_unit() == {"自治区公安厅": (1, 0), "自治区市场监管厅": (1, 0)}


def test_reopening_gives_back_the_status_before_closing(inspected: Services) -> None:
    service = inspected.inspections
    service.record(2, FindingChange(status=Status.IN_PROGRESS, percent=80))
    service.close(2, "整改报告")
    service.reopen(2)
    row = service.finding(2)
    assert (row.status, row.evidence, row.closed_at, row.state) == (
        Status.IN_PROGRESS,
        "",
        None,
        Derived.DUE_SOON,
    )
    assert [h.source for h in service.history(2)] == ["手工", "手工", "整改销号", "撤销销号"]


def test_the_office_alone_closes_and_only_with_evidence(inspected: Services) -> None:
    service = inspected.inspections
    with pytest.raises(InvalidInputError, match="cannot be set to 已销号"):
        service.record(1, FindingChange(status=Status.TICKED_OFF))
    with pytest.raises(InvalidInputError, match="cannot be set to 长期坚持"):
        service.record(1, FindingChange(status=Status.STANDING))
    with pytest.raises(InvalidInputError, match="needs its evidence"):
        service.close(1, "   ")
    with pytest.raises(InvalidInputError, match="percent 120 is outside 0–100"):
        service.record(1, FindingChange(percent=120))
    service.close(1, "报告")
    with pytest.raises(InvalidInputError, match="finding 1 is already closed"):
        service.close(1, "报告")
    with pytest.raises(InvalidInputError, match="finding 1 is closed; reopen it"):
        service.record(1, FindingChange(note="补充"))
    with pytest.raises(InvalidInputError, match="finding 2 is not closed"):
        service.reopen(2)
    assert len(service.history(1)) == 2
    assert len(service.history(2)) == 1


def test_a_stale_edit_is_refused(inspected: Services) -> None:
    service = inspected.inspections
    seen = service.finding(2).version
    service.record(2, FindingChange(note="甲的进展"))
    with pytest.raises(StaleEditError, match="finding 2 was changed by 测试员 meanwhile"):
        service.record(2, FindingChange(note="乙的进展"), expected_version=seen)
    assert service.finding(2).note == "甲的进展"


def test_bad_findings_are_refused_and_nothing_written(inspected: Services) -> None:
    service = inspected.inspections
    cases: list[tuple[NewFinding, type[Exception], str]] = [
        (finding("不存在的单位", date(2021, 8, 1)), NotFoundError, "不存在的单位"),
        (finding("自治区公安厅", date(2021, 5, 1)), InvalidInputError, "before the inspection"),
        (finding("自治区公安厅", date(2021, 8, 1), "99"), NotFoundError, "no measure '99'"),
        (
            NewFinding("无此督查", "自治区公安厅", "问题", "要求", date(2021, 8, 1)),
            NotFoundError,
            "no inspection named '无此督查'",
        ),
        (
            NewFinding(INSPECTION, "自治区公安厅", "  ", "要求", date(2021, 8, 1)),
            InvalidInputError,
            "a finding needs 问题",
        ),
    ]
    for new, error, words in cases:
        with pytest.raises(error, match=words):
            service.add_finding(new)
    assert len(service.findings()) == 3
    with pytest.raises(InvalidInputError, match="already exists"):
        service.create_inspection(INSPECTION, date(2021, 6, 1))


def test_an_unchanged_value_writes_no_history(inspected: Services) -> None:
    inspected.inspections.record(3, FindingChange(status=Status.NOT_STARTED, note=""))
    assert len(inspected.inspections.history(3)) == 1


def test_merging_units_moves_their_findings(inspected: Services) -> None:
    inspected.units.merge("自治区公安厅", "自治区市场监管厅")
    assert [r.unit for r in inspected.inspections.findings()] == ["自治区市场监管厅"] * 3


def test_deleting_the_measures_document_keeps_the_finding(inspected: Services) -> None:
    [document] = inspected.documents.list()
    inspected.documents.delete(document.id)
    assert [r.measure_code for r in inspected.inspections.findings()] == [None, None, None]
