"""A ledger already in a unit's hands reads the same after the format gained columns.

``tests/fixtures/ledger/format1_edited.xlsx`` was written by the writer of hidden-sheet
format 1 (fourteen columns, seven fill-in ones, the hidden sheet's values by position)
and filled in as ``samples.edit_as_unit`` does; it is committed, never regenerated.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl

from importers.ledger.reader import read_ledger
from tests.fixtures.ledger.samples import EDITED, FIELDS, KEYS, SHEET_1, SHEET_2

FORMAT_1 = Path(__file__).resolve().parents[2] / "fixtures" / "ledger" / "format1_edited.xlsx"
LETTERS = dict(
    zip(("seq", "measure_code", "task", "content", "lead_units", "unit"), "ABCDEF", strict=True)
)
FORMAT_1_COLUMNS = {
    **LETTERS,
    **dict(zip(("deadline", *FIELDS), "GHIJKLMN", strict=True)),
}


def _exported(
    status: str | None, percent: int | None, progress: str = "", **rest: str
) -> dict[str, Any]:
    values: dict[str, Any] = dict.fromkeys(FIELDS[2:], "")
    values.update(status=status, percent=percent, progress=progress, **rest)
    return values


EXPORTED = {
    (SHEET_1, "1"): _exported(
        "推进中", 50, "=1+1", problems="-", next_steps="@SUM(A1)", phone="+86 951 1234567"
    ),
    (SHEET_1, "2"): _exported("长期坚持", None, "第一行\n第二行\n第三行", contact="张三"),
    (SHEET_1, "3.1"): _exported(None, None, "#N/A"),
    (SHEET_1, "12"): _exported("未启动", 0),
    (SHEET_2, "1"): _exported("已完成", 100, "已完成。"),
    (SHEET_2, "2"): _exported("推进中", 30, "前后有空格"),
}


def test_a_format_1_ledger_reads_every_value_as_it_did() -> None:
    ledger = read_ledger(FORMAT_1)
    assert ledger.errors == []
    assert ledger.keys_found is True
    assert ledger.meta is not None and ledger.meta.format_version == 1
    got = {
        (r.sheet, r.measure_code): {
            **{f: getattr(r, f) for f in FIELDS},
            "deadline": r.deadline,
            "deadline_text": r.deadline_text,
        }
        for r in ledger.rows
    }
    assert got == EDITED
    assert {(r.sheet, r.measure_code): r.key for r in ledger.rows} == KEYS
    exported = {(r.sheet, r.measure_code): r.exported for r in ledger.rows}
    assert {k: {f: v[f] for f in FIELDS} for k, v in exported.items() if v} == EXPORTED
    assert ledger.columns == {SHEET_1: FORMAT_1_COLUMNS, SHEET_2: FORMAT_1_COLUMNS}
    entries = {
        (e.sheet, e.measure_code): (e.row, e.deadline, e.content) for e in ledger.meta.entries
    }
    assert entries[(SHEET_1, "1")] == (4, "2021-06-30", "d57832ad0a420678")
    assert entries[(SHEET_1, "2")] == (5, "长期坚持", "d57832ad0a420678")
    assert entries[(SHEET_1, "12")] == (7, "2021年底前", "d57832ad0a420678")
    assert entries[(SHEET_2, "2")][:2] == (5, "")


def test_a_unit_that_inserted_and_moved_columns_still_reads_the_same(tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(FORMAT_1)
    for name in (SHEET_1, SHEET_2):
        ws = wb[name]
        ws.insert_cols(8)  # a column of its own before 完成状态
        ws["H3"] = "备注"
        ws.move_range("O3:O9", rows=0, cols=2)  # 联系电话 moved two to the right
        ws["J3"] = " 完成\n进度(%) "  # a header retyped with a line break
    moved = tmp_path / "moved.xlsx"
    wb.save(moved)
    ledger = read_ledger(moved)
    assert ledger.errors == []
    got = {(r.sheet, r.measure_code): {f: getattr(r, f) for f in FIELDS} for r in ledger.rows}
    assert got == {k: {f: v[f] for f in FIELDS} for k, v in EDITED.items()}
    assert {(r.sheet, r.measure_code): r.key for r in ledger.rows} == KEYS
    assert ledger.columns[SHEET_1]["percent"] == "J"
    assert ledger.columns[SHEET_1]["phone"] == "Q"
    assert [r.deadline for r in ledger.rows][:2] == [date(2021, 6, 30), None]
