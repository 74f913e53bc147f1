"""Issue 16 in small: sub-tasks, roles, collectives, tables in text, structure that is no task."""

from __future__ import annotations

from datetime import date

import pytest

from importers.policy import ParsedDocument, SourceTable, parse_lines, parse_text
from importers.policy.clauses import read_clause
from importers.policy.tables import find_columns
from importers.policy.text_tables import split_text_tables
from importers.policy.units import is_collective, split_units


def roles(document: ParsedDocument) -> list[list[tuple[list[str], list[str]]]]:
    return [[(t.lead_units, t.units) for t in m.tasks] for m in document.measures]


# -- sub-tasks -----------------------------------------------------------------------------
def test_one_task_per_bracket_with_its_own_text_and_deadline() -> None:
    document = parse_text(
        "一、任务\n"
        "1.推进甲。建设甲平台（省发展改革委牵头，省财政厅配合）。"
        "2025年底前完成乙（省科技厅负责）。另做丙。"
    )
    (measure,) = document.measures
    assert [(t.text, t.lead_units, t.units, t.deadline) for t in measure.tasks] == [
        ("建设甲平台", ["省发展改革委"], ["省发展改革委", "省财政厅"], None),
        ("2025年底前完成乙。另做丙", ["省科技厅"], ["省科技厅"], date(2025, 12, 31)),
    ]
    assert measure.units == ["省发展改革委", "省财政厅", "省科技厅"]
    assert measure.lead_units == ["省发展改革委"]
    assert measure.to_json()["tasks"][1]["deadline"] == "2025-12-31"


def test_brackets_restating_the_same_units_stay_one_task() -> None:
    document = parse_text(
        "1.推进甲。做甲（省财政厅牵头，省审计厅配合）。做乙（省财政厅牵头，省审计厅配合）。\n"
        "2.推进乙。做丙（省教育厅负责）。做丁（省教育厅负责）。做戊（省民政厅负责）。"
    )
    first, second = document.measures
    (only,) = first.tasks
    assert only.text == "推进甲。做甲。做乙"
    assert [t.text for t in second.tasks] == ["做丙。做丁", "做戊"]


# -- roles ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("clause", "leads", "units"),
    [
        ("省教育厅指导，各市政府落实", ["省教育厅"], ["省教育厅", "各市政府"]),
        ("省民政厅主办，省财政厅协办", ["省民政厅"], ["省民政厅", "省财政厅"]),
        (
            "省委办公厅、省委编办负责，省大数据局配合",
            ["省委办公厅", "省委编办"],
            ["省委办公厅", "省委编办", "省大数据局"],
        ),
        ("省大数据局牵头，各有关部门分头落实", ["省大数据局"], ["省大数据局", "各有关部门"]),
        (
            "牵头单位：省商务厅，配合单位：省公安厅、海关",
            ["省商务厅"],
            ["省商务厅", "省公安厅", "海关"],
        ),
        ("牵头单位:省商务厅。责任单位:省公安厅", ["省商务厅"], ["省商务厅", "省公安厅"]),
        (
            "责任单位：省财政厅、审计厅（牵头）、税务局",
            ["省审计厅"],
            ["省财政厅", "省审计厅", "省税务局"],
        ),
        (
            "省教育厅牵头，省民政厅、各市政府按职责分工负责",
            ["省教育厅"],
            ["省教育厅", "省民政厅", "各市政府"],
        ),
        (
            "省科技厅、省财政厅分工负责，各市政府参与",
            ["省科技厅", "省财政厅"],
            ["省科技厅", "省财政厅", "各市政府"],
        ),
    ],
)
def test_roles_from_the_words(clause: str, leads: list[str], units: list[str]) -> None:
    read = read_clause(clause)
    assert (list(read.leads), list(read.units)) == (leads, units)


def test_a_standing_rule_applies_until_replaced() -> None:
    document = parse_text(
        "一、任务\n"
        "以下各项任务均需各区、县级市政府落实，不再列出。\n"
        "1.甲事项。（市财政局牵头）\n"
        "2.乙事项。（市教育局负责）\n"
        "以下各项任务均由各镇街配合，不再一一列出。\n"
        "3.丙事项。（市民政局负责）"
    )
    assert [m.units for m in document.measures] == [
        ["市财政局", "各区、县级市政府"],
        ["市教育局", "各区、县级市政府"],
        ["市民政局", "各镇街"],
    ]


