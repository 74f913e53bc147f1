"""Sub-tasks (分工) stored: one task per bracket, assignments per task, progress kept."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Assignment, Measure, Task
from importers.policy import ParsedTask, parse_file
from tests.tracker.conftest import sample_document, source
from tracker.errors import AmbiguousError, NotFoundError
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status

LEAD, SUPPORT = "牵头", "责任"


def _tasks(services: Services, code: str) -> list[tuple[int, str, list[tuple[str, str]]]]:
    """A measure's tasks: (seq, deadline, [(unit, role)…] in the order assigned)."""
    with services.store.reading() as session:
        measure = session.scalars(select(Measure).where(Measure.code == code)).one()
        return [
            (
                t.seq,
                str(t.deadline),
                [(a.unit.name, a.role) for a in sorted(t.assignments, key=lambda a: a.id)],
            )
            for t in measure.tasks
        ]


def _codes(services: Services) -> list[str]:
    with services.store.reading() as session:
        return list(
            session.scalars(select(Task.code).join(Measure).order_by(Measure.position, Task.seq))
        )


def _counts(services: Services) -> tuple[int, int, int]:
    with services.store.reading() as session:
        return (
            session.scalar(select(func.count()).select_from(Measure)) or 0,
            session.scalar(select(func.count()).select_from(Task)) or 0,
            session.scalar(select(func.count()).select_from(Assignment)) or 0,
        )


@pytest.mark.needs_shared
def test_a_measure_with_several_brackets_stores_one_task_each(
    services: Services, shared_dir: Path
) -> None:
    parsed, info = parse_file(
        shared_dir / "corpus/03_shandong-luzhengbanzi_shuzishandong_2019-45.txt"
    )
    services.documents.import_parsed(parsed, info)
    assert _counts(services) == (
        21,
        68,
        199,
    )  # was 115 (measure, unit) assignments before sub-tasks
    first = _tasks(services, "1")
    assert [seq for seq, _, _ in first] == [1, 2, 3, 4, 5]
    assert _codes(services)[:9] == ["1-1", "1-2", "1-3", "1-4", "1-5", "2", "3-1", "3-2", "3-3"]
    assert first[0][2] == [
        ("省大数据局", LEAD),
        ("省政府办公厅", LEAD),
        ("各有关部门", SUPPORT),
        ("各市政府", SUPPORT),
    ]
    assert first[2][2] == [("省财政厅", LEAD), ("省大数据局", LEAD), ("各有关部门", SUPPORT)]
    assert first[4][2] == [
        ("省大数据局", LEAD),
        ("省政府办公厅", LEAD),
        ("省公安厅", LEAD),
        ("各有关部门", SUPPORT),
        ("各市政府", SUPPORT),
    ]
    assert _tasks(services, "2") == [
        (1, "2019-12-31", [("省大数据局", LEAD), ("各有关部门", SUPPORT), ("各市政府", SUPPORT)])
    ]  # 年底前, in a document of 2019
    assert [deadline for _, deadline, _ in first] == ["None", "2019-12-31", "None", "None", "None"]


@pytest.mark.needs_shared
def test_a_task_has_its_own_deadline_not_a_siblings(services: Services, shared_dir: Path) -> None:
    parsed, info = parse_file(
        shared_dir / "corpus/05_guangzhou-suiweihan_jiatingyisheng_2023-1930.txt"
    )
    services.documents.import_parsed(parsed, info)
    assert _counts(services)[:2] == (24, 39)
    assert _tasks(services, "1") == [
        (1, "2025-12-31", [("各区政府", LEAD), ("市卫生健康委", SUPPORT)]),
        (2, "2025-12-31", [("各区政府", LEAD), ("市卫生健康委", SUPPORT), ("市人社局", SUPPORT)]),
        (3, "None", [("各区政府", LEAD), ("市卫生健康委", SUPPORT)]),
    ]
    third = _tasks(services, "3")
    assert [(seq, deadline) for seq, deadline, _ in third] == [(1, "None"), (2, "2025-12-31")]


@pytest.mark.needs_shared
def test_the_seeds_keep_one_task_per_measure_and_their_assignments(
    services: Services, seed_000: Path, seed_003: Path
) -> None:
    for seed in (seed_000, seed_003):
        parsed, info = parse_file(seed)
        services.documents.import_parsed(parsed, info)
    assert _counts(services) == (126, 126, 490)


def split_first(doc_number: str = "宁政办〔2021〕9号"):  # type: ignore[no-untyped-def]
    """The sample document with its first measure split into two sub-tasks."""
    doc = sample_document(doc_number)
    first = doc.measures[0]
    doc.measures[0] = replace(
        first,
        tasks=[
            ParsedTask("推进企业开办全程网办", ["自治区市场监管厅"], ["自治区市场监管厅"]),
            ParsedTask("各市县落实", ["自治区公安厅"], ["自治区公安厅", "各市、县（区）"]),
        ],
    )
    return doc


def test_a_unit_is_named_by_the_task_code(services: Services) -> None:
    services.documents.import_parsed(split_first(), source())
    assert _tasks(services, "1") == [
        (1, "2021-06-30", [("自治区市场监管厅", LEAD)]),
        (2, "2021-06-30", [("自治区公安厅", LEAD), ("各市、县（区）", SUPPORT)]),
    ]
    services.progress.assign("1-1", "自治区公安厅")
    with pytest.raises(AmbiguousError, match="measure 1 has 2 sub-tasks: name one as 1-1 to 1-2"):
        services.progress.assign("1", "自治区财政厅")
    with pytest.raises(NotFoundError, match="measure 1 has no sub-task 3"):
        services.progress.assign("1-3", "自治区财政厅")
    assert _tasks(services, "1")[0][2] == [
        ("自治区市场监管厅", LEAD),
        ("自治区公安厅", SUPPORT),
    ]


def test_a_revision_splitting_a_measure_keeps_each_units_progress(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.progress.record_by_code(
        "1", "自治区公安厅", Change(status=Status.IN_PROGRESS, note="已部署")
    )
    with services.store.reading() as session:
        found = session.scalars(
            select(Assignment.id).where(Assignment.measure_id == 1, Assignment.role == SUPPORT)
        ).first()
    outcome = services.documents.import_parsed(
        split_first(), source(sha="b" * 64), accept_revision=True
    )
    assert outcome.state == "revised"
    assert [(c.code, c.kind, c.details) for c in outcome.changes] == [
        ("1", "changed", ("sub-tasks: 1 → 2",))
    ]
    assert _tasks(services, "1") == [
        (1, "2021-06-30", [("自治区市场监管厅", LEAD)]),
        (2, "2021-06-30", [("自治区公安厅", LEAD), ("各市、县（区）", SUPPORT)]),
    ]
    with services.store.reading() as session:
        moved = session.get(Assignment, found)
        assert moved is not None
        assert (moved.task.seq, moved.status, moved.note, moved.active) == (
            2,
            "推进中",
            "已部署",
            True,
        )
    assert _codes(services) == ["1-1", "1-2", "2", "3", "4"]
    assert _counts(services)[1:] == (5, 6)  # one task more, the same six assignments
