"""Every corpus document read into tasks: a sample of at least ten tasks each.

The expected values were written from reading the documents in ../shared/corpus
(what a clerk turning each into a 任务分工 ledger would type), not from the
parser's output.  Lead units come first in ``units``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, ClassVar

import pytest

from importers.policy import ParsedDocument, ParsedMeasure, ParsedTask, parse_text

pytestmark = pytest.mark.needs_shared

Roles = tuple[list[str], list[str]]
"""(lead units, all units)"""


def read(shared_dir: Path, prefix: str) -> ParsedDocument:
    path = next((shared_dir / "corpus").glob(f"{prefix}_*.txt"))
    return parse_text(path.read_text(encoding="utf-8"))


def measure(document: ParsedDocument, code: str) -> ParsedMeasure:
    return next(m for m in document.measures if m.code == code)


def roles(task: ParsedTask | ParsedMeasure) -> Roles:
    return task.lead_units, task.units


def task(document: ParsedDocument, code: str, index: int = 0) -> ParsedTask:
    return measure(document, code).tasks[index]


@pytest.fixture(scope="module")
def doc01(shared_dir: Path) -> ParsedDocument:
    return read(shared_dir, "01")


@pytest.fixture(scope="module")
def doc02(shared_dir: Path) -> ParsedDocument:
    return read(shared_dir, "02")


@pytest.fixture(scope="module")
def doc03(shared_dir: Path) -> ParsedDocument:
    return read(shared_dir, "03")


@pytest.fixture(scope="module")
def doc04(shared_dir: Path) -> ParsedDocument:
    return read(shared_dir, "04")


@pytest.fixture(scope="module")
def doc05(shared_dir: Path) -> ParsedDocument:
    return read(shared_dir, "05")


@pytest.fixture(scope="module")
def doc06(shared_dir: Path) -> ParsedDocument:
    return read(shared_dir, "06")


@pytest.fixture(scope="module")
def doc07(shared_dir: Path) -> ParsedDocument:
    return read(shared_dir, "07")


class TestDoc01FirstListedLeads:
    """国发〔2019〕3号: one bracket per measure, 排在第一位的部门为牵头部门."""

    EXPECTED: ClassVar[dict[str, Any]] = {
        "1": (["税务总局"], ["税务总局", "财政部", "海关总署"]),
        "2": (["海关总署"], ["海关总署", "财政部", "税务总局"]),
        "3": (["海关总署"], ["海关总署", "商务部"]),
        "4": (["商务部"], ["商务部", "海关总署"]),
        "5": (["海关总署"], ["海关总署"]),
        # （海关总署、商务部等有关部门负责）: the others are a collective, helping (line 24).
        "6": (["海关总署"], ["海关总署", "商务部", "有关部门"]),
        "7": (["发展改革委"], ["发展改革委", "科技部", "海关总署"]),
        "8": (["市场监管总局"], ["市场监管总局", "海关总署"]),
        "9": (["药监局"], ["药监局", "海关总署"]),
        "12": (["发展改革委"], ["发展改革委", "海关总署"]),
        "13": (["海关总署"], ["海关总署", "文化和旅游部", "文物局"]),
        "14": (["商务部"], ["商务部", "工业和信息化部", "生态环境部", "海关总署"]),
        "18": (["商务部"], ["商务部", "海关总署", "有关部门"]),  # line 39
        "20": (["海关总署"], ["海关总署", "证监会"]),
        "21": (["海关总署"], ["海关总署", "商务部", "有关部门"]),  # line 42
    }

    def test_tasks(self, doc01: ParsedDocument) -> None:
        assert len(doc01.measures) == 21
        assert all(len(m.tasks) == 1 for m in doc01.measures)
        for code, expected in self.EXPECTED.items():
            assert roles(task(doc01, code)) == expected, code
            assert task(doc01, code).deadline is None

    def test_task_text_is_the_measure_without_its_bracket(self, doc01: ParsedDocument) -> None:
        assert task(doc01, "5").text == (
            "强化企业市场主体地位。简化海关业务核准手续，支持综合保税区内企业自主备案、"
            "合理自定核销周期、自主核报、自主补缴税款"
        )


class TestDoc02CooperatingLeads:
    """国办发〔2018〕117号: 一、…三十、, （A、B负责） and （A会同有关部门负责）."""

    EXPECTED: ClassVar[dict[str, Any]] = {
        "1": (["市场监管总局"], ["市场监管总局"]),
        "2": (["商务部"], ["商务部"]),
        "3": (["国家发展改革委"], ["国家发展改革委"]),
        "5": (["财政部"], ["财政部"]),
        "6": (["交通运输部"], ["交通运输部", "财政部"]),
        "7": (["水利部"], ["水利部", "国家发展改革委"]),
        "8": (["人民银行"], ["人民银行", "银保监会", "证监会"]),
        # （A会同有关部门负责）: A leads, 有关部门 (a collective) helps (lines 22–26).
        "16": (["国家发展改革委"], ["国家发展改革委", "有关部门"]),
        "17": (["国家发展改革委"], ["国家发展改革委", "有关部门"]),
        "18": (["国家发展改革委", "财政部"], ["国家发展改革委", "财政部", "有关部门"]),
        "20": (["教育部"], ["教育部", "有关部门"]),
        "24": (["住房城乡建设部"], ["住房城乡建设部", "国家发展改革委", "财政部"]),
        "30": (["国务院办公厅"], ["国务院办公厅"]),
    }

    def test_tasks(self, doc02: ParsedDocument) -> None:
        assert len(doc02.measures) == 30
        for code, expected in self.EXPECTED.items():
            assert len(measure(doc02, code).tasks) == 1, code
            assert roles(task(doc02, code)) == expected, code


class TestDoc03SeveralBrackets:
    """鲁政办字〔2019〕45号: several brackets per measure, before the 。."""

    def test_measures(self, doc03: ParsedDocument) -> None:
        assert [m.code for m in doc03.measures] == [str(n) for n in range(1, 22)]
        assert [len(m.tasks) for m in doc03.measures] == [
            *(5, 1, 3, 1, 4, 1, 1, 5, 4, 1, 3),
            *(8, 11, 1, 1, 4, 1, 2, 3, 6, 2),
        ]
        assert doc03.warnings == []

    def test_measure_1_task_by_task(self, doc03: ParsedDocument) -> None:
        first = measure(doc03, "1")
        assert first.title == "推动政务服务数字化转型"
        assert [roles(t) for t in first.tasks] == [
            (
                ["省大数据局", "省政府办公厅"],
                ["省大数据局", "省政府办公厅", "各有关部门", "各市政府"],
            ),
            (["省政府办公厅"], ["省政府办公厅", "省大数据局", "各有关部门", "各市政府"]),
            (["省财政厅", "省大数据局"], ["省财政厅", "省大数据局", "各有关部门"]),
            (["省大数据局"], ["省大数据局", "各有关部门", "各市政府"]),
            (
                ["省大数据局", "省政府办公厅", "省公安厅"],
                ["省大数据局", "省政府办公厅", "省公安厅", "各有关部门", "各市政府"],
            ),
        ]
        assert first.tasks[0].text.startswith("整合面向社会服务的政务信息系统")
        assert first.tasks[0].text.endswith("初步形成全省统一的政务服务支撑体系")
        assert first.tasks[3].text.startswith("继续完善全省政务服务统一身份认证系统")
        assert first.tasks[3].text.endswith("实现电子证照互认互通")
        # The measure keeps the union of units and the first task's leads.
        assert first.lead_units == ["省大数据局", "省政府办公厅"]
        assert first.units == [
            "省大数据局",
            "省政府办公厅",
            "各有关部门",
            "各市政府",
            "省财政厅",
            "省公安厅",
        ]

    def test_other_tasks(self, doc03: ParsedDocument) -> None:
        four = ["省委办公厅", "省委组织部", "省委编办", "省政府办公厅"]
        assert roles(task(doc03, "3", 2)) == (four, [*four, "省大数据局"])
        assert roles(task(doc03, "5", 0)) == (["省大数据局"], ["省大数据局", "各有关部门"])
        assert roles(task(doc03, "8", 3)) == (["各有关部门"], ["各有关部门"])
        # （A、B、C分工负责）in a document that names its leads (…牵头，…配合) elsewhere:
        # each answers for its own part, none leads the others — all three lead (line 13).
        three = ["省工业和信息化厅", "省农业农村厅", "省海洋局"]
        assert roles(task(doc03, "10")) == (three, three)
        assert roles(task(doc03, "13", 3)) == (["省人力资源社会保障厅"], ["省人力资源社会保障厅"])
        assert roles(task(doc03, "13", 9)) == (
            ["济南市政府"],
            ["济南市政府", "省卫生健康委", "各有关部门"],
        )
        assert roles(task(doc03, "14")) == (
            ["省大数据局", "省委网信办"],
            [
                *("省大数据局", "省委网信办", "省发展改革委", "省住房城乡建设厅"),
                *("省有关部门", "各市政府"),  # …、省住房城乡建设厅等有关部门配合
            ],
        )
        assert roles(task(doc03, "15")) == (["各市政府"], ["各市政府"])
        assert roles(task(doc03, "16", 0)) == (["省大数据局"], ["省大数据局", "各部门", "各市政府"])
        six = ["省委网信办", "省公安厅", "省大数据局", "省保密局", "省密码管理局", "省通信管理局"]
        assert roles(task(doc03, "18", 0)) == (six, [*six, "各部门", "各市政府"])
        assert roles(task(doc03, "20", 1)) == (["省委网信办"], ["省委网信办", "省统计局"])
        assert roles(task(doc03, "20", 4)) == (
            ["省大数据局"],
            ["省大数据局", "省人力资源社会保障厅", "省科协"],
        )
        three = ["省委宣传部", "省委网信办", "省大数据局"]
        assert roles(task(doc03, "21", 0)) == (three, [*three, "各有关部门"])

    def test_year_end_is_the_year_of_issue(self, doc03: ParsedDocument) -> None:
        """``年底前，…`` / ``年内`` in a plan printed 2019年3月15日 (its 版记 line): 2019-12-31."""
        assert doc03.issued_on == date(2019, 3, 15)
        year_end = {("1", 1), ("2", 0), ("4", 0), ("7", 0), ("12", 1), ("15", 0), ("17", 0)}
        for m in doc03.measures:
            for index, t in enumerate(m.tasks):
                wanted = date(2019, 12, 31) if (m.code, index) in year_end else None
                assert t.deadline == wanted, (m.code, index)
        assert task(doc03, "12", 1).deadline_text == "年底前"


class TestDoc04GroupsAndCollectives:
    """青政办字〔2024〕21号: （责任单位：A，B、C，各区、市政府）; 保障措施 as （一）… measures."""

    EXPECTED: ClassVar[dict[str, Any]] = {
        "2.1.1": [
            "市工业和信息化局",
            "市大数据局",
            "市发展改革委",
            "市通信管理局",
            "青岛海洋科技中心",
        ],
        "2.2.2": ["市工业和信息化局", "市大数据局", "市科技局", "市相关行业主管部门", "市委网信办"],
        "2.3.3": ["市大数据局", "市工业和信息化局", "市委网信办"],
        "2.4.1": ["市发展改革委", "市工业和信息化局", "市科技局"],
        "2.6.1": ["崂山区政府", "市工业和信息化局"],
        "2.6.2": ["市工业和信息化局", "有关区、市政府"],
        "2.7.1": ["市工业和信息化局"],
        "2.7.8": [
            *("市城市管理局", "市应急局", "市大数据局", "市公安局", "市住房城乡建设局"),
            "市工业和信息化局",
        ],
        "3.1": ["市工业和信息化局", "专班成员单位", "各区、市政府"],
        "3.2": [
            *("市工业和信息化局", "市发展改革委", "市大数据局", "市委金融办", "市财政局"),
            "市相关行业主管部门",
        ],
        "3.3": ["市委组织部", "市人力资源社会保障局", "市教育局", "市工业和信息化局"],
        "3.4": ["市委宣传部", "市工业和信息化局", "市科技局", "市大数据局", "各区、市政府"],
    }

    def test_structure(self, doc04: ParsedDocument) -> None:
        assert len(doc04.measures) == 30
        assert [p.title for p in doc04.parts] == ["重点任务", "保障措施"]
        assert measure(doc04, "3.1").title == "健全工作机制"
        assert not any("创新能力" in m.title for m in doc04.measures)  # 总体要求 is prose

    def test_tasks(self, doc04: ParsedDocument) -> None:
        for code, units in self.EXPECTED.items():
            (only,) = measure(doc04, code).tasks
            assert roles(only) == (units[:1], units), code
            assert only.deadline is None


class TestDoc05TaskTable:
    """穗卫函〔2023〕1930号: 附件2 任务分工表, one row per sub-task; 附件1 indicators."""

    def test_measures_come_from_the_table(self, doc05: ParsedDocument) -> None:
        assert [m.code for m in doc05.measures] == [str(n) for n in range(1, 25)]
        assert measure(doc05, "1").title == "有序扩大家庭医生来源"
        assert measure(doc05, "22").title == "加强组织领导"
        assert not any("覆盖率" in m.title for m in doc05.measures)  # the indicator table
        assert doc05.warnings == []

    def test_rows_are_sub_tasks(self, doc05: ParsedDocument) -> None:
        assert [len(m.tasks) for m in doc05.measures] == [
            *(3, 1, 2, 1, 1, 4, 1, 1, 1, 1, 1, 1),
            *(1, 2, 1, 3, 2, 4, 1, 1, 1, 1, 3, 1),
        ]
        first = measure(doc05, "1")
        assert [roles(t) for t in first.tasks] == [
            (["各区政府"], ["各区政府", "市卫生健康委"]),
            (["各区政府"], ["各区政府", "市卫生健康委", "市人社局"]),
            (["各区政府"], ["各区政府", "市卫生健康委"]),
        ]
        assert first.tasks[1].text.startswith("根据服务人口、功能定位等因素")
        assert first.tasks[0].deadline == date(2025, 12, 31)  # 到2025年不低于4.66人
        assert first.tasks[1].deadline == date(2025, 12, 31)  # 力争2025年…不低于3.5人
        assert first.tasks[2].deadline is None
        assert task(doc05, "3", 1).deadline == date(2025, 12, 31)  # 到2025年，为各区…培育
        assert task(doc05, "6", 2).deadline == date(2025, 12, 31)  # 到2025年，全部…
        assert task(doc05, "8").deadline is None
        assert first.units == ["各区政府", "市卫生健康委", "市人社局"]
        assert first.lead_units == ["各区政府"]

    def test_more_rows(self, doc05: ParsedDocument) -> None:
        both = ["各区政府", "市卫生健康委"]
        assert [roles(t) for t in measure(doc05, "3").tasks] == [(both, both), (both, both)]
        assert [roles(t) for t in measure(doc05, "6").tasks] == [
            (["各区政府"], ["各区政府", "市卫生健康委", "市医保局"]),
            (both, [*both, "市医保局"]),
            (["市医保局", "市卫生健康委", "各区政府"], ["市医保局", "市卫生健康委", "各区政府"]),
            (["各区政府", "市医保局"], ["各区政府", "市医保局", "市卫生健康委"]),
        ]
        assert roles(task(doc05, "16", 1)) == (
            ["市卫生健康委", "市疾控中心", "各区政府"],
            ["市卫生健康委", "市疾控中心", "各区政府"],
        )
        assert roles(task(doc05, "18", 2)) == (["市卫生健康委"], ["市卫生健康委", "各区政府"])
        assert roles(task(doc05, "18", 3)) == (["各区政府"], ["各区政府"])
        assert roles(task(doc05, "20")) == (
            ["市人社局"],
            ["市人社局", "市卫生健康委", "各区政府"],
        )
        assert roles(task(doc05, "22")) == (["各区政府"], ["各区政府"])
        assert [roles(t) for t in measure(doc05, "23").tasks] == [
            (["市卫生健康委"], ["市卫生健康委", "各区政府"]),
            (["各区政府"], ["各区政府", "市卫生健康委"]),
            (["市卫生健康委"], ["市卫生健康委", "各区政府"]),
        ]


class TestDoc06GuidingDepartments:
    """国办发〔2018〕126号: 序号 | 改革举措 | 主要内容 | 指导部门 | 推广范围, with section rows."""

    EXPECTED: ClassVar[dict[str, Any]] = {
        "1": ["最高人民法院", "最高人民检察院", "国家知识产权局"],
        "2": ["最高人民法院", "国家知识产权局"],
        "3": ["国家知识产权局", "中国银保监会"],
        "6": [
            *("科技部", "国家发展改革委", "财政部", "国家知识产权局", "教育部"),
            *("国务院国资委", "中科院", "司法部"),
        ],
        "7": ["科技部"],
        "8": ["科技部", "国务院国资委"],
        "10": ["中国证监会"],
        "11": ["中国银保监会", "科技部", "中国人民银行"],
        "13": ["中国人民银行", "中国银保监会", "工业和信息化部", "国家知识产权局"],
        "21": ["教育部", "人力资源社会保障部"],
        "22": ["科技部", "财政部", "国务院国资委"],
        "23": ["国家发展改革委", "国务院国资委", "审计署"],
    }

    def test_structure(self, doc06: ParsedDocument) -> None:
        assert [m.code for m in doc06.measures] == [
            *(str(n) for n in range(1, 15)),
            *("21", "22", "23"),
        ]
        assert [(p.number, p.title) for p in doc06.parts] == [
            (1, "知识产权保护方面（共5项）"),
            (2, "科技成果转化激励方面（共4项）"),
            (3, "科技金融创新方面（共5项）"),
            (5, "管理体制创新方面（共3项）"),
        ]
        assert measure(doc06, "10").title == "区域性股权市场设置科技创新专板"
        assert [str(w.message) for w in doc06.warnings] == ["numbering gap before measure 21"]

    def test_guiding_departments_lead(self, doc06: ParsedDocument) -> None:
        for code, units in self.EXPECTED.items():
            (only,) = measure(doc06, code).tasks
            assert roles(only) == (units, units), code
            assert only.deadline is None


class TestDoc07LeadAndResponsible:
    """鲁政发〔2023〕11号: （牵头单位：A；责任单位：B、C）, 责任单位 supporting."""

    def test_structure(self, doc07: ParsedDocument) -> None:
        codes = [m.code for m in doc07.measures]
        assert codes[:10] == [f"2.{n}" for n in range(1, 11)]
        assert codes[10:13] == ["3.1.1", "3.1.2", "3.1.3"]
        assert codes[-4:] == ["4.1", "4.2", "4.3", "4.4"]
        assert len(codes) == 32
        assert [s.title for s in doc07.sections][:2] == [
            "聚力突破核心关键技术",
            "聚力优化产业发展布局",
        ]
        assert doc07.warnings == []

    def test_tasks(self, doc07: ParsedDocument) -> None:
        gxt = "省工业和信息化厅"
        expected: dict[str, Roles] = {
            "2.1": ([gxt], [gxt, "省发展改革委", "省科技厅"]),
            "2.6": ([gxt], [gxt]),
            "2.8": (
                [gxt],
                [
                    *(gxt, "省发展改革委", "省农业农村厅", "省商务厅", "省地方金融监管局"),
                    *("省大数据局", "中国人民银行山东省分行", "国家金融监督管理总局山东监管局"),
                ],
            ),
            "3.1.1": (["省科技厅"], ["省科技厅", "省发展改革委", gxt]),
            "3.1.2": (["省发展改革委", "省科技厅", gxt], ["省发展改革委", "省科技厅", gxt]),
            "3.1.3": ([gxt], [gxt, "省委办公厅", "省科技厅"]),
            "3.3.3": (["省发展改革委", gxt], ["省发展改革委", gxt, "省自然资源厅", "省生态环境厅"]),
            "3.4.3": (
                [gxt, "省大数据局", "省通信管理局"],
                [gxt, "省大数据局", "省通信管理局", "省发展改革委", "省财政厅"],
            ),
            "3.6.1": ([gxt, "省财政厅"], [gxt, "省财政厅"]),
            "4.2": (
                [gxt],
                [gxt, "省发展改革委", "省科技厅", "省财政厅", "省地方金融监管局", "省税务局"],
            ),
            "4.3": (["省委宣传部", gxt], ["省委宣传部", gxt]),
            "4.4": ([gxt], [gxt, "省委组织部", "省统计局"]),
        }
        for code, wanted in expected.items():
            (only,) = measure(doc07, code).tasks
            assert roles(only) == wanted, code

    def test_targets_by_a_year_are_deadlines(self, doc07: ParsedDocument) -> None:
        """``力争到2025年，…``: a clerk writes 2025年底 as the deadline."""
        assert task(doc07, "2.1").deadline == date(2025, 12, 31)
        assert task(doc07, "3.4.3").deadline == date(2025, 12, 31)
        assert task(doc07, "4.4").deadline is None