def test_a_standing_rule_under_a_part_heading_holds_for_that_part() -> None:
    document = parse_text(
        "一、总体要求\n做好甲乙丙。\n"
        "二、重点任务\n以下各项任务各区政府均为责任单位，不再一一列出。\n"
        "（一）甲事项。（市财政局牵头）\n（二）乙事项。（市教育局负责）\n"
        "三、保障措施\n（一）加强领导。（市政府办公室负责）"
    )
    assert [p.title for p in document.parts] == ["重点任务", "保障措施"]
    assert [m.units for m in document.measures] == [
        ["市财政局", "各区政府"],
        ["市教育局", "各区政府"],
        ["市政府办公室"],
    ]


# -- collectives ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("各区、县级市", ["各区、县级市"]),
        ("市工业和信息化局，有关区、市政府", ["市工业和信息化局", "有关区、市政府"]),
        ("各县（市、区）政府、市直各有关部门", ["各县（市、区）政府", "市直各有关部门"]),
        ("市工业和信息化局及专班成员单位", ["市工业和信息化局", "专班成员单位"]),
        ("各有关单位、各市政府", ["各有关单位", "各市政府"]),
        ("省财政厅等有关部门", ["省财政厅", "省有关部门"]),
    ],
)
def test_collectives_kept_whole(text: str, units: list[str]) -> None:
    assert split_units(text) == units
    assert [is_collective(unit) for unit in units] == [
        not unit.startswith(("市工业", "省财政")) for unit in units
    ]


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("省市场监管局和省税务局", ["省市场监管局", "省税务局"]),
        ("文化和旅游部与财政部", ["文化和旅游部", "财政部"]),
        ("省工业和信息化厅、住房和城乡建设厅", ["省工业和信息化厅", "省住房城乡建设厅"]),
        ("各市、县（区）党委和政府", ["各市、县（区）党委和政府"]),
    ],
)
def test_and_splits_only_between_units(text: str, units: list[str]) -> None:
    assert split_units(text) == units


def test_a_bracket_alone_on_its_line() -> None:
    document = parse_text(
        "一、任务\n1.推进甲。做甲。\n（省财政厅和省审计厅负责）\n2.推进乙。做乙。"
    )
    first, second = document.measures
    assert (first.title, first.units) == ("推进甲", ["省财政厅", "省审计厅"])
    assert second.units == []


def test_named_units_are_not_collectives() -> None:
    assert not any(
        is_collective(name) for name in ("省公安厅", "崂山区政府", "青岛海洋科技中心", "市委网信办")
    )


# -- structure -----------------------------------------------------------------------------
def test_numbers_running_into_the_title_and_items_run_together() -> None:
    document = parse_text(
        "一、任务\n"
        "1.甲事项。（省财政厅负责）2.乙事项。（省教育厅负责）\n"
        "3.5G基站建设。（省通信管理局负责）\n"
        "４.121人才梯队项目。（省科技厅负责）"
    )
    assert [(m.code, m.title, m.units) for m in document.measures] == [
        ("1", "甲事项", ["省财政厅"]),
        ("2", "乙事项", ["省教育厅"]),
        ("3", "5G基站建设", ["省通信管理局"]),
        ("4", "121人才梯队项目", ["省科技厅"]),
    ]


def test_headings_holding_no_tasks_are_not_measures() -> None:
    document = parse_text(
        "一、目标\n到2025年，基本建成覆盖全省、上下联动、运行高效的数字政府体系，群众办事更加便捷。\n"
        "二、推进甲。做甲。（省财政厅负责）\n三、基本原则\n"
        "坚持改革创新，坚持问题导向，坚持统筹推进，坚持安全可控，坚持以人民为中心的发展思想。\n"
        "四、推进乙。做乙。（省教育厅负责）"
    )
    assert [(m.code, m.title) for m in document.measures] == [("2", "推进甲"), ("4", "推进乙")]


