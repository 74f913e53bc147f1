"""Few-kB spreadsheets that declare or imply a huge sheet are refused before the reader allocates.

Each case once aborted the process (calamine's allocation failing: the desktop app
gone, not just the import) or took a gigabyte before the reader refused it.  Each is
read in a child process under a 512 MB address-space limit, so a regression fails
the test instead of taking the machine down, and the child's peak memory is checked
too.  Where ``resource`` is missing (Windows) the cases run in this process: the
refusal comes before any allocation, so they are safe there as well.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy import update

from db.models import Unit
from importers.ledger.errors import LedgerReadError
from importers.ledger.reader import read_ledger
from importers.ledger.writer import write_ledger
from tests.fixtures.ledger import hostile
from tests.fixtures.ledger.hostile import A1, ODS_VALUE, biff, number, ods, xls, xlsx
from tests.fixtures.ledger.samples import sample_workbook
from tests.tracker.conftest import sample_document, source
from tracker.rounds.round_service import RoundService
from tracker.services import Services

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

ADDRESS_SPACE = 512 * 1024 * 1024
PEAK_MB = 150
_CHILD = """
import json, resource, sys
resource.setrlimit(resource.RLIMIT_AS, ({limit}, {limit}))
from pathlib import Path
from importers.ledger.errors import LedgerReadError
from importers.ledger.reader import read_ledger
try:
    book = read_ledger(Path(sys.argv[1]))
    outcome = {{"rows": len(book.rows)}}
except LedgerReadError as exc:
    outcome = {{"refused": str(exc)}}
try:  # this process's own peak: ru_maxrss also counts the parent's memory before exec
    status = Path("/proc/self/status").read_text()
    peak_kb = int(status.split("VmHWM:")[1].split()[0])
