"""Rows streamed or materialized, merged areas filled, rows matched to their exported keys."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from importers.ledger import reader
from importers.ledger.errors import LedgerReadError
from importers.ledger.reader import filled, read_ledger
from importers.ledger.writer import write_ledger
from tests.fixtures.ledger.samples import KEYS, SHEET_1, SHEET_2, UNIT, sample_workbook


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


def test_merged_areas_take_their_top_left_value() -> None:
    rows = [
        ["title", "", "", ""],
        ["a", "b", "c", "d"],
        ["e", "", "g", ""],
        ["", "", "", "h"],
    ]
    merged = [((0, 0), (0, 3)), ((2, 1), (3, 2)), ((1, 3), (2, 3))]
    assert list(filled(iter(rows), merged)) == [
        ["title", "title", "title", "title"],
        ["a", "b", "c", "d"],
        ["e", "", "", "d"],  # B3:C4 takes B3's value, empty as it is
        ["", "", "", "h"],
    ]


def test_a_merged_area_past_the_data_or_the_row_end_is_cut() -> None:
    rows = [["x", "y"], ["", ""]]
    merged = [((1, 0), (5, 9)), ((7, 0), (8, 1))]
    assert list(filled(rows, merged)) == [["x", "y"], ["", ""]]
    merged = [((0, 1), (3, 6))]
    assert list(filled([["x", "y"], ["", ""]], merged)) == [["x", "y"], ["", "y"]]


def _filled_cell_by_cell(rows: list[list[Any]], merged: list[Any]) -> list[list[Any]]:
    """What ``filled`` means, cell by cell: each cell of an area (but a line merged across
    from column A) holds the area's top-left value as read; where forged areas overlap, the
    area opened later (or listed later on the same row) wins."""
    areas = [
        (
            top,
            left,
            bottom,
            right,
            rows[top][left] if top < len(rows) and left < len(rows[top]) else None,
        )
        for (top, left), (bottom, right) in merged
        if not (top == bottom and left == 0 and right >= reader.LINE_ACROSS - 1)
    ]
    areas.sort(key=lambda area: area[0])  # (stable: the listed order within a row)
    out = [list(line) for line in rows]
    for r, line in enumerate(out):
        for top, left, bottom, right, value in areas:
            if top <= r <= bottom:
                for c in range(left, min(right, len(line) - 1) + 1):
                    line[c] = value
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(["", "x", "y", None, 1.0]), max_size=10), max_size=8),
    st.lists(
        st.tuples(st.integers(0, 9), st.integers(0, 11), st.integers(0, 4), st.integers(0, 9)),
        max_size=5,
    ),
)
def test_merged_areas_are_filled_as_cell_by_cell(
    rows: list[list[Any]], areas: list[tuple[int, int, int, int]]
) -> None:
    merged = [((top, left), (top + down, left + across)) for top, left, down, across in areas]
    expected = _filled_cell_by_cell(rows, merged)
    assert list(filled([list(line) for line in rows], merged)) == expected


def test_a_sheet_not_starting_at_a1_keeps_excel_row_numbers(exported: Path, tmp_path: Path) -> None:
    """Title, 填报单位 line and 序号 column emptied: calamine's data starts at B3."""

    def clear(wb: Any) -> None:
        ws = wb[SHEET_1]
        for merged in list(ws.merged_cells.ranges):
            ws.unmerge_cells(str(merged))
        for row in ws.iter_rows(min_row=1, max_row=2):
            for cell in row:
                cell.value = None
        for r in range(1, ws.max_row + 1):
            ws.cell(r, 1).value = None
        ws.merge_cells("F4:F5")

    ledger = read_ledger(_edit(exported, tmp_path / "cleared.xlsx", clear))
    rows = [r for r in ledger.rows if r.sheet == SHEET_1]
    assert [(r.row, r.measure_code, r.unit, r.key) for r in rows] == [
        (4, "1", UNIT, KEYS[(SHEET_1, "1")]),
        (5, "2", UNIT, KEYS[(SHEET_1, "2")]),
        (6, "3.1", UNIT, KEYS[(SHEET_1, "3.1")]),
        (7, "12", UNIT, KEYS[(SHEET_1, "12")]),
    ]
    assert ledger.columns[SHEET_1]["measure_code"] == "B"


def test_a_row_in_place_matches_despite_spacing_and_case(exported: Path, tmp_path: Path) -> None:
    def respace(wb: Any) -> None:
        ws = wb[SHEET_2]
        ws["B4"] = " 1 "
        ws["G4"] = f"{UNIT[:3]} {UNIT[3:]}\n"

    ledger = read_ledger(_edit(exported, tmp_path / "respaced.xlsx", respace))
    [row] = [r for r in ledger.rows if (r.sheet, r.row) == (SHEET_2, 4)]
    assert (row.measure_code, row.unit, row.key) == ("1", f"{UNIT[:3]} {UNIT[3:]}", "201")


def test_a_cell_calamine_cannot_convert_names_the_sheet() -> None:
    def rows() -> Any:
        yield ["ok"]
        raise OverflowError("date out of range")

    stream = reader._streamed("back.xlsx", "台账", rows())
    assert next(stream) == ["ok"]
    with pytest.raises(LedgerReadError) as caught:
        next(stream)
    assert str(caught.value) == (
        'back.xlsx: sheet "台账" is damaged or unreadable (date out of range)'
    )


def test_streamed_and_materialized_sheets_read_alike(
    exported: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    streamed = read_ledger(exported)

    def materialized(name: str, sheet: str, rows: Any) -> Any:
        return list(rows)

    monkeypatch.setattr(reader, "_streamed", materialized)
    assert read_ledger(exported) == streamed
    assert {r.sheet for r in streamed.rows} == {SHEET_1, SHEET_2}


def test_a_header_padded_with_whitespace_is_still_a_header(tmp_path: Path) -> None:
    """Longer than any header, but not once its spaces and line breaks are gone."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["措施编号", " 责 任 单 位 \n\n\n      ", "完成状态", "\u3000进展情况\u3000", "备注"])
    ws.append(["1", UNIT, "推进中", "已开展", "进展情况进展情况进展情况进展情况"])
    path = tmp_path / "padded.xlsx"
    wb.save(path)
    ledger = read_ledger(path)
    assert ledger.columns["台账"] == {
        "measure_code": "A",
        "unit": "B",
        "status": "C",
        "progress": "D",
    }
    assert [(r.measure_code, r.unit, r.status, r.progress) for r in ledger.rows] == [
        ("1", UNIT, "推进中", "已开展")
    ]
