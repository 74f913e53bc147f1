"""Word documents numbered by list formatting rather than typed numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

from importers.policy import parse_file
from importers.policy.sources import read_source

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
ABSTRACT = f"""
<w:abstractNum {W} w:abstractNumId="90">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>"""
NUM = f'<w:num {W} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'


def numbered(paragraph: Any, level: int) -> None:
    paragraph._p.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {W}><w:ilvl w:val="{level}"/><w:numId w:val="90"/></w:numPr>')
    )


def write(path: Path, body: list[tuple[int | None, str]]) -> None:
    document = docx.Document()
    numbering = document.part.numbering_part.element
    numbering.insert(0, parse_xml(ABSTRACT))  # abstract definitions come before w:num
    numbering.append(parse_xml(NUM))
    for level, text in body:
        paragraph = document.add_paragraph(text)
        if level is not None:
            numbered(paragraph, level)
    document.save(str(path))


BODY: list[tuple[int | None, str]] = [
    (None, "省人民政府关于印发若干措施的通知"),
    (None, "省政发〔2023〕2号"),
    (0, "优化政务服务"),
    (1, "深化“一网通办”（省政府办公厅牵头）"),
    (2, "推进事项网上办。（责任单位：省政府办公厅、大数据局。完成时限：2023年底）"),
    (3, "不是编号的要点"),
    (2, "推行电子证照。（责任单位：省公安厅。完成时限：2023年6月底）"),
    (1, "优化纳税服务（省税务局牵头）"),
    (2, "压缩纳税时间。（责任单位：省税务局。完成时限：长期坚持）"),
    (0, "加强监管"),
    (2, "推进信用监管。（责任单位：省发展改革委）"),
    (None, "2023年1月5日"),
]


def test_list_labels_are_rendered(tmp_path: Path) -> None:
    path = tmp_path / "numbered.docx"
    write(path, BODY)
    lines = read_source(path)[0].lines
    assert lines[2:10] == [
        "一、优化政务服务",
        "（一）深化“一网通办”（省政府办公厅牵头）",
        "1.推进事项网上办。（责任单位：省政府办公厅、大数据局。完成时限：2023年底）",
        "不是编号的要点",
        "2.推行电子证照。（责任单位：省公安厅。完成时限：2023年6月底）",
        "（二）优化纳税服务（省税务局牵头）",
        "1.压缩纳税时间。（责任单位：省税务局。完成时限：长期坚持）",
        "二、加强监管",
    ]
    assert lines[10].startswith("1.推进信用监管")


def test_numbered_document_parses(tmp_path: Path) -> None:
    path = tmp_path / "numbered.docx"
    write(path, BODY)
    document, _ = parse_file(path)
    assert document.doc_number == "省政发〔2023〕2号"
    assert document.issued_on == date(2023, 1, 5)
    assert [m.code for m in document.measures] == ["1.1.1", "1.1.2", "1.2.1", "2.1"]
    assert [(p.number, p.title) for p in document.parts] == [(1, "优化政务服务"), (2, "加强监管")]
    assert document.measures[0].units == ["省政府办公厅", "省大数据局"]
    assert document.measures[2].lead_units == ["省税务局"]
