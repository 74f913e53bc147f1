"""``.doc``/``.wps``/``.rtf``/``.odt`` documents: read through a word processor, or a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.policy import parse_file
from importers.policy.conversion import ConversionFailed, Converter, convert_to_docx
from importers.policy.errors import PolicyReadError
from tests.conftest import REPO_ROOT
from tests.tools import needs_soffice

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "policy" / "cn_numbered_cooperate.txt"


def rtf_of(text: str) -> str:
    """A minimal RTF document with one paragraph per line (Unicode escapes for Chinese)."""
    body = []
    for line in text.splitlines():
        escaped = "".join(
            c if ord(c) < 128 and c not in "\\{}" else f"\\u{_signed(c)}?" for c in line
        )
        body.append(escaped + "\\par")
    return "{\\rtf1\\ansi\\uc1\n" + "\n".join(body) + "\n}"


def _signed(c: str) -> int:
    code = ord(c)
    return code - 65536 if code > 32767 else code


def test_without_a_word_processor_the_clerk_is_told_to_save_as_docx(tmp_path: Path) -> None:
    document = tmp_path / "通知.doc"
    document.write_bytes(b"\xd0\xcf\x11\xe0 not really a Word file")
    with pytest.raises(PolicyReadError) as caught:
        convert_to_docx(document, converters=[])
    assert str(caught.value) == (
        "通知.doc: is a .doc file, which needs Word, WPS or LibreOffice to be read, and none was "
        "found on this computer. Open it and save it as a Word document (.docx), then import "
        "that file."
    )


def test_each_converter_is_tried_and_every_failure_named(tmp_path: Path) -> None:
    document = tmp_path / "通知.wps"
    document.write_bytes(b"x")

    def broken(_source: Path, _target: Path) -> None:
        raise ConversionFailed("Error: source file could not be loaded")

    def wrote(_source: Path, target: Path) -> None:
        target.write_bytes(b"PK docx")

    assert convert_to_docx(document, [Converter("A", broken), Converter("B", wrote)]) == b"PK docx"
    with pytest.raises(PolicyReadError) as caught:
        convert_to_docx(document, [Converter("LibreOffice", broken)])
    assert str(caught.value) == (
        "通知.wps: could not be converted to .docx (LibreOffice: Error: source file could not be "
        "loaded). Open it and save it as a Word document (.docx), then import that file."
    )


@needs_soffice
def test_an_rtf_document_is_read_like_its_text(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    document = tmp_path / "发改办体改〔2020〕301号.rtf"
    document.write_text(rtf_of(text), encoding="ascii")
    from_rtf, info = parse_file(document)
    from_text, _ = parse_file(FIXTURE)
    assert [(m.code, m.title, m.units) for m in from_rtf.measures] == [
        (m.code, m.title, m.units) for m in from_text.measures
    ]
    assert len(from_rtf.measures) == len(from_text.measures) > 5
    assert from_rtf.doc_number == from_text.doc_number == "发改办体改〔2020〕301号"
    assert info.file_name == document.name and info.size == document.stat().st_size