def test_numbered_targets_under_a_targets_heading_are_not_measures() -> None:
    document = parse_text(
        "一、总体要求\n（一）基本原则。坚持统筹。\n（二）主要目标。\n"
        "1.到2023年，5G网络实现行政村全覆盖。\n2.到2025年，数字化水平达到55%以上。\n"
        "二、重点任务\n（一）建设设施\n1.推进甲。做甲。（省财政厅负责）\n"
        "2.推进乙。做乙。\n责任单位：省教育厅\n"
        "（二）强化目标考核\n3.推进丙。做丙。"
    )
    assert [(m.code, m.title, m.units) for m in document.measures] == [
        ("1", "推进甲", ["省财政厅"]),
        ("2", "推进乙", ["省教育厅"]),
        ("3", "推进丙", []),
    ]


def test_numbered_parts_of_a_measure_each_with_a_bracket_are_its_sub_tasks() -> None:
    """A measure with a sentence after its title whose （1）（2） parts each close with a
    bracket: one measure, a sub-task per part (a title alone, 聚力…。, would group measures)."""
    document = parse_text(
        "一、任务\n1.推进甲。做甲。\n（1）建设A平台（责任单位：市大数据局）。\n"
        "（2）推广B应用（责任单位：市政务办）。\n2.推进乙。做乙。（市教育局负责）"
    )
    assert [(m.code, [(t.text, t.units) for t in m.tasks]) for m in document.measures] == [
        ("1", [("做甲。（1）建设A平台", ["市大数据局"]), ("（2）推广B应用", ["市政务办"])]),
        ("2", [("推进乙。做乙", ["市教育局"])]),
    ]
    assert document.warnings == []


@pytest.mark.parametrize("markers", ["⑴⑵", "⒈⒉", "㈠㈡"])
def test_one_character_numbers(markers: str) -> None:
    first, second = markers
    document = parse_text(
        f"一、任务\n{first}推进甲。做甲。（市财政局负责）\n{second}推进乙。做乙。（市教育局负责）"
    )
    assert [(m.code, m.title, m.units) for m in document.measures] == [
        ("1", "推进甲", ["市财政局"]),
        ("2", "推进乙", ["市教育局"]),
    ]


def test_mixed_levels() -> None:
    document = parse_text(
        "一、重点任务\n（一）做强甲。\n1.甲一。（牵头单位：省工信厅）\n2.甲二。（牵头单位：省科技厅）\n"
        "（二）做强乙。做乙。（牵头单位：省商务厅）\n"
        "二、保障措施\n（一）强化领导。加强领导。（责任单位：省工信厅）"
    )
    assert [(m.code, m.title, m.units) for m in document.measures] == [
        ("1.1.1", "甲一", ["省工信厅"]),
        ("1.1.2", "甲二", ["省科技厅"]),
        ("1.2", "做强乙", ["省商务厅"]),
        ("2.1", "强化领导", ["省工信厅"]),
    ]


def test_keys_and_brackets_of_other_offices() -> None:
    """【】 brackets, a bureau's 牵头处室 / 责任处室, a 牵头领导 (a person, skipped), a title
    naming the plan's year (issued the December before): 6月底前 is in that year."""
    document = parse_text(
        "关于印发《2023年工作要点》的通知\n2022年12月28日\n"
        "1.推进甲。6月底前完成甲。【牵头处室：外贸处；配合处室：综合处】\n"
        "2.推进乙。年底前完成乙。（牵头领导：王副局长；责任处室：外资处）\n"
        "3.推进丙。做丙。（牵头单位：市商务局；责任单位：团市委、市妇联）"
    )
    assert [[(t.lead_units, t.units, t.deadline) for t in m.tasks] for m in document.measures] == [
        [(["外贸处"], ["外贸处", "综合处"], date(2023, 6, 30))],
        [(["外资处"], ["外资处"], date(2023, 12, 31))],
        [(["市商务局"], ["市商务局", "团市委", "市妇联"], None)],
    ]


