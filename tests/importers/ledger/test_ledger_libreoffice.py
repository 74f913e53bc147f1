"""Ledgers that went through LibreOffice read the same as the file it was given.

The fixtures are committed (``tests/fixtures/ledger/make_fixtures.py`` makes
them with ``soffice``), so these tests need no LibreOffice.  The openpyxl
checks document what a LibreOffice re-save keeps of the export's guard rails.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl
import pytest
from python_calamine import CalamineWorkbook, SheetVisibleEnum

from importers.ledger.metadata import META_SHEET
from importers.ledger.model import ReturnedRow
from importers.ledger.ole import stream_names
from importers.ledger.reader import read_ledger
from tests.fixtures.ledger.samples import EDITED, FIELDS, KEYS, SHEET_1, SHEET_2

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ledger"
RETURNED = ["unit_edited.xlsx", "unit_edited_lo.xlsx", "unit_edited.xls", "unit_edited.ods"]


def _rows(name: str) -> list[ReturnedRow]:
    ledger = read_ledger(FIXTURES / name)
    assert ledger.keys_found is True
    assert ledger.errors == []
    return ledger.rows


@pytest.mark.parametrize("name", RETURNED)
def test_every_format_reads_the_unit_edits(name: str) -> None:
    rows = _rows(name)
    got = {
        (r.sheet, r.measure_code): {
            **{f: getattr(r, f) for f in FIELDS},
            "deadline": r.deadline,
            "deadline_text": r.deadline_text,
        }
        for r in rows
    }
    assert got == EDITED
    assert {(r.sheet, r.measure_code): r.key for r in rows} == KEYS
    assert [r.row for r in rows] == [4, 5, 6, 7, 4, 5]


def test_all_four_read_to_the_same_rows() -> None:
    first, *others = (_rows(name) for name in RETURNED)
    for rows in others:
        assert rows == first


@pytest.mark.parametrize("name", RETURNED)
def test_hidden_sheet_stays_hidden(name: str) -> None:
    with CalamineWorkbook.from_path(FIXTURES / name) as book:
        visible = {m.name: m.visible for m in book.sheets_metadata}
    assert visible == {
        SHEET_1: SheetVisibleEnum.Visible,
        SHEET_2: SheetVisibleEnum.Visible,
        META_SHEET: SheetVisibleEnum.Hidden,
    }


def test_libreoffice_xlsx_keeps_the_guard_rails() -> None:
    wb = openpyxl.load_workbook(FIXTURES / "unit_edited_lo.xlsx")
    ws = wb[SHEET_1]
    status, percent = ws.data_validations.dataValidation
    assert (status.type, status.formula1, str(status.sqref)) == (
        "list",
        '"未启动,推进中,已完成,长期坚持"',
        "H4:H7",
    )
    assert status.showErrorMessage is True
    assert status.errorTitle == "完成状态填写有误"
    assert (percent.type, percent.formula1, percent.formula2) == ("whole", "0", "100")
    assert ws.protection.sheet is True
    assert (ws.protection.formatColumns, ws.protection.autoFilter) == (False, False)
    assert [ws.cell(4, c).protection.locked for c in range(1, 15)] == [True] * 7 + [False] * 7
    assert ws.print_title_rows == "$3:$3"
    assert (ws.page_setup.orientation, ws.page_setup.fitToWidth) == ("landscape", 1)
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert "A1:N1" in {str(r) for r in ws.merged_cells.ranges}
    assert (ws["J4"].value, ws["J4"].data_type) == ("=1+1", "s")  # not recalculated to 2
    assert wb[META_SHEET].protection.sheet is True
    # What a headless LibreOffice re-save drops: the frozen panes (there is no view to
    # save them from), and the font name is replaced by the one it substituted.
    assert ws.freeze_panes is None
    assert ws["D4"].font.name != "宋体"


def test_libreoffice_ods_keeps_validation_and_protection() -> None:
    with zipfile.ZipFile(FIXTURES / "unit_edited.ods") as z:
        content = z.read("content.xml").decode()
        styles = z.read("styles.xml").decode()
    assert "of:cell-content-is-in-list(&quot;未启动&quot;;&quot;推进中&quot;" in content
    assert "cell-content-is-whole-number() and cell-content-is-between(0,100)" in content
    protected = re.findall(r'<table:table table:name="([^"]*)"[^>]*table:protected="true"', content)
    assert protected == [SHEET_1, SHEET_2, META_SHEET]
    assert 'style:cell-protect="none"' in content  # the unlocked fill-in cells
    assert "<table:table-header-rows>" in content  # print titles
    assert 'style:print-orientation="landscape"' in styles
    assert 'style:scale-to-X="1"' in styles


def test_libreoffice_xls_is_a_workbook_stream() -> None:
    assert {"Workbook"} <= stream_names((FIXTURES / "unit_edited.xls").read_bytes())
