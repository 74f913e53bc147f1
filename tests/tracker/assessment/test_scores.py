"""A scripted round scored exactly, by the default rules and by an edited version;
published scores frozen; ties, collectives and units without tasks (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import select, update

from db.models import FindingEntry, ImportBatch, LedgerExport, ProgressEntry
from tests.tracker.conftest import sample_document, source
from tracker.assessment.score_rules import EventKind
from tracker.assessment.scoring import COLLECTIVE, NO_TASKS, RoundScores
from tracker.errors import InvalidInputError
from tracker.inspections.finding_records import FindingChange, NewFinding
from tracker.progress.history_entries import Provenance
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock

TODAY = date(2021, 12, 20)
POLICE, MARKET, TAX, OFFICE, CITIES = (
    "自治区公安厅",
    "自治区市场监管厅",
    "宁夏税务局",
    "自治区政府办公厅",
    "各市、县（区）",
)
DOC = "宁政办〔2021〕9号"


@pytest.fixture
def office(db_url: str) -> Iterator[Services]:
    opened = Services.open(db_url, clock=Clock(TODAY), user="测试员", create=True)
    opened.documents.import_parsed(sample_document(), source())
    with opened.store.transaction() as session:  # the document came in on 1 June
        session.execute(update(ProgressEntry).values(changed_at=datetime(2021, 6, 1, 9)))
    yield opened
    opened.close()


def record(services: Services, code: str, unit: str, status: Status, when: datetime,
           round_id: int | None) -> None:  # fmt: skip
    """A change as if made at ``when`` (the service stamps the real time)."""
    found = {(r.code, r.unit): r.id for r in services.overview.assignments()}
    aid = found[(code, unit)]
    services.progress.record(aid, Change(status=status), source=Provenance("测试", round_id))
    with services.store.transaction() as session:
        last = session.scalars(
            select(ProgressEntry)
            .where(ProgressEntry.assignment_id == aid)
            .order_by(ProgressEntry.id.desc())
        ).first()
        assert last is not None
        last.changed_at = when


def ledgers(services: Services, round_id: int, sent: list[str], returned: list[str]) -> None:
    """Ledgers sent to ``sent`` under the round and returned by ``returned``."""
    ids = {u.name: u.id for u in services.units.list()}
    with services.store.transaction() as session:
        for unit in sent:
            session.add(LedgerExport(round_id=round_id, kind="unit", unit_id=ids[unit],
                                     file_name=f"{unit}.xlsx", exported_at=datetime(2021, 9, 20),
                                     exported_by="测试员", rows=1))  # fmt: skip
        for unit in returned:
            session.add(ImportBatch(round_id=round_id, unit_id=ids[unit], file_name="x.xlsx",
                                    sha256="b" * 64, imported_at=datetime(2021, 9, 28, 10),
                                    imported_by="测试员", changes=0))  # fmt: skip


def table(scores: RoundScores) -> list[tuple[int | None, str, str, str]]:
    return [(u.rank, u.unit, str(u.total), u.not_ranked) for u in scores.units]


def lines(scores: RoundScores, unit: str) -> list[tuple[str, str, str]]:
    return [(line.event, line.measure, str(line.points)) for line in scores.unit(unit).lines]


@pytest.fixture
def q3(office: Services) -> int:
    """Round Q3 as of 30 September, scripted (see ``test_the_scripted_round``)."""
    rounds = office.rounds
    q3 = rounds.create("2021年第3季度", date(2021, 9, 30))
    record(office, "1", POLICE, Status.DONE, datetime(2021, 6, 20, 10), None)
    record(office, "1", MARKET, Status.DONE, datetime(2021, 8, 15, 10), q3.id)
    record(office, "2", TAX, Status.IN_PROGRESS, datetime(2021, 8, 1, 10), q3.id)
    ledgers(office, q3.id, [POLICE, MARKET, TAX], [POLICE, MARKET])
    office.assessment.add_remark(None, TAX, EventKind.COMMENDATION, "主动公开办事指南")
    office.assessment.add_remark(None, POLICE, EventKind.CRITICISM, "台账内容敷衍")
    return q3.id


def test_the_scripted_round(office: Services, q3: int) -> None:
    del q3
    scores = office.assessment.scores("2021年第3季度")
    assert not scores.published and scores.rules_version == 0
    assert table(scores) == [  # equal totals in the documents' order
        (1, MARKET, "80", ""),
        (1, OFFICE, "80", ""),
        (3, TAX, "77.5", ""),
        (4, POLICE, "75", ""),
        (None, CITIES, "77.5", COLLECTIVE),
    ]
    assert lines(scores, POLICE) == [
        ("base", "", "80"),
        ("done_on_time_support", f"{DOC} 1", "1"),
        ("overdue_lead", f"{DOC} 2", "-5"),
        ("report_on_time", "", "0"),
        ("criticism", "", "-1"),
    ]
    assert lines(scores, MARKET) == [
        ("base", "", "80"),
        ("done_late_lead", f"{DOC} 1", "0"),
        ("report_on_time", "", "0"),
    ]
    assert lines(scores, TAX) == [
        ("base", "", "80"),
        ("overdue_support", f"{DOC} 2", "-2.5"),
        ("report_missing", "", "-1"),
        ("commendation", "", "1"),
    ]
    assert lines(scores, OFFICE) == [("base", "", "80")]  # a standing task: never overdue
    assert lines(scores, CITIES) == [("base", "", "80"), ("overdue_support", f"{DOC} 1", "-2.5")]
    market = scores.unit(MARKET).lines[1]
    assert (market.label, market.day, market.detail) == (
        "牵头单位逾期完成",
        date(2021, 8, 15),
        "推进企业开办全程网办；2021年8月15日完成，时限2021年6月30日",
    )
    assert scores.unit(TAX).lines[3].detail == "主动公开办事指南"


def test_the_next_round_scores_only_what_happened_in_it(office: Services, q3: int) -> None:
    del q3
    q4 = office.rounds.create("2021年第4季度", date(2021, 12, 31))
    record(office, "2", POLICE, Status.DONE, datetime(2021, 11, 1, 10), q4.id)
    scores = office.assessment.scores("2021年第4季度")
    assert table(scores) == [
        (1, MARKET, "80", ""),
        (1, POLICE, "80", ""),
        (1, OFFICE, "80", ""),
        (4, TAX, "77.5", ""),
        (None, CITIES, "77.5", COLLECTIVE),
    ]
    assert lines(scores, POLICE) == [("base", "", "80"), ("done_late_lead", f"{DOC} 2", "0")]


def test_edited_rules_apply_from_their_day_with_caps(office: Services, q3: int) -> None:
    del q3
    office.rounds.create("2021年第4季度", date(2021, 12, 31))
    saved = office.assessment.change_rules(
        ["overdue_support=-3:2", "base=100", "report_missing=-2"], date(2021, 10, 1), "县考核办"
    )
    assert saved.version == 1
    assert saved.rules[EventKind.OVERDUE_SUPPORT].points == Decimal("-3")
    q3_scores = office.assessment.scores("2021年第3季度")  # as of 30 September: the defaults
    assert q3_scores.rules_version == 0 and q3_scores.unit(TAX).total == Decimal("77.5")
    q4 = office.assessment.scores("2021年第4季度")
    assert q4.rules_version == 1
    assert table(q4) == [
        (1, MARKET, "100", ""),
        (1, OFFICE, "100", ""),
        (3, TAX, "98", ""),
        (4, POLICE, "95", ""),
        (None, CITIES, "98", COLLECTIVE),
    ]
    capped = q4.unit(TAX).lines[1]
    assert (capped.event, capped.points, capped.detail) == (
        "overdue_support",
        Decimal("-2"),
        "推广企业开办零费用；时限2021年7月10日，截至2021年12月31日未完成；已达上限",
    )
    assert [r.version for r in office.assessment.rule_versions()] == [1]
    assert office.assessment.rules_in_force(date(2021, 9, 30)).version == 0


def test_a_published_score_never_changes(office: Services, q3: int) -> None:
    del q3
    published = office.assessment.publish("2021年第3季度")
    assert (published.version, published.versions) == (1, (1,))
    assert published.to_json()["rules"]["base"] == "80"
    assert published.to_json()["rules"]["rules"]["overdue_support"] == {
        "points": "-2.5",
        "cap": None,
    }
    # Later: the tax bureau's ledger is imported late, a criticism is added, the rules change.
    ledgers(office, office.rounds.chosen("2021年第3季度").id, [], [TAX])
    office.assessment.add_remark("2021年第3季度", MARKET, EventKind.CRITICISM, "数据不实")
    office.assessment.change_rules(["base=90"], date(2021, 1, 1))
    frozen = office.assessment.scores("2021年第3季度")
    assert table(frozen) == table(published) and frozen.version == 1
    assert frozen.to_json() == published.to_json()
    with pytest.raises(InvalidInputError, match="already published"):
        office.assessment.publish("2021年第3季度")
    with pytest.raises(InvalidInputError, match="needs its reason"):
        office.assessment.recalculate("2021年第3季度", " ")
    fresh = office.assessment.scores("2021年第3季度", fresh=True)
    assert not fresh.published and fresh.versions == (1,)
    second = office.assessment.recalculate("2021年第3季度", "税务局台账补报")
    assert (second.version, second.reason, second.versions) == (2, "税务局台账补报", (1, 2))
    assert table(second) == [
        (1, OFFICE, "90", ""),
        (2, MARKET, "89", ""),
        (3, TAX, "88.5", ""),
        (4, POLICE, "85", ""),
        (None, CITIES, "87.5", COLLECTIVE),
    ]
    assert office.assessment.scores("2021年第3季度").version == 2
    with pytest.raises(InvalidInputError, match="nothing to publish"):
        office.assessment.recalculate("2021年第3季度", "again")


def test_a_unit_without_tasks_is_scored_not_ranked(office: Services, q3: int) -> None:
    del q3
    office.units.add_alias(OFFICE, "政府办")
    with office.store.transaction() as session:
        from db.models import Unit

        session.add(Unit(name="自治区发展改革委", kind="部门", created_at=datetime(2021, 6, 1)))
    office.assessment.add_remark(None, "自治区发展改革委", EventKind.COMMENDATION, "经验做法推广")
    scores = office.assessment.scores()
    assert table(scores)[-2:] == [
        (None, "自治区发展改革委", "81", NO_TASKS),
        (None, CITIES, "77.5", COLLECTIVE),
    ]
    remarks = office.assessment.remarks(None)
    assert [(r.unit, r.kind.label, r.note) for r in remarks] == [
        (TAX, "通报表扬", "主动公开办事指南"),
        (POLICE, "通报批评", "台账内容敷衍"),
        ("自治区发展改革委", "通报表扬", "经验做法推广"),
    ]
    office.assessment.delete_remark(remarks[-1].id)
    assert "自治区发展改革委" not in [u.unit for u in office.assessment.scores().units]


def _stamp_last_finding_entry(services: Services, finding_id: int, when: datetime) -> None:
    with services.store.transaction() as session:
        last = session.scalars(
            select(FindingEntry)
            .where(FindingEntry.finding_id == finding_id)
            .order_by(FindingEntry.id.desc())
        ).first()
        assert last is not None
        last.changed_at = when


def test_findings_rectified_on_time_or_overdue(office: Services, q3: int) -> None:
    del q3
    inspections = office.inspections
    inspections.create_inspection("第一次专项督查", date(2021, 8, 1), "督查一组")
    made = {}
    for unit, deadline, problem in (
        (TAX, date(2021, 9, 15), "办税指南未更新"),
        (POLICE, date(2021, 9, 1), "户籍窗口排队时间长"),
        (MARKET, date(2021, 9, 20), "企业开办材料仍需纸质提交"),
        (OFFICE, date(2021, 10, 31), "政务公开栏目更新不及时"),
        (MARKET, date(2021, 8, 31), "登记系统无法在线补正"),
    ):
        found = inspections.add_finding(
            NewFinding("第一次专项督查", unit, problem, "限期整改", deadline)
        )
        made[(unit, problem[:4])] = found.id
        _stamp_last_finding_entry(office, found.id, datetime(2021, 8, 2, 9))
    inspections.close(made[(TAX, "办税指南")], "已更新并公开")
    _stamp_last_finding_entry(office, made[(TAX, "办税指南")], datetime(2021, 9, 10, 9))
    inspections.record(made[(POLICE, "户籍窗口")], FindingChange(status=Status.DONE))
    _stamp_last_finding_entry(office, made[(POLICE, "户籍窗口")], datetime(2021, 9, 20, 9))
    inspections.record(made[(MARKET, "登记系统")], FindingChange(status=Status.DONE))
    _stamp_last_finding_entry(office, made[(MARKET, "登记系统")], datetime(2021, 10, 9, 9))
    office.assessment.change_rules(["finding_on_time=0.5"], date(2021, 1, 1))

    scores = office.assessment.scores("2021年第3季度")
    findings = {
        u.unit: [(line.event, str(line.points), line.detail) for line in u.lines
                 if line.event.startswith("finding")]
        for u in scores.units
    }  # fmt: skip
    assert findings == {
        MARKET: [
            ("finding_overdue", "-1",
             "企业开办材料仍需纸质提交；整改时限2021年9月20日，截至2021年9月30日未整改"),
            ("finding_overdue", "-1",
             "登记系统无法在线补正；整改时限2021年8月31日，截至2021年9月30日未整改"),
        ],
        OFFICE: [],
        TAX: [("finding_on_time", "0.5", "办税指南未更新；2021年9月10日整改完成，整改时限2021年9月15日")],
        POLICE: [
            ("finding_overdue", "-1",
             "户籍窗口排队时间长；2021年9月20日整改完成，整改时限2021年9月1日"),
        ],
        CITIES: [],
    }  # fmt: skip
    assert table(scores)[:4] == [
        (1, OFFICE, "80", ""),
        (2, MARKET, "78", ""),  # a tie: the same rank
        (2, TAX, "78", ""),
        (4, POLICE, "74", ""),
    ]
    q4 = office.rounds.create("2021年第4季度", date(2021, 12, 31))
    del q4
    later = office.assessment.scores("2021年第4季度")
    assert [
        (u.unit, line.detail[:10], str(line.points))
        for u in later.units
        for line in u.lines
        if line.event.startswith("finding")
    ] == [
        (MARKET, "企业开办材料仍需纸质", "-1"),  # still open: overdue again
        (OFFICE, "政务公开栏目更新不及", "-1"),  # its 整改时限 passed in this round
    ]  # 登记系统…, rectified late in Q4, was counted overdue in Q3: not again


def test_ledgers_returned_after_the_rounds_deadline_are_late(office: Services, q3: int) -> None:
    office.rounds.set_deadline("2021年第3季度", date(2021, 10, 10))
    tax = office.units.named(TAX).id
    with office.store.transaction() as session:  # the tax bureau's ledger came on the 12th
        session.add(ImportBatch(round_id=q3, unit_id=tax, file_name="税务局.xlsx",
                                sha256="c" * 64, imported_at=datetime(2021, 10, 12, 16),
                                imported_by="测试员", changes=1))  # fmt: skip
    scores = office.assessment.scores("2021年第3季度")
    reports = [
        (u.unit, line.event, str(line.points), line.detail)
        for u in scores.units
        for line in u.lines
        if line.event.startswith("report")
    ]
    assert reports == [
        (MARKET, "report_on_time", "0", "2021年9月28日报送，报送截止日期2021年10月10日"),
        (TAX, "report_late", "-1", "2021年10月12日报送，报送截止日期2021年10月10日"),
        (POLICE, "report_on_time", "0", "2021年9月28日报送，报送截止日期2021年10月10日"),
    ]
    assert table(scores)[2] == (3, TAX, "77.5", "")


def test_a_collectives_members_are_scored_and_ranked_one_by_one(office: Services, q3: int) -> None:
    del q3
    office.groups.set_members(CITIES, ["银川市", "石嘴山市"], create=True)
    office.rounds.create("2021年第4季度", date(2021, 12, 31))  # the members' shares exist by then
    record(office, "1", "银川市", Status.DONE, datetime(2021, 12, 25, 10), None)
    scores = office.assessment.scores("2021年第4季度")
    assert CITIES not in [u.unit for u in scores.units]  # its task is answered by its members
    assert table(scores) == [  # equal totals in the documents' order: ties share a rank
        (1, MARKET, "80", ""),
        (1, "银川市", "80", ""),
        (1, OFFICE, "80", ""),
        (4, "石嘴山市", "77.5", ""),
        (4, TAX, "77.5", ""),
        (6, POLICE, "75", ""),
    ]
    assert lines(scores, "石嘴山市") == [
        ("base", "", "80"),
        ("overdue_support", f"{DOC} 1", "-2.5"),
    ]
    assert lines(scores, "银川市") == [("base", "", "80"), ("done_late_support", f"{DOC} 1", "0")]
