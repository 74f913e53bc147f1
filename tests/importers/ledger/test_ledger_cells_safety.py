"""What a cell's value does not say, read right: percent formats, formulas, errors, 汇总.

Files are built here as a unit's program would leave them: openpyxl writing number
formats and formulas (it never calculates, so its formulas have no cached value),
and LibreOffice re-saving them as .xlsx, .ods and .xls where ``soffice`` is present.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from importers.ledger.cells import CellValueError, percent_cell
from importers.ledger.facts import is_percent_format
from importers.ledger.model import LedgerFile, ReturnedRow
from importers.ledger.reader import read_ledger
from importers.ledger.writer import write_ledger
from importers.ledger.xlsfacts import sheet_facts
from tests.fixtures.ledger.samples import SHEET_1, SHEET_2, UNIT, sample_workbook
from tests.tools import calc_installed, needs_calc

NO_RESULT = (
    "has no calculated value (the program that saved the file did not calculate it); "
    "open the file in Excel or WPS, save it and send it again"
)
SHOWS = "; correct it and send the file again"
AMBIGUOUS = (
    "percent {v} is ambiguous (the cell is not formatted as a percent, so it may mean "
    "{v}% or {h}%); write a whole number 0–100, e.g. 80 for 80%"
)
LO_TYPE = Path(__file__).resolve().parents[2] / "fixtures" / "ledger" / "lo_type.py"


def _uno_python() -> str | None:
    """A Python that can drive LibreOffice (the system one, with python3-uno), if any."""
    for python in ("/usr/bin/python3", shutil.which("python3")):
        if python and calc_installed():
            done = subprocess.run([python, "-c", "import uno"], capture_output=True)
            if done.returncode == 0:
                return python
    return None


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "exported.xlsx"
    write_ledger(sample_workbook(), path)
    return path


def _edit(
    src: Path, dst: Path, cells: dict[str, Any], formats: dict[str, str] | None = None
) -> Path:
    """Set cells of the first data sheet as openpyxl does for a unit's script."""
    wb = openpyxl.load_workbook(src)
    ws = wb[SHEET_1]
    for ref, value in cells.items():
        ws[ref] = value
    for ref, number_format in (formats or {}).items():
        ws[ref].number_format = number_format
    wb.save(dst)
    return dst


def _convert(src: Path, target: str, folder: Path) -> Path:
    from tests.fixtures.ledger.make_fixtures import convert

    out = folder / f"{src.stem}_lo.{target.split(':')[0]}"
    convert(src, target, out)
    return out


def _percents(ledger: LedgerFile) -> dict[str, int | None]:
    return {r.measure_code: r.percent for r in ledger.rows if r.sheet == SHEET_1}


def _errors(ledger: LedgerFile) -> list[str]:
    return [str(e) for e in ledger.errors]


def _rows(ledger: LedgerFile) -> dict[tuple[str, str], ReturnedRow]:
    return {(r.sheet, r.measure_code): r for r in ledger.rows}


# -- percents ---------------------------------------------------------------------------------

PERCENT_EDITS = {"K4": 1, "K5": 0.35, "K6": 1, "K7": 0.5}
PERCENT_FORMATS = {"K4": "0%", "K5": "0%", "K6": "0.00%", "K7": "0.0%"}


def test_percent_formatted_cells_are_read_as_typed(exported: Path, tmp_path: Path) -> None:
    ledger = read_ledger(_edit(exported, tmp_path / "pct.xlsx", PERCENT_EDITS, PERCENT_FORMATS))
    assert _errors(ledger) == []
    assert _percents(ledger) == {"1": 100, "2": 35, "3.1": 100, "12": 50}


def test_numbers_in_plain_cells_are_the_percent_and_fractions_are_refused(
    exported: Path, tmp_path: Path
) -> None:
    edits = {"K4": 1, "K5": 0.35, "K6": 0.5, "K7": 100}
    formats = {"K6": '0"%"'}  # a percent sign printed as text: the value is not scaled
    ledger = read_ledger(_edit(exported, tmp_path / "plain.xlsx", edits, formats))
    assert _errors(ledger) == [
        f"{SHEET_1}!K5: " + AMBIGUOUS.format(v="0.35", h="35"),
        f"{SHEET_1}!K6: " + AMBIGUOUS.format(v="0.5", h="50"),
    ]
    assert _percents(ledger) == {"1": 1, "2": None, "3.1": None, "12": 100}


