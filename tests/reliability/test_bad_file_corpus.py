"""The earlier bad-file corpus, each file through the ledger import service: refused, by name,
and the database byte-for-byte as it was.

``tests/importers/ledger/test_ledger_safety.py`` checks what the reader says about each
of these files; ``tests/tracker/ledgers/test_ledgers.py`` runs eight of them through the
service together.  Here every one goes through preview and apply on its own, so
the tally counts each: the file is named in the refusal, nothing is applied, and
the SQLite file (with its write-ahead log) has the same bytes before and after; on
PostgreSQL the state digest is the same.
"""

from __future__ import annotations

import io
import shutil
import struct
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.reliability.harness import database_state, fill_in
from tests.tracker.conftest import sample_document, source
from tracker.rounds.round_service import RoundService
from tracker.services import Services

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ledger"
ROUND = "2021年第2季度"
Maker = Callable[[Path, Path], Path]


def _text(folder: Path, good: Path) -> Path:
    del good
    path = folder / "进展情况.xlsx"
    path.write_text("市场监管厅：已完成。\n", encoding="utf-8")
    return path


def _html(folder: Path, good: Path) -> Path:
    del good
    path = folder / "导出.xls"
    path.write_text("<html><body><table><tr><td>1</td></tr></table></body></html>")
    return path


def _empty(folder: Path, good: Path) -> Path:
    del good
    path = folder / "空文件.xlsx"
    path.write_bytes(b"")
    return path


def _truncated(folder: Path, good: Path) -> Path:
    path = folder / "截断.xlsx"
    data = good.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


def _corrupted_member(folder: Path, good: Path) -> Path:
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    data[start : start + 200] = b"\xff" * 200
    path = folder / "损坏.xlsx"
    path.write_bytes(bytes(data))
    return path


def _password(folder: Path, good: Path) -> Path:
    del good
    return Path(shutil.copy(FIXTURES / "password.xlsx", folder / "加密.xlsx"))


def _zip_bomb(folder: Path, good: Path) -> Path:
    del good
    path = folder / "炸弹.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    return path


def _lying_sizes(folder: Path, good: Path) -> Path:
    """The central directory claims sizes a parser would allocate for."""
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as z:
        count = len(z.infolist())
    end = data.rfind(b"PK\x05\x06")
    (directory,) = struct.unpack_from("<I", data, end + 16)
    offset = directory
    for _ in range(count):
        compressed, _size = struct.unpack_from("<II", data, offset + 20)
        struct.pack_into("<I", data, offset + 24, min(compressed * 90, 0xFFFFFFFE))
        name_len, extra_len, comment_len = struct.unpack_from("<HHH", data, offset + 28)
        offset += 46 + name_len + extra_len + comment_len
    struct.pack_into("<II", data, directory + 20, 20 * 1024 * 1024, 1100 * 1024 * 1024)
    path = folder / "虚报大小.xlsx"
    path.write_bytes(bytes(data))
    return path


def _rezip(good: Path, path: Path, member: str, edit: Callable[[bytes], bytes]) -> Path:
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            data = old.read(item.filename)
            new.writestr(item.filename, edit(data) if item.filename == member else data)
    return path


def _xml_bomb(folder: Path, good: Path) -> Path:
    def entities(data: bytes) -> bytes:
        return b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + data[38:]

    return _rezip(good, folder / "实体.xlsx", "xl/worksheets/sheet1.xml", entities)


def _broken_sheet(folder: Path, good: Path) -> Path:
    return _rezip(
        good, folder / "半张表.xlsx", "xl/worksheets/sheet1.xml", lambda d: d[: len(d) // 2]
    )


def _huge(folder: Path, good: Path) -> Path:
    del good
    path = folder / "巨大.xlsx"
    with path.open("wb") as f:
        f.truncate(80 * 1024 * 1024)  # sparse: no disk space taken
    return path


def _unrelated(folder: Path, good: Path) -> Path:
    del good
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "部门", "工资"])
    wb.active.append(["张三", "办公室", 5000])
    path = folder / "工资表.xlsx"
    wb.save(path)
    return path


