"""The hidden sheet's per-row values are found by the names in its header line."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from importers.ledger.metadata import (
    FORMAT_1_ROW_HEADER,
    MAGIC,
    META_SHEET,
    MetaFormatError,
    parse_meta,
)
from importers.ledger.reader import read_ledger

FORMAT_1 = Path(__file__).resolve().parents[2] / "fixtures" / "ledger" / "format1_edited.xlsx"


def _lines(header: list[object], *rows: list[object]) -> list[list[object]]:
    return [[MAGIC, "1"], ["kind", "unit"], header, *rows]


def test_values_are_read_by_name_whatever_the_order() -> None:
    header: list[object] = [
        "#",
        "key",
        " sheet ",
        "row",
        "unit",
        "measure_code",
        "phone",
        "a_later_column",
        "percent",
        "status",
        "progress\n",
        "deadline",
    ]
    meta = parse_meta(
        _lines(
            header,
            [
                "row",
                "101",
                "台账",
                4,
                "甲",
                "1",
                "0951-1234567",
                "x",
                "80",
                "推进中",
                " 已起草 ",
                "2021-06-30",
            ],
            ["row", "102", "台账", "5", "甲", "2", "", "", "", ""],
        )
    )
    first, second = meta.entries
    assert (first.sheet, first.row, first.key, first.measure_code, first.unit) == (
        "台账",
        4,
        "101",
        "1",
        "甲",
    )
    assert first.exported["status"] == "推进中"
    assert first.exported["percent"] == 80
    assert first.exported["progress"] == "已起草"
    assert first.exported["phone"] == "0951-1234567"
    assert first.exported["problems"] == ""  # a column the header does not name: empty
    assert first.deadline == "2021-06-30"
    assert first.content is None  # no content_digest column: unknown
    assert (second.row, second.key, second.exported["status"], second.deadline) == (
        5,
        "102",
        None,
        "",
    )


def test_lines_before_any_header_line_have_format_1_positions() -> None:
    values = ["台账", "4", "101", "1", "甲", "推进中", "50", "进展", "", "", "李四", ""]
    meta = parse_meta([[MAGIC, "1"], ["row", *values, "2021年底", "abc"]])
    (entry,) = meta.entries
    assert (entry.exported["contact"], entry.exported["percent"]) == ("李四", 50)
    assert (entry.deadline, entry.content) == ("2021年底", "abc")
    assert FORMAT_1_ROW_HEADER[6:13] == (
        "status",
        "percent",
        "progress",
        "problems",
        "next_steps",
        "contact",
        "phone",
    )


def test_a_header_without_a_key_column_names_its_cell() -> None:
    header = [name for name in FORMAT_1_ROW_HEADER if name != "key"]
    with pytest.raises(MetaFormatError) as raised:
        parse_meta(_lines(header, ["row", "台账", "4", "1", "甲"]))
    assert raised.value.cell == "A3"
    assert str(raised.value) == "the metadata sheet's row header (row 3) has no column key"


def test_the_reader_names_the_hidden_sheets_cell_and_reads_on_without_keys(
    tmp_path: Path,
) -> None:
    wb = openpyxl.load_workbook(FORMAT_1)
    meta = wb[META_SHEET]
    header_row = next(r for r in range(1, 20) if meta.cell(r, 1).value == "#")
    assert header_row == 10
    meta.cell(header_row, 4).value = "钥匙"  # was "key"
    damaged = tmp_path / "damaged.xlsx"
    wb.save(damaged)
    ledger = read_ledger(damaged)
    assert ledger.keys_found is False
    assert [str(e) for e in ledger.errors] == [
        f"{META_SHEET}!A10: metadata ignored: "
        "the metadata sheet's row header (row 10) has no column key"
    ]
    assert [r.key for r in ledger.rows] == [None] * 6
    assert [r.status for r in ledger.rows] == [
        "已完成",
        "推进中",
        "已完成",
        "推进中",
        "已完成",
        "推进中",
    ]