def test_a_notice_holds_no_tasks() -> None:
    document = parse_text("关于表扬的通报\n1.甲县。成绩突出。\n2.乙县。成绩突出。")
    assert document.measures == []
    assert document.holds_no_tasks
    assert document.to_json()["holds_no_tasks"] is True
    assert "2 numbered paragraphs" in str(document.warnings[0].message)
    one = parse_text("关于表扬的通报\n1.甲县。成绩突出。")
    assert str(one.warnings[0].message).startswith(
        "holds no assigned tasks: 1 numbered paragraph but no responsibility bracket"
    )


# -- tables --------------------------------------------------------------------------------
TAB_TABLE = [
    "附件 任务分工表",
    "完成时限\t配合单位\t工作任务\t牵头单位\t序号",
    "一、改革方面",
    "2024年底\t/\t推进甲。\t省财政厅\t1",
    "2025年6月\t省审计厅\t\t省财政厅、省税务局\t",
    "—\t各市政府\t推进乙。\t省教育厅\t2",
    "二、保障方面",
    "长期坚持\t/\t推进丙。\t省民政厅\t3",
]


def test_tab_separated_table_with_sections_and_continued_rows() -> None:
    document = parse_lines(TAB_TABLE)
    assert [(p.number, p.title) for p in document.parts] == [(1, "改革方面"), (2, "保障方面")]
    assert [m.code for m in document.measures] == ["1", "2", "3"]
    assert roles(document) == [
        [
            (["省财政厅"], ["省财政厅"]),
            (["省财政厅", "省税务局"], ["省财政厅", "省税务局", "省审计厅"]),
        ],
        [(["省教育厅"], ["省教育厅", "各市政府"])],
        [(["省民政厅"], ["省民政厅"])],
    ]
    first = document.measures[0]
    assert [t.deadline for t in first.tasks] == [date(2024, 12, 31), date(2025, 6, 30)]
    assert first.deadline == date(2025, 6, 30)
    assert document.measures[1].tasks[0].deadline_text is None
    assert document.measures[2].tasks[0].standing
    assert document.measures[0].line == 4


def test_an_empty_number_cell_under_a_numbered_row_continues_its_item() -> None:
    document = parse_lines(
        [
            "序号\t工作任务\t责任单位\t完成时限",
            "1\t开展危化品整治\t县应急管理局、县公安局\t2023年6月底前",
            "\t开展燃气整治\t县住房城乡建设局\t2023年10月底前",
            "2\t开展交通整治\t县公安局\t每季度",
        ]
    )
    assert [m.code for m in document.measures] == ["1", "2"]
    assert [[(t.text, t.units, t.deadline) for t in m.tasks] for m in document.measures] == [
        [
            ("开展危化品整治", ["县应急管理局", "县公安局"], date(2023, 6, 30)),
            ("开展燃气整治", ["县住房城乡建设局"], date(2023, 10, 31)),
        ],
        [("开展交通整治", ["县公安局"], None)],
    ]
    assert document.measures[1].tasks[0].standing
    assert document.warnings == []


def test_a_leaders_column_and_figures_for_dates() -> None:
    document = parse_lines(
        [
            "序号\t重点任务\t牵头市领导\t牵头单位\t配合单位\t完成时限",
            "1\t推进甲\t张三\t市发展改革委\t市财政局和各区政府\t2023.12",
            "2\t推进乙\t李四\t市商务局\t/\t2023.6.30",
        ]
    )
    assert [[(t.lead_units, t.units, t.deadline) for t in m.tasks] for m in document.measures] == [
        [(["市发展改革委"], ["市发展改革委", "市财政局", "各区政府"], date(2023, 12, 31))],
        [(["市商务局"], ["市商务局"], date(2023, 6, 30))],
    ]
    assert document.warnings == []


def test_a_blank_lead_cell_under_the_same_item_continues_the_row_above() -> None:
    document = parse_lines(
        [
            "序号\t重点任务\t牵头单位\t配合单位\t完成时限",
            "1\t推进甲\t市财政局\t市审计局\t2023年底",
            "\t推进甲二\t\t市税务局\t2024年底",
            "2\t推进乙\t\t市教育局\t2023年底",
        ]
    )
    assert [[(t.lead_units, t.units) for t in m.tasks] for m in document.measures] == [
        [(["市财政局"], ["市财政局", "市审计局"]), (["市财政局"], ["市财政局", "市税务局"])],
        [(["市教育局"], ["市教育局"])],
    ]
    assert document.warnings == []  # a new item's blank lead: its first unit, as before