def _word(folder: Path, good: Path) -> Path:
    del good
    path = folder / "情况说明.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return path


def _plain_zip(folder: Path, good: Path) -> Path:
    del good
    path = folder / "附件.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("a.txt", "hello")
    return path


def _ods_filled(folder: Path, good: Path) -> Path:
    del good
    rows = (
        '<table:table-row table:number-rows-repeated="1048000">'
        '<table:table-cell table:number-columns-repeated="30" office:value-type="string">'
        "<text:p>x</text:p></table:table-cell></table:table-row>"
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="台账">'
        f"{rows}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    path = folder / "填满.ods"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("content.xml", content)
    return path


def _missing(folder: Path, good: Path) -> Path:
    del good
    return folder / "缺失.xlsx"


# (maker, a phrase the refusal must contain)
CORPUS: dict[str, tuple[Maker, str]] = {
    "text_renamed": (_text, "not a spreadsheet"),
    "html_as_xls": (_html, "web page"),
    "empty": (_empty, "the file is empty"),
    "truncated": (_truncated, "damaged"),
    "corrupted_member": (_corrupted_member, "damaged"),
    "password": (_password, "password-protected"),
    "zip_bomb": (_zip_bomb, "zip bomb"),
    "lying_sizes": (_lying_sizes, "zip bomb"),
    "xml_bomb": (_xml_bomb, "XML bomb"),
    "broken_sheet_xml": (_broken_sheet, "damaged or unreadable"),
    "huge": (_huge, "50 MB"),
    "unrelated_workbook": (_unrelated, "ledger header"),
    "word_document": (_word, "Word document"),
    "plain_zip": (_plain_zip, "zip archive"),
    "ods_filled_to_the_end": (_ods_filled, "far outside any ledger"),
    "missing": (_missing, "no such file"),
}


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def _snapshot(services: Services) -> bytes | str:
    """The SQLite file's bytes (and its log's), or the state digest on a server database."""
    url = services.store.engine.url
    services.store.engine.dispose()
    if url.get_backend_name() != "sqlite":
        return database_state(url.render_as_string(hide_password=False))
    main = Path(str(url.database))
    wal = main.with_name(main.name + "-wal")
    return main.read_bytes() + b"|wal|" + (wal.read_bytes() if wal.exists() else b"")


@pytest.mark.parametrize("kind", list(CORPUS))
def test_a_bad_file_is_refused_by_name_and_the_database_is_byte_identical(
    office: Services, tmp_path: Path, kind: str
) -> None:
    maker, phrase = CORPUS[kind]
    [good] = office.ledger_export.export_units(ROUND, tmp_path / "sent", units=["自治区公安厅"])
    folder = tmp_path / "returned"
    folder.mkdir()
    bad = maker(folder, good)
    before = _snapshot(office)
    importer = office.ledger_import
    [preview] = importer.preview([bad])
    assert preview.file == bad.name
    assert preview.error is not None, preview
    assert phrase in str(preview.error)
    result = importer.apply([bad])
    assert result.applied == []
    assert [name for name, _ in result.skipped] == [bad.name]
    assert _snapshot(office) == before


def test_the_comparison_sees_a_file_that_was_applied(office: Services, tmp_path: Path) -> None:
    """The same comparison, with a good file: it must see the change (it is not blind)."""
    [sent] = office.ledger_export.export_units(ROUND, tmp_path / "sent", units=["自治区公安厅"])
    returned = tmp_path / "returned.xlsx"
    fill_in(sent, returned, "公安厅")
    before = _snapshot(office)
    result = office.ledger_import.apply([returned])
    assert result.applied == [returned.name]
    assert _snapshot(office) != before
