"""A unit taken out of a group after the round's ledgers were sent owes no ledger any more:
it has no task left (its shares are kept, inactive, with their history), so it is sent no
chaser, has no place in the bulletin's ranking — and is not named 未报送 either, in the
round's 报送情况, the bulletin's sentence or the scores."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.tracker.conftest import sample_document, source
from tracker.reports.chasers import ChaserRequest
from tracker.rounds.round_status import reporting_text
from tracker.services import Services
from tracker.store import Clock

ROUND = "2021年第2季度"
GROUP = "各市、县（区）"


def test_a_member_taken_out_after_the_ledgers_were_sent_is_not_named_unreported(
    services: Services, tmp_path: Path
) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.groups.set_members(GROUP, ["银川市", "吴忠市"], create=True)
    services.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    written = services.ledger_export.export_units(ROUND, tmp_path / "out")
    assert sorted(p.name.split("_")[0] for p in written) == [
        "吴忠市",
        "宁夏税务局",
        "自治区公安厅",
        "自治区市场监管厅",
        "自治区政府办公厅",
        "银川市",
    ]
    services.groups.remove_members(GROUP, ["吴忠市"])
    status = services.round_status.status(ROUND)
    assert status.not_reported == [
        "自治区市场监管厅",
        "自治区公安厅",
        "宁夏税务局",
        "自治区政府办公厅",
        "银川市",
    ]
    assert reporting_text(status) == (
        "本轮共向5个单位发出工作台账（报送截止日期：2021年7月10日），已报送0个；"
        "未报送5个：自治区市场监管厅、自治区公安厅、宁夏税务局、自治区政府办公厅、银川市。"
    )
    targets = services.chasers.targets(ChaserRequest(round_name=ROUND, not_reported=True))
    assert targets == status.not_reported
    scores = {s.unit: s for s in services.assessment.scores(ROUND).units}
    assert "吴忠市" not in scores  # (was: 79, 未报送台账 -1, not ranked)
    # 1 July: before the 报送截止日期 (10 July) a unit yet to report is not penalised
    assert [(line.label, str(line.points), line.detail) for line in scores["银川市"].lines][-1] == (
        "待报送台账",
        "0",
        "截至2021年7月1日尚未报送，报送截止日期2021年7月10日",
    )
    services.store.clock = Clock(date(2021, 7, 11))
    scores = {s.unit: s for s in services.assessment.scores(ROUND).units}
    assert [(line.label, str(line.points)) for line in scores["银川市"].lines][-1] == (
        "未报送台账",
        "-1",
    )
