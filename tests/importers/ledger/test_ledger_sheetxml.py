"""The data rows written as sheet XML: exact cells, the styles openpyxl would give them,
and a package that openpyxl, python-calamine and LibreOffice read as before."""

from __future__ import annotations

import zipfile
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from xml.etree import ElementTree

import openpyxl
import pytest
from openpyxl import Workbook
from python_calamine import CalamineWorkbook

from importers.ledger import layout, sheetxml
from importers.ledger.metadata import META_SHEET
from importers.ledger.model import LedgerRow, LedgerSheet, LedgerWorkbook
from importers.ledger.reader import read_ledger
from importers.ledger.sheetxml import date_cell, number_cell, row, style_attr, text_cell
from importers.ledger.writer import write_ledger
from tests.fixtures.ledger.samples import SHEET_1, sample_workbook
from tests.tools import needs_calc

S = ' s="9"'


@pytest.mark.parametrize(
    ("value", "xml"),
    [
        ("推进中", '<c r="J4" s="9" t="inlineStr"><is><t>推进中</t></is></c>'),
        (
            "<a & b> \"q\" 'x'",
            '<c r="J4" s="9" t="inlineStr"><is><t>&lt;a &amp; b&gt; "q" \'x\'</t></is></c>',
        ),
        ("=1+1", '<c r="J4" s="9" t="inlineStr"><is><t>=1+1</t></is></c>'),
        ("#N/A", '<c r="J4" s="9" t="inlineStr"><is><t>#N/A</t></is></c>'),
        ("a\x00b\x07c\td\x1f\ufffe", '<c r="J4" s="9" t="inlineStr"><is><t>abc\td</t></is></c>'),
        ("a\r\nb", '<c r="J4" s="9" t="inlineStr"><is><t>a&#13;\nb</t></is></c>'),
        ("第一行\n第二行", '<c r="J4" s="9" t="inlineStr"><is><t>第一行\n第二行</t></is></c>'),
        (
            "  前后有空格 ",
            '<c r="J4" s="9" t="inlineStr"><is><t xml:space="preserve">  前后有空格 </t></is></c>',
        ),
        (
            "\n下步",
            '<c r="J4" s="9" t="inlineStr"><is><t xml:space="preserve">\n下步</t></is></c>',
        ),
        ("_x0041_", '<c r="J4" s="9" t="inlineStr"><is><t>_x005F_x0041_</t></is></c>'),
        ("", '<c r="J4" s="9"/>'),
        ("\x01\x02", '<c r="J4" s="9"/>'),
    ],
)
def test_text_cell(value: str, xml: str) -> None:
    assert text_cell("J4", S, value) == xml


def test_text_cell_keeps_excels_limit() -> None:
    xml = text_cell("D4", "", "一" * 40_000 + "&")
    assert xml == '<c r="D4" t="inlineStr"><is><t>' + "一" * 32767 + "</t></is></c>"


def test_numbers_dates_and_rows() -> None:
    assert number_cell("I4", S, 50) == '<c r="I4" s="9"><v>50</v></c>'
    assert number_cell("I4", S, 0) == '<c r="I4" s="9"><v>0</v></c>'
    assert number_cell("I4", S, None) == '<c r="I4" s="9"/>'
    assert date_cell("G4", S, date(2021, 6, 30)) == '<c r="G4" s="9"><v>44377</v></c>'
    assert date_cell("G4", S, date(1900, 3, 1)) == '<c r="G4" s="9"><v>61</v></c>'
    assert date_cell("G4", S, None) == '<c r="G4" s="9"/>'
    assert row(4, ["<c/>", "<c/>"]) == '<row r="4"><c/><c/></row>'
    assert row(5, ["<c/>"], 44.5) == '<row r="5" ht="44.5" customHeight="1"><c/></row>'
    assert row(6, [], 31.0) == '<row r="6" ht="31" customHeight="1"></row>'


def test_style_attr_is_the_id_openpyxl_writes() -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("s")
    palette = layout.make_palette(ws)
    ids = {name: style_attr(ws, getattr(palette, name)) for name in ("text", "date", "fill_number")}
    assert len(set(ids.values())) == 3
    for name, attr in ids.items():
        assert attr == f' s="{layout.cell(ws, "x", getattr(palette, name)).style_id}"'


