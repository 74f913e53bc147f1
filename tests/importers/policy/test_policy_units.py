"""Unit lists and responsibility clauses: prefixes, filler, collectives, leads, aliases."""

from __future__ import annotations

import pytest

from importers.policy import canonical_unit, split_units
from importers.policy.clauses import find_clauses, read_clause, states_first_listed_leads
from importers.policy.units import is_collective


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("自治区市场监管厅、公安厅", ["自治区市场监管厅", "自治区公安厅"]),
        (
            "自治区地方金融监管局、水利厅，林草局",
            ["自治区地方金融监管局", "自治区水利厅", "自治区林草局"],
        ),
        ("省发展改革委、财政厅", ["省发展改革委", "省财政厅"]),
        ("市发展改革委、市场监管局", ["市发展改革委", "市市场监管局"]),
        ("州民政局、教育局", ["州民政局", "州教育局"]),
        ("县人社局、财政局", ["县人社局", "县财政局"]),
        ("银川市发展改革委、财政局", ["银川市发展改革委", "银川市财政局"]),
        ("市场监管总局、海关总署", ["市场监管总局", "海关总署"]),
        ("国家发展改革委、财政部", ["国家发展改革委", "财政部"]),
        ("自治区商务厅、宁夏税务局、甘肃省税务局", ["自治区商务厅", "宁夏税务局", "甘肃省税务局"]),
        ("自治区商务厅、银川海关", ["自治区商务厅", "银川海关"]),
        ("自治区财政厅，银川市人民政府、石嘴山市", ["自治区财政厅", "银川市人民政府", "石嘴山市"]),
        ("自治区财政厅、人民银行银川中心支行", ["自治区财政厅", "人民银行银川中心支行"]),
        ("自治区科技厅、宁夏科技金融集团公司", ["自治区科技厅", "宁夏科技金融集团公司"]),
        ("自治区政府办公厅、政务服务中心", ["自治区政府办公厅", "政务服务中心"]),
        # A regulator's branch names its own place; a bank's place is lent to nobody.
        (
            "市金融工作局、人行洛阳市中心支行；洛阳银保监分局",
            ["市金融工作局", "人行洛阳市中心支行", "洛阳银保监分局"],
        ),
        ("人行洛阳市中心支行、财政局", ["人行洛阳市中心支行", "财政局"]),
        (
            "市财政局、人民银行淄博市中心支行、税务局",
            ["市财政局", "人民银行淄博市中心支行", "市税务局"],
        ),
        ("市委宣传部、团市委、市妇联", ["市委宣传部", "团市委", "市妇联"]),
        ("区市场监管局、公安分局", ["区市场监管局", "区公安分局"]),
    ],
)
def test_level_prefix_carries_over_a_list(text: str, units: list[str]) -> None:
    assert split_units(text) == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("各市、县〔区〕", ["各市、县（区）"]),
        ("各市、县(区)", ["各市、县（区）"]),
        ("各市、县（区）人民政府", ["各市、县（区）人民政府"]),
        ("各省、自治区、直辖市人民政府", ["各省、自治区、直辖市人民政府"]),
        ("各县（市、区）", ["各县（市、区）"]),
        ("自治区公安厅，各市、县〔区〕", ["自治区公安厅", "各市、县（区）"]),
        ("自治区市场监管厅及各市、县〔区〕按职责分工", ["自治区市场监管厅", "各市、县（区）"]),
    ],
)
def test_collective_units_stay_whole(text: str, units: list[str]) -> None:
    assert split_units(text) == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("海关总署、商务部等", ["海关总署", "商务部"]),
        ("民政部等部门", ["民政部"]),  # 等部门 names nobody
        ("自治区财政厅等有关方面", ["自治区财政厅"]),
        # A ministry's 有关司局 / a bureau's 相关处室 is a collective, as 有关部门 is.
        ("法改司会同有关司局负责", ["法改司", "有关司局"]),
        ("办公室、相关处室、各相关司局", ["办公室", "相关处室", "各相关司局"]),
        ("自治区财政厅、财政厅", ["自治区财政厅"]),
        ("", []),
        ("，、；", []),
    ],
)
def test_filler_is_dropped(text: str, units: list[str]) -> None:
    assert split_units(text) == units


