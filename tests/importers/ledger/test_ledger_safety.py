"""Files that are not ledgers, or are hostile, are refused before parsing, by name."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import openpyxl
import pytest

from importers.ledger.errors import LedgerReadError
from importers.ledger.reader import read_ledger
from importers.ledger.safety import MAX_FILE_BYTES, check_content
from importers.ledger.writer import write_ledger
from tests.fixtures.ledger.samples import sample_workbook

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ledger"


def _refused(path: Path) -> str:
    with pytest.raises(LedgerReadError) as caught:
        read_ledger(path)
    assert caught.value.file_name == path.name
    assert str(caught.value).startswith(f"{path.name}: ")
    return caught.value.message


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    path = tmp_path / "exported.xlsx"
    write_ledger(sample_workbook(), path)
    return path


def _rezip(src: Path, dst: Path, replace: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item.filename, replace.get(item.filename, old.read(item.filename)))
    return dst


def test_text_file_renamed(tmp_path: Path) -> None:
    path = tmp_path / "进展情况.xlsx"
    path.write_text("市场监管厅：已完成。\n", encoding="utf-8")
    assert _refused(path) == "not a spreadsheet (expected an .xlsx, .xls or .ods file)"


def test_html_saved_as_xls(tmp_path: Path) -> None:
    path = tmp_path / "导出.xls"
    path.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    assert "web page" in _refused(path)


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert _refused(path) == "the file is empty"


def test_truncated_xlsx(exported: Path, tmp_path: Path) -> None:
    data = exported.read_bytes()
    path = tmp_path / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    assert _refused(path).startswith("the file is damaged (broken zip archive")


def test_corrupted_member(exported: Path, tmp_path: Path) -> None:
    data = bytearray(exported.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + 200] = b"\xff" * 200
    path = tmp_path / "corrupt.xlsx"
    path.write_bytes(bytes(data))
    assert _refused(path).startswith("the file is damaged (")


def test_password_protected_xlsx() -> None:
    # made by make_fixtures.py with msoffcrypto-tool, password "secret"
    message = _refused(FIXTURES / "password.xlsx")
    assert message == "the workbook is password-protected; ask the unit to remove the password"


def test_zip_bomb_by_ratio(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    message = _refused(path)
    assert message.startswith("refused: part xl/worksheets/sheet1.xml expands 20 MB")
    assert message.endswith("(zip bomb?)")


def test_zip_bomb_by_declared_total(exported: Path, tmp_path: Path) -> None:
    """Sizes in the central directory are what a parser allocates for: lie about them."""
    data = bytearray(exported.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        names = [i.filename for i in z.infolist()]
    end = data.rfind(b"PK\x05\x06")
    (directory,) = struct.unpack_from("<I", data, end + 16)
    offset = directory
    for _ in names:
        assert data[offset : offset + 4] == b"PK\x01\x02"
        compressed, _size = struct.unpack_from("<II", data, offset + 20)
        struct.pack_into("<I", data, offset + 24, min(compressed * 90, 0xFFFFFFFE))
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        offset += 46 + name_len + extra_len + comment_len
    # one member said to be 1100 MB from 20 MB: under the ratio limit, over the total
    struct.pack_into("<II", data, directory + 20, 20 * 1024 * 1024, 1100 * 1024 * 1024)
    path = tmp_path / "lying.xlsx"
    path.write_bytes(bytes(data))
    assert _refused(path) == (
        "refused: the workbook expands to 1100 MB (more than 1024 MB; zip bomb?)"
    )


def test_xml_bomb(exported: Path, tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
        + b"".join(
            f' <!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n'.encode()
            for i in range(1, 10)
        )
        + b']>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    path = _rezip(exported, tmp_path / "laughs.xlsx", {"xl/worksheets/sheet1.xml": laughs})
    assert _refused(path) == (
        "refused: part xl/worksheets/sheet1.xml declares a DTD or entities (XML bomb?)"
    )


def test_huge_file(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    with path.open("wb") as f:
        f.truncate(MAX_FILE_BYTES + 10 * 1024 * 1024)  # sparse: takes no disk space
    assert _refused(path) == "the file is 60.0 MB; a ledger is never larger than 50 MB"


def test_unrelated_workbook(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["姓名", "部门", "工资"])
    ws.append(["张三", "办公室", 5000])
    ws.append(["序号", "单位", "备注"])
    path = tmp_path / "工资表.xlsx"
    wb.save(path)
    assert _refused(path).startswith("no sheet has a ledger header")


def test_word_document(tmp_path: Path) -> None:
    path = tmp_path / "情况说明.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    assert _refused(path) == "a Word document, not a spreadsheet"


def test_plain_zip(tmp_path: Path) -> None:
    path = tmp_path / "附件.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "hello")
    assert _refused(path) == "a zip archive, not a spreadsheet"


def test_xlsx_under_an_xls_name_still_reads(exported: Path, tmp_path: Path) -> None:
    path = tmp_path / "renamed.xls"
    path.write_bytes(exported.read_bytes())
    assert len(read_ledger(path).rows) == 6


def test_missing_file(tmp_path: Path) -> None:
    assert _refused(tmp_path / "gone.xlsx").startswith("cannot open the file")


def _ods(path: Path, rows_xml: str) -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="台账">'
        f"{rows_xml}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return path


def test_ods_with_a_column_of_values_repeated_to_the_end(tmp_path: Path) -> None:
    filled = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="30" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    assert _refused(_ods(tmp_path / "filled.ods", filled)) == (
        'sheet "台账" reaches cell AD1048000, far outside any ledger; '
        "delete the stray content there and send the file again"
    )


def test_ods_trailing_empty_runs_do_not_count(tmp_path: Path) -> None:
    header = "".join(
        f'<table:table-cell office:value-type="string"><text:p>{h}</text:p></table:table-cell>'
        for h in ("措施编号", "责任单位", "完成状态", "进展情况")
    )
    rows = (
        f"<table:table-row>{header}</table:table-row>"
        '<table:table-row table:number-rows-repeated="1048575">'
        '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    path = _ods(tmp_path / "normal.ods", rows)
    assert check_content(path.name, path.read_bytes()) == "ods"


def test_broken_sheet_xml(exported: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(exported) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    broken = xml[: len(xml) // 2]  # cut mid-element: well-formed prolog, no end
    path = _rezip(exported, tmp_path / "broken.xlsx", {"xl/worksheets/sheet1.xml": broken})
    message = _refused(path)
    assert message.startswith('sheet "持续优化营商环境若干措施" is damaged or unreadable (')