except OSError:
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_kb //= 1024 if sys.platform == "darwin" else 1
outcome["peak_mb"] = peak_kb / 1024
print(json.dumps(outcome))
"""
ROOT = Path(__file__).resolve().parents[2]
FAR = "far outside any ledger; delete the stray content there and send the file again"


def _read(path: Path) -> dict[str, object]:
    """What reading ``path`` gives: ``refused`` (the message) or ``rows``, and ``peak_mb``."""
    if resource is None:
        try:
            return {"rows": len(read_ledger(path).rows), "peak_mb": 0}
        except LedgerReadError as exc:
            return {"refused": str(exc), "peak_mb": 0}
    child = subprocess.run(
        [sys.executable, "-c", _CHILD.format(limit=ADDRESS_SPACE), str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert child.returncode == 0, child.stderr[-2000:]
    outcome: dict[str, object] = json.loads(child.stdout)
    return outcome


def _far_row_without_references() -> bytes:
    """Row 1048576 with 16,383 empty cells and a value, none with an ``r``: XFD1048576."""
    return A1 + b'<row r="1048576">' + b"<c/>" * 16383 + b'<c t="n"><v>1</v></c></row>'


def _rows_and_cells_without_references() -> bytes:
    """A row of 16,384 values, then 2,000 rows: no cell or row says where it is."""
    value = b'<c t="n"><v>1</v></c>'
    return A1 + b"<row>" + value * 16384 + b"</row>" + (b"<row>" + value + b"</row>") * 2000


CASES = [
    ("末行无引用.xlsx", lambda: xlsx(_far_row_without_references()), "台账", "XFD1048576"),
    ("无引用行列.xlsx", lambda: xlsx(_rows_and_cells_without_references()), "台账", "XFD2002"),
    (
        "最后一格.xlsx",
        lambda: xlsx(A1 + b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'),
        "台账",
        "XFD1048576",
    ),
    *[
        (name, lambda row=row: xlsx(A1 + row), "台账", cell)  # type: ignore[misc]
        for name, row, cell in [
            ("小写引用.xlsx", b'<row r="9"><c r="xfd1048576"><v>1</v></c></row>', "XFD1048576"),
            ("单引号.xlsx", b"<row r='9'><c r='XFD1048576'><v>1</v></c></row>", "XFD1048576"),
            ("空格.xlsx", b'<row r="9"><c r = "XFD1048576"><v>1</v></c></row>', "XFD1048576"),
            ("前导零.xlsx", b'<row r="9"><c r="XFD001048576"><v>1</v></c></row>', "XFD1048576"),
            ("八位行号.xlsx", b'<row r="9"><c r="A99999999"><v>1</v></c></row>', "A99999999"),
        ]
    ],
    (
        "整表重复.ods",
        lambda: ods(
            b'<table:table-row table:number-rows-repeated="1048576">'
            + ODS_VALUE.replace(
                b"<table:table-cell ", b'<table:table-cell table:number-columns-repeated="16384" '
            )
            + b"</table:table-row>"
        ),
        "Sheet1",
        "XFD1048576",
    ),
    (
        "五列到底.ods",
        lambda: ods(
            b'<table:table-row table:number-rows-repeated="1048576">'
            + ODS_VALUE * 5
            + b"</table:table-row>"
        ),
        "Sheet1",
        "E1048576",
    ),
    ("声明满表.xls", lambda: xls(biff(65536, 256)), "Sheet1", "IV65536"),
    (
        "声明满表大流.xls",
        lambda: xls(biff(65536, 256, b"".join(number(r, 0) for r in range(1, 400)))),
        "Sheet1",
        "IV65536",
    ),
    ("最后一格.xls", lambda: xls(biff(1, 1, number(65535, 255))), "Sheet1", "IV65536"),
]


@pytest.mark.parametrize(("name", "build", "sheet", "cell"), CASES, ids=[c[0] for c in CASES])
def test_a_small_file_implying_a_huge_sheet_is_refused_in_small_memory(
    tmp_path: Path, name: str, build: object, sheet: str, cell: str
) -> None:
    path = tmp_path / name
    path.write_bytes(build())  # type: ignore[operator]
    assert path.stat().st_size < 16 * 1024
    outcome = _read(path)
    assert outcome["refused"] == f'{name}: sheet "{sheet}" reaches cell {cell}, {FAR}'
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]


@pytest.mark.parametrize("comment", [0, 20_000], ids=["plain", "after-a-long-comment"])
def test_a_billion_shared_strings_declared_is_refused_in_small_memory(
    tmp_path: Path, comment: int
) -> None:
    path = tmp_path / "十亿文本.xlsx"
    strings = b"<!--" + b"x" * comment + b"-->" + hostile.shared_strings(1_000_000_000)
    path.write_bytes(xlsx(A1, strings=strings if comment else strings[7:]))
    outcome = _read(path)
    assert outcome["refused"] == (
        "十亿文本.xlsx: refused: part xl/sharedStrings.xml declares 1000000000 different texts "
        "(more than 5000000); the file is damaged or forged"
    )
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]


def _rewrite_sheet(source: Path, target: Path, edit: object) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)  # type: ignore[operator]
            new.writestr(item.filename, data)
    return target


def test_a_ledger_declaring_a_huge_dimension_and_spans_still_reads(tmp_path: Path) -> None:
    """calamine allocates by the cells, not by ``<dimension>`` or ``spans``: nothing to
    refuse, and a real ledger with such (WPS writes them for formatted areas) reads."""
    source = tmp_path / "exported.xlsx"
    write_ledger(sample_workbook(), source)
    expected = len(read_ledger(source).rows)

    def widen(xml: bytes) -> bytes:
        at = min(xml.find(tag) for tag in (b"<sheetViews", b"<sheetData") if tag in xml)
        xml = xml[:at] + b'<dimension ref="A1:XFD1048576"/>' + xml[at:]
        return xml.replace(b'<row r="1"', b'<row spans="1:16384" r="1"', 1)

    path = _rewrite_sheet(source, tmp_path / "维度.xlsx", widen)
    outcome = _read(path)
    assert outcome.get("rows") == expected > 0
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]


# Unit names: control, bidi and zero-width characters never reach the database or a file name.

RLO = "\u202e"
ROUND = "2021年第2季度"


def _document_with(units: dict[str, list[str]]) -> Any:
    """The sample document with measure ``code``'s units replaced (lead: the first)."""
    document = sample_document()
    for measure in document.measures:
        if measure.code in units:
            measure.units = units[measure.code]
            measure.lead_units = units[measure.code][:1]
    return document


def test_unit_names_from_a_document_are_cleaned(services: Services) -> None:
    services.documents.import_parsed(
        _document_with({"2": [f"{RLO}自治区公安厅", "宁夏税务局\u200b\n"]}), source()
    )
    names = sorted(u.name for u in services.units.list())
    assert names == sorted(
        ["自治区市场监管厅", "自治区公安厅", "各市、县（区）", "宁夏税务局", "自治区政府办公厅"]
    )
    assert all(name.isprintable() and RLO not in name for name in names)


def test_unit_names_in_the_directory_are_cleaned(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.units.add_alias(f"\ufeff宁夏税务局{RLO}", "税务\u200b局\n")
    [unit] = [u for u in services.units.list() if u.name == "宁夏税务局"]
    assert unit.aliases == ("税务局",)
    with services.store.reading() as session:
        assert services.units.find(session, "\u2066税务局\u2069").name == "宁夏税务局"


def test_the_unit_cell_of_a_returned_ledger_is_cleaned(services: Services, tmp_path: Path) -> None:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    [sent] = services.ledger_export.export_units(ROUND, tmp_path, units=["宁夏税务局"])
    book = openpyxl.load_workbook(sent)
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "序号")
    column = next(
        c for c in range(1, sheet.max_column + 1) if sheet.cell(header, c).value == "责任单位"
    )
    sheet.cell(header + 1, column).value = "宁夏\u200b税务局\u202c"
    returned = tmp_path / "returned.xlsx"
    book.save(returned)
    assert [row.unit for row in read_ledger(returned).rows] == ["宁夏税务局"]
    [preview] = services.ledger_import.preview([returned])
    assert (preview.error, preview.rejected, preview.unchanged) == (None, [], 1)