def test_a_percent_formatted_value_over_one_is_over_100(exported: Path, tmp_path: Path) -> None:
    edits, formats = {"K4": 1.5, "K5": 80}, {"K4": "0%", "K5": "0%"}
    ledger = read_ledger(_edit(exported, tmp_path / "over.xlsx", edits, formats))
    assert _errors(ledger) == [
        f"{SHEET_1}!K4: percent 150 is outside 0–100",
        f"{SHEET_1}!K5: percent 8000 is outside 0–100",
    ]


@needs_calc
@pytest.mark.parametrize(
    "target", ["xlsx:Calc MS Excel 2007 XML", "ods:calc8", "xls:MS Excel 97"], ids=str
)
def test_libreoffice_keeps_percents_in_every_format(
    exported: Path, tmp_path: Path, target: str
) -> None:
    edited = _edit(exported, tmp_path / "pct.xlsx", PERCENT_EDITS, PERCENT_FORMATS)
    ledger = read_ledger(_convert(edited, target, tmp_path))
    assert _errors(ledger) == []
    assert _percents(ledger) == {"1": 100, "2": 35, "3.1": 100, "12": 50}


@needs_calc
def test_typing_100_percent_or_100_in_libreoffice_lands_as_100(
    exported: Path, tmp_path: Path
) -> None:
    """Typed through LibreOffice's input line into the exported (text-formatted) cells."""
    python = _uno_python()
    if python is None:
        pytest.skip("no Python with LibreOffice's uno module")
    out = tmp_path / "typed.xlsx"
    edits = ["K4=100%", "K5=100", "K6=35％", "K7=80"]
    done = subprocess.run(
        [python, str(LO_TYPE), str(exported), str(out), "0", *edits],
        capture_output=True,
        text=True,
        timeout=300,
    )
    typed = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [(t["cell"], t["shown"], t["format"]) for t in typed] == [
        ("K4", "100%", "@"),
        ("K5", "100", "@"),
        ("K6", "35％", "@"),
        ("K7", "80", "@"),
    ]
    ledger = read_ledger(out)
    assert _errors(ledger) == []
    assert _percents(ledger) == {"1": 100, "2": 100, "3.1": 35, "12": 80}