@pytest.mark.parametrize(
    ("text", "units"),
    [
        (
            "自治区市场监管厅、卫生健康委、药监局等有关部门",
            ["自治区市场监管厅", "自治区卫生健康委", "自治区药监局", "自治区有关部门"],
        ),
        (
            "自治区市场监管厅等市场监管领域相关部门",
            ["自治区市场监管厅", "自治区市场监管领域相关部门"],
        ),
        (
            "自治区发展改革委、商务厅等自治区政府相关部门及各市、县〔区〕",
            ["自治区发展改革委", "自治区商务厅", "自治区政府相关部门", "各市、县（区）"],
        ),
        ("自治区政府办公厅等相关部门", ["自治区政府办公厅", "自治区相关部门"]),
        ("海关总署、商务部等有关部门", ["海关总署", "商务部", "有关部门"]),
        ("市商务局等有关单位", ["市商务局", "市有关单位"]),
        ("和自治区财政厅、有关部门", ["自治区财政厅", "自治区有关部门"]),
        ("市级各有关部门及各县市区政府", ["市级各有关部门", "各县市区政府"]),
        ("州直相关单位、其他有关部门、各部门", ["州直相关单位", "州有关部门", "各部门"]),
        ("国家发展改革委会同有关部门负责", ["国家发展改革委", "有关部门"]),
        ("教育部会同其他有关部门", ["教育部", "有关部门"]),
        (
            "省交通运输厅、水利厅等省有关部门和各地级以上市人民政府",
            ["省交通运输厅", "省水利厅", "省有关部门", "各地级以上市人民政府"],
        ),
    ],
)
def test_the_others_are_a_collective_never_dropped(text: str, units: list[str]) -> None:
    """``等有关部门`` / ``会同有关部门`` / ``相关单位``: a collective unit (issue 16), its
    level the list's (自治区有关部门)."""
    assert split_units(text) == units


@pytest.mark.parametrize(
    ("name", "collective"),
    [
        *((name, True) for name in ("有关部门", "自治区有关部门", "市有关单位", "省有关部门")),
        *((name, True) for name in ("自治区政府相关部门", "自治区市场监管领域相关部门")),
        *((name, False) for name in ("自治区财政厅", "市场监管总局", "省大数据局")),
    ],
)
def test_the_others_are_of_kind_collective(name: str, collective: bool) -> None:
    assert is_collective(name) is collective


class TestCanonicalUnit:
    def test_builtin_aliases(self) -> None:
        assert canonical_unit("自治区高级人民法院") == "自治区高级法院"
        assert canonical_unit("自治区人民检察院") == "自治区检察院"
        assert canonical_unit("省发改委") == "省发展改革委"
        assert canonical_unit("国家税务总局宁夏回族自治区税务局") == "宁夏税务局"

    def test_office_aliases_win(self) -> None:
        aliases = {"自治区高级法院": "高院", "区医保局": "自治区医疗保障局"}
        assert canonical_unit("自治区高级法院", aliases) == "高院"
        assert canonical_unit("区医保局", aliases) == "自治区医疗保障局"
        assert split_units("自治区财政厅、医保局", {"自治区医保局": "自治区医疗保障局"}) == [
            "自治区财政厅",
            "自治区医疗保障局",
        ]

    def test_normalizes_spelling(self) -> None:
        assert canonical_unit(" 各市、县〔区〕 ") == "各市、县（区）"
        assert canonical_unit("自治区 财政厅") == "自治区财政厅"
        assert canonical_unit("自治区财政厅等") == "自治区财政厅"
        assert canonical_unit("及自治区财政厅负责") == "自治区财政厅"

    @pytest.mark.parametrize(
        "name", ["自治区高级法院", "各市、县（区）", "宁夏税务局", "国务院办公厅"]
    )
    def test_canonical_names_are_fixed_points(self, name: str) -> None:
        assert canonical_unit(name) == name


