"""The bulletin's optional 考核得分 section: the published scores and ranking, as 四."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from importers.reports.model import Heading, Paragraph, Table
from tests.tracker.assessment.test_scores import MARKET, OFFICE, POLICE, TAX, office, q3  # noqa: F401
from tracker.errors import InvalidInputError
from tracker.reports.report_service import ReportRequest
from tracker.services import Services

ROUND = "2021年第3季度"


def test_the_section_prints_the_published_scores(office: Services, q3: int) -> None:  # noqa: F811
    del q3
    request = ReportRequest(kind="bulletin", round_name=ROUND, scores=True)
    with pytest.raises(InvalidInputError, match="not published yet"):
        office.reports.build(request)
    office.assessment.publish(ROUND)
    document = office.reports.build(request)
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert headings == [
        "一、总体情况",
        "二、主要成效",
        "三、存在问题",
        "四、考核得分",
        "五、下步工作",
    ]
    at = document.blocks.index(Heading("四、考核得分"))
    text, table = document.blocks[at + 1], document.blocks[at + 2]
    assert isinstance(text, Paragraph) and isinstance(table, Table)
    assert text.text == (
        "按照考核规则，本期考核得分已发布（第1版）。参与排名的单位4个，得分相同的单位名次相同；"
        f"位列前3名的是{MARKET}（80分）、{OFFICE}（80分）、{TAX}（77.5分）；"
        "另有1个单位不参与排名（见表中说明）。"
    )
    assert table.headers == ("排名", "单位", "得分", "说明")
    assert table.rows == (
        ("1", MARKET, "80", ""),
        ("1", OFFICE, "80", ""),
        ("3", TAX, "77.5", ""),
        ("4", POLICE, "75", ""),
        ("—", "各市、县（区）", "77.5", "集体单位，成员未单列，不参与排名"),
    )
    plain = office.reports.build(ReportRequest(kind="bulletin", round_name=ROUND))
    assert [b.text for b in plain.blocks if isinstance(b, Heading)][-1] == "四、下步工作"


def test_the_cli_refuses_unpublished_scores(
    office: Services,  # noqa: F811
    q3: int,  # noqa: F811
    db_url: str,
    run: Callable[..., tuple[int, str, str]],
    tmp_path: Path,
) -> None:
    del office, q3
    out = tmp_path / "通报.pdf"
    code, _, err = run(
        "--db", db_url, "report", "--kind", "bulletin", "--scores", "--out", str(out)
    )
    assert (code, err) == (
        2,
        f"tracker-cli: error: the scores of {ROUND} are not published yet: publish them\n",
    )
    assert not out.exists()
