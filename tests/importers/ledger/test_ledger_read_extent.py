"""The sheet-extent check: a cheap first pass, exact measurement only for far-reaching sheets."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from pathlib import Path

import pytest

from importers.ledger import extent, xls_extent
from importers.ledger.errors import LedgerReadError
from importers.ledger.extent import MAX_CELLS, NEAR_COLUMNS, NEAR_ROWS, check_xlsx, reaches_far
from importers.ledger.ole import read_stream
from importers.ledger.reader import read_ledger
from importers.ledger.writer import write_ledger
from tests.fixtures.ledger import hostile
from tests.fixtures.ledger.samples import sample_workbook

_HEAD = b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
_TAIL = b"</sheetData></worksheet>"


def _archive(*cells: bytes) -> zipfile.ZipFile:
    """An xlsx-like archive whose one worksheet holds ``cells`` (raw ``<c>`` elements)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", _HEAD + b"".join(cells) + _TAIL)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def _value(ref: str) -> bytes:
    return f'<c r="{ref}" t="n"><v>1</v></c>'.encode()


def _far(*cells: bytes) -> bool:
    archive = _archive(*cells)
    return reaches_far(archive, archive.getinfo("xl/worksheets/sheet1.xml"))


def test_the_near_area_fits_the_limit() -> None:
    assert NEAR_ROWS * NEAR_COLUMNS <= MAX_CELLS
    assert (NEAR_ROWS + 1) * NEAR_COLUMNS > MAX_CELLS or NEAR_ROWS * (NEAR_COLUMNS + 1) > MAX_CELLS


@pytest.mark.parametrize(
    ("ref", "far"),
    [
        ("A1", False),
        ("AX99999", False),
        ("Z99999", False),
        ("AY1", True),
        ("AZ7", True),
        ("BA1", True),
        ("ZZ1", True),
        ("AAA1", True),
        ("XFD1048576", True),
        ("A100000", True),
        ("AX100000", True),
        ("A1048576", True),
    ],
)
def test_far_references(ref: str, far: bool) -> None:
    assert _far(_value("A1"), _value(ref)) is far


def test_a_styled_empty_cell_is_far_but_not_counted() -> None:
    archive = _archive(_value("A1"), _value("N300"), b'<c r="XFD1048576" s="3"/>')
    member = archive.getinfo("xl/worksheets/sheet1.xml")
    assert reaches_far(archive, member) is True
    assert extent.value_extent(archive, member) == (300, 14)
    check_xlsx("styled.xlsx", archive)  # measured: 300 × 14, accepted


def test_a_far_reference_across_a_chunk_boundary_is_seen(monkeypatch: pytest.MonkeyPatch) -> None:
    cells = [_value(f"A{r}") for r in range(1, 400)]
    data = _HEAD + b"".join(cells)
    monkeypatch.setattr(extent, "_CHUNK", len(data) + 4)  # the chunk ends inside 'r="AY'
    assert _far(*cells, _value("AY1")) is True


@pytest.mark.parametrize("into_tag", range(1, 12))
def test_a_tag_cut_by_a_chunk_boundary_is_not_taken_for_an_irregular_one(
    monkeypatch: pytest.MonkeyPatch, into_tag: int
) -> None:
    """A near sheet stays near wherever a chunk ends inside ``<c r="A400" t="n">``: read as
    irregular, every 10k-row ledger whose bytes fell so was measured cell by cell (~1 s)."""
    cells = [_value(f"A{r}") for r in range(1, 400)]
    monkeypatch.setattr(extent, "_CHUNK", len(_HEAD + b"".join(cells)) + into_tag)
    archive = _archive(*cells, _value("A400"), _value("B400"))
    member = archive.getinfo("xl/worksheets/sheet1.xml")
    assert extent.reach(archive, member) is extent.Reach.NEAR


def test_a_long_thin_sheet_is_measured_and_accepted() -> None:
    """Four columns to the last row is 4.2 million cells: far, but within the limit."""
    check_xlsx("thin.xlsx", _archive(_value("A1"), _value("D1048576")))


