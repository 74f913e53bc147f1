"""四、考核得分's sentence when many units tie: a rank shared by more than three units is
named by its first unit and the count (自治区市场监管厅等22个单位（并列第1名，80分）),
never a list of 22 names introduced as 位列前3名."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tracker.assessment.scoring import RoundScores, UnitScore
from tracker.reports.report_scores import score_text


def scores(*units: tuple[str, str, int | None]) -> RoundScores:
    return RoundScores(
        round="十月",
        as_of=date(2021, 10, 31),
        rules_version=0,
        units=tuple(
            UnitScore(name, Decimal(total), rank, "" if rank else "本轮无任务，不参与排名", ())
            for name, total, rank in units
        ),
        version=1,
    )


def test_a_rank_shared_by_many_units_is_counted_not_listed() -> None:
    tied = [(f"单位{n}", "80", 1) for n in range(1, 23)]
    text = score_text(scores(*tied, ("自治区公安厅", "79", 23), ("吴忠市", "79", None)))
    assert text == (
        "按照考核规则，本期考核得分已发布（第1版）。参与排名的单位23个，得分相同的单位名次相同；"
        "位列前3名的是单位1等22个单位（并列第1名，80分）；"
        "另有1个单位不参与排名（见表中说明）。"
    )


def test_a_few_ties_are_still_named_one_by_one() -> None:
    text = score_text(
        scores(
            ("甲", "80", 1), ("乙", "80", 1), ("丙", "77.5", 3), ("丁", "77.5", 3), ("戊", "70", 5)
        )
    )
    assert text == (
        "按照考核规则，本期考核得分已发布（第1版）。参与排名的单位5个，得分相同的单位名次相同；"
        "位列前3名的是甲（80分）、乙（80分）、丙（77.5分）、丁（77.5分）。"
    )
    many_second = [("甲", "80", 1)] + [(f"单位{n}", "79", 2) for n in range(4)]
    assert score_text(scores(*many_second)).endswith(
        "位列前3名的是甲（80分）、单位0等4个单位（并列第2名，79分）。"
    )
