"""The shown list as a workbook: text as shown, widths from the text, a safe sheet name."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from importers.table_xlsx import MAX_WIDTH, column_widths, sheet_title, text_width, write_table


def test_widths_count_chinese_twice_and_stay_within_bounds() -> None:
    assert text_width("自治区公安厅") == 12 and text_width("No.") == 3
    assert text_width("第一行\n长一些的第二行") == 14  # the longest line
    table = [["编号", "进展情况"], ["1", "推进中" * 40]]
    assert column_widths(table) == [6, MAX_WIDTH]


def test_sheet_names_excel_accepts() -> None:
    assert sheet_title("优化营商环境[2021]/第3季度:逾期?") == "优化营商环境_2021__第3季度_逾期_"
    assert sheet_title("") == "Sheet1" and len(sheet_title("长" * 40)) == 31


def test_every_cell_is_text_and_no_scratch_file_is_left(tmp_path: Path) -> None:
    target = tmp_path / "列表.xlsx"
    write_table(target, [["编号", "进展情况"], ["38", "=1+1\x07响铃"]], "列表")
    sheet = openpyxl.load_workbook(target).active
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["编号", "进展情况"],
        ["38", "=1+1响铃"],
    ]
    assert sheet.cell(2, 2).data_type == "s" and sheet.cell(2, 1).data_type == "s"
    assert [p.name for p in tmp_path.iterdir()] == ["列表.xlsx"]


def test_the_header_is_bold_on_a_tint_and_every_cell_is_framed(tmp_path: Path) -> None:
    target = tmp_path / "列表.xlsx"
    write_table(target, [["编号", "进展情况"], ["38", "推进中"], ["39", "已完成"]], "列表")
    sheet = openpyxl.load_workbook(target).active
    header, body = sheet.cell(1, 2), sheet.cell(3, 2)
    assert header.font.b is True and body.font.b is False
    assert header.fill.fill_type == "solid" and header.fill.fgColor.rgb == "00D9E2F3"
    assert body.fill.fill_type is None
    assert (header.alignment.horizontal, header.alignment.vertical) == ("center", "center")
    assert (body.alignment.horizontal, body.alignment.vertical) == (None, "top")
    assert header.alignment.wrap_text is True and body.alignment.wrap_text is True
    for row in sheet.iter_rows():
        for cell in row:
            sides = (cell.border.left, cell.border.right, cell.border.top, cell.border.bottom)
            assert {(s.style, s.color.rgb) for s in sides} == {("thin", "00808080")}
