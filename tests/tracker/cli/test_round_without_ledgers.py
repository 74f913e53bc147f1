"""报送情况 of a round that sent no ledger, or only some (issue 12, 1): a unit can only fail
to report what it was sent.  The bulletin, the master's 汇总, ``round-status`` and the
round's page say the same, on the seed 宁政职转办〔2021〕1号."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tracker.cli.test_whole_round_cli import clerk as clerk  # (the fixture)
from tests.tracker.cli.test_whole_round_cli import read_bulletin
from tests.whole_round import (
    AS_OF,
    DEADLINE,
    MARKET,
    POLICE,
    PUBLISHED_ON,
    ROUND,
    SENT_ON,
    TAX,
    fill_in,
    summary_sheet,
)

NONE_SENT = "本轮未发放工作台账，无报送统计。"


@pytest.fixture
def opened(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    """The seed imported and the round opened on 25 December, due back by 10 January."""
    cli = request.getfixturevalue("clerk")
    code, _, _ = cli(
        SENT_ON, "new-round", ROUND, "--as-of", str(AS_OF), "--deadline", str(DEADLINE)
    )
    assert code == 0
    return cli


def test_a_round_that_sent_no_ledger_names_no_unit_not_reported(opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = opened(PUBLISHED_ON, "round-status")
    assert (code, out.splitlines()) == (
        0,
        [
            f"{ROUND}  as of 2021-12-31  deadline 2022-01-10",
            NONE_SENT,
            "0 units: 0 on time, 0 late, 0 not reported",
        ],
    )
    bulletin = tmp_path / "通报.docx"
    assert opened(PUBLISHED_ON, "report", "--kind", "bulletin", "--out", str(bulletin))[0] == 0
    paragraphs, _ = read_bulletin(bulletin)
    assert "报送情况：" + NONE_SENT in paragraphs
    assert [p for p in paragraphs if "本期未报送" in p or "未按时报送工作进展" in p] == []
    assert "本期暂无新完成任务和工作成效。" in paragraphs  # no unit was asked for any
    assert opened(PUBLISHED_ON, "export-ledger", "--master", "--out", str(tmp_path))[0] == 0
    summary = summary_sheet(tmp_path / f"总台账_{ROUND}.xlsx")
    assert summary["报送情况"] == ("报送情况：" + NONE_SENT,)
    states = {figures[-1] for figures in summary.values() if len(figures) == 9}
    assert states == {None, "尚无成员单位"}  # no unit 未报送


def test_a_round_that_sent_some_ledgers_counts_those_units_only(opened, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sent, back = tmp_path / "sent", tmp_path / "back"
    for unit in (MARKET, TAX, POLICE):
        assert opened(SENT_ON, "export-ledger", "--unit", unit, "--out", str(sent))[0] == 0
    returned = fill_in(sent, back, (MARKET,))
    assert opened(DEADLINE, "import-ledger", str(returned[MARKET]))[0] == 0
    reporting = (
        "本轮共向3个单位发出工作台账（报送截止日期：2022年1月10日），已报送1个，"
        "其中按时报送1个、逾期报送0个；未报送2个：宁夏税务局、自治区公安厅。"
    )
    _, out, _ = opened(PUBLISHED_ON, "round-status")
    assert out.splitlines()[-1] == "3 units: 1 on time, 0 late, 2 not reported"
    bulletin = tmp_path / "通报.docx"
    assert opened(PUBLISHED_ON, "report", "--kind", "bulletin", "--out", str(bulletin))[0] == 0
    paragraphs, _ = read_bulletin(bulletin)
    assert "报送情况：" + reporting in paragraphs
    assert [p for p in paragraphs if "本期未报送" in p] == [
        "二是部分单位未按时报送工作进展。宁夏税务局、自治区公安厅本期未报送。"
    ]
    assert opened(PUBLISHED_ON, "export-ledger", "--master", "--out", str(tmp_path))[0] == 0
    summary = summary_sheet(tmp_path / f"总台账_{ROUND}.xlsx")
    assert summary["报送情况"] == ("报送情况：" + reporting,)
    states = {unit: figures[-1] for unit, figures in summary.items() if len(figures) == 9}
    assert (states[MARKET], states[TAX], states[POLICE]) == ("按时报送", "未报送", "未报送")
    assert states["自治区财政厅"] is None  # sent nothing: owes nothing
