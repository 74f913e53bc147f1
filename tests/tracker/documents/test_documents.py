"""Importing documents: creation, idempotence, revisions, new units."""

from __future__ import annotations

import dataclasses
from datetime import date

from tests.tracker.conftest import sample_document, source
from tracker.progress.overview import AssignmentFilter
from tracker.services import Services


def test_import_creates_measures_assignments_and_units(services: Services) -> None:
    outcome = services.documents.import_parsed(sample_document(), source())
    assert outcome.state == "created"
    assert outcome.measures == 4
    assert outcome.assignments == 6
    assert outcome.unassigned_codes == ["3"]
    assert [u.name for u in outcome.new_units] == [
        "自治区市场监管厅",
        "自治区公安厅",
        "各市、县（区）",
        "宁夏税务局",
        "自治区政府办公厅",
    ]
    [doc] = services.documents.list()
    assert (doc.doc_number, doc.short_title, doc.measures) == (
        "宁政办〔2021〕9号",
        "优化营商环境若干措施",
        4,
    )
    rows = services.overview.assignments()
    assert [(r.code, r.unit, r.role, r.status.value) for r in rows] == [
        ("1", "自治区市场监管厅", "牵头", "未启动"),
        ("1", "自治区公安厅", "责任", "未启动"),
        ("1", "各市、县（区）", "责任", "未启动"),
        ("2", "自治区公安厅", "牵头", "未启动"),
        ("2", "宁夏税务局", "责任", "未启动"),
        ("4", "自治区政府办公厅", "牵头", "长期坚持"),
    ]
    kinds = {u.name: u.kind for u in services.units.list()}
    assert kinds == {
        "自治区市场监管厅": "部门",
        "自治区公安厅": "部门",
        "各市、县（区）": "集体",
        "宁夏税务局": "部门",
        "自治区政府办公厅": "部门",
    }


