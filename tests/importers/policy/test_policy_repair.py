"""Normalizing lines and rebuilding paragraphs split by page breaks; numbering markers."""

from __future__ import annotations

import pytest

from importers.policy.markers import Style, chinese_number, read_marker
from importers.policy.repair import repair_lines
from importers.policy.textnorm import normalize_line


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("2021 年 6 月底", "2021年6月底"),
        ("(三) 优化水、电 (自治区住建厅牵头)", "（三）优化水、电（自治区住建厅牵头）"),
        ("完成时限：2021 年底)", "完成时限：2021年底）"),
        ("企业开办 0.5 个工作日", "企业开办0.5个工作日"),
        ("达 95% 以上", "达95%以上"),
        ("1. 推进企业开办", "1.推进企业开办"),
        ("政务 APP 扩能", "政务 APP 扩能"),
        ("科研机构 and 人员", "科研机构 and 人员"),
        ("宁政办发[2021]13 号", "宁政办发〔2021〕13号"),
        ("国发（2019）3号", "国发〔2019〕3号"),
        ("国发﹝2019﹞3号", "国发〔2019〕3号"),
        ("《政府核准的投资项目目录（2016 年本）》", "《政府核准的投资项目目录（2016年本）》"),
        ("２０２１年底", "2021年底"),
        ("  \u3000改革 协调小组\u3000 ", "改革协调小组"),
    ],
)
def test_normalize_line(raw: str, normalized: str) -> None:
    assert normalize_line(raw) == normalized
    assert normalize_line(normalized) == normalized


@pytest.mark.parametrize(
    ("line", "style", "number"),
    [
        ("一、营造公平竞争市场环境", Style.CN, 1),
        ("二十一、对落实", Style.CN, 21),
        ("（三）优化", Style.CN_PAREN, 3),
        ("10.加强金融监管", Style.ARABIC, 10),
        ("1．推进", Style.ARABIC, 1),
        ("3、清理", Style.ARABIC, 3),
        ("（2）建立", Style.ARABIC_PAREN, 2),
        ("2）建立", Style.ARABIC_PAREN, 2),
        ("③推进", Style.CIRCLED, 3),
    ],
)
def test_markers(line: str, style: Style, number: int) -> None:
    marker = read_marker(line)
    assert marker is not None
    assert (marker.style, marker.number) == (style, number)


@pytest.mark.parametrize(
    "line", ["1.5个工作日", "2021年底", "0.推进", "（含预付款）", "统一、规范", "一照通行"]
)
def test_not_markers(line: str) -> None:
    assert read_marker(line) is None


def test_chinese_numbers() -> None:
    assert [
        chinese_number(t) for t in ("一", "十", "十五", "二十", "三十一", "一百零五", "二〇二一")
    ] == [
        1,
        10,
        15,
        20,
        31,
        105,
        2021,
    ]
    assert chinese_number("甲") is None


def texts(lines: list[str]) -> list[str]:
    return [p.text for p in repair_lines(lines)]


