"""Reading files: encodings, Word, PDF, fingerprints, and files that are no document."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from importers.policy import PolicyReadError, parse_file
from importers.policy.sources import SourceTable, decode_text, read_source

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "policy"
SAMPLE = "关于印发若干措施的通知\n1.推进改革。（责任单位：自治区财政厅。完成时限：2021年底）\n"


@pytest.mark.parametrize(
    "data",
    [
        SAMPLE.encode("utf-8"),
        b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"),
        SAMPLE.encode("gb18030"),
        SAMPLE.encode("gbk"),
        SAMPLE.encode("utf-16"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16"],
)
def test_text_encodings(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "措施.txt"
    path.write_bytes(data)
    source, info = read_source(path)
    assert source.lines == SAMPLE.splitlines()
    assert info.file_name == "措施.txt"
    assert info.size == len(data)
    assert info.sha256 == hashlib.sha256(data).hexdigest()
    document, same = parse_file(path)
    assert same == info
    assert document.measures[0].units == ["自治区财政厅"]


def test_uppercase_suffix(tmp_path: Path) -> None:
    path = tmp_path / "DOC.TXT"
    path.write_text(SAMPLE, encoding="utf-8")
    assert read_source(path)[0].lines[0] == "关于印发若干措施的通知"


def refused(path: Path) -> PolicyReadError:
    with pytest.raises(PolicyReadError) as caught:
        read_source(path)
    error = caught.value
    assert error.file_name == path.name
    assert path.name in str(error)
    assert error.message.isascii()  # plain English: the UI translates it
    return error


@pytest.mark.parametrize("name", ["notice.docm", "notice.xlsx", "notice", "notice.txt.bak"])
def test_unknown_file_type(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(SAMPLE, encoding="utf-8")
    assert "unsupported file type" in refused(path).message


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot be read" in refused(tmp_path / "gone.txt").message


@pytest.mark.parametrize("data", [b"", b"   \n\r\n\t", b"\xef\xbb\xbf\n\n"])
def test_empty_text(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(data)
    message = refused(path).message
    assert message in ("is empty", "contains no text")


def test_binary_garbage(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(random.Random(7).randbytes(4096))
    refused(path)


def test_binary_that_decodes(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    path.write_bytes(bytes(range(1, 32)) * 20)
    assert refused(path).message == "is binary data, not text"
    with pytest.raises(PolicyReadError):
        decode_text(b"\x00\x01\x02\x03" * 50, "x.txt")


@pytest.mark.parametrize("name", ["broken.docx", "broken.pdf"])
def test_broken_documents(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"PK\x03\x04 not really a zip" if name.endswith("docx") else b"%PDF-1.4 junk")
    assert "not a readable" in refused(path).message


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    path = tmp_path / "scan.pdf"
    with path.open("wb") as stream:
        writer.write(stream)
    assert "no text layer" in refused(path).message


def test_docx_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("第一段")
    table = document.add_table(rows=2, cols=2)
    table.rows[0].cells[0].text = "序号"
    table.rows[0].cells[1].text = "任务"
    table.rows[1].cells[0].text = "1"
    table.rows[1].cells[1].text = "甲\n乙"
    document.add_paragraph("第二段")
    path = tmp_path / "notice.docx"
    document.save(str(path))
    source, info = read_source(path)
    # Each row of the table counts as a line (blank in the text), so a task names its row.
    assert source.lines == ["第一段", "", "", "第二段"]
    assert source.tables == [SourceTable(2, (("序号", "任务"), ("1", "甲乙")), (2, 3))]
    assert info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_pdf_text(tmp_path: Path) -> None:
    source, _ = read_source(FIXTURES / "paragraphs.pdf")
    text = "".join(source.lines).replace(" ", "")
    assert "甘政办发[2022]15号" in text
    assert "完成时限：长期坚持" in text
