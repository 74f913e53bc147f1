"""``tracker-cli score-rules``, ``score`` and ``score-remark``, and the Excel export."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from tests.tracker.assessment.test_scores import POLICE, TAX, office, q3  # noqa: F401 (fixtures)
from tracker.services import Services

Run = Callable[..., tuple[int, str, str]]


def test_rules_shown_and_changed(office: Services, db_url: str, run: Run) -> None:  # noqa: F811
    del office
    code, out, _ = run("--db", db_url, "score-rules", "--json")
    shown = json.loads(out)
    assert (code, shown["version"], shown["base"]) == (0, 0, 80.0)
    assert shown["rules"][:2] == [
        {"event": "done_on_time_lead", "label": "牵头单位按时完成", "points": 2.0, "cap": None},
        {"event": "done_on_time_support", "label": "配合单位按时完成", "points": 1.0, "cap": None},
    ]
    code, out, _ = run(
        "--db", db_url, "--today", "2021-10-01", "score-rules",
        "--set", "overdue_lead=-4:8", "--set", "base=100", "--reason", "新方案",
    )  # fmt: skip
    assert code == 0
    assert out.splitlines()[0] == "Saved the scoring rules as version 1, in force from 2021-10-01."
    code, out, _ = run("--db", db_url, "score-rules", "--from", "2021-10-01")
    assert out.splitlines()[:2] == [
        "Scoring rules version 1, in force from 2021-10-01  新方案",
        "  base                      100  基础分",
    ]
    assert "  overdue_lead               -4  牵头单位逾期未完成  cap 8" in out.splitlines()
    code, _, err = run("--db", db_url, "score-rules", "--set", "overdue=-1")
    assert code == 2 and "unknown scoring event 'overdue'" in err
    code, _, err = run("--db", db_url, "score-rules", "--set", "base=abc")
    assert (code, err) == (
        2,
        "tracker-cli: error: base: 'abc' is not a number of points (e.g. 2, -2.5)\n",
    )


def test_score_publish_recalculate_export(
    office: Services,  # noqa: F811
    q3: int,  # noqa: F811
    db_url: str,
    run: Run,
    tmp_path: Path,
) -> None:
    del office, q3

    def cli(*args: str) -> tuple[int, str, str]:
        return run("--db", db_url, "--today", "2021-12-20", "--user", "测试员", *args)

    code, out, _ = cli("score", "--unit", POLICE)
    assert (code, out.splitlines()) == (
        0,
        [
            "2021年第3季度 (as of 2021-09-30), rules version 0",
            "Not published: computed now, may still change.",
            f"  4  {POLICE}  75",
            "           80  基础分",
            "           +1  配合单位按时完成  宁政办〔2021〕9号 1  推进企业开办全程网办；2021年6月20日完成，时限2021年6月30日",
            "           -5  牵头单位逾期未完成  宁政办〔2021〕9号 2  推广企业开办零费用；时限2021年7月10日，截至2021年9月30日未完成",
            "            0  按时报送台账  2021年9月28日报送",
            "           -1  通报批评  台账内容敷衍",
        ],
    )
    code, out, _ = cli("score", "--publish", "--json")
    published = json.loads(out)
    assert (code, published["published"], published["version"]) == (0, True, 1)
    assert [(u["unit"], u["total"], u["rank"]) for u in published["units"]][2:4] == [
        (TAX, "77.5", 3),
        (POLICE, "75", 4),
    ]
    code, _, err = cli("score", "--recalculate")
    assert (code, err) == (2, "tracker-cli: error: a recalculation needs its reason\n")
    code, out, _ = cli("score-remark", TAX, "--criticise", "--note", "迟报")
    assert (code, out) == (0, f"Recorded 通报批评 of {TAX} in 2021年第3季度 (remark 3).\n")
    code, _, err = cli("score-remark", TAX, "--commend")
    assert (code, err) == (2, "tracker-cli: error: say what the 通报表扬 is for (a note)\n")
    target = tmp_path / "得分.xlsx"
    code, out, _ = cli("score", "--recalculate", "--reason", "补记批评", "--export", str(target))
    assert code == 0 and out.splitlines()[1].endswith("by 测试员, reason: 补记批评")
    book = load_workbook(target)
    assert book.sheetnames == ["得分汇总", "得分明细"]
    totals = [tuple(r) for r in book["得分汇总"].iter_rows(values_only=True)]
    assert totals[:2] == [
        ("2021年第3季度考核得分（第2版）", None, None, None),
        ("排名", "单位", "得分", "说明"),
    ]
    assert totals[4:6] == [(3, TAX, 76.5, None), (4, POLICE, 75, None)]
    assert totals[-1] == ("—", "各市、县（区）", 77.5, "集体单位，成员未单列，不参与排名")
    lines = [tuple(r) for r in book["得分明细"].iter_rows(values_only=True)]
    assert lines[1] == ("单位", "事项", "措施", "日期", "分值", "说明")
    taxes = [r for r in lines if r[0] == TAX]
    assert [(r[1], r[4]) for r in taxes] == [
        ("基础分", 80), ("配合单位逾期未完成", -2.5), ("未报送台账", -1), ("通报表扬", 1),
        ("通报批评", -1),
    ]  # fmt: skip
    assert taxes[-1][3].date() == date(2021, 12, 20) and taxes[-1][5] == "迟报"
    code, out, _ = cli("score", "--round", "2021年第3季度", "--json")
    assert json.loads(out)["versions"] == [1, 2]
