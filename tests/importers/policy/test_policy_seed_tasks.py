"""Both seeds read into tasks: units, lead and deadline for a sample of more than ten each.

Written from reading ../shared/seeds (the clause of each measure and the 牵头 of its
heading), as a clerk would fill a 任务分工 ledger, not from the parser's output.
Seed 000 names its heading's lead (（一）深化商事制度改革（自治区市场监管厅牵头）)
and a measure's clause may or may not name it: named, it leads; not named, the first
unit of the clause does.  Seed 003 has ``（A、B等相关部门及各市、县〔区〕按职责分工
负责）``: the first listed is the lead.  Every measure here is one task.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import ClassVar

import pytest

from importers.policy import ParsedDocument, parse_text

pytestmark = pytest.mark.needs_shared

Row = tuple[list[str], list[str], date | None]
"""(lead units, all units, deadline)"""
CITIES = "各市、县（区）"
OTHERS = "自治区相关部门"
"""``…等相关部门``: the others, a collective unit (kind 集体, issue 16), helping the lead."""
END_2021 = date(2021, 12, 31)


def rows(document: ParsedDocument, codes: list[str]) -> dict[str, list[Row]]:
    found = {m.code: m for m in document.measures}
    return {
        code: [(t.lead_units, t.units, t.deadline) for t in found[code].tasks] for code in codes
    }


class TestSeed000:
    EXPECTED: ClassVar[dict[str, Row]] = {
        "2": (["自治区公安厅"], ["自治区公安厅", "宁夏税务局", CITIES], END_2021),
        "6": (
            ["自治区地方金融监管局"],
            [
                *("自治区地方金融监管局", "宁夏银保监局", "人民银行银川中心支行"),
                *("自治区财政厅", CITIES),
            ],
            END_2021,
        ),
        "8": (
            ["人民银行银川中心支行"],
            ["人民银行银川中心支行", "自治区市场监管厅", CITIES],
            END_2021,
        ),
        "10": (
            ["自治区地方金融监管局"],
            [
                *("自治区地方金融监管局", "自治区高级法院", "自治区发展改革委"),
                *("宁夏银保监局", "宁夏证监局", "人民银行银川中心支行", CITIES),
            ],
            END_2021,
        ),
        "12": (
            ["自治区住房城乡建设厅", "国网宁夏电力公司"],  # 分别牵头 in the heading
            ["自治区住房城乡建设厅", "国网宁夏电力公司", CITIES],
            END_2021,
        ),
        "15": (
            ["国网宁夏电力公司"],
            ["国网宁夏电力公司", "自治区发展改革委", CITIES],
            END_2021,
        ),
        "21": (
            ["自治区发展改革委"],
            [
                *("自治区发展改革委", "自治区住房城乡建设厅", "自治区公共资源交易管理局"),
                *(OTHERS, CITIES),
            ],
            END_2021,
        ),
        "30": (["自治区住房城乡建设厅"], ["自治区住房城乡建设厅", CITIES], date(2021, 6, 30)),
        "38": (
            ["自治区自然资源厅"],
            [
                *("自治区自然资源厅", "自治区住房城乡建设厅", "自治区市场监管厅", "自治区民政厅"),
                *("宁夏银保监局", "宁夏税务局", "国网宁夏电力公司", CITIES),
            ],
            date(2021, 11, 30),
        ),
        "45": (["宁夏税务局"], ["宁夏税务局", CITIES], END_2021),
        "52": (
            ["自治区发展改革委"],  # the heading's 市场监管厅 is not named: the first leads
            [
                *("自治区发展改革委", "自治区工业和信息化厅", "自治区人力资源社会保障厅"),
                *("自治区住房城乡建设厅", "自治区交通运输厅", OTHERS, CITIES),
            ],
            END_2021,
        ),
        "60": (["自治区市场监管厅"], ["自治区市场监管厅", CITIES], END_2021),
        "68": (
            ["自治区高级法院", "宁夏证监局"],
            ["自治区高级法院", "宁夏证监局", CITIES],
            END_2021,
        ),
        "75": (["自治区发展改革委"], ["自治区发展改革委", CITIES], END_2021),
    }

    def test_tasks(self, seed_000: Path) -> None:
        document = parse_text(seed_000.read_text(encoding="utf-8"))
        assert len(document.measures) == 80
        assert rows(document, list(self.EXPECTED)) == {
            code: [row] for code, row in self.EXPECTED.items()
        }


class TestSeed003:
    EXPECTED: ClassVar[dict[str, Row]] = {
        "1.1": (
            ["自治区市场监管厅"],
            [
                *("自治区市场监管厅", "自治区公安厅", "自治区人力资源社会保障厅"),
                *("宁夏税务局", "人民银行银川中心支行", OTHERS, CITIES),
            ],
            None,
        ),
        "1.4": (["自治区市场监管厅"], ["自治区市场监管厅", CITIES], None),
        "2.2": (
            ["自治区自然资源厅"],
            ["自治区自然资源厅", "自治区发展改革委", "自治区住房城乡建设厅", OTHERS, CITIES],
            date(2020, 12, 31),
        ),
        "3.1": (
            ["国网宁夏电力公司"],
            ["国网宁夏电力公司", "自治区发展改革委", "自治区住房城乡建设厅", OTHERS, CITIES],
            date(2020, 12, 31),
        ),
        "4.2": (
            ["自治区自然资源厅"],
            [
                *("自治区自然资源厅", "自治区高级法院", "自治区住房城乡建设厅", "宁夏税务局"),
                *(OTHERS, CITIES),
            ],
            None,
        ),
        "5.1": (["宁夏税务局"], ["宁夏税务局"], None),  # 在2019年基础上: a reference, no date
        "6.2": (
            ["自治区商务厅"],
            ["自治区商务厅", "银川海关", "银川市", "石嘴山市", "西部机场集团宁夏机场公司"],
            None,
        ),
        "7.1": (
            ["自治区地方金融监管局"],
            [
                *("自治区地方金融监管局", "自治区财政厅", "宁夏银保监局", "人民银行银川中心支行"),
                OTHERS,
            ],
            None,
        ),
        "8.1": (
            ["自治区发展改革委"],
            [
                *("自治区发展改革委", "自治区高级法院", "自治区检察院", "自治区财政厅"),
                *("自治区自然资源厅", "自治区市场监管厅", "宁夏税务局", OTHERS),
            ],
            None,
        ),
        "8.3": (  # 自治区高级人民法院 is the 高级法院 of the other measures
            ["自治区高级法院"],
            ["自治区高级法院", "自治区党委政法委", "自治区民政厅", OTHERS, CITIES],
            None,
        ),
    }

    def test_tasks(self, seed_003: Path) -> None:
        document = parse_text(seed_003.read_text(encoding="utf-8"))
        assert len(document.measures) == 46
        assert rows(document, list(self.EXPECTED)) == {
            code: [row] for code, row in self.EXPECTED.items()
        }