class TestRepair:
    def test_sentence_split_by_page_break(self) -> None:
        lines = [
            "1. 推进企业开办。实现电子营业执照全区互认、一",
            "",
            "照通行。（责任单位：自治区市场监管厅）",
            "",
            "2. 下一项。",
        ]
        assert texts(lines) == [
            "1.推进企业开办。实现电子营业执照全区互认、一照通行。（责任单位：自治区市场监管厅）",
            "2.下一项。",
        ]

    def test_bracket_split_after_full_stop(self) -> None:
        lines = [
            "10. 加强。（责任单位：自治区财政厅，各市、县〔区〕。",
            "",
            "完成时限：2021 年底)",
            "",
            "11. 下一项。",
        ]
        assert (
            texts(lines)[0]
            == "10.加强。（责任单位：自治区财政厅，各市、县〔区〕。完成时限：2021年底）"
        )

    def test_quote_split(self) -> None:
        assert texts(["41. 公布“全程网办”“最多跑", "", "一次”清单。"]) == [
            "41.公布“全程网办”“最多跑一次”清单。"
        ]

    def test_number_inside_text_is_no_new_item(self) -> None:
        lines = [
            "12. 压缩报装时间。办结时限分别不超过",
            "",
            "10、10、20 个工作日。（国网负责）",
            "13. 下一项。",
        ]
        assert texts(lines) == [
            "12.压缩报装时间。办结时限分别不超过10、10、20个工作日。（国网负责）",
            "13.下一项。",
        ]

    def test_numbering_in_sequence_opens_an_item(self) -> None:
        lines = ["一、总体要求", "1. 第一项（甲负责）", "2. 第二项没有句号", "3. 第三项"]
        assert texts(lines) == [
            "一、总体要求",
            "1.第一项（甲负责）",
            "2.第二项没有句号",
            "3.第三项",
        ]

    def test_restart_after_a_heading(self) -> None:
        lines = ["二、提升审批便利度", "", "1.深化改革。", "三、优化服务", "1.优化。"]
        assert texts(lines) == ["二、提升审批便利度", "1.深化改革。", "三、优化服务", "1.优化。"]

    @pytest.mark.parametrize(
        ("first", "second"),
        [
            ("1", "0.加强监管。"),
            ("10", ".加强监管。"),
            ("10.", "加强监管。"),
            ("10", ". 加强监管。"),
        ],
    )
    def test_marker_cut_off_its_line(self, first: str, second: str) -> None:
        lines = ["（二）提升融资便利度", first, "", second, "11.下一项。"]
        assert texts(lines) == ["（二）提升融资便利度", "10.加强监管。", "11.下一项。"]

    @pytest.mark.parametrize(
        ("first", "second"),
        [("（", "三）优化服务"), ("（三", "）优化服务"), ("（三）", "优化服务")],
    )
    def test_section_marker_cut_off_its_line(self, first: str, second: str) -> None:
        assert texts(["二、营造政务环境", first, second]) == ["二、营造政务环境", "（三）优化服务"]

    @pytest.mark.parametrize(
        "page", ["- 3 -", "—3—", "－ 12 －", "第3页 共10页", "第 3 页", "3/10"]
    )
    def test_page_numbers_are_dropped(self, page: str) -> None:
        lines = [
            "15.增强供电可靠性。银川市中心区、市区、",
            "",
            page,
            "",
            "城镇用户年均停电时间压减。",
        ]
        assert texts(lines) == ["15.增强供电可靠性。银川市中心区、市区、城镇用户年均停电时间压减。"]

    def test_bracketed_number_split_from_its_bracket(self) -> None:
        lines = ["（1）推进改革，详见附件（附件", "1）所列清单。", "（2）下一项。"]
        assert texts(lines) == ["（1）推进改革，详见附件（附件1）所列清单。", "（2）下一项。"]

    def test_heading_split_by_page_break(self) -> None:
        assert texts(["（一）深化商事制度改革", "", "（自治区市场监管厅牵头）"]) == [
            "（一）深化商事制度改革（自治区市场监管厅牵头）"
        ]

    def test_preamble_lines_stay_apart(self) -> None:
        lines = [
            "国务院关于促进综合保税区",
            "高水平开放高质量发展的若干意见",
            "国发〔2019〕3号",
            "",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            "现提出以下意见：",
            "国务院",
            "2019年1月12日",
            "（此件公开发布）",
            "自治区持续优化营商环境若干措施",
            "为深入贯彻党中央决策部署，特制定如下若干措施。",
        ]
        assert texts(lines) == [
            "国务院关于促进综合保税区高水平开放高质量发展的若干意见",
            "国发〔2019〕3号",
            "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
            "现提出以下意见：",
            "国务院",
            "2019年1月12日",
            "（此件公开发布）",
            "自治区持续优化营商环境若干措施",
            "为深入贯彻党中央决策部署，特制定如下若干措施。",
        ]

    def test_heading_then_prose(self) -> None:
        prose = "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的十九大精神，坚持稳中求进工作总基调。"
        assert texts(["一、指导思想", prose]) == ["一、指导思想", prose]

    def test_source_lines_are_kept(self) -> None:
        paragraphs = repair_lines(["", "标题", "", "1. 甲，", "", "乙。", "2. 丙。"])
        assert [(p.line, p.text) for p in paragraphs] == [
            (2, "标题"),
            (4, "1.甲，乙。"),
            (7, "2.丙。"),
        ]


def test_a_sentence_under_a_short_heading_is_its_own_paragraph() -> None:
    paragraphs = repair_lines(
        [
            "二、重点任务",
            "以下各项任务均需各区落实，不再列出。",
            "三、关于进一步加强",
            "数字政府建设",
        ]
    )
    assert [p.text for p in paragraphs] == [
        "二、重点任务",
        "以下各项任务均需各区落实，不再列出。",
        "三、关于进一步加强数字政府建设",
    ]


def test_an_item_starting_inside_a_continued_line_is_split_off() -> None:
    """A PDF's line may close one item's bracket and open the next: ``（A负责）4.乙…``."""
    paragraphs = repair_lines(
        ["3.完善甲。建立甲机制。", "（省发展改革委负责）4.加大乙。落实乙政", "策（省财政厅负责）。"]
    )
    assert [p.text for p in paragraphs] == [
        "3.完善甲。建立甲机制。",
        "（省发展改革委负责）",  # the item reader joins it to 3, which it closes
        "4.加大乙。落实乙政策（省财政厅负责）。",
    ]
