"""Small documents written for the tests, one per document style (tests/fixtures/policy)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from importers.policy import ParsedDocument, ParsedMeasure, parse_file

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "policy"


def parse(name: str) -> ParsedDocument:
    return parse_file(FIXTURES / name)[0]


def by_code(document: ParsedDocument) -> dict[str, ParsedMeasure]:
    return {m.code: m for m in document.measures}


class TestStraightNumberingWithResponsibilityClauses:
    """一、 / （一）（X牵头） / 1.–8. with （责任单位：…。完成时限：…）, split like a PDF."""

    @pytest.fixture(scope="class")
    @classmethod
    def document(cls) -> ParsedDocument:
        return parse("straight_responsibility.txt")

    def test_metadata(self, document: ParsedDocument) -> None:
        assert document.doc_number == "甘政办发〔2022〕15号"  # written 甘政办发[2022]15 号
        assert document.title == "甘肃省人民政府办公厅关于印发进一步优化营商环境若干措施的通知"
        assert document.issuer == "甘肃省人民政府办公厅"
        assert document.issued_on == date(2022, 3, 8)

    def test_structure(self, document: ParsedDocument) -> None:
        assert [m.code for m in document.measures] == [str(n) for n in range(1, 9)]
        assert [(p.number, p.title, len(p.sections)) for p in document.parts] == [
            (1, "提升政务服务效能", 2),
            (2, "加强公正监管", 1),
            (3, "强化组织保障", 0),
        ]
        assert document.sections[2].lead_units == ["省市场监管局", "省发展改革委"]

    def test_province_prefix_and_collective(self, document: ParsedDocument) -> None:
        first = by_code(document)["1"]
        assert first.units == ["省政府办公厅", "省发展改革委", "省市场监管局", "各市、州人民政府"]
        assert first.lead_units == ["省政府办公厅"]
        assert (first.deadline, first.deadline_text) == (date(2022, 6, 30), "2022年6月底")

    def test_quarter_half_year_and_day(self, document: ParsedDocument) -> None:
        measures = by_code(document)
        assert measures["2"].deadline == date(2022, 9, 30)
        assert "工程建设、不动产登记等领域应用" in measures["2"].text
        assert measures["3"].deadline == date(2022, 6, 30)
        assert measures["6"].deadline == date(2022, 12, 31)

    def test_standing_tasks(self, document: ParsedDocument) -> None:
        measures = by_code(document)
        for code, wording in (("4", "长期坚持"), ("5", "持续推进")):
            assert measures[code].standing
            assert measures[code].deadline is None
            assert measures[code].deadline_text == wording
        assert measures["5"].units == ["省市场监管局", "省市场监管领域相关部门", "各市、州人民政府"]

    def test_section_leads_named_by_the_measure(self, document: ParsedDocument) -> None:
        sixth = by_code(document)["6"]
        assert sixth.units == ["省发展改革委", "省市场监管局", "中国人民银行兰州中心支行"]
        assert sixth.lead_units == ["省发展改革委", "省市场监管局"]
        assert [(m.date, m.text) for m in sixth.milestones] == [
            (date(2022, 9, 30), "2022年9月底前出台信用修复办法")
        ]

    def test_standalone_names_and_unreadable_deadline(self, document: ParsedDocument) -> None:
        seventh = by_code(document)["7"]
        assert seventh.units == ["省知识产权局", "兰州海关", "兰州市人民政府", "天水市"]
        assert seventh.lead_units == ["省知识产权局"]
        assert seventh.deadline is None
        assert seventh.deadline_text == "尽快"
        assert not seventh.standing

    def test_warnings(self, document: ParsedDocument) -> None:
        assert [str(w.message) for w in document.warnings] == [
            "measure 7: cannot read deadline '尽快'",
            "measure 8 names no responsible unit",
        ]
        assert by_code(document)["8"].text.endswith("确保各项措施落地见效。")


class TestNumberingRestartsInEveryPart:
    """一、 parts with 1. restarting; （…按职责分工负责）; deadlines only in the text."""

    @pytest.fixture(scope="class")
    @classmethod
    def document(cls) -> ParsedDocument:
        return parse("restart_per_part.txt")

    def test_metadata(self, document: ParsedDocument) -> None:
        assert document.doc_number == "兰政发〔2021〕20号"  # written 兰政发（2021）20号
        assert document.issuer == "兰州市人民政府"
        assert document.issued_on == date(2021, 4, 2)

    def test_codes(self, document: ParsedDocument) -> None:
        codes = ["2.1", "2.2", "2.3", "3.1", "3.2", "4.1", "4.2", "4.3"]
        assert [m.code for m in document.measures] == codes
        assert [p.number for p in document.parts] == [2, 3, 4]  # 总体要求, 保障措施 are prose
        assert document.warnings == []

    def test_city_prefix(self, document: ParsedDocument) -> None:
        measures = by_code(document)
        assert measures["2.1"].units == ["市司法局", "市发展改革委", "市级相关部门", "各县、区"]
        assert measures["3.2"].units == ["市市场监管局", "市应急管理局", "市卫生健康委"]
        assert measures["4.2"].lead_units == ["市政府办公室"]
        assert measures["4.2"].units == ["市政府办公室", "各县、区人民政府"]

    def test_latest_dated_phrase_is_the_deadline(self, document: ParsedDocument) -> None:
        first = by_code(document)["2.1"]
        assert (first.deadline, first.deadline_text) == (date(2021, 12, 31), "2021年底前")
        assert [(m.date, m.text) for m in first.milestones] == [
            (date(2021, 6, 30), "2021年6月底前公布保留事项清单"),
            (date(2021, 12, 31), "2021年底前全面推行告知承诺制"),
        ]
        dated = by_code(document)["4.1"]
        assert (dated.deadline, dated.deadline_text) == (date(2021, 9, 30), "2021年9月30日前")

    def test_yearly_date_is_no_deadline(self, document: ParsedDocument) -> None:
        assert by_code(document)["2.3"].deadline is None
        assert by_code(document)["2.3"].milestones == []


class TestChineseNumberedMeasuresWithCooperation:
    """一、…十二、 measures with （A会同有关部门负责）, closing text after the last one."""

    @pytest.fixture(scope="class")
    @classmethod
    def document(cls) -> ParsedDocument:
        return parse("cn_numbered_cooperate.txt")

    def test_codes_and_metadata(self, document: ParsedDocument) -> None:
        assert [m.code for m in document.measures] == [str(n) for n in range(1, 13)]
        assert document.doc_number == "发改办体改〔2020〕301号"
        assert document.issuer == "国家发展改革委办公厅"
        assert document.issued_on == date(2020, 5, 20)
        assert document.warnings == []

    def test_cooperating_leads(self, document: ParsedDocument) -> None:
        measures = by_code(document)
        assert measures["1"].units == ["国家发展改革委", "有关部门"]
        assert measures["1"].lead_units == ["国家发展改革委"]
        assert measures["2"].lead_units == ["国家发展改革委", "最高人民法院"]
        assert measures["5"].lead_units == ["人力资源社会保障部", "财政部"]
        assert measures["4"].lead_units == ["国家发展改革委"]
        assert measures["4"].units == ["国家发展改革委", "商务部"]

    def test_collective_with_body(self, document: ParsedDocument) -> None:
        assert by_code(document)["12"].units == ["各省、自治区、直辖市发展改革委"]

    def test_deadlines_in_text(self, document: ParsedDocument) -> None:
        measures = by_code(document)
        assert measures["3"].deadline == date(2020, 12, 31)
        assert measures["7"].deadline == date(2020, 10, 31)
        assert measures["7"].deadline_text == "2020年10月31日前"
        assert measures["12"].deadline is None  # the closing paragraph's date is not its own


class TestParenthesizedMeasuresWithLeadAndCooperatingUnits:
    """（一）…（六） measures with （牵头单位：…；配合单位：…） and the ， variant."""

    @pytest.fixture(scope="class")
    @classmethod
    def document(cls) -> ParsedDocument:
        return parse("paren_measures.txt")

    def test_codes(self, document: ParsedDocument) -> None:
        assert [m.code for m in document.measures] == ["1", "2", "3", "4", "5", "6"]
        assert document.parts == []
        assert document.title == "银川市人民政府办公室关于进一步激发市场主体活力的若干措施"

    def test_semicolon_variant(self, document: ParsedDocument) -> None:
        first = by_code(document)["1"]
        assert first.lead_units == ["市审批服务管理局"]
        assert first.units == [
            "市审批服务管理局",
            "市发展改革委",
            "市自然资源局",
            "各县（市）区人民政府",
        ]

    def test_comma_variant(self, document: ParsedDocument) -> None:
        second = by_code(document)["2"]
        assert second.lead_units == ["市自然资源局"]
        assert second.units == ["市自然资源局", "市住房城乡建设局", "市城市管理局"]
        assert second.deadline == date(2022, 10, 31)

    def test_two_leads(self, document: ParsedDocument) -> None:
        third = by_code(document)["3"]
        assert third.lead_units == ["市地方金融监管局", "人民银行银川中心支行"]
        assert third.units == ["市地方金融监管局", "人民银行银川中心支行", "宁夏银保监局"]

    def test_standing_and_unassigned(self, document: ParsedDocument) -> None:
        measures = by_code(document)
        assert measures["5"].standing and measures["5"].deadline_text == "长期坚持"
        assert measures["6"].unassigned
        assert [str(w.message) for w in document.warnings] == [
            "measure 6 names no responsible unit"
        ]


def test_gb18030_text() -> None:
    raw = (FIXTURES / "gb18030.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    document = parse("gb18030.txt")
    assert document.doc_number == "宁发改数字〔2023〕7号"
    assert document.issuer == "宁夏回族自治区发展改革委"
    assert [m.code for m in document.measures] == ["1", "2", "3"]
    assert document.measures[0].units == [
        "自治区通信管理局",
        "自治区工业和信息化厅",
        "各市、县（区）",
    ]
    assert document.measures[1].units == ["自治区发展改革委", "自治区网信办", "中卫市人民政府"]
    assert document.measures[1].deadline == date(2023, 6, 30)
    assert document.measures[2].standing


def test_task_table_docx() -> None:
    document = parse("task_table.docx")
    assert document.doc_number == "石政办发〔2022〕12号"
    assert document.issued_on == date(2022, 3, 1)
    assert [(p.number, p.title) for p in document.parts] == [
        (1, "优化政务服务"),
        (2, "优化市场环境"),
    ]
    measures = by_code(document)
    assert list(measures) == ["1", "2", "3", "4", "5"]
    assert measures["1"].title == "推行“一件事一次办”"
    assert measures["1"].lead_units == ["市审批服务管理局"]
    assert measures["1"].units == ["市审批服务管理局", "市发展改革委", "市司法局", "各县区人民政府"]
    assert measures["1"].deadline == date(2022, 6, 30)
    assert measures["2"].units == ["市政府办公室"] and measures["2"].standing
    assert measures["3"].lead_units == ["市市场监管局", "市发展改革委"]
    assert measures["3"].deadline == date(2022, 12, 31)
    assert measures["4"].lead_units == ["市住房城乡建设局"]  # no lead column value: first unit
    assert measures["4"].units == ["市住房城乡建设局", "市自然资源局"]
    assert measures["5"].lead_units == ["国网石嘴山供电公司"]
    assert measures["5"].part == "优化市场环境"
    assert document.warnings == []


@pytest.mark.parametrize("name", ["paragraphs.docx", "paragraphs.pdf"])
def test_word_and_pdf_read_like_the_text(name: str) -> None:
    expected = parse("straight_responsibility.txt")
    document = parse(name)
    assert document.doc_number == expected.doc_number
    assert document.title == expected.title
    assert document.issued_on == expected.issued_on
    assert [m.code for m in document.measures] == [m.code for m in expected.measures]
    for got, want in zip(document.measures, expected.measures, strict=True):
        assert got.units == want.units
        assert got.lead_units == want.lead_units
        assert got.deadline == want.deadline
        assert got.standing == want.standing
    assert [w.message for w in document.warnings] == [w.message for w in expected.warnings]
