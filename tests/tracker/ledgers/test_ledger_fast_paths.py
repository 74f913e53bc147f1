"""The ledger reader's fast paths give the previews its general paths give.

The data rows of a sheet without unreadable cells are read column by column
(``importers.ledger.sheetcolumns``), the hidden sheet's per-row lines likewise
(``metadata._RowLayout.entries``); the general paths read them line by line.  A
returned master ledger with messy cells — merged areas over fill-in cells, percent
formats, numbers and dates where text is expected, unknown words, blank rows, a note
and a repeated header under the table, a row of no assignment, a copied sheet with
a formula without a result and an error value — is previewed both ways.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from importers.ledger import metadata, reader
from importers.ledger.facts import SheetFacts
from importers.ledger.model import CellError
from importers.ledger.sheetcolumns import SheetColumns, drafts_as_columns
from importers.ledger.sheetparse import Header, read_rows
from tests.tracker.conftest import sample_document, source
from tracker.ledgers.ledger_records import FilePreview
from tracker.rounds.round_service import RoundService
from tracker.services import Services

ROUND = "2021年第2季度"


@pytest.fixture
def messy(services: Services, tmp_path: Path) -> Path:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    master = services.ledger_export.export_master(ROUND, tmp_path / "sent")
    wb = openpyxl.load_workbook(master)
    ws = wb["台账"]
    assert [ws.cell(3, c).value for c in (2, 7, 10, 11, 12)] == [
        "措施编号",
        "责任单位",
        "完成状态",
        "完成进度(%)",
        "进展情况",
    ]
    cells: dict[str, Any] = {
        "J4": "已完成",
        "L4": "新进展\r\n第二行",
        "D4": "单位改了具体内容",
        "J5": " 推进 中 ",
        "K5": 0.5,
        "T5": 13912345678,
        "H7": "2021年12月底前",
        "J6": "瞎写",
        "K6": "abc",
        "J7": "推进中",
        "K7": 0.35,
        "Q7": "下个月",
        "L7": "合并的进展",
        "J8": "推进中",
        "K8": 80,
        "P8": "照片",
        "Q8": date(2021, 12, 31),
        "R8": "等批复",
        "J9": "未启动",
        "K9": "80%",
        "M9": "问题\x7f未清",
        "L12": "注：本表由办公室汇总",
        "B14": "1",
        "G14": "宁夏税务局",
        "J14": "推进中",
    }
    for ref, value in cells.items():
        ws[ref] = value
    ws["K5"].number_format = "0%"
    ws.merge_cells("L7:L8")
    for c in range(1, 21):
        ws.cell(13, c).value = ws.cell(3, c).value  # the header again, under blank rows
    copy = wb.copy_worksheet(ws)
    copy["J4"] = "=A1"  # no calculated value
    copy["K5"] = "#N/A"  # an error value
    copy["L9"] = "复制表里改的进展"
    back = tmp_path / "returned.xlsx"
    wb.save(back)
    return back


def _general_rows(
    sheet: str,
    lines: list[list[Any]],
    header: Header,
    errors: list[CellError],
    facts: SheetFacts,
) -> SheetColumns:
    """The general path for a sheet the fast path would read (the rows above the data too)."""
    grid = [[] for _ in range(header.row + 1)] + lines
    return drafts_as_columns(read_rows(sheet, grid, header, errors, facts))


def _general_entries(_layout: object, _lines: list[list[str]]) -> list[Any]:
    raise ValueError("read line by line")


def _outcome(preview: FilePreview) -> tuple[object, ...]:
    return (
        preview.to_json(),
        preview.changed,
        preview.unchanged,
        [(r.sheet, r.cell, str(r.reason)) for r in preview.rejected],
        [(i.sheet, i.cell, str(i.reason)) for i in preview.ignored],
        [(w.sheet, w.cell, str(w.reason)) for w in preview.warnings],
        preview.conflicts,
        preview.kept,
        preview.contacts,
        preview.requests,
    )


def test_fast_and_general_paths_give_the_same_preview(
    services: Services, messy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast_sheets: list[str] = []
    read_columns = reader.read_columns

    def counted(sheet: str, *args: Any) -> SheetColumns:
        fast_sheets.append(sheet)
        return read_columns(sheet, *args)

    monkeypatch.setattr(reader, "read_columns", counted)
    [fast] = Services.over(services.store).ledger_import.preview([messy])
    assert fast_sheets == ["台账"]  # the copy, with unreadable cells, is read row by row
    monkeypatch.setattr(reader, "read_columns", _general_rows)
    monkeypatch.setattr(metadata._RowLayout, "entries", _general_entries)
    [general] = Services.over(services.store).ledger_import.preview([messy])
    assert _outcome(fast) == _outcome(general)
    rejected = [(r.sheet, r.cell) for r in fast.rejected]
    assert ("台账", "J6") in rejected and ("台账", "K6") in rejected  # 瞎写, abc
    assert ("台账", "K7") in rejected and ("台账", "Q7") in rejected  # 0.35, 下个月
    assert ("台账", "B12") in rejected  # the note under the table
    assert ("台账 Copy", "J4") in rejected and ("台账 Copy", "K5") in rejected
    assert [(c.code, c.unit, c.field, c.new) for c in fast.changed if c.field == "progress"][
        :1
    ] == [("1", "自治区市场监管厅", "progress", "新进展\n第二行")]
