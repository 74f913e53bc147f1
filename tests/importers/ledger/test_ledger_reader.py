"""Exported ledgers read back, as exported and as units edit them."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from importers.ledger.errors import LedgerReadError
from importers.ledger.metadata import META_SHEET
from importers.ledger.model import CellError, LedgerFile, ReturnedRow
from importers.ledger.reader import read_ledger
from importers.ledger.writer import write_ledger
from tests.fixtures.ledger.samples import (
    EDITED,
    FIELDS,
    KEYS,
    SHEET_1,
    SHEET_2,
    UNIT,
    edit_as_unit,
    sample_workbook,
)


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "exported.xlsx"
    write_ledger(sample_workbook(), path)
    return path


def _edit(src: Path, dst: Path, change: Any) -> Path:
    wb = openpyxl.load_workbook(src)
    change(wb)
    wb.save(dst)
    return dst


def _by_code(ledger: LedgerFile) -> dict[tuple[str, str], ReturnedRow]:
    return {(r.sheet, r.measure_code): r for r in ledger.rows}


def _values(row: ReturnedRow) -> dict[str, Any]:
    picked = {name: getattr(row, name) for name in FIELDS}
    return {**picked, "deadline": row.deadline, "deadline_text": row.deadline_text}


NEW_FIELDS = ("delay_reason", "evidence", "extension_to", "extension_reason")
"""Fill-in columns of format 2, empty in the sample."""


def test_round_trip(exported: Path) -> None:
    book = sample_workbook()
    ledger = read_ledger(exported)
    assert ledger.file_name == "exported.xlsx"
    assert ledger.sha256 == hashlib.sha256(exported.read_bytes()).hexdigest()
    assert ledger.keys_found is True
    assert ledger.errors == []
    names = {"doc-1": SHEET_1, "doc-2": SHEET_2}
    expected = [
        (names[sheet.doc_key], sheet.doc_key, row) for sheet in book.sheets for row in sheet.rows
    ]
    assert len(ledger.rows) == len(expected) == 6
    for got, (sheet, doc_key, row) in zip(ledger.rows, expected, strict=True):
        fill_in = {name: getattr(row, name) for name in FIELDS} | {"status": row.status or None}
        fill_in["progress"] = row.progress.strip()  # outer whitespace is not the unit's words
        assert (got.sheet, got.key, got.doc_key) == (sheet, row.key, doc_key)
        assert (got.measure_code, got.unit) == (row.measure_code, row.unit)
        assert {name: getattr(got, name) for name in FIELDS} == fill_in
        assert got.exported == fill_in | dict.fromkeys(NEW_FIELDS, "")
        # 完成时限 shows deadline_text when there is one; only a date cell reads back as a date
        assert got.deadline == (None if row.deadline_text else row.deadline)
        assert got.deadline_text == (row.deadline_text or (str(row.deadline or "")))
    assert [r.row for r in ledger.rows] == [4, 5, 6, 7, 4, 5]
    first = ledger.rows[0]
    assert (first.progress, first.problems, first.next_steps) == ("=1+1", "-", "@SUM(A1)")
    assert first.phone == "+86 951 1234567"
    assert ledger.rows[1].progress == "第一行\n第二行\n第三行"
    assert ledger.rows[1].deadline is None
    assert ledger.rows[1].deadline_text == "长期坚持"
    assert ledger.rows[2].status is None


def test_metadata_read_back(exported: Path) -> None:
    meta = read_ledger(exported).meta
    assert meta is not None
    assert (meta.format_version, meta.kind, meta.unit) == (2, "unit", UNIT)
    assert meta.round_name == "2021年第二季度"
    assert str(meta.as_of) == "2021-06-30"
    assert str(meta.exported_at) == "2021-07-01 09:30:05"
    assert meta.office == "自治区优化营商环境协调小组办公室"
    assert meta.sheets == {SHEET_1: "doc-1", SHEET_2: "doc-2"}
    assert [(e.sheet, e.row, e.key) for e in meta.entries][:2] == [
        (SHEET_1, 4, "101"),
        (SHEET_1, 5, "102"),
    ]


def test_unit_edits_are_normalized(exported: Path, tmp_path: Path) -> None:
    edited = tmp_path / "edited.xlsx"
    edit_as_unit(exported, edited)
    ledger = read_ledger(edited)
    assert ledger.errors == []
    rows = _by_code(ledger)
    assert {k: _values(r) for k, r in rows.items()} == EDITED
    assert {k: r.key for k, r in rows.items()} == KEYS
    assert rows[(SHEET_1, "2")].exported == {
        "status": "长期坚持",
        "percent": None,
        "progress": "第一行\n第二行\n第三行",
        "problems": "",
        "next_steps": "",
        "contact": "张三",
        "phone": "",
        **dict.fromkeys(NEW_FIELDS, ""),
    }


def test_bad_cells_are_reported_and_the_rest_read(exported: Path, tmp_path: Path) -> None:
    def change(wb: Any) -> None:
        ws = wb[SHEET_1]
        ws["J4"] = "差不多"
        ws["K5"] = 150
        ws["K6"] = "过半"
        ws["L6"] = "照常填写"
        ws["J7"] = "已销号"
        ws["L9"] = "备注：以上情况属实。"

    ledger = read_ledger(_edit(exported, tmp_path / "bad.xlsx", change))
    assert [str(e) for e in ledger.errors] == [
        f'{SHEET_1}!J4: unknown status "差不多"; allowed: 未启动、推进中、已完成、已销号、长期坚持',
        f"{SHEET_1}!K5: percent 150 is outside 0–100",
        f'{SHEET_1}!K6: percent "过半" is not a number',
        f"{SHEET_1}!B9: row 9 is filled in but has no 措施编号 (measure code)",
    ]
    assert ledger.errors[0] == CellError(SHEET_1, "J4", ledger.errors[0].reason)
    rows = _by_code(ledger)
    assert rows[(SHEET_1, "1")].status is None
    assert rows[(SHEET_1, "2")].percent is None
    assert rows[(SHEET_1, "3.1")].progress == "照常填写"
    assert rows[(SHEET_1, "12")].status == "已销号"
    assert len(ledger.rows) == 6


def test_rows_sorted_by_the_unit_keep_their_keys(exported: Path, tmp_path: Path) -> None:
    def reverse(wb: Any) -> None:
        ws = wb[SHEET_1]
        values = [
            [(c.value, c.data_type) for c in row] for row in ws.iter_rows(min_row=4, max_row=7)
        ]
        for r, line in enumerate(reversed(values), start=4):
            for c, (value, data_type) in enumerate(line, start=1):
                ws.cell(r, c).value = value
                ws.cell(r, c).data_type = data_type  # "=1+1" and "#N/A" stay text, as typed

    ledger = read_ledger(_edit(exported, tmp_path / "sorted.xlsx", reverse))
    rows = _by_code(ledger)
    assert [r.measure_code for r in ledger.rows[:4]] == ["12", "3.1", "2", "1"]
    assert [r.row for r in ledger.rows[:4]] == [4, 5, 6, 7]
    assert {k: r.key for k, r in rows.items()} == KEYS
    assert rows[(SHEET_1, "12")].exported is not None
    assert rows[(SHEET_1, "12")].exported["status"] == "未启动"


def test_inserted_and_duplicated_rows(exported: Path, tmp_path: Path) -> None:
    def change(wb: Any) -> None:
        ws = wb[SHEET_1]
        ws.insert_rows(5)
        ws["B5"], ws["G5"], ws["J5"] = "99", UNIT, "推进中"  # a measure we never sent
        ws["B9"], ws["G9"], ws["J9"] = "1", UNIT, "已完成"  # measure 1 pasted again

    ledger = read_ledger(_edit(exported, tmp_path / "inserted.xlsx", change))
    got = [(r.row, r.measure_code, r.key) for r in ledger.rows if r.sheet == SHEET_1]
    assert got == [
        (4, "1", "101"),
        (5, "99", None),
        (6, "2", "102"),
        (7, "3.1", "103"),
        (8, "12", "104"),
        (9, "1", None),
    ]


def test_renamed_sheet_still_matches(exported: Path, tmp_path: Path) -> None:
    def rename(wb: Any) -> None:
        wb[SHEET_2].title = "政务服务"

    ledger = read_ledger(_edit(exported, tmp_path / "renamed.xlsx", rename))
    rows = _by_code(ledger)
    assert rows[("政务服务", "1")].key == "201"
    assert rows[("政务服务", "1")].doc_key == "doc-2"
    assert rows[(SHEET_1, "1")].key == "101"


def test_hidden_sheet_deleted(exported: Path, tmp_path: Path) -> None:
    def drop(wb: Any) -> None:
        del wb[META_SHEET]

    ledger = read_ledger(_edit(exported, tmp_path / "no-meta.xlsx", drop))
    assert ledger.keys_found is False
    assert ledger.meta is None
    assert ledger.errors == []
    assert [(r.sheet, r.measure_code, r.unit) for r in ledger.rows] == [
        (SHEET_1, "1", UNIT),
        (SHEET_1, "2", UNIT),
        (SHEET_1, "3.1", UNIT),
        (SHEET_1, "12", UNIT),
        (SHEET_2, "1", UNIT),
        (SHEET_2, "2", UNIT),
    ]
    assert all(r.key is None and r.exported is None and r.doc_key is None for r in ledger.rows)
    assert ledger.rows[0].status == "推进中"


def test_damaged_hidden_sheet_is_ignored_with_an_error(exported: Path, tmp_path: Path) -> None:
    def damage(wb: Any) -> None:
        wb[META_SHEET]["A1"] = "something else"

    ledger = read_ledger(_edit(exported, tmp_path / "damaged-meta.xlsx", damage))
    assert ledger.keys_found is False
    assert [str(e) for e in ledger.errors] == [
        f"{META_SHEET}!A1: metadata ignored: the metadata sheet was not written by this program"
    ]
    assert len(ledger.rows) == 6


def test_missing_required_column_names_the_sheet(exported: Path, tmp_path: Path) -> None:
    def drop_status(wb: Any) -> None:
        wb[SHEET_2].delete_cols(10)

    path = _edit(exported, tmp_path / "no-status.xlsx", drop_status)
    with pytest.raises(LedgerReadError) as caught:
        read_ledger(path)
    assert caught.value.file_name == "no-status.xlsx"
    assert str(caught.value) == (
        f'no-status.xlsx: sheet "{SHEET_2}" has no column 完成状态 (looked for it in the header row 3)'
    )


def test_headers_found_by_text_in_any_order(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws["A1"] = "某某工作台账"
    headers = ["进展\n情况", "备注", "责任 单位", "完成进度（%）", "完成状态", "措施编号", "序号"]
    for r, line in enumerate(
        [
            [],
            [],
            headers,
            ["已开展调研", "随便写", UNIT, "60％", "进行中", 7, 1],
            [],
            [None, "只有备注的行被跳过"],
            ["", None, UNIT, None, "未开展", "8", 2],
        ],
        start=2,
    ):
        for c, value in enumerate(line, start=1):
            ws.cell(r, c).value = value
    path = tmp_path / "other-template.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert ledger.keys_found is False
    assert ledger.errors == []
    assert [r._asdict() for r in ledger.rows] == [
        {
            **dict.fromkeys(
                ("problems", "next_steps", "contact", "phone", "deadline_text", "content"), ""
            ),
            **dict.fromkeys(("delay_reason", "evidence", "extension_reason"), ""),
            "extension_to": None,
            "sheet": "Sheet1",
            "row": 5,
            "key": None,
            "measure_code": "7",
            "unit": UNIT,
            "status": "推进中",
            "percent": 60,
            "progress": "已开展调研",
            "exported": None,
            "doc_key": None,
            "deadline": None,
        },
        {
            **dict.fromkeys(
                ("problems", "next_steps", "contact", "phone", "deadline_text", "content"), ""
            ),
            **dict.fromkeys(("delay_reason", "evidence", "extension_reason"), ""),
            "extension_to": None,
            "sheet": "Sheet1",
            "row": 8,
            "key": None,
            "measure_code": "8",
            "unit": UNIT,
            "status": "未启动",
            "percent": None,
            "progress": "",
            "exported": None,
            "doc_key": None,
            "deadline": None,
        },
    ]


def test_master_ledger_reads_and_skips_the_summary(tmp_path: Path) -> None:
    path = tmp_path / "总台账.xlsx"
    write_ledger(sample_workbook("master"), path)
    ledger = read_ledger(path)
    assert ledger.meta is not None and ledger.meta.kind == "master"
    assert ledger.meta.unit is None
    assert len(ledger.rows) == 6
    assert {r.sheet for r in ledger.rows} == {SHEET_1, SHEET_2}


def test_merged_unit_cells_count_for_every_row(exported: Path, tmp_path: Path) -> None:
    def merge(wb: Any) -> None:
        ws = wb[SHEET_1]
        for r in range(5, 8):
            ws.cell(r, 6).value = None
        ws.merge_cells("G4:G7")

    ledger = read_ledger(_edit(exported, tmp_path / "merged.xlsx", merge))
    rows = [r for r in ledger.rows if r.sheet == SHEET_1]
    assert [(r.unit, r.key) for r in rows] == [(UNIT, k) for k in ("101", "102", "103", "104")]


def test_stray_cell_far_away_is_refused_before_calamine_allocates_it(
    exported: Path, tmp_path: Path
) -> None:
    def stray(wb: Any) -> None:
        wb[SHEET_2]["XFD1048576"] = "x"

    path = _edit(exported, tmp_path / "stray.xlsx", stray)
    with pytest.raises(LedgerReadError) as caught:
        read_ledger(path)
    assert caught.value.message == (
        f'sheet "{SHEET_2}" reaches cell XFD1048576, far outside any ledger; '
        "delete the stray content there and send the file again"
    )


def test_escape_like_text_reads_back_exactly(tmp_path: Path) -> None:
    book = sample_workbook()
    text = "编号_x0041_与_x005F_及_x0000_"
    book.sheets[1].rows[0] = dataclasses.replace(book.sheets[1].rows[0], progress=text)
    write_ledger(book, tmp_path / "escape.xlsx")
    row = read_ledger(tmp_path / "escape.xlsx").rows[4]
    assert row.progress == text
    assert row.exported is not None and row.exported["progress"] == text
