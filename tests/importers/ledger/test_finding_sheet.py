"""The 整改台账 sheet: written after the main sheet when a unit has open findings, read back
with each row's key and the values as sent, whatever a unit or LibreOffice did to it."""

from __future__ import annotations

import subprocess
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from importers.ledger import LedgerSheet, LedgerWorkbook, read_ledger, write_ledger
from importers.ledger.model import FindingLine, LedgerRow, ReturnedFinding
from tests.tools import needs_calc

FINDINGS = [
    FindingLine(
        "F1", "专项督查", "问题一", "要求一", date(2021, 7, 10), "推进中", 30, "已整改一半", "照片"
    ),
    FindingLine("F2", "专项督查", "问题二", "要求二", date(2021, 8, 1), "未启动"),
]


def book(findings: list[FindingLine]) -> LedgerWorkbook:
    return LedgerWorkbook(
        kind="unit",
        unit="自治区公安厅",
        round_name="2021年第2季度",
        as_of=date(2021, 6, 30),
        exported_at=datetime(2021, 7, 1, 9),
        office="协调小组办公室",
        sheets=[
            LedgerSheet(
                "营商环境工作台账",
                "1",
                [
                    LedgerRow(
                        "1", "1", "任务", "内容", "自治区公安厅", "自治区公安厅", status="推进中"
                    )
                ],
            )
        ],
        findings=findings,
    )


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "公安厅.xlsx"
    write_ledger(book(FINDINGS), path)
    return path


def test_the_sheet_is_written_protected_with_the_key_hidden(exported: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    assert wb.sheetnames == ["台账", "整改台账", "_台账元数据"]
    ws = wb["整改台账"]
    assert ws["A1"].value == "自治区公安厅督查发现问题整改台账"
    assert [c.value for c in ws[3]][:9] == [
        "序号", "来源督查", "问题", "整改要求", "整改时限",
        "整改状态", "完成进度(%)", "整改措施及进展", "佐证材料",
    ]  # fmt: skip
    assert [c.value for c in ws[4]] == [
        1, "专项督查", "问题一", "要求一", datetime(2021, 7, 10),
        "推进中", 30, "已整改一半", "照片", "F1", "推进中", "30", "已整改一半", "照片",
    ]  # fmt: skip
    assert ws.protection.sheet is True
    assert [ws.cell(4, c).protection.locked for c in range(1, 11)] == [
        True, True, True, True, True, False, False, False, False, True,
    ]  # fmt: skip
    assert ws.column_dimensions["J"].hidden is True
    assert [str(v.sqref) for v in ws.data_validations.dataValidation] == ["F4:F5", "G4:G5"]


def test_no_open_finding_no_sheet(tmp_path: Path) -> None:
    write_ledger(book([]), tmp_path / "x.xlsx")
    assert openpyxl.load_workbook(tmp_path / "x.xlsx").sheetnames == [
        "台账",
        "_台账元数据",
    ]
    assert read_ledger(tmp_path / "x.xlsx").findings == []


def test_edits_come_back_with_keys_after_sorting(exported: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    ws = wb["整改台账"]
    first, second = ([c.value for c in ws[r]] for r in (4, 5))
    for c, value in enumerate(second, start=1):  # the unit sorted: 问题二 first
        ws.cell(4, c).value = value
    for c, value in enumerate(first, start=1):
        ws.cell(5, c).value = value
    ws["F4"], ws["G4"], ws["H4"] = "已完成", "100%", "已全部整改"
    ws["G5"] = "abc"
    wb.save(tmp_path / "back.xlsx")
    read = read_ledger(tmp_path / "back.xlsx")
    assert [(e.sheet, e.cell) for e in read.errors] == [("整改台账", "G5")]
    assert read.findings == [
        ReturnedFinding(
            "整改台账", 4, "F2", "问题二", "已完成", 100, "已全部整改", "",
            {"status": "未启动", "percent": None, "progress": "", "evidence": ""},
        ),
        ReturnedFinding(
            "整改台账", 5, "F1", "问题一", "推进中", None, "已整改一半", "照片",
            {"status": "推进中", "percent": 30, "progress": "已整改一半", "evidence": "照片"},
        ),
    ]  # fmt: skip
    assert len(read.rows) == 1  # the main sheet reads as before


def test_a_sheet_without_its_hidden_columns_reads_without_keys(
    exported: Path, tmp_path: Path
) -> None:
    wb = openpyxl.load_workbook(exported)
    wb["整改台账"].delete_cols(10, 5)
    wb["整改台账"].title = "问题整改"  # known by its header, not only its name
    wb.save(tmp_path / "back.xlsx")
    read = read_ledger(tmp_path / "back.xlsx")
    assert [(f.sheet, f.row, f.key, f.exported) for f in read.findings] == [
        ("问题整改", 4, None, None),
        ("问题整改", 5, None, None),
    ]


@needs_calc
@pytest.mark.parametrize("target", ["xlsx", "ods"])
def test_libreoffice_keeps_the_sheet(exported: Path, tmp_path: Path, target: str) -> None:
    out = tmp_path / "lo"
    subprocess.run(
        ["soffice", "--headless", "--convert-to", target, "--outdir", str(out), str(exported)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    read = read_ledger(out / f"公安厅.{target}")
    assert read.errors == []
    assert [(f.key, f.status, f.percent, f.evidence, f.exported) for f in read.findings] == [
        ("F1", "推进中", 30, "照片", {"status": "推进中", "percent": 30, "progress": "已整改一半", "evidence": "照片"}),
        ("F2", "未启动", None, "", {"status": "未启动", "percent": None, "progress": "", "evidence": ""}),
    ]  # fmt: skip