def test_importing_the_same_file_again_changes_nothing(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    again = services.documents.import_parsed(sample_document(), source())
    assert again.state == "unchanged"
    assert len(services.overview.assignments()) == 6
    assert len(services.documents.list()) == 1


def test_a_revision_is_shown_first_and_written_only_when_accepted(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.progress.record_by_code("1", "自治区公安厅", _status("推进中"))
    revised = sample_document()
    first = revised.measures[0]
    revised.measures[0] = dataclasses.replace(
        first,
        deadline=date(2021, 9, 30),
        units=["自治区市场监管厅", "各市、县（区）", "自治区商务厅"],
    )
    del revised.measures[1]
    pending = services.documents.import_parsed(revised, source(sha="b" * 64))
    assert pending.state == "revision_pending"
    assert [(c.code, c.kind) for c in pending.changes] == [("1", "changed"), ("2", "removed")]
    assert pending.changes[0].details == (
        "deadline: 2021-06-30 → 2021-09-30",
        "units: +[自治区商务厅] -[自治区公安厅]",
    )
    assert len(services.overview.assignments()) == 6  # nothing written yet

    applied = services.documents.import_parsed(revised, source(sha="b" * 64), accept_revision=True)
    assert applied.state == "revised"
    rows = services.overview.assignments()
    assert [(r.code, r.unit) for r in rows] == [
        ("1", "自治区市场监管厅"),
        ("1", "各市、县（区）"),
        ("1", "自治区商务厅"),
        ("4", "自治区政府办公厅"),
    ]
    assert rows[0].deadline == date(2021, 9, 30)
    [doc] = services.documents.list()
    assert doc.revision == 2
    # The progress of the unit taken off measure 1 is kept, out of sight.
    with services.store.reading() as session:
        from sqlalchemy import select

        from db.models import Assignment, Unit

        kept = session.scalars(
            select(Assignment)
            .join(Unit, Assignment.unit_id == Unit.id)
            .where(Unit.name == "自治区公安厅")
        ).all()
        assert sorted((a.status, a.active) for a in kept) == [("推进中", False), ("未启动", True)]


def test_unit_aliases_and_suffixes_resolve(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    rows = services.overview.assignments(AssignmentFilter(unit="公安厅"))
    assert [r.code for r in rows] == ["1", "2"]


def _status(text: str):  # type: ignore[no-untyped-def]
    from tracker.progress.progress_service import Change
    from tracker.statuses import Status

    return Change(status=Status(text))


def test_outline_and_measure_detail(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    [doc] = services.documents.outline()
    assert doc.label == "宁政办〔2021〕9号"
    assert [(p.number, p.title, [s.title for s in p.sections]) for p in doc.parts] == [
        (1, "营造公平竞争市场环境", ["深化商事制度改革"]),
        (2, "强化组织保障", []),
    ]
    section_id = doc.parts[0].sections[0].id
    rows = services.overview.assignments(AssignmentFilter(heading_id=section_id))
    assert sorted({r.code for r in rows}) == ["1", "2"]
    detail = services.overview.measure(rows[3].measure_id)
    assert (detail.code, detail.part, detail.section, detail.deadline) == (
        "2",
        "营造公平竞争市场环境",
        "深化商事制度改革",
        date(2021, 7, 10),
    )
    assert [(m.due_on, m.text) for m in detail.milestones] == [
        (date(2021, 7, 10), "2021年7月10日前完成")
    ]
    assert [a.unit for a in detail.assignments] == ["自治区公安厅", "宁夏税务局"]
    only = services.overview.assignments(AssignmentFilter(ids=(rows[0].id,)))
    assert [r.id for r in only] == [rows[0].id]


def test_revision_changes_carry_structured_fields(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    revised = sample_document()
    revised.measures[1] = dataclasses.replace(revised.measures[1], deadline=date(2021, 8, 31))
    [change] = services.documents.import_parsed(revised, source(sha="e" * 64)).changes
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("deadline", "2021-07-10", "2021-08-31")
    ]


def test_measures_of_a_document_include_unassigned_ones(services: Services) -> None:
    outcome = services.documents.import_parsed(sample_document(), source())
    assert outcome.document_id is not None
    measures = services.overview.measures(outcome.document_id)
    assert [(m.code, m.part, m.section, m.standing) for m in measures] == [
        ("1", "营造公平竞争市场环境", "深化商事制度改革", False),
        ("2", "营造公平竞争市场环境", "深化商事制度改革", False),
        ("3", "强化组织保障", None, False),
        ("4", "强化组织保障", None, True),
    ]
    ids = {m.code: m.id for m in measures}
    assert services.overview.matching_measures("零费用") == {ids["2"]}
    assert services.overview.matching_measures("责任单位") == {ids["1"], ids["4"]}
    assert services.overview.matching_measures("3") == {ids["3"]}
    assert services.overview.matching_measures("  ") == set()


def test_plan_lists_units_and_mapping_makes_aliases(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    other = sample_document("宁政办〔2021〕12号")
    other.measures[0].units = ["自治区市场监管厅", "自治区公安局"]
    other.measures[0].lead_units = ["自治区市场监管厅"]
    plan = services.documents.plan(other, source(sha="f" * 64))
    assert (plan.state, plan.measures, plan.parts, plan.sections) == ("new", 4, 2, 1)
    assert [(u.name, u.existing, u.suggestions) for u in plan.units][:3] == [
        ("自治区市场监管厅", "自治区市场监管厅", ()),
        ("自治区公安局", None, ("自治区公安厅",)),
        ("自治区公安厅", "自治区公安厅", ()),
    ]
    assert len(services.documents.list()) == 1  # planning writes nothing
    outcome = services.documents.import_parsed(
        other, source(sha="f" * 64), unit_mapping={"自治区公安局": "自治区公安厅"}
    )
    assert outcome.new_units == []
    rows = services.overview.assignments(AssignmentFilter(document="宁政办〔2021〕12号"))
    assert [(r.code, r.unit) for r in rows][:2] == [
        ("1", "自治区市场监管厅"),
        ("1", "自治区公安厅"),
    ]
    police = next(u for u in services.units.list() if u.name == "自治区公安厅")
    assert police.aliases == ("自治区公安局",)
    again = services.documents.plan(other, source(sha="f" * 64))
    assert again.state == "unchanged"