AWKWARD = LedgerRow(
    key="9",
    measure_code="=1+1",
    task="任务<&>\"'",
    content="一" * 40_000,
    lead_units="",
    unit="单位\x07",
    deadline=date(2021, 6, 30),
    status="推进中",
    percent=0,
    progress="  前后有空格\r\n第二行 ",
    problems="#N/A",
    next_steps="_x0041_",
    contact="",
    phone="+86 951 1234567",
    support_units="配合<单位>",
    milestones="2021年6月底前\n完成",
    delay_reason="  原因 ",
    evidence="=A1",
    extension_to=date(2021, 12, 31),
    extension_reason="#REF!",
)


def _reference(path: Path) -> None:
    """The awkward row's cells written by openpyxl itself, as the writer once did."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("ref")
    p = layout.make_palette(ws)
    r = AWKWARD
    c = layout.cell
    ws.append(
        [
            c(ws, 1, p.center),
            c(ws, r.measure_code, p.center),
            c(ws, r.task, p.text),
            c(ws, r.content, p.text),
            c(ws, r.lead_units, p.center),
            c(ws, r.support_units, p.center),
            c(ws, r.unit, p.center),
            c(ws, r.deadline, p.date),
            c(ws, r.milestones, p.text),
            c(ws, r.status, p.fill_center),
            c(ws, r.percent, p.fill_number),
            c(ws, r.progress, p.fill_text),
            c(ws, r.problems, p.fill_text),
            c(ws, r.next_steps, p.fill_text),
            c(ws, r.delay_reason, p.fill_text),
            c(ws, r.evidence, p.fill_text),
            c(ws, r.extension_to, p.fill_date),
            c(ws, r.extension_reason, p.fill_text),
            c(ws, r.contact, p.fill_center),
            c(ws, r.phone, p.fill_phone),
        ]
    )
    wb.save(path)


def _look(cell: Any) -> tuple[Any, ...]:
    value = cell.value
    return (
        value.date() if hasattr(value, "date") else value,
        cell.data_type if value is not None else None,
        cell.number_format,
        *(repr(part) for part in (cell.font, cell.alignment, cell.border, cell.fill)),
        repr(cell.protection),
    )


def _awkward_book() -> LedgerWorkbook:
    book = sample_workbook()
    return LedgerWorkbook(
        "unit",
        book.unit,
        book.round_name,
        book.as_of,
        book.exported_at,
        book.office,
        [LedgerSheet("台账", "d", [AWKWARD, *book.sheets[0].rows])],
    )


def test_cells_read_back_as_openpyxls_own(tmp_path: Path) -> None:
    ours, reference = tmp_path / "ours.xlsx", tmp_path / "reference.xlsx"
    write_ledger(_awkward_book(), ours)
    _reference(reference)
    got = openpyxl.load_workbook(ours)["台账"]
    want = openpyxl.load_workbook(reference)["ref"]
    for col in range(1, 21):
        assert _look(got.cell(4, col)) == _look(want.cell(1, col)), col
    assert got["B4"].value == "=1+1"
    assert got["C4"].value == "任务<&>\"'"
    assert got["D4"].value == "一" * 32767
    assert got["F4"].value == "配合<单位>"
    assert got["G4"].value == "单位"
    assert got["H4"].number_format == layout.DATE_FORMAT
    assert got["I4"].value == "2021年6月底前\n完成"
    assert got["K4"].value == 0
    assert got["L4"].value == "  前后有空格\r\n第二行 "
    assert (got["O4"].value, got["P4"].value, got["R4"].value) == ("  原因 ", "=A1", "#REF!")
    assert got["Q4"].value.date() == date(2021, 12, 31)
    assert got["S4"].value is None
    with CalamineWorkbook.from_path(str(ours)) as book:
        cells = book.get_sheet_by_name("台账").to_python()[3]
    assert cells[12:14] == ["#N/A", "_x0041_"]
    assert cells[18:] == ["", "+86 951 1234567"]  # openpyxl keeps _x005F_  # openpyxl keeps _x005F_


def test_row_heights(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    write_ledger(sample_workbook(), path)
    ws = openpyxl.load_workbook(path)[SHEET_1]
    heights = [ws.row_dimensions[r].height for r in range(1, 8)]
    # title, info, header; 具体内容 in three lines; 进展情况 in three; 重点任务 in two; three
    assert heights == [36, 20, 30, 44.5, 44.5, 31, 44.5]
    assert all(ws.row_dimensions[r].customHeight for r in range(1, 8))


def test_package_is_plain_utf8_xml_without_zip64(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    write_ledger(_awkward_book(), path)
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        assert all(info.extra == b"" for info in z.infolist())  # Zip64 would put sizes here
        sheet = z.read("xl/worksheets/sheet1.xml")
        meta = z.read("xl/worksheets/sheet2.xml")
    assert "一一一".encode() in sheet  # UTF-8, not &#19968; references
    root = ElementTree.fromstring(sheet)
    ns = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    numbers = [int(r.get("r", "0")) for r in root.iter(ns + "row")]
    assert numbers == list(range(1, 9))
    assert [c.get("r") for c in root.find(f"{ns}sheetData/{ns}row[4]") or []][:3] == [
        "A4",
        "B4",
        "C4",
    ]
    meta_rows = [int(r.get("r", "0")) for r in ElementTree.fromstring(meta).iter(ns + "row")]
    assert meta_rows == list(range(1, len(meta_rows) + 1))


def test_hidden_sheet_lines_follow_its_header(tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    write_ledger(_awkward_book(), path)
    with CalamineWorkbook.from_path(str(path)) as book:
        lines = book.get_sheet_by_name(META_SHEET).to_python()
    header = lines.index(["#", "sheet", "row", "key", "measure_code", "unit", "status",
                          "percent", "progress", "problems", "next_steps", "delay_reason",
                          "evidence", "extension_to", "extension_reason", "contact", "phone",
                          "deadline", "content_digest"])  # fmt: skip
    assert lines[header + 1] == [
        "row", "台账", "4", "9", "=1+1", "单位", "推进中", "0", "  前后有空格\r\n第二行 ",
        "#N/A", "_x0041_", "  原因 ", "=A1", "2021-12-31", "#REF!", "", "+86 951 1234567",
        "2021-06-30", "340694824a805aa8",
    ]  # fmt: skip
    assert [line[2] for line in lines[header + 1 :]] == ["4", "5", "6", "7", "8"]


def test_big_sheets_spill_to_disk_with_the_same_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_ledger(_awkward_book(), tmp_path / "memory.xlsx")
    monkeypatch.setattr(sheetxml, "SPOOL_BYTES", 1024)
    write_ledger(_awkward_book(), tmp_path / "disk.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "memory.xlsx") as a,
        zipfile.ZipFile(tmp_path / "disk.xlsx") as b,
    ):
        assert a.namelist() == b.namelist()
        for name in a.namelist():
            if name != "docProps/core.xml":  # holds the time of saving
                assert a.read(name) == b.read(name), name


def test_rows_for_a_part_openpyxl_did_not_write_are_refused(tmp_path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("s")
    ws.append(["x"])
    elsewhere = SimpleNamespace(path="/xl/worksheets/sheet9.xml")
    with pytest.raises(ValueError, match="sheet9"):
        sheetxml.save(wb, [(ws, [row(2, [])]), (elsewhere, [row(1, [])])], tmp_path / "x.xlsx")


def _libreoffice(src: Path, target: str, out: Path) -> None:
    from tests.fixtures.ledger.make_fixtures import convert

    convert(src, target, out)


@needs_calc
@pytest.mark.parametrize(
    ("suffix", "target"), [(".xlsx", "xlsx:Calc MS Excel 2007 XML"), (".ods", "ods:calc8")]
)
def test_libreoffice_resave_reads_back_the_same(tmp_path: Path, suffix: str, target: str) -> None:
    exported = tmp_path / "exported.xlsx"
    book = _awkward_book()
    write_ledger(book, exported)
    resaved = tmp_path / f"resaved{suffix}"
    _libreoffice(exported, target, resaved)
    original, back = read_ledger(exported), read_ledger(resaved)
    assert back.errors == []
    assert back.keys_found is True
    assert back.rows == original.rows
    assert [r.key for r in back.rows] == [r.key for r in book.sheets[0].rows]
    assert back.rows[0].progress == "前后有空格\n第二行"
