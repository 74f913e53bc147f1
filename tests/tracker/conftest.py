"""A fresh database with services over it, and a small hand-made policy document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest

from importers.policy import (
    ParsedDocument,
    ParsedMeasure,
    ParsedMilestone,
    ParsedPart,
    ParsedSection,
    SourceInfo,
)
from tracker.cli import cli_main as cli
from tracker.services import Services
from tracker.store import Clock

TODAY = date(2021, 7, 1)


@pytest.fixture
def services(db_url: str) -> Iterator[Services]:
    opened = Services.open(db_url, clock=Clock(TODAY), user="测试员", create=True)
    yield opened
    opened.close()


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., tuple[int, str, str]]:
    """``tracker-cli`` with these arguments: its exit code, what it printed and its errors."""

    def invoke(*args: str) -> tuple[int, str, str]:
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def sample_document(number: str = "宁政办〔2021〕9号") -> ParsedDocument:
    """Three measures in two parts: one overdue, one due soon, one standing, one unassigned."""
    part1 = ParsedPart(
        1, "营造公平竞争市场环境", [ParsedSection(1, "深化商事制度改革", ["自治区市场监管厅"])]
    )
    part2 = ParsedPart(2, "强化组织保障", [])
    measures = [
        ParsedMeasure(
            code="1",
            title="推进企业开办全程网办",
            text="推进企业开办全程网办。（责任单位：自治区市场监管厅、公安厅，各市、县〔区〕。完成时限：2021年6月底）",
            part="营造公平竞争市场环境",
            part_number=1,
            section="深化商事制度改革",
            section_number=1,
            lead_units=["自治区市场监管厅"],
            units=["自治区市场监管厅", "自治区公安厅", "各市、县（区）"],
            deadline=date(2021, 6, 30),
            deadline_text="2021年6月底",
        ),
        ParsedMeasure(
            code="2",
            title="推广企业开办零费用",
            text="推广企业开办零费用。",
            part="营造公平竞争市场环境",
            part_number=1,
            section="深化商事制度改革",
            section_number=1,
            lead_units=["自治区公安厅"],
            units=["自治区公安厅", "宁夏税务局"],
            deadline=date(2021, 7, 10),
            deadline_text="2021年7月10日",
            milestones=[ParsedMilestone(date(2021, 7, 10), "2021年7月10日前完成")],
        ),
        ParsedMeasure(
            code="3",
            title="压实工作责任",
            text="压实工作责任。",
            part="强化组织保障",
            part_number=2,
            units=[],
        ),
        ParsedMeasure(
            code="4",
            title="持续优化服务",
            text="持续优化服务。（责任单位：自治区政府办公厅。完成时限：长期坚持）",
            part="强化组织保障",
            part_number=2,
            lead_units=["自治区政府办公厅"],
            units=["自治区政府办公厅"],
            deadline_text="长期坚持",
            standing=True,
        ),
    ]
    return ParsedDocument(
        title="自治区人民政府办公厅关于印发优化营商环境若干措施的通知",
        doc_number=number,
        issuer="自治区人民政府办公厅",
        issued_on=date(2021, 5, 19),
        parts=[part1, part2],
        measures=measures,
    )


def source(name: str = "措施.txt", sha: str = "a" * 64) -> SourceInfo:
    return SourceInfo(file_name=name, sha256=sha, size=1000)
