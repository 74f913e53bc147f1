"""parse_text / parse_lines on small inline documents: levels, leads, warnings, tables."""

from __future__ import annotations

from datetime import date

from importers.policy import parse_lines, parse_text
from importers.policy.sources import SourceTable


def test_empty_and_garbage_give_a_warning() -> None:
    for text in ("", "\n\n", "锟斤拷烫烫烫", "%PDF-1.4\x00\x01", "（（（（））"):
        document = parse_text(text)
        assert document.measures == []
        assert [str(w.message) for w in document.warnings] == ["no numbered measures found"]


def test_numbering_gap_and_repeat_warn_and_codes_stay_unique() -> None:
    text = "\n".join(
        [
            "1.甲。（省财政厅负责）",
            "2.乙。（省财政厅负责）",
            "4.丙。（省财政厅负责）",
            "4.丁。（省财政厅负责）",
        ]
    )
    document = parse_text(text)
    assert [m.code for m in document.measures] == ["1", "2", "4", "4-2"]
    assert [(w.line, str(w.message)) for w in document.warnings] == [
        (3, "numbering gap before measure 4"),
        (4, "measure 4 repeats an earlier number"),
    ]


def test_sub_items_belong_to_their_measure() -> None:
    text = "\n".join(
        [
            "一、重点任务",
            "1.推进改革。具体包括：",
            "（1）清理事项；",
            "（2）公布清单。（省司法厅负责）",
            "2.优化服务。（省政府办公厅负责）",
        ]
    )
    document = parse_text(text)
    assert [m.code for m in document.measures] == ["1", "2"]
    assert (
        document.measures[0].text
        == "推进改革。具体包括：（1）清理事项；（2）公布清单。（省司法厅负责）"
    )
    assert document.measures[0].units == ["省司法厅"]


def test_without_any_clause_the_deepest_level_holds_the_measures() -> None:
    # Issue 16: with no responsibility anywhere the document holds no assigned tasks (it
    # used to give three measures naming no unit); the count still shows the deepest level.
    document = parse_text("一、总体要求\n1.甲。\n2.乙。\n二、保障措施\n1.丙。")
    assert document.measures == []
    assert document.holds_no_tasks
    assert [str(w.message) for w in document.warnings] == [
        "holds no assigned tasks: 3 numbered paragraphs but no responsibility bracket such as "
        "（…负责） or （牵头单位：…） and no task table — a notice or bulletin? If the tasks are "
        "in an attachment, import that file"
    ]


def test_numbering_restarting_in_every_section() -> None:
    text = "\n".join(
        [
            "一、甲",
            "（一）子甲",
            "1.a。（省财政厅负责）",
            "（二）子乙",
            "1.b。（省财政厅负责）",
            "二、乙",
            "（一）子丙",
            "1.c。（省财政厅负责）",
        ]
    )
    assert [m.code for m in parse_text(text).measures] == ["1.1.1", "1.2.1", "2.1.1"]


def test_first_listed_statement_in_the_preamble() -> None:
    text = "\n".join(
        [
            "各项任务中，排在第一位的部门为牵头部门。",
            "一、任务",
            "（一）子任务（省财政厅牵头）",
            "1.甲。（省发展改革委、财政厅负责）",
        ]
    )
    assert parse_text(text).measures[0].lead_units == ["省发展改革委"]


def test_measure_without_clause_takes_its_heading_leads() -> None:
    text = "\n".join(["一、任务（省财政厅牵头）", "1.甲。（省审计厅负责）", "2.乙。"])
    document = parse_text(text)
    assert document.measures[1].units == ["省财政厅"]
    assert document.measures[1].lead_units == ["省财政厅"]
    assert document.warnings == []


def test_office_aliases() -> None:
    document = parse_text(
        "1.甲。（自治区高级法院、财政厅负责）", aliases={"自治区高级法院": "高院"}
    )
    assert document.measures[0].units == ["高院", "自治区财政厅"]


def test_metadata_fallbacks() -> None:
    text = "\n".join(
        [
            "国务院关于促进综合保税区发展的若干意见（国发〔2019〕3号）",
            "1.甲。（海关总署负责）",
            "国务院",
            "二〇一九年一月十二日",
        ]
    )
    document = parse_text(text)
    assert document.title == "国务院关于促进综合保税区发展的若干意见"
    assert document.doc_number == "国发〔2019〕3号"
    assert document.issuer == "国务院"
    assert document.issued_on == date(2019, 1, 12)
    untitled = parse_text("自治区优化营商环境若干措施\n1.甲。（自治区财政厅负责）")
    assert untitled.title == "自治区优化营商环境若干措施"
    assert untitled.issuer is None
    assert untitled.doc_number is None