def test_aligned_rows_are_cut_at_the_headers_columns() -> None:
    document = parse_lines(
        [
            "序号    重点任务        牵头市领导    牵头单位          配合单位                  完成时限",
            "1       推进甲          王  强        市行政审批局      市市场监管局、市税务局    2023.6",
            "2       推进乙          刘  明        市大数据管理局    人民银行盐城市中心支行  2023.9",
        ]
    )
    assert [[(t.lead_units, t.units, t.deadline) for t in m.tasks] for m in document.measures] == [
        [(["市行政审批局"], ["市行政审批局", "市市场监管局", "市税务局"], date(2023, 6, 30))],
        [(["市大数据管理局"], ["市大数据管理局", "人民银行盐城市中心支行"], date(2023, 9, 30))],
    ]


def test_lines_of_a_text_table_are_taken_out_of_the_text() -> None:
    lines, tables = split_text_tables(TAB_TABLE, lambda row: find_columns(row) is not None)
    assert lines == ["附件 任务分工表", *[""] * 7]
    assert [(t.line, len(t.rows), t.row_lines[:3]) for t in tables] == [(2, 7, (2, 3, 4))]


def test_aligned_columns_under_a_task_header() -> None:
    document = parse_lines(
        [
            "序号   重点任务        牵头单位      配合单位",
            "1      推进甲。        省财政厅      省审计厅",
            "2      推进乙。        省教育厅      —",
        ]
    )
    assert roles(document) == [
        [(["省财政厅"], ["省财政厅", "省审计厅"])],
        [(["省教育厅"], ["省教育厅"])],
    ]


def test_an_indicator_table_holds_no_tasks() -> None:
    document = parse_lines(
        [
            "一级指标\t二级指标\t评价标准",
            "签约数量\t1.签约覆盖率\t较上一年增加。",
            "\t2.续约率\t较上一年增加。",
        ]
    )
    assert document.measures == []


def test_word_table_merged_cells_repeat_and_become_sub_tasks() -> None:
    header = ("序号", "工作事项", "主要内容", "牵头单位", "配合单位")
    table = SourceTable(
        2,
        (
            header,
            ("1", "推进甲。", "做甲一。", "省财政厅", "/"),
            ("1", "推进甲。", "做甲二。", "省审计厅", "省财政厅"),
            ("2", "推进乙。", "做乙。", "省教育厅", "各市政府"),
        ),
    )
    document = parse_lines(["关于甲的方案", "附件"], [table])
    assert [m.title for m in document.measures] == ["推进甲", "推进乙"]
    assert [[t.text for t in m.tasks] for m in document.measures] == [
        ["做甲一", "做甲二"],
        ["做乙"],
    ]
    assert document.measures[0].units == ["省财政厅", "省审计厅"]


def test_a_bulletin_with_one_stray_bracket_holds_no_tasks() -> None:
    """130 praised places, and the closing words ``…（各有关部门负责）`` run into the last one."""
    places = "\n".join(
        f"{n}.某省某市第{n}区。该地区积极推进改革，成效明显。" for n in range(1, 131)
    )
    closing = "希望受到激励的地方再接再厉，切实抓好各项政策措施落实（各有关部门负责）。"
    document = parse_text(f"关于对真抓实干成效明显地方予以督查激励的通报\n{places}\n{closing}")
    assert document.holds_no_tasks
    assert document.measures == []
    [warning] = document.warnings
    assert str(warning.message).startswith("holds no assigned tasks: 130 numbered paragraphs")


def test_a_task_document_with_few_unassigned_measures_keeps_them() -> None:
    lines = [f"{n}.推进第{n}项工作。" + ("（省财政厅负责）" if n % 2 else "") for n in range(1, 41)]
    document = parse_text("一、任务\n" + "\n".join(lines))
    assert not document.holds_no_tasks
    assert len(document.measures) == 40
    assert sum(1 for m in document.measures if m.units) == 20