def test_file_names_leave_out_what_a_unit_name_hides(services: Services, tmp_path: Path) -> None:
    """A name written before the cleaning (or straight into the database) still gives a
    clean file name; two names that clean to the same file get two files."""
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    with services.store.transaction() as session:
        session.execute(
            update(Unit).where(Unit.name == "自治区公安厅").values(name=f"自治区{RLO}公安厅/一处")
        )
        session.execute(
            update(Unit).where(Unit.name == "宁夏税务局").values(name="自治区公安厅_一处")
        )
    written = services.ledger_export.export_units(ROUND, tmp_path)
    assert sorted(p.name for p in written if "公安厅" in p.name) == [
        f"自治区公安厅_一处_{ROUND}_工作台账.xlsx",
        f"自治区公安厅_一处_{ROUND}_工作台账_2.xlsx",
    ]
    assert all(RLO not in p.name for p in tmp_path.iterdir())


def test_running_out_of_memory_reading_one_file_is_that_files_error(
    services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the checks let through and still exhausts memory is one refused file, not a
    crash of the import (or of the window, which previews on a worker)."""
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    [sent] = services.ledger_export.export_units(ROUND, tmp_path, units=["宁夏税务局"])
    real = read_ledger

    def read(path: Path) -> Any:
        if path.name.startswith("big"):
            raise MemoryError
        return real(path)

    monkeypatch.setattr("tracker.ledgers.ledger_files.read_ledger", read)
    big = tmp_path / "big.xlsx"
    big.write_bytes(sent.read_bytes())
    previews = services.ledger_import.preview([big, sent])
    assert [(p.file, str(p.error) if p.error else None) for p in previews] == [
        (
            "big.xlsx",
            "big.xlsx: not enough memory to read this file; close other programs "
            "or ask the unit to send a smaller ledger",
        ),
        (sent.name, None),
    ]


def _moved_sheet() -> bytes:
    """The far cell in a sheet part outside ``xl/worksheets/``, reached by ``../``."""
    source = zipfile.ZipFile(io.BytesIO(xlsx(A1 + _FAR_CELL)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as moved:
        for item in source.infolist():
            data, name = source.read(item.filename), item.filename
            if name == "xl/worksheets/sheet1.xml":
                name = "other/s.xml"
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(b'"worksheets/sheet1.xml"', b'"../other/s.xml"')
            moved.writestr(name, data)
    return buffer.getvalue()


_FAR_CELL = b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def test_a_sheet_part_anywhere_in_the_package_is_measured(tmp_path: Path) -> None:
    path = tmp_path / "别处.xlsx"
    path.write_bytes(_moved_sheet())
    outcome = _read(path)
    assert outcome["refused"] == f'别处.xlsx: sheet "台账" reaches cell XFD1048576, {FAR}'


def test_a_binary_workbook_is_refused_unread(tmp_path: Path) -> None:
    """An .xlsb's sheets are binary records the checks do not measure: never read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", b"<Types/>")
        z.writestr("xl/workbook.bin", b"\x83\x01\x00")
        z.writestr("xl/worksheets/sheet1.bin", b"\x81\x01\x00")
    path = tmp_path / "二进制.xlsb"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(LedgerReadError) as caught:
        read_ledger(path)
    assert str(caught.value) == (
        "二进制.xlsb: an Excel binary workbook (.xlsb); open it in Excel or WPS and save it as .xlsx"
    )


def _many(kind: str) -> bytes:
    """Sheets each within the limit (1,048,576 × 4 and 65,536 × 40 cells), together beyond."""
    if kind == "ods":
        table = b'<table:table-row table:number-rows-repeated="1048576">'
        table += ODS_VALUE * 4 + b"</table:table-row>"
        return ods(table + b'</table:table><table:table table:name="Sheet2">' + table)
    return xls(biff(65536, 40, sheets=2))


@pytest.mark.parametrize(
    ("kind", "cells"), [("ods", 2 * 1048576 * 4), ("xls", 2 * 65536 * 40)], ids=["ods", "xls"]
)
def test_sheets_together_beyond_the_limit_are_refused(
    tmp_path: Path, kind: str, cells: int
) -> None:
    """calamine reads every sheet of an .ods or .xls when it opens the file."""
    path = tmp_path / f"多表.{kind}"
    path.write_bytes(_many(kind))
    outcome = _read(path)
    assert outcome["refused"] == (
        f"多表.{kind}: the sheets together span {cells} cells, far more than any ledger "
        "(at most 5000000); delete the stray content and send the file again"
    )
    assert float(outcome["peak_mb"]) < PEAK_MB  # type: ignore[arg-type]
