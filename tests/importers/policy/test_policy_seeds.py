"""The two real Ningxia seed documents (PDF extractions), read in place from ../shared."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from importers.policy import ParsedDocument, ParsedMeasure, parse_file, parse_text

pytestmark = pytest.mark.needs_shared


@pytest.fixture(scope="module")
def doc000(seed_000: Path) -> ParsedDocument:
    return parse_text(seed_000.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def doc003(seed_003: Path) -> ParsedDocument:
    return parse_text(seed_003.read_text(encoding="utf-8"))


def measure(document: ParsedDocument, code: str) -> ParsedMeasure:
    return next(m for m in document.measures if m.code == code)


class TestSeed000:
    def test_metadata(self, doc000: ParsedDocument) -> None:
        assert doc000.doc_number == "宁政职转办〔2021〕1号"
        assert doc000.issued_on == date(2021, 5, 19)
        assert doc000.issuer == "自治区推进政府职能转变和“放管服”改革协调小组办公室"
        assert doc000.title == (
            "自治区推进政府职能转变和“放管服”改革协调小组办公室关于印发持续优化营商环境"
            "更好服务黄河流域生态保护和高质量发展先行区建设若干措施的通知"
        )

    def test_structure(self, doc000: ParsedDocument) -> None:
        assert [m.code for m in doc000.measures] == [str(n) for n in range(1, 81)]
        assert len(doc000.parts) == 6
        assert len(doc000.sections) == 17
        assert [len(p.sections) for p in doc000.parts] == [5, 5, 2, 3, 2, 0]
        assert doc000.parts[5].title == "强化组织保障"
        assert {m.part for m in doc000.measures[75:]} == {"强化组织保障"}
        assert {m.section for m in doc000.measures[75:]} == {None}

    def test_measure_1(self, doc000: ParsedDocument) -> None:
        first = measure(doc000, "1")
        assert first.title == "推进企业开办全程网办"
        assert first.units == [
            "自治区市场监管厅",
            "自治区公安厅",
            "自治区人力资源社会保障厅",
            "自治区住房城乡建设厅",
            "宁夏税务局",
            "人民银行银川中心支行",
            "各市、县（区）",
        ]
        assert first.lead_units == ["自治区市场监管厅"]
        assert first.deadline == date(2021, 12, 31)
        assert first.deadline_text == "2021年底"
        assert "一照通行" in first.text  # split by a page break in the source
        assert first.text.startswith("推进企业开办全程网办。")
        assert first.text.endswith(
            "（责任单位：自治区市场监管厅、公安厅、人力资源社会保障厅、住房城乡建设厅，宁夏税务局、人民银行银川中心支行，各市、县〔区〕。完成时限：2021年底）"
        )
        assert first.part == "营造公平竞争市场环境"
        assert first.part_number == 1
        assert first.section == "深化商事制度改革"
        assert first.section_number == 1
        assert first.line == 34

    def test_clause_split_by_page_break(self, doc000: ParsedDocument) -> None:
        tenth = measure(doc000, "10")
        assert tenth.deadline == date(2021, 12, 31)
        assert tenth.deadline_text == "2021年底"
        assert tenth.units[-1] == "各市、县（区）"

    def test_prefix_carried_after_comma(self, doc000: ParsedDocument) -> None:
        assert "自治区林草局" in measure(doc000, "7").units
        assert "林草局" not in measure(doc000, "7").units

    @pytest.mark.parametrize(
        ("code", "deadline", "wording"),
        [("23", date(2021, 8, 31), "2021年8月底"), ("30", date(2021, 6, 30), "2021年6月底")],
    )
    def test_month_deadlines(
        self, doc000: ParsedDocument, code: str, deadline: date, wording: str
    ) -> None:
        assert measure(doc000, code).deadline == deadline
        assert measure(doc000, code).deadline_text == wording

    def test_section_with_two_leads(self, doc000: ParsedDocument) -> None:
        third = doc000.parts[0].sections[2]
        assert third.title == "优化水、电、气、暖公共事业服务"
        assert third.lead_units == ["自治区住房城乡建设厅", "国网宁夏电力公司"]
        assert measure(doc000, "15").lead_units == ["国网宁夏电力公司"]
        assert measure(doc000, "12").lead_units == ["自治区住房城乡建设厅", "国网宁夏电力公司"]

    def test_first_unit_leads_when_section_lead_absent(self, doc000: ParsedDocument) -> None:
        eighth = measure(doc000, "8")
        assert eighth.lead_units == ["人民银行银川中心支行"]
        assert eighth.units[0] == "人民银行银川中心支行"

    def test_city_government_unit(self, doc000: ParsedDocument) -> None:
        assert measure(doc000, "48").units == ["自治区商务厅", "银川海关", "银川市人民政府"]

    def test_unassigned_measures_warn(self, doc000: ParsedDocument) -> None:
        unassigned = [m.code for m in doc000.measures if m.unassigned]
        assert unassigned == ["76", "77", "78", "79", "80"]
        messages = [str(w.message) for w in doc000.warnings]
        assert messages == [f"measure {n} names no responsible unit" for n in range(76, 81)]
        assert [w.line for w in doc000.warnings] == [266, 268, 272, 274, 276]

    def test_every_other_measure_has_units_and_deadline(self, doc000: ParsedDocument) -> None:
        for item in doc000.measures[:75]:
            assert item.units, item.code
            assert item.lead_units and item.lead_units[0] == item.units[0]
            assert item.deadline is not None, item.code

    def test_parse_file_reads_the_same(self, seed_000: Path, doc000: ParsedDocument) -> None:
        document, info = parse_file(seed_000)
        assert document.to_json() == doc000.to_json()
        assert info.file_name == seed_000.name
        assert info.size == seed_000.stat().st_size
        assert len(info.sha256) == 64


class TestSeed003:
    def test_metadata(self, doc003: ParsedDocument) -> None:
        assert doc003.doc_number == "宁政规发〔2020〕5号"
        assert doc003.issued_on == date(2020, 4, 30)
        assert doc003.issuer == "自治区人民政府"
        assert doc003.title == "自治区人民政府关于印发深化放管服改革优化营商环境若干措施的通知"

    def test_codes_restart_in_every_part(self, doc003: ParsedDocument) -> None:
        sizes = [5, 4, 2, 2, 2, 2, 2, 3, 2, 3, 4, 2, 6, 4, 3]
        expected = [f"{part}.{item}" for part, n in enumerate(sizes, 1) for item in range(1, n + 1)]
        assert [m.code for m in doc003.measures] == expected
        assert len(doc003.measures) == 46
        assert len(doc003.parts) == 15
        assert doc003.sections == []
        assert doc003.warnings == []

    def test_deadline_from_text(self, doc003: ParsedDocument) -> None:
        item = measure(doc003, "1.2")
        assert item.deadline == date(2020, 12, 31)
        assert item.deadline_text == "2020年底前"

    def test_milestone(self, doc003: ParsedDocument) -> None:
        item = measure(doc003, "2.1")
        assert [(m.date, m.text) for m in item.milestones] == [
            (date(2020, 6, 30), "2020年6月底前开展工程建设项目全流程审批事项清理工作")
        ]

    def test_single_unit(self, doc003: ParsedDocument) -> None:
        assert measure(doc003, "5.1").units == ["宁夏税务局"]
        assert measure(doc003, "5.1").lead_units == ["宁夏税务局"]

    def test_alias_and_prefix(self, doc003: ParsedDocument) -> None:
        assert measure(doc003, "8.2").units == ["自治区高级法院", "自治区检察院", "自治区港澳台办"]

    def test_no_prefix_on_standalone_names(self, doc003: ParsedDocument) -> None:
        units = measure(doc003, "6.2").units
        assert units == [
            "自治区商务厅",
            "银川海关",
            "银川市",
            "石嘴山市",
            "西部机场集团宁夏机场公司",
        ]

    def test_collective_unit_and_filler(self, doc003: ParsedDocument) -> None:
        assert measure(doc003, "1.1").units == [
            "自治区市场监管厅",
            "自治区公安厅",
            "自治区人力资源社会保障厅",
            "宁夏税务局",
            "人民银行银川中心支行",
            "自治区相关部门",  # …等相关部门: a collective (issue 16)
            "各市、县（区）",
        ]
        assert measure(doc003, "14.2").units == ["自治区人力资源社会保障厅", "自治区政府相关部门"]

    def test_latest_of_several_dates(self, doc003: ParsedDocument) -> None:
        item = measure(doc003, "13.6")
        assert item.deadline == date(2020, 10, 31)
        assert [m.date for m in item.milestones] == [date(2020, 6, 30), date(2020, 10, 31)]