@needs_calc
def test_a_phone_typed_in_libreoffice_keeps_its_leading_zero(
    exported: Path, tmp_path: Path
) -> None:
    """联系电话 is text-formatted: 09515012345 typed into it stays text, in every format the
    unit may save it as (a General cell would keep the number 9515012345)."""
    python = _uno_python()
    if python is None:
        pytest.skip("no Python with LibreOffice's uno module")
    out = tmp_path / "phone.xlsx"
    done = subprocess.run(
        [python, str(LO_TYPE), str(exported), str(out), "0", "T4=09515012345"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    typed = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    assert [(t["cell"], t["shown"], t["format"]) for t in typed] == [("T4", "09515012345", "@")]
    (tmp_path / "again").mkdir()
    for path in (
        out,
        _convert(out, "ods:calc8", tmp_path),
        _convert(out, "xls:MS Excel 97", tmp_path),
        _convert(out, "xlsx:Calc MS Excel 2007 XML", tmp_path / "again"),
    ):
        phones = {r.measure_code: r.phone for r in read_ledger(path).rows if r.sheet == SHEET_1}
        assert phones["1"] == "09515012345", path.name


@needs_calc
def test_an_ods_percent_is_its_value_type(exported: Path, tmp_path: Path) -> None:
    edited = _edit(exported, tmp_path / "pct.xlsx", {"K4": 1, "K5": 1}, {"K4": "0%"})
    ods = _convert(edited, "ods:calc8", tmp_path)
    with zipfile.ZipFile(ods) as z:
        assert b'office:value-type="percentage" office:value="1"' in z.read("content.xml")
    assert _percents(read_ledger(ods)) == {"1": 100, "2": 1, "3.1": None, "12": 0}


def test_an_xls_whose_formats_cannot_be_read_makes_fractions_ambiguous(
    exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    xls = Path(__file__).resolve().parents[2] / "fixtures" / "ledger" / "unit_edited.xls"
    assert sheet_facts(xls.read_bytes())[SHEET_1].percent == frozenset({(5, 8)})  # I6
    monkeypatch.setattr("importers.ledger.xlsfacts.open_book", lambda data: None)
    ledger = read_ledger(xls)
    assert _errors(ledger) == [
        f"{SHEET_1}!I6: percent 0.8 is ambiguous (this file does not say whether the cell is "
        "formatted as a percent, so it may mean 0.8% or 80%); write a whole number 0–100, "
        "e.g. 80 for 80%, or save the file as .xlsx"
    ]


@pytest.mark.parametrize(
    ("value", "formatted", "expected"),
    [
        (1.0, True, 100),
        (1, True, 100),
        (0.35, True, 35),
        (0.29, True, 29),
        (0.0, True, 0),
        (0.005, True, 1),
        ("80%", True, 80),
        (1.0, False, 1),
        (80.0, False, 80),
        (33.4, False, 33),
        ("1", False, 1),
        ("35%", False, 35),
        (None, False, None),
        ("", None, None),
        (0, None, 0),
        (100, None, 100),
        (50.0, None, 50),
    ],
)
def test_percent_cell(value: Any, formatted: bool | None, expected: int | None) -> None:
    assert percent_cell(value, formatted) == expected


@pytest.mark.parametrize(
    ("value", "formatted"),
    [(0.35, False), ("0.35", False), ("0.35", None), (0.8, None), (1, None), (1.0, None)],
)
def test_percent_cell_refuses_what_may_be_a_fraction(value: Any, formatted: bool | None) -> None:
    with pytest.raises(CellValueError, match="ambiguous"):
        percent_cell(value, formatted)


@pytest.mark.parametrize(
    ("code", "percent"),
    [
        ("0%", True),
        ("0.00%", True),
        ("#,##0.0%;[Red]-0%", True),
        ('0"%"', False),
        ("0\\%", False),
        ("[$%-804]0", False),
        ("0", False),
        ("General", False),
    ],
)
def test_is_percent_format(code: str, percent: bool) -> None:
    assert is_percent_format(code) is percent


# -- formulas and errors ----------------------------------------------------------------------


def test_a_formula_without_a_result_is_refused_naming_the_cell(
    exported: Path, tmp_path: Path
) -> None:
    edits = {
        "J5": '="推进中"',  # status of code 2
        "L6": "=A1",  # progress of code 3.1
        "A7": "=ROW()-3",  # 序号 is not read: no matter
        "L9": "=SUM(K4:K7)",  # a total under the table, in a row without a code
    }
    ledger = read_ledger(_edit(exported, tmp_path / "formula.xlsx", edits))
    assert _errors(ledger) == [
        f'{SHEET_1}!J5: formula ="推进中" {NO_RESULT}',
        f"{SHEET_1}!L6: formula =A1 {NO_RESULT}",
    ]
    rows = _rows(ledger)
    assert sorted(code for sheet, code in rows if sheet == SHEET_1) == ["1", "12"]
    assert rows[(SHEET_1, "1")].progress == "=1+1"  # text that looks like a formula stays text


def test_a_formula_in_the_code_column_without_a_result(exported: Path, tmp_path: Path) -> None:
    ledger = read_ledger(_edit(exported, tmp_path / "code.xlsx", {"B5": "=TEXT(2,0)"}))
    assert _errors(ledger) == [f"{SHEET_1}!B5: formula =TEXT(2,0) {NO_RESULT}"]
    assert (SHEET_1, "2") not in _rows(ledger)


@needs_calc
def test_a_formula_with_a_result_is_read_as_its_result(exported: Path, tmp_path: Path) -> None:
    edits = {"J5": '="推进中"', "K5": "=40+2", "L6": '="已"&"完成"'}
    edited = _edit(exported, tmp_path / "calc.xlsx", edits)
    ledger = read_ledger(_convert(edited, "xlsx:Calc MS Excel 2007 XML", tmp_path))
    assert _errors(ledger) == []
    rows = _rows(ledger)
    assert (rows[(SHEET_1, "2")].status, rows[(SHEET_1, "2")].percent) == ("推进中", 42)
    assert rows[(SHEET_1, "3.1")].progress == "已完成"


def test_error_cells_are_refused_naming_the_cell(exported: Path, tmp_path: Path) -> None:
    edits = {"M4": "#N/A", "K7": "#DIV/0!", "T5": "#VALUE!"}  # openpyxl stores error values
    ledger = read_ledger(_edit(exported, tmp_path / "errors.xlsx", edits))
    assert _errors(ledger) == [
        f"{SHEET_1}!M4: the cell shows the error #N/A{SHOWS}",
        f"{SHEET_1}!T5: the cell shows the error #VALUE!{SHOWS}",
        f"{SHEET_1}!K7: the cell shows the error #DIV/0!{SHOWS}",
    ]
    assert sorted(code for sheet, code in _rows(ledger) if sheet == SHEET_1) == ["3.1"]
    assert _rows(ledger)[(SHEET_1, "3.1")].progress == "#N/A"  # typed text, not an error


@needs_calc
@pytest.mark.parametrize(
    "target", ["xlsx:Calc MS Excel 2007 XML", "ods:calc8", "xls:MS Excel 97"], ids=str
)
def test_libreoffice_errors_in_every_format(exported: Path, tmp_path: Path, target: str) -> None:
    edits = {"M4": "=1/0", "L5": "=NA()", "N6": '="x"*2'}
    edited = _edit(exported, tmp_path / "errors.xlsx", edits)
    ledger = read_ledger(_convert(edited, target, tmp_path))
    assert _errors(ledger) == [
        f"{SHEET_1}!M4: the cell shows the error #DIV/0!{SHOWS}",
        f"{SHEET_1}!L5: the cell shows the error #N/A{SHOWS}",
        f"{SHEET_1}!N6: the cell shows the error #VALUE!{SHOWS}",
    ]
    assert sorted(code for sheet, code in _rows(ledger) if sheet == SHEET_1) == ["12"]


def test_an_xlsx_formula_without_a_cell_reference(exported: Path, tmp_path: Path) -> None:
    """A generator may leave out ``r``: positions are counted as Excel counts them."""
    edited = _edit(exported, tmp_path / "f.xlsx", {"L6": "=A1"})
    out = tmp_path / "no_ref.xlsx"
    with zipfile.ZipFile(edited) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if b"<f>A1</f>" in data:
                data = data.replace(b'<c r="L6"', b"<c")
            dst.writestr(info, data)
    assert _errors(read_ledger(out)) == [f"{SHEET_1}!L6: formula =A1 {NO_RESULT}"]


# -- the 汇总 sheet ----------------------------------------------------------------------------


def test_the_masters_own_summary_is_not_read(tmp_path: Path) -> None:
    master = tmp_path / "master.xlsx"
    write_ledger(sample_workbook("master"), master)
    ledger = read_ledger(master)
    assert ledger.errors == []
    assert {r.sheet for r in ledger.rows} == {SHEET_1, SHEET_2}
    assert "汇总" not in ledger.columns


def _ledger_like(ws: Any) -> None:
    ws.append(["序号", "措施编号", "责任单位", "完成状态", "完成进度(%)", "进展情况"])
    ws.append([1, "1", UNIT, "已完成", 100, "汇总表里写的"])


def test_a_summary_rebuilt_with_a_ledger_header_is_read(tmp_path: Path) -> None:
    master = tmp_path / "master.xlsx"
    write_ledger(sample_workbook("master"), master)
    wb = openpyxl.load_workbook(master)
    del wb["汇总"]
    _ledger_like(wb.create_sheet("汇总", 0))
    wb.save(tmp_path / "rebuilt.xlsx")
    ledger = read_ledger(tmp_path / "rebuilt.xlsx")
    summary = [r for r in ledger.rows if r.sheet == "汇总"]
    assert [(r.row, r.measure_code, r.unit, r.status, r.percent, r.progress) for r in summary] == [
        (2, "1", UNIT, "已完成", 100, "汇总表里写的")
    ]
    assert ledger.columns["汇总"]["progress"] == "F"


def test_a_summary_sheet_added_to_a_unit_ledger_is_read(exported: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(exported)
    _ledger_like(wb.create_sheet("汇总"))
    wb.save(tmp_path / "added.xlsx")
    ledger = read_ledger(tmp_path / "added.xlsx")
    assert [(r.sheet, r.measure_code, r.progress) for r in ledger.rows if r.sheet == "汇总"] == [
        ("汇总", "1", "汇总表里写的")
    ]


def test_the_cells_found_by_their_markers_are_the_cells_parsed_one_by_one(
    exported: Path, tmp_path: Path
) -> None:
    """The quick way (only the cells a marker points into) agrees with parsing every cell."""
    from importers.ledger.cellfacts import _targeted, _xlsx_sheet_facts, percent_styles

    edits = {"K4": 1, "K5": 0.35, "L5": "=A1", "M6": "#N/A", "N7": "=SUM(1,2)", "A9": "=1/0"}
    edited = _edit(exported, tmp_path / "mixed.xlsx", edits, {"K4": "0%", "K5": "0.0%"})
    with zipfile.ZipFile(edited) as z:
        styles = percent_styles(z)
        data = z.read("xl/worksheets/sheet1.xml")
    quick, full = _targeted(data, styles), _xlsx_sheet_facts(data, styles)
    assert quick == full
    assert full.percent == frozenset({(3, 10), (4, 10)})
    assert sorted(full.bad) == [(4, 11), (5, 12), (6, 13), (8, 0)]
    assert _targeted(data.replace(b'<c r="L5"', b"<c"), styles) is None  # counted, not guessed
    single = data.replace(b' t="e"', b" t='e'")  # XML allows either quote
    assert _targeted(single, styles) is None
    assert _xlsx_sheet_facts(single, styles) == full


def test_the_masters_summary_extended_with_ledger_columns_is_read(tmp_path: Path) -> None:
    master = tmp_path / "master.xlsx"
    write_ledger(sample_workbook("master"), master)
    wb = openpyxl.load_workbook(master)
    ws = wb["汇总"]
    start = ws.max_column + 1
    for offset, header in enumerate(["措施编号", "责任单位", "完成状态", "进展情况"]):
        ws.cell(3, start + offset).value = header
    for offset, value in enumerate(["1", UNIT, "已完成", "加在汇总表右边的"]):
        ws.cell(4, start + offset).value = value
    wb.save(tmp_path / "extended.xlsx")
    ledger = read_ledger(tmp_path / "extended.xlsx")
    assert [(r.sheet, r.row, r.measure_code, r.status, r.progress) for r in ledger.rows][:1] == [
        ("汇总", 4, "1", "已完成", "加在汇总表右边的")
    ]


@pytest.mark.parametrize("chunk", [64, 1 << 20])
def test_markers_noted_by_the_safety_check_find_every_marked_sheet(
    exported: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """The sheets the safety check saw whole without a marker are quiet; a marker anywhere,
    whatever chunk it falls in, keeps its sheet's facts gathered (and they read the same)."""
    from importers.ledger import extent
    from importers.ledger.cellfacts import CellFacts, SheetMarkers
    from importers.ledger.safety import check_content

    edits = {"K4": 1, "K7": 0.5, "L9": "=A1"}
    edited = _edit(exported, tmp_path / "marked.xlsx", edits, {"K4": "0%", "K7": "0.0%"})
    data = edited.read_bytes()
    monkeypatch.setattr(extent, "_CHUNK", chunk)
    markers = SheetMarkers()
    assert check_content(edited.name, data, markers) == "xlsx"
    with zipfile.ZipFile(edited) as z:
        parts = sorted(n for n in z.namelist() if n.startswith("xl/worksheets/sheet"))
    assert [markers.quiet(p) for p in parts] == [False, True, True]  # sheet 1 edited
    noted, plain = CellFacts(data, "xlsx", markers), CellFacts(data, "xlsx")
    for sheet in (SHEET_1, SHEET_2):
        assert noted.sheet(sheet) == plain.sheet(sheet)
    assert noted.sheet(SHEET_1).percent == frozenset({(3, 10), (6, 10)})
    assert sorted(noted.sheet(SHEET_1).bad) == [(8, 11)]


def _literal_markers(data: bytes, styles: frozenset[bytes]) -> bool:
    """The marker searches as they were: one literal search per marker and percent style."""
    tags = (b"<f>", b"<f ", b"<f/", b"<f\t", b"<f\n", b"<f\r", b":f>", b":f ", b":f/")
    if any(tag in data for tag in tags) or b't="e"' in data or b"='" in data:
        return True
    return any(b' s="' + s + b'"' in data for s in styles)


@pytest.mark.parametrize(
    ("xml", "marked"),
    [
        (b'<row r="7"><c r="A7" s="3" t="s"><v>7</v></c></row>', False),
        (b'<c r="A1" s="16" t="n"><v>0.5</v></c>', True),
        (b'<c r="A1" s="160" t="n"><v>0.5</v></c>', False),
        (b'<c r="A1" xs="16"><v>1</v></c>', False),
        (b'<c r="A1" s="7"/>', True),
        (b'<c r="A1" t="e"><v>#N/A</v></c>', True),
        (b'<c r="A1" s="e"><v>1</v></c>', False),
        (b"<c r='A1'><v>1</v></c>", True),
        (b'<c r="A1"><f>A2</f><v></v></c>', True),
        (b'<c r="A1"><f t="shared" si="0"/></c>', True),
        (b'<x:c r="A1"><x:f>A2</x:f></x:c>', True),
        (b'<c r="A1" t="inlineStr"><is><t>if> of/ off leaf\n</t></is></c>', False),
        (b"<c><is><t>" + b"of " * 2500 + b"</t></is></c><c><f>1</f></c>", True),
        (b"<c><is><t>" + b"of " * 2500 + b"</t></is></c>", False),
    ],
)
def test_marker_searches_find_what_the_literal_searches_found(xml: bytes, marked: bool) -> None:
    """The one-pass marker searches (``=`` and ``f`` as literal starts) answer as one
    literal search per marker and percent style did, false alarms aside."""
    from importers.ledger.cellmarkers import may_matter

    styles = frozenset({b"16", b"7"})
    assert _literal_markers(xml, styles) is marked
    assert may_matter(xml, styles) is marked
