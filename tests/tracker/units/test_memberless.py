"""A collective with no members yet (issue 16): its tasks count, it is sent nothing, chased
for nothing, ranked nowhere and owes no report — until the clerk gives it members."""

from __future__ import annotations

from pathlib import Path

from tests.tracker.rounds.test_round_status import ROUND, round_office  # noqa: F401 (fixture)
from tracker.reports.report_service import ReportRequest
from tracker.services import Services

CITIES = "各市、县（区）"
SENTENCE = (
    "另有1项任务由尚无成员单位的集体承担（各市、县（区）1项），已计入任务总数，"
    "未发工作台账，未列入单位排名和报送统计。"
)


def test_counted_but_never_sent_chased_ranked_or_missing(
    round_office: Services,  # noqa: F811
) -> None:
    office = round_office
    [cities] = [u for u in office.units.list() if u.name == CITIES]
    assert (cities.kind, cities.members, cities.memberless) == ("集体", (), True)
    assert office.units.memberless() == {CITIES}
    data = office.reports.bulletin_data(ROUND)
    # measure 1's three units and measure 2's two, and the standing 4: 6 tasks, 各市、县（区）'s
    # among them (its 2021年6月底 not yet past on the round's 30 June)
    assert (data.now.measures, data.now.assigned) == (3, 6)
    assert [(u.unit, u.now.assigned, u.now.overdue) for u in data.memberless] == [(CITIES, 1, 0)]
    assert CITIES not in [u.unit for u in data.units]
    assert sum(u.now.assigned for u in data.units) == 5
    assert data.not_reported == ["自治区政府办公厅"]
    report = office.reports.build(ReportRequest(kind="bulletin", round_name=ROUND))
    assert SENTENCE in report.text_blocks()
    assert office.round_status.status(ROUND).not_reported == ["自治区政府办公厅"]


def test_given_members_it_answers_through_them(
    round_office: Services,  # noqa: F811
    tmp_path: Path,
) -> None:
    office = round_office
    office.groups.set_members(CITIES, ["银川市", "吴忠市"], create=True)
    assert office.units.memberless() == set()
    outcome = office.ledger_export.export_each_unit(ROUND, tmp_path, units=["银川市", "吴忠市"])
    assert (outcome.memberless, [p.name.split("_")[0] for p in outcome.written]) == (
        [],
        ["银川市", "吴忠市"],
    )
    data = office.reports.bulletin_data(ROUND)
    assert data.memberless == []
    assert {"银川市", "吴忠市"} <= {u.unit for u in data.units}
    assert [(g.unit, g.now.assigned) for g in data.groups] == [(CITIES, 2)]
    report = office.reports.build(ReportRequest(kind="bulletin", round_name=ROUND))
    assert not [t for t in report.text_blocks() if "尚无成员单位" in t]
