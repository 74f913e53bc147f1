"""Format 2's columns: 配合单位, 时间节点, 未按期完成原因, 佐证材料, 申请延期至, 延期理由;
overdue rows marked by conditional formatting; the master's measure cells merged."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from importers.ledger.columns import LETTERS
from importers.ledger.model import LedgerSheet, LedgerWorkbook
from importers.ledger.reader import read_ledger
from importers.ledger.writer import write_ledger
from tests.fixtures.ledger.samples import SHEET_1, UNIT, sample_workbook
from tests.tools import needs_calc

OTHER = "自治区公安厅"


def _master_with_two_units() -> LedgerWorkbook:
    """Measure 1 of the first sheet answered by two units, measure 2 by one."""
    book = sample_workbook("master")
    first = book.sheets[0]
    one, two, *rest = first.rows
    one = replace(one, support_units=OTHER, milestones="2021年3月底前出台方案\n2021年6月底前完成")
    shared = replace(one, key="105", unit=OTHER, status="已完成", percent=100, progress="已办结")
    sheet = LedgerSheet(first.title, first.doc_key, [one, shared, two, *rest])
    return replace(book, sheets=[sheet, *book.sheets[1:]])


def test_the_units_and_the_steps_of_a_measure_are_printed(tmp_path: Path) -> None:
    path = tmp_path / "总台账.xlsx"
    write_ledger(_master_with_two_units(), path)
    ws = openpyxl.load_workbook(path)[SHEET_1]
    assert (LETTERS["support_units"], LETTERS["milestones"]) == ("F", "I")
    assert ws["F3"].value == "配合单位"
    assert ws["I3"].value == "时间节点"
    assert ws["F4"].value == OTHER
    assert ws["I4"].value == "2021年3月底前出台方案\n2021年6月底前完成"
    assert [ws.cell(3, c).value for c in range(15, 19)] == [
        "未按期完成原因",
        "佐证材料",
        "申请延期至",
        "延期理由",
    ]


def test_the_master_merges_a_measures_cells_down_its_units_rows(tmp_path: Path) -> None:
    path = tmp_path / "总台账.xlsx"
    write_ledger(_master_with_two_units(), path)
    ws = openpyxl.load_workbook(path)[SHEET_1]
    merged = {str(m) for m in ws.merged_cells.ranges}
    assert {"A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "H4:H5", "I4:I5"} <= merged
    assert not any(m.startswith(("G4", "J4", "L4")) for m in merged)  # the unit's own cells
    assert [ws.cell(r, 1).value for r in range(4, 9)] == [1, None, 2, 3, 4]  # 序号 per measure
    assert [ws.cell(r, 7).value for r in range(4, 6)] == [UNIT, OTHER]
    # a block's rows share the measure's height: 具体内容 (3 lines) over two rows
    assert [ws.row_dimensions[r].height for r in (4, 5)] == [31, 31]
    ledger = read_ledger(path)
    assert ledger.errors == []
    rows = [r for r in ledger.rows if r.sheet == SHEET_1]
    assert [(r.row, r.key, r.measure_code, r.unit) for r in rows[:3]] == [
        (4, "101", "1", UNIT),
        (5, "105", "1", OTHER),
        (6, "102", "2", UNIT),
    ]
    assert rows[1].deadline == date(2021, 6, 30)  # the merged 完成时限 reads on every row
    assert rows[1].exported is not None and rows[1].exported["status"] == "已完成"


def test_a_units_ledger_merges_nothing(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    write_ledger(sample_workbook(), path)
    ws = openpyxl.load_workbook(path)[SHEET_1]
    assert {str(m) for m in ws.merged_cells.ranges} == {"A1:T1", "A2:F2", "G2:L2", "M2:T2"}


def test_overdue_rows_are_marked_by_a_rule_on_the_deadline_and_the_status(tmp_path: Path) -> None:
    path = tmp_path / "台账.xlsx"
    write_ledger(sample_workbook(), path)
    ws = openpyxl.load_workbook(path)[SHEET_1]
    rules = [(str(cf.sqref), rule) for cf in ws.conditional_formatting for rule in cf.rules]
    assert [(sqref, rule.type, rule.formula) for sqref, rule in rules] == [
        (
            "A4:T4 A6:T6",
            "expression",
            ['AND(ISNUMBER($H4),$H4<TODAY(),$J4<>"已完成",$J4<>"已销号",$J4<>"长期坚持")'],
        ),
        (
            "A7:T7",  # 完成时限 shows 2021年底前: its date is in the rule
            "expression",
            ['AND(DATE(2021,12,31)<TODAY(),$J7<>"已完成",$J7<>"已销号",$J7<>"长期坚持")'],
        ),
    ]
    style = rules[0][1].dxf
    assert (style.fill.bgColor.rgb, style.font.color.rgb) == ("00FFC7CE", "009C0006")


def test_the_masters_later_unit_rows_compare_with_the_date_in_the_rule(tmp_path: Path) -> None:
    path = tmp_path / "总台账.xlsx"
    write_ledger(_master_with_two_units(), path)
    ws = openpyxl.load_workbook(path)[SHEET_1]
    rules = {str(cf.sqref): [r.formula for r in cf.rules] for cf in ws.conditional_formatting}
    assert rules["A4:T4 A7:T7"] == [
        ['AND(ISNUMBER($H4),$H4<TODAY(),$J4<>"已完成",$J4<>"已销号",$J4<>"长期坚持")']
    ]
    assert rules["A5:T5"] == [
        ['AND(DATE(2021,6,30)<TODAY(),$J5<>"已完成",$J5<>"已销号",$J5<>"长期坚持")']
    ]


def _filled(tmp_path: Path, cells: dict[str, object]) -> Path:
    exported = tmp_path / "台账.xlsx"
    write_ledger(sample_workbook(), exported)
    wb = openpyxl.load_workbook(exported)
    for ref, value in cells.items():
        wb[SHEET_1][ref] = value
    back = tmp_path / "回.xlsx"
    wb.save(back)
    return back


def test_the_units_reasons_evidence_and_extension_request_are_read(tmp_path: Path) -> None:
    back = _filled(
        tmp_path,
        {
            "O4": " 资金未到位 ",
            "P4": "会议纪要、文件\n（见附件）",
            "Q4": date(2021, 12, 31),
            "R4": "需等待上级批复",
            "Q5": "2022年3月31日",  # typed as text
        },
    )
    ledger = read_ledger(back)
    assert ledger.errors == []
    first, second = ledger.rows[:2]
    assert (first.delay_reason, first.evidence) == ("资金未到位", "会议纪要、文件\n（见附件）")
    assert (first.extension_to, first.extension_reason) == (date(2021, 12, 31), "需等待上级批复")
    assert (second.extension_to, second.extension_reason) == (date(2022, 3, 31), "")
    assert first.exported is not None
    assert {k: first.exported[k] for k in ("delay_reason", "evidence", "extension_to")} == {
        "delay_reason": "",
        "evidence": "",
        "extension_to": "",
    }


def test_a_requested_date_that_is_no_date_names_its_cell(tmp_path: Path) -> None:
    ledger = read_ledger(_filled(tmp_path, {"Q6": "年底", "R6": "来不及"}))
    assert [str(e) for e in ledger.errors] == [
        f'{SHEET_1}!Q6: 申请延期至 "年底" is not a date; write it as 2021-12-31 or 2021年12月31日'
    ]
    row = ledger.rows[2]
    assert (row.extension_to, row.extension_reason) == (None, "来不及")


@pytest.mark.parametrize("header", ["申请延期", "申请\n延期至", "延期至"])
def test_the_request_column_is_found_under_the_names_units_give_it(
    tmp_path: Path, header: str
) -> None:
    ledger = read_ledger(_filled(tmp_path, {"Q3": header, "Q4": "2021-10-31"}))
    assert ledger.columns[SHEET_1]["extension_to"] == "Q"
    assert ledger.rows[0].extension_to == date(2021, 10, 31)


def test_an_exported_request_is_written_as_a_date(tmp_path: Path) -> None:
    book = sample_workbook()
    row = replace(book.sheets[0].rows[0], extension_to=date(2021, 9, 30), evidence="照片")
    sheet = replace(book.sheets[0], rows=[row])
    path = tmp_path / "台账.xlsx"
    write_ledger(LedgerWorkbook(**{**book.__dict__, "sheets": [sheet]}), path)
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert ws["Q4"].value.date() == date(2021, 9, 30)
    assert ws["P4"].value == "照片"
    [read] = read_ledger(path).rows
    assert read.exported is not None
    assert (read.extension_to, read.exported["extension_to"]) == (date(2021, 9, 30), "2021-09-30")


@needs_calc
def test_the_overdue_rules_survive_a_libreoffice_resave(tmp_path: Path) -> None:
    from tests.fixtures.ledger.make_fixtures import convert

    exported = tmp_path / "台账.xlsx"
    write_ledger(sample_workbook(), exported)
    resaved = tmp_path / "resaved.xlsx"
    convert(exported, "xlsx:Calc MS Excel 2007 XML", resaved)
    ws = openpyxl.load_workbook(resaved)[SHEET_1]
    rules = [
        (str(cf.sqref), rule.formula, rule.dxf.fill.bgColor.rgb, rule.dxf.font.color.rgb)
        for cf in ws.conditional_formatting
        for rule in cf.rules
    ]
    assert rules == [
        (
            "A4:T4 A6:T6",
            ['AND(ISNUMBER($H4),$H4<TODAY(),$J4<>"已完成",$J4<>"已销号",$J4<>"长期坚持")'],
            "FFFFC7CE",
            "FF9C0006",
        ),
        (
            "A7:T7",
            ['AND(DATE(2021,12,31)<TODAY(),$J7<>"已完成",$J7<>"已销号",$J7<>"长期坚持")'],
            "FFFFC7CE",
            "FF9C0006",
        ),
    ]