class TestClauses:
    def one(self, text: str) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
        (clause,) = find_clauses(text)
        return clause.units, clause.leads, clause.deadline_text

    def test_responsibility_and_deadline(self) -> None:
        units, leads, deadline = self.one(
            "x。（责任单位：自治区财政厅、公安厅，各市、县〔区〕。完成时限：2021 年底）"
        )
        assert units == ("自治区财政厅", "自治区公安厅", "各市、县（区）")
        assert leads == ()
        assert deadline == "2021年底"

    def test_lead_and_cooperating_units(self) -> None:
        for separator in ("；", "，"):
            text = f"（牵头单位：省发展改革委{separator}配合单位：财政厅、自然资源厅）"
            assert self.one(text)[:2] == (
                ("省发展改革委", "省财政厅", "省自然资源厅"),
                ("省发展改革委",),
            )

    def test_lead_verb(self) -> None:
        assert self.one("（省发改委牵头，省财政厅配合）")[:2] == (
            ("省发展改革委", "省财政厅"),
            ("省发展改革委",),
        )
        assert self.one("（自治区住房城乡建设厅、国网宁夏电力公司分别牵头）")[1] == (
            "自治区住房城乡建设厅",
            "国网宁夏电力公司",
        )

    def test_each_answers_for_its_part(self) -> None:
        """``分工负责`` (按职责, 分头, 分别): no lead stated, each unit has its part; the
        document decides who leads (``test_policy_parser``); a stated lead still wins."""
        for words in ("分工负责", "按职责分工负责", "分头负责", "按职责负责"):
            (clause,) = find_clauses(f"（省工业和信息化厅、省农业农村厅、省海洋局{words}）")
            assert (clause.leads, clause.each) == ((), True), words
        (plain,) = find_clauses("（省工业和信息化厅、省农业农村厅负责）")
        assert (plain.leads, plain.each) == ((), False)
        (led,) = find_clauses("（省委编办牵头，各有关部门、各市政府分工负责）")
        assert (led.leads, led.each) == (("省委编办",), False)
        (helped,) = find_clauses("（省委网信办、省大数据局分工负责，各部门、各市政府配合）")
        assert (helped.leads, helped.each) == (("省委网信办", "省大数据局"), False)
        (others,) = find_clauses("（A厅、B局等有关部门负责，C局配合）")
        assert others.units == ("A厅", "B局", "有关部门", "C局")
        assert others.leads == ("A厅", "B局")  # the collective beside them helps

    def test_cooperating_with(self) -> None:
        assert self.one("（国家发展改革委、财政部会同有关部门负责）")[:2] == (
            ("国家发展改革委", "财政部", "有关部门"),
            ("国家发展改革委", "财政部"),
        )
        assert self.one("（教育部会同人力资源社会保障部负责）")[:2] == (
            ("教育部", "人力资源社会保障部"),
            ("教育部",),
        )

    def test_remark_after_responsible(self) -> None:
        (clause,) = find_clauses(
            "（税务总局、财政部、海关总署负责，排在第一位的部门为牵头部门，下同）"
        )
        assert clause.units == ("税务总局", "财政部", "海关总署")
        assert clause.first_listed

    def test_brackets_that_are_no_clause(self) -> None:
        text = "政府投资项目工程进度款（含预付款）支付（企业直接向国家发展改革委申报，不需省级发展改革部门转报）"
        assert find_clauses(text) == []

    def test_unlabelled_deadline_closing_the_clause(self) -> None:
        units, leads, deadline = self.one(
            "（牵头单位：州行政审批服务局；责任单位：州司法局、州委编办及州直相关单位，"
            "各县市人民政府、湘西经开区管委会，6月底完成）"
        )
        assert units == (
            "州行政审批服务局",
            "州司法局",
            "州委编办",
            "州直相关单位",
            "各县市人民政府",
            "湘西经开区管委会",
        )
        assert leads == ("州行政审批服务局",)
        assert deadline == "6月底完成"
        assert self.one("（省财政厅负责，长期坚持）") == (("省财政厅",), (), "长期坚持")

    def test_ascii_punctuation(self) -> None:
        units, _, _ = self.one(
            "（责任单位:市行政审批局、住建局,各市（区）人民政府,医药高新区管委会）"
        )
        assert units == ("市行政审批局", "市住建局", "各市（区）人民政府", "医药高新区管委会")

    def test_only_deadline_key(self) -> None:
        clause = read_clause("完成时限：长期坚持")
        assert clause.units == ()
        assert clause.deadline_text == "长期坚持"

    @pytest.mark.parametrize(
        "text",
        [
            "排在第一位的部门为牵头部门",
            "排在首位的单位为牵头单位",
            "列第一位的为牵头部门",
            "排第一的部门是牵头单位",
        ],
    )
    def test_first_listed_statement(self, text: str) -> None:
        assert states_first_listed_leads(text)