def test_json() -> None:
    document = parse_text("关于甲的通知\n1.甲。（省财政厅负责。完成时限：2021年底）")
    data = document.to_json()
    assert data["measures"][0]["deadline"] == "2021-12-31"
    assert data["measures"][0]["units"] == ["省财政厅"]


HEADER = ("完成时限", "责任单位", "主要任务", "牵头单位", "序号")


def table(line: int, *rows: tuple[str, ...]) -> SourceTable:
    return SourceTable(line, rows)


def test_task_table_in_any_column_order() -> None:
    first = table(
        3,
        ("2021年任务清单",) * 5,
        HEADER,
        ("2021年底", "省财政厅、审计厅", "推进改革。细化方案。", "省发展改革委", "1"),
    )
    continued = table(4, ("长期坚持", "", "优化服务。", "省政府办公厅", "2"))
    layout = table(5, ("联系人", "电话"), ("张三", "123"))
    document = parse_lines(["关于印发任务清单的通知", "一、不是措施"], [first, continued, layout])
    assert [m.code for m in document.measures] == ["1", "2"]
    one, two = document.measures
    assert one.title == "推进改革"
    assert one.units == ["省发展改革委", "省财政厅", "省审计厅"]
    assert one.lead_units == ["省发展改革委"]
    assert one.deadline == date(2021, 12, 31)
    assert two.standing and two.units == ["省政府办公厅"]


def test_tables_without_task_header_are_ignored() -> None:
    document = parse_lines(
        ["1.甲。（省财政厅负责）"], [table(1, ("联系人", "电话"), ("张三", "1"))]
    )
    assert [m.units for m in document.measures] == [["省财政厅"]]


def test_unbracketed_clause_lines_after_the_measure() -> None:
    text = "\n\n".join(
        [
            "一、主要预期目标",
            "1.地区生产总值增长6%左右。",
            "牵头单位:区发改局",
            "责任单位:经济开发区,全区经济运行各专班",
            "2.一般公共预算收入增长8%左右。",
            "牵头单位：区财政局。",
            "责任单位：各街道、区直各部门，区税务局",
            "完成时限：2023年底",
        ]
    )
    document = parse_text(text)
    first, second = document.measures
    assert first.title == "地区生产总值增长6%左右"
    assert first.lead_units == ["区发改局"]
    assert first.units == ["区发改局", "经济开发区", "全区经济运行各专班"]
    # 区直各部门 is a collective the office lists (issue 16), no longer dropped as filler.
    assert second.units == ["区财政局", "各街道", "区直各部门", "区税务局"]
    assert second.deadline == date(2023, 12, 31)
    assert document.warnings == []


def test_units_each_answering_for_their_part_lead_where_the_document_names_leads() -> None:
    """（A、B、C分工负责）: where the document says 牵头 when it means one lead, all three
    lead their own parts; where it never names a lead (seed 003, whose closing paragraph
    speaks of 各牵头部门), the first listed leads, as everywhere else in it."""
    names_leads = "\n".join(
        [
            "1.甲。（省大数据局牵头，各有关部门配合）",
            "2.乙。（省工业和信息化厅、省农业农村厅、省海洋局分工负责）",
            "3.丙。（省财政厅、省大数据局等有关部门分工负责）",
        ]
    )
    measures = parse_text(names_leads).measures
    three = ["省工业和信息化厅", "省农业农村厅", "省海洋局"]
    assert [(m.lead_units, m.units) for m in measures[1:]] == [
        (three, three),
        (["省财政厅", "省大数据局"], ["省财政厅", "省大数据局", "省有关部门"]),
    ]
    never = "\n".join(
        [
            "1.甲。（省工业和信息化厅、省农业农村厅、省海洋局分工负责）",
            "2.乙。（省财政厅负责）",
        ]
    )
    assert parse_text(never).measures[0].lead_units == ["省工业和信息化厅"]


def test_division_of_work_lines_and_leading_responsibility() -> None:
    text = "\n".join(
        [
            "一、主要预期目标",
            "1.地区生产总值增长6%以上。",
            "分管省领导:张三",
            "部门分工:省发展改革委牵头,各地、各部门配合。",
            "二、重点任务",
            "1.支持民间投资参与重大工程。（省发展改革委牵头负责）",
            "2.推行市场化运作。（省交通运输厅、水利厅等省有关部门和各地级以上市人民政府按职责分工负责）",
        ]
    )
    measures = parse_text(text).measures
    assert [(m.code, m.units, m.lead_units) for m in measures] == [
        ("1.1", ["省发展改革委", "各地", "各部门"], ["省发展改革委"]),
        ("2.1", ["省发展改革委"], ["省发展改革委"]),
        (
            "2.2",
            ["省交通运输厅", "省水利厅", "省有关部门", "各地级以上市人民政府"],
            ["省交通运输厅", "省水利厅"],
        ),
    ]
