"""A control character in a report's text (a bell typed into a note on the command line, a
NUL an older import stored) is left out of the Word file instead of making Word's XML
refuse the whole report; the rest prints as it is."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from importers.reports.docx import write_docx
from importers.reports.model import Column, Heading, Paragraph, ReportDocument, Table
from importers.reports.serial import storable


def _report(note: str) -> ReportDocument:
    return ReportDocument(
        title="关于重点任务落实情况的通报",
        blocks=[
            Heading("一、总体情况"),
            Paragraph(note),
            Table((Column("序号", 1), Column("进展", 6, "left")), (("1", note),)),
        ],
    )


def test_control_characters_are_left_out_of_a_word_report(tmp_path: Path) -> None:
    target = tmp_path / "通报.docx"
    write_docx(_report("已完成\x07系统\x00改造\x1b；\t下一步\n推广"), target)
    document = Document(str(target))
    texts = [p.text for p in document.paragraphs]
    assert "已完成系统改造；\t下一步\n推广" in texts
    assert document.tables[0].cell(1, 1).text == "已完成系统改造；\t下一步\n推广"


def test_only_the_control_characters_go() -> None:
    report = _report("已完成系统改造\n下一步推广\u3000全区")
    assert storable(report) == report
    assert storable(_report("a\x07b")) == _report("ab")