def test_far_values_beyond_the_limit_are_refused() -> None:
    with pytest.raises(LedgerReadError) as caught:
        check_xlsx("wide.xlsx", _archive(_value("A1"), _value("AY100000")))
    assert caught.value.message == (
        'sheet "sheet1.xml" reaches cell AY100000, far outside any ledger; '
        "delete the stray content there and send the file again"
    )


def _understate(data: bytearray, part: str, size: int) -> None:
    """Make the central directory declare ``size`` bytes for ``part``."""
    end = data.rfind(b"PK\x05\x06")
    (offset,) = struct.unpack_from("<I", data, end + 16)
    while data[offset : offset + 4] == b"PK\x01\x02":
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        if data[offset + 46 : offset + 46 + name_len] == part.encode():
            struct.pack_into("<I", data, offset + 24, size)
        offset += 46 + name_len + extra_len + comment_len


def test_a_sheet_inflating_beyond_its_declared_size_fails_the_stream_check() -> None:
    """Past the 64 kB prolog only the extent pass reads the part: it stops at the declared
    size, and the CRC of what it read does not match."""
    cells = [_value(f"A{r}") for r in range(1, 20_000)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", _HEAD + b"".join(cells) + _TAIL)
    data = bytearray(buffer.getvalue())
    _understate(data, "xl/worksheets/sheet1.xml", 200_000)
    archive = zipfile.ZipFile(io.BytesIO(bytes(data)))
    assert archive.getinfo("xl/worksheets/sheet1.xml").file_size == 200_000
    with pytest.raises(zipfile.BadZipFile, match="Bad CRC-32"):
        check_xlsx("understated.xlsx", archive)


def test_a_part_inflating_beyond_its_declared_size_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "exported.xlsx"
    write_ledger(sample_workbook(), source)
    data = bytearray(source.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        size = z.getinfo("xl/worksheets/sheet1.xml").file_size
    _understate(data, "xl/worksheets/sheet1.xml", size // 2)
    path = tmp_path / "understated.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(LedgerReadError) as caught:
        read_ledger(path)
    assert caught.value.message.startswith("the file is damaged (")
    assert "sheet1.xml" in caught.value.message


def test_any_xml_part_inflating_beyond_its_declared_size_is_refused(tmp_path: Path) -> None:
    """Past its 64 kB prolog a shared-strings part is read to its end too, or calamine would
    inflate whatever it really holds."""
    source = tmp_path / "exported.xlsx"
    write_ledger(sample_workbook(), source)
    strings = b"<sst>" + b"<si><t>x</t></si>" * 20_000 + b"</sst>"
    grown = tmp_path / "grown.xlsx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(grown, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, old.read(item.filename))
        new.writestr("xl/sharedStrings.xml", strings)
    data = bytearray(grown.read_bytes())
    _understate(data, "xl/sharedStrings.xml", len(strings) // 2)
    path = tmp_path / "understated-strings.xlsx"
    path.write_bytes(bytes(data))
    with pytest.raises(LedgerReadError) as caught:
        read_ledger(path)
    assert caught.value.message == (
        "the file is damaged (part xl/sharedStrings.xml: "
        "Bad CRC-32 for file 'xl/sharedStrings.xml')"
    )


# Cells and rows without an ``r`` reference: calamine places them after the one before.


def _measure(*rows: bytes) -> tuple[extent.Reach, tuple[int, int]]:
    archive = _archive(*rows)
    member = archive.getinfo("xl/worksheets/sheet1.xml")
    return extent.reach(archive, member), extent.position_extent(archive, member)


def test_cells_without_references_follow_the_cell_before() -> None:
    row = b'<row r="7"><c r="C7" t="n"><v>1</v></c><c t="n"><v>2</v></c><c/><c><v>3</v></c></row>'
    assert _measure(row) == (extent.Reach.IRREGULAR, (7, 6))


def test_rows_without_references_follow_the_row_before() -> None:
    value = b'<c t="n"><v>1</v></c>'
    rows = b'<row r="4">' + value + b"</row>" + (b"<row>" + value * 3 + b"</row>") * 5
    assert _measure(rows) == (extent.Reach.IRREGULAR, (9, 3))


def test_empty_cells_without_references_move_but_do_not_count() -> None:
    rows = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="900">' + b"<c/>" * 60 + b"</row>"
    assert _measure(rows) == (extent.Reach.IRREGULAR, (1, 1))


def test_prefixed_elements_without_references_are_measured() -> None:
    sheet = (
        b'<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<x:sheetData><x:row r="2"><x:c t="n"><x:v>1</x:v></x:c><x:c t="n"><x:v>1</x:v></x:c>'
        b"</x:row></x:sheetData></x:worksheet>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    archive = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    member = archive.getinfo("xl/worksheets/sheet1.xml")
    assert extent.reach(archive, member) is extent.Reach.IRREGULAR
    assert extent.position_extent(archive, member) == (2, 2)


def test_references_everywhere_are_near_or_far() -> None:
    assert _measure(_value("A1"), _value("B2"))[0] is extent.Reach.NEAR
    assert _measure(_value("A1"), _value("AY2"))[0] is extent.Reach.FAR


def test_positions_across_chunk_boundaries_are_counted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extent, "_CHUNK", 97)  # every tag is cut somewhere
    value = b'<c t="n"><v>1</v></c>'
    rows = (b"<row>" + value * 7 + b"</row>") * 40
    assert _measure(rows) == (extent.Reach.IRREGULAR, (40, 7))


def test_unreferenced_cells_beyond_the_limit_are_refused() -> None:
    row = b'<row r="1048576">' + b"<c/>" * 99 + b'<c t="n"><v>1</v></c></row>'
    with pytest.raises(LedgerReadError) as caught:
        check_xlsx("noref.xlsx", _archive(_value("A1"), row))
    assert caught.value.message == (
        'sheet "sheet1.xml" reaches cell CV1048576, far outside any ledger; '
        "delete the stray content there and send the file again"
    )


def test_a_ledger_without_any_reference_reads_as_with_them(tmp_path: Path) -> None:
    """Some generators leave every ``r`` out: the positions counted are calamine's, and the
    ledger reads row for row as the one that has them."""
    source = tmp_path / "exported.xlsx"
    write_ledger(sample_workbook(), source)
    stripped = tmp_path / "stripped.xlsx"
    pattern = re.compile(rb'(<(?:c|row)) r="[A-Z]*[0-9]+"')
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(stripped, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                assert pattern.search(data)
                data = pattern.sub(rb"\1", data)
            new.writestr(item.filename, data)
    before, after = read_ledger(source), read_ledger(stripped)
    assert [(r.sheet, r.row, r.measure_code, r.status) for r in after.rows] == [
        (r.sheet, r.row, r.measure_code, r.status) for r in before.rows
    ]


def test_shared_strings_declared_up_to_the_limit_pass() -> None:
    for count, refused in (
        (extent.MAX_SHARED_STRINGS, False),
        (extent.MAX_SHARED_STRINGS + 1, True),
    ):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as z:
            z.writestr("xl/sharedStrings.xml", hostile.shared_strings(count))
        archive = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
        if not refused:
            extent.check_shared_strings("ok.xlsx", archive)
            continue
        with pytest.raises(LedgerReadError) as caught:
            extent.check_shared_strings("many.xlsx", archive)
        assert caught.value.message == (
            "refused: part xl/sharedStrings.xml declares 5000001 different texts "
            "(more than 5000000); the file is damaged or forged"
        )


# .xls: the workbook stream's records, read from the compound file.


def test_an_xls_extent_counts_dimensions_and_cells() -> None:
    body = struct.pack("<HH", 30, 2) + b"\0" * 24 + struct.pack("<H", 5)  # row 31, C…F
    mulrk = struct.pack("<HH", 0x00BD, len(body)) + body
    stream = hostile.biff(10, 3, hostile.number(19, 1) + mulrk)
    assert xls_extent.sheet_extent(stream, xls_extent._sheets(stream)[0][1]) == (31, 6)


@pytest.mark.parametrize("cells", [0, 400])
def test_the_workbook_stream_is_read_from_the_mini_stream_or_sectors(cells: int) -> None:
    stream = hostile.biff(1, 1, b"".join(hostile.number(r, 0) for r in range(1, cells)))
    assert (len(stream) < 4096) is (cells == 0)
    assert read_stream(hostile.xls(stream), ("Book", "Workbook")) == stream


def test_a_broken_xls_stream_is_refused_as_damaged(tmp_path: Path) -> None:
    data = bytearray(hostile.xls(hostile.biff(1, 1)))
    struct.pack_into("<I", data, 512 + 4 * 3, 0x0FFF)  # the mini stream's chain runs off the end
    path = tmp_path / "坏.xls"
    path.write_bytes(bytes(data))
    with pytest.raises(LedgerReadError) as caught:
        read_ledger(path)
    assert caught.value.message == "the .xls file is damaged (a sector chain is broken)"


@pytest.mark.parametrize(
    ("cell", "extent_"),
    [
        (b'<c s="1" r="C7"><v>1</v></c>', (7, 3)),  # r not first
        (b'<c r="c7"><v>1</v></c>', (7, 3)),
        (b"<c r='C7'><v>1</v></c>", (7, 3)),
        (b'<c r = "C7"><v>1</v></c>', (7, 3)),
        (b'<c r="C007"><v>1</v></c>', (7, 3)),
        (b'<c r="$C$7"><v>1</v></c>', (7, 3)),
        (b'<c r="C12345678"><v>1</v></c>', (12345678, 3)),
    ],
)
def test_irregular_references_are_read_however_spelled(
    cell: bytes, extent_: tuple[int, int]
) -> None:
    assert _measure(b'<row r="7">' + cell + b"</row>") == (extent.Reach.IRREGULAR, extent_)


@pytest.mark.parametrize(
    "tag",
    [
        b'<c r="A1" t="n">',
        b'<c r="AX99999">',
        b'<c r="AY1">',
        b'<c r="A100000">',
        b'<c r="XFD1048576"/>',
        b'<row r="99999">',
        b'<row r="100000" spans="1:3">',
        b"<c>",
        b"<c/>",
        b'<c s="1" r="A1">',
        b'<c  r="A1">',
        b'<c\nr="A1">',
        b"<c r='A1'>",
        b'<c r="a1">',
        b'<c r="A01">',
        b'<pageMargins header="0.3" footer="0.3"/>',
    ],
)
def test_one_search_answers_as_the_two_it_stands_for(tag: bytes) -> None:
    """``reach`` searches once for an irregular or far tag; the answer is the one the
    irregular search, then the far one, give."""
    data = _value("A1") + tag + (b"</c>" if tag.startswith(b"<c") and b"/>" not in tag else b"")
    archive = _archive(data)
    expected = (
        extent.Reach.IRREGULAR
        if extent._IRREGULAR.search(_HEAD + data)
        else extent.Reach.FAR
        if extent._FAR_REFERENCE.search(_HEAD + data)
        else extent.Reach.NEAR
    )
    assert extent.reach(archive, archive.getinfo("xl/worksheets/sheet1.xml")) is expected


def test_a_far_reference_outside_a_cell_tag_is_not_measured() -> None:
    """Text (or another attribute) spelling a far ``r="…"``: the two searches sent it to the
    measuring, which counts cells only (and found 1 × 1); the one search does not."""
    archive = _archive(_value("A1"), b'<c r="B1" t="inlineStr"><is><t>r="XFD2"</t></is></c>')
    member = archive.getinfo("xl/worksheets/sheet1.xml")
    assert extent.reach(archive, member) is extent.Reach.NEAR
    assert extent.value_extent(archive, member) == (1, 2)
