"""Task tables in Word and PDF files (issue 16, item 4): the same 任务分工表 read alike.

``tests/fixtures/policy/make_task_tables.py`` builds both files: section rows merged
across the table, 序号 and 重点任务 of measure 1 merged down over a second sub-task.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from importers.policy import ParsedDocument, parse_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "policy"


@pytest.fixture(scope="module", params=["docx", "pdf"])
def document(request: pytest.FixtureRequest) -> ParsedDocument:
    parsed, _ = parse_file(FIXTURES / f"任务分工表.{request.param}")
    return parsed


def test_sections_measures_and_sub_tasks(document: ParsedDocument) -> None:
    assert [(p.number, p.title) for p in document.parts] == [(1, "政务服务"), (2, "保障措施")]
    assert [(m.code, m.title, m.part) for m in document.measures] == [
        ("1", "推进政务服务平台建设", "政务服务"),
        ("2", "完善协同办公", "政务服务"),
        ("3", "强化组织保障", "保障措施"),
    ]
    assert [
        [(t.text, t.lead_units, t.units, t.deadline, t.standing) for t in m.tasks]
        for m in document.measures
    ] == [
        [
            (
                "建设全省统一的政务服务平台",
                ["省大数据局"],
                ["省大数据局", "省政府办公厅", "各市政府"],
                date(2024, 12, 31),
                False,
            ),
            (
                "推广电子证照应用",
                ["省公安厅"],
                ["省公安厅", "各有关部门"],
                date(2025, 6, 30),
                False,
            ),
        ],
        [("推广移动办公平台", ["省政府办公厅"], ["省政府办公厅"], None, True)],
        [("建立工作专班", ["省大数据局"], ["省大数据局", "各区、县级市"], None, False)],
    ]
    assert document.warnings == []


def test_the_measure_keeps_the_union(document: ParsedDocument) -> None:
    first = document.measures[0]
    assert first.lead_units == ["省大数据局"]
    assert first.units == ["省大数据局", "省政府办公厅", "各市政府", "省公安厅", "各有关部门"]
    assert first.deadline == date(2025, 6, 30)
