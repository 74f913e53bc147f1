"""The exported workbook, as openpyxl reads it back: layout, print setup, guard rails."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from importers.ledger.layout import display_width, row_height
from importers.ledger.metadata import MAGIC, META_SHEET
from importers.ledger.model import LedgerRow, LedgerSheet, LedgerWorkbook
from importers.ledger.naming import sheet_names
from importers.ledger.writer import write_ledger
from tests.fixtures.ledger.samples import SHEET_1, SHEET_2, sample_workbook

HEADERS = [
    "序号", "措施编号", "重点任务", "具体内容", "牵头单位", "配合单位", "责任单位",
    "完成时限", "时间节点", "完成状态", "完成进度(%)", "进展情况", "存在问题", "下步计划",
    "未按期完成原因", "佐证材料", "申请延期至", "延期理由", "联系人", "联系电话",
]  # fmt: skip


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "台账.xlsx"
    write_ledger(sample_workbook(), path)
    return path


def test_sheets_and_layout(exported: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    assert wb.sheetnames == [SHEET_1, SHEET_2, META_SHEET]
    ws = wb[SHEET_1]
    assert ws["A1"].value == "持续优化营商环境若干措施工作台账"
    assert {str(r) for r in ws.merged_cells.ranges} == {"A1:T1", "A2:F2", "G2:L2", "M2:T2"}
    assert ws["A2"].value == "填报单位：自治区市场监管厅"
    assert ws["G2"].value == "调度轮次：2021年第二季度"
    assert ws["M2"].value == "截至日期：2021年6月30日"
    assert [c.value for c in ws[3]] == HEADERS
    assert ws.freeze_panes == "A4"
    assert [ws.cell(r, 1).value for r in range(4, 8)] == [1, 2, 3, 4]
    assert [ws.cell(r, 2).value for r in range(4, 8)] == ["1", "2", "3.1", "12"]
    assert ws.max_row == 7
    assert ws["H4"].value.date() == date(2021, 6, 30)
    assert ws["H4"].number_format == 'yyyy"年"m"月"d"日"'
    assert ws["H5"].value == "长期坚持"
    assert ws["D4"].font.name == "宋体"
    assert ws["D4"].alignment.wrap_text is True
    assert ws["D4"].border.left.style == "thin"
    assert ws.column_dimensions["D"].width == max(
        ws.column_dimensions[c].width for c in "ABCDEFGHIJKLMNOPQRST"
    )


def test_print_setup(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported)[SHEET_1]
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.paperSize == 9
    assert ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"


def test_validations(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported)[SHEET_1]
    status, dated, percent, extension = ws.data_validations.dataValidation
    assert status.type == dated.type == "list"
    # 长期坚持 only where the measure has no fixed deadline (G5 says 长期坚持)
    assert status.formula1 == '"未启动,推进中,已完成,长期坚持"'
    assert str(status.sqref) == "J5"
    assert dated.formula1 == '"未启动,推进中,已完成"'
    assert str(dated.sqref) == "J4 J6:J7"
    assert status.showErrorMessage is True
    assert status.errorTitle == "完成状态填写有误"
    assert status.error == "请从下拉列表中选择：未启动、推进中、已完成、长期坚持。"
    assert dated.error == "请从下拉列表中选择：未启动、推进中、已完成。"
    assert percent.type == "custom"
    bare = 'TRIM(SUBSTITUTE(SUBSTITUTE(K4,"%",""),"％",""))'
    assert percent.formula1 == f"AND(--{bare}>=0,--{bare}<=100,MOD(--{bare},1)=0)"
    assert str(percent.sqref) == "K4:K7"
    assert percent.showErrorMessage is True
    assert percent.error == "请填写 0 到 100 之间的整数，如 80（带不带 % 号都可以）。"
    assert (percent.showInputMessage, percent.promptTitle, percent.prompt) == (
        True,
        "完成进度",
        "填0-100的整数，如 80",
    )
    assert {ws[f"K{r}"].number_format for r in range(4, 8)} == {"@"}  # typing stays literal
    assert {ws[f"T{r}"].number_format for r in range(4, 8)} == {"@"}  # a phone's leading 0 too
    assert (extension.type, extension.operator, extension.formula1) == (
        "date",
        "greaterThan",
        "DATE(2000,1,1)",
    )
    assert str(extension.sqref) == "Q4:Q7"
    assert (extension.promptTitle, extension.prompt) == (
        "申请延期",
        "需延期的填写日期（如 2021-12-31），并在延期理由中说明",
    )
    assert {ws[f"Q{r}"].number_format for r in range(4, 8)} == {'yyyy"年"m"月"d"日"'}


def test_master_may_choose_closed(tmp_path: Path) -> None:
    path = tmp_path / "总台账.xlsx"
    write_ledger(sample_workbook("master"), path)
    ws = openpyxl.load_workbook(path)[SHEET_1]
    standing, dated, *_ = ws.data_validations.dataValidation
    assert standing.formula1 == '"未启动,推进中,已完成,已销号,长期坚持"'
    assert dated.formula1 == '"未启动,推进中,已完成,已销号"'
    assert ws["A2"].value == "编制单位：自治区优化营商环境协调小组办公室"
    # the rows are each assignment as recorded at the export, not as of the round
    assert ws["M2"].value == "数据截至：2021年7月1日（导出时）"


def test_protection_locks_given_columns_only(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported)[SHEET_1]
    p = ws.protection
    assert p.sheet is True
    assert p.password is None
    assert (p.formatColumns, p.formatRows, p.autoFilter) == (False, False, False)
    assert ws.auto_filter.ref == "A3:T7"
    for row in range(4, 8):
        locked = [ws.cell(row, col).protection.locked for col in range(1, 21)]
        assert locked == [True] * 9 + [False] * 11


def test_formula_like_text_is_stored_as_text(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported)[SHEET_1]
    for ref, value in [
        ("L4", "=1+1"),
        ("M4", "-"),
        ("N4", "@SUM(A1)"),
        ("T4", "+86 951 1234567"),
        ("D6", "+全部事项网上可办"),
        ("L6", "#N/A"),
    ]:
        assert (ws[ref].value, ws[ref].data_type) == (value, "s")
    with zipfile.ZipFile(exported) as z:
        sheet_xml = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet_xml


def test_hidden_metadata_sheet(exported: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    meta = wb[META_SHEET]
    assert meta.sheet_state == "hidden"
    assert meta.protection.sheet is True
    lines = [[c for c in row if c is not None] for row in meta.iter_rows(values_only=True)]
    assert lines[0][:2] == [MAGIC, "2"]
    assert [lines[1][0], lines[2][0]] == ["kind", "unit"]
    assert lines[2][1] == "自治区市场监管厅"
    assert lines[4] == ["as_of", "2021-06-30"]
    assert lines[5] == ["exported_at", "2021-07-01T09:30:05"]
    assert ["sheet", SHEET_1, "doc-1", "持续优化营商环境若干措施工作台账"] in lines
    assert ["row", SHEET_1, "4", "101", "1", "自治区市场监管厅", "推进中", "50", "=1+1", "-",
            "@SUM(A1)", "+86 951 1234567", "2021-06-30", "d57832ad0a420678"] in lines  # fmt: skip
    header = next(line for line in lines if line[0] == "#")
    assert header == ["#", "sheet", "row", "key", "measure_code", "unit", "status", "percent",
                      "progress", "problems", "next_steps", "delay_reason", "evidence",
                      "extension_to", "extension_reason", "contact", "phone", "deadline",
                      "content_digest"]  # fmt: skip
    assert all(c.data_type == "s" for row in meta.iter_rows() for c in row if c.value is not None)


def test_master_summary_sheet(tmp_path: Path) -> None:
    path = tmp_path / "总台账.xlsx"
    write_ledger(sample_workbook("master"), path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames[0] == "汇总"
    ws = wb["汇总"]
    rows = [list(r) for r in ws.iter_rows(min_row=3, values_only=True)]
    assert rows == [
        [
            "序号",
            "单位",
            "任务数",
            "未启动",
            "推进中",
            "已完成",
            "已销号",
            "长期坚持",
            "逾期",
            "完成率",
            "报送情况",
        ],
        # 完成率 = (已完成 + 已销号) / 任务数, to a tenth of a percent as the bulletin prints it
        [1, "自治区市场监管厅", 6, 1, 3, 1, 0, 1, 1, 0.167, None],  # (no 报送情况: no ledger sent)
        [2, "自治区发展改革委", 2, 0, 0, 0, 2, 0, 0, 1, None],
        ["合计", None, 8, 1, 3, 1, 2, 1, 1, 0.375, None],
    ]
    assert {ws.cell(r, 10).number_format for r in range(4, 7)} == {"0.0%"}
    assert ws["A1"].value == "2021年第二季度工作台账汇总"
    # the figures are the round's, as the bulletin counts them
    assert (ws["C2"].value, ws["F2"].value) == (
        "调度轮次：2021年第二季度",
        "调度截至：2021年6月30日",
    )
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1
    assert ws.print_title_rows == "$3:$3"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    meta = wb[META_SHEET]
    assert meta["B2"].value == "master"
    assert meta["B3"].value is None


def test_row_heights_fit_wrapped_text(exported: Path) -> None:
    ws = openpyxl.load_workbook(exported)[SHEET_1]
    three_lines = ws.row_dimensions[5].height  # progress 第一行\n第二行\n第三行
    assert three_lines is not None and three_lines >= 3 * 13.5
    assert display_width("abc") == 3
    assert display_width("一二三四五") == 9
    assert row_height([("", 10)]) == 17.5
    assert row_height([("一" * 1000, 10)]) == 409


def test_export_replaces_atomically_and_leaves_no_temp_files(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    path.write_text("old")
    write_ledger(sample_workbook(), path)
    assert zipfile.is_zipfile(path)
    assert [p.name for p in tmp_path.iterdir()] == ["台账.xlsx"]


def test_illegal_control_characters_are_dropped(tmp_path: Path) -> None:
    book = sample_workbook()
    row = LedgerRow("1", "1", "任务", "内容", "", "单位", progress="a\x00b\x07c\td")
    book.sheets[:] = [LedgerSheet("台账", "d", [row])]
    write_ledger(book, tmp_path / "x.xlsx")
    assert openpyxl.load_workbook(tmp_path / "x.xlsx")["台账"]["L4"].value == "abc\td"


def test_rows_are_validated() -> None:
    with pytest.raises(ValueError, match="status"):
        LedgerRow("1", "1", "t", "c", "", "u", status="差不多")
    with pytest.raises(ValueError, match="percent 101"):
        LedgerRow("1", "1", "t", "c", "", "u", percent=101)


def test_sheet_names() -> None:
    assert sheet_names(["X工作台账"], [""]) == ["台账"]
    assert sheet_names(["甲工作台账", "乙台账", "甲工作台账"], ["", "", ""]) == [
        "甲",
        "乙",
        "甲(2)",
    ]
    long = "关于印发" + "很长" * 20 + "的通知工作台账"
    (name,) = sheet_names([long, "b"], ["", ""])[:1]
    assert len(name) == 31
    assert sheet_names(["a/b:c[d]*?工作台账", "汇总"], ["", ""]) == ["a_b_c_d___", "汇总(2)"]
    assert sheet_names(["t"], ["自定义"]) == ["自定义"]


def test_workbook_is_validated() -> None:
    book = sample_workbook()
    with pytest.raises(ValueError, match="needs the unit"):
        LedgerWorkbook("unit", None, "r", book.as_of, book.exported_at, "o", book.sheets)
    with pytest.raises(ValueError, match="at least one sheet"):
        LedgerWorkbook("unit", "u", "r", book.as_of, book.exported_at, "o", [])


def test_master_without_rows_still_has_its_summary(tmp_path: Path) -> None:
    book = sample_workbook("master")
    empty = LedgerWorkbook(
        "master", None, "r", book.as_of, book.exported_at, "o", [], summary=book.summary
    )
    write_ledger(empty, tmp_path / "m.xlsx")
    assert openpyxl.load_workbook(tmp_path / "m.xlsx").sheetnames == ["汇总", META_SHEET]


def test_master_summary_sheet_with_reporting(tmp_path: Path) -> None:
    from dataclasses import replace

    book = sample_workbook("master")
    assert book.summary is not None
    note = "报送情况：本轮共向2个单位发出工作台账，已报送1个；未报送1个：自治区发展改革委。"
    book = replace(
        book,
        summary=[replace(book.summary[0], reporting="按时报送"), *book.summary[1:]],
        summary_notes=(note,),
    )
    path = tmp_path / "总台账.xlsx"
    write_ledger(book, path)
    ws = openpyxl.load_workbook(path)["汇总"]
    rows = [list(r) for r in ws.iter_rows(min_row=4, values_only=True)]
    assert [r[-1] for r in rows[:2]] == ["按时报送", None]
    assert rows[3][0] == note
    assert "A7:K7" in {str(m) for m in ws.merged_cells.ranges}
    assert ws.row_dimensions[7].height == 24  # one line of about 50 characters


def test_a_units_ledger_says_by_when_it_is_due_back(tmp_path: Path) -> None:
    """The round's 报送截止日期 beside the 截至日期 on every sheet the unit fills in."""
    from dataclasses import replace

    path = tmp_path / "台账.xlsx"
    write_ledger(replace(sample_workbook(), due_back=date(2021, 7, 10)), path)
    wb = openpyxl.load_workbook(path)
    assert [wb[name]["M2"].value for name in (SHEET_1, SHEET_2)] == [
        "截至日期：2021年6月30日　报送截止日期：2021年7月10日"
    ] * 2


def test_a_master_exported_before_its_as_of_day_says_the_export_day(tmp_path: Path) -> None:
    """The round's figures are today's while its as-of day is ahead: the 汇总 says so."""
    from dataclasses import replace

    path = tmp_path / "总台账.xlsx"
    write_ledger(replace(sample_workbook("master"), as_of=date(2021, 7, 31)), path)
    wb = openpyxl.load_workbook(path)
    assert wb["汇总"]["F2"].value == "数据截至：2021年7月1日（导出时）"
    assert wb[SHEET_1]["M2"].value == "数据截至：2021年7月1日（导出时）"
