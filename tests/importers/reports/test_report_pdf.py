"""The PDF and Word writers on hand-made documents: exact text, page numbers, tall rows."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from importers.reports.docx import write_docx
from importers.reports.model import (
    BarChart,
    Column,
    Heading,
    Paragraph,
    ReportDocument,
    Series,
    Table,
)
from importers.reports.pdf import write_pdf
from tests.tools import compact, needs_pdftotext, pdftotext

COLUMNS = (Column("序号", 1), Column("单位", 3, "left"), Column("内容", 6, "left"))


@needs_pdftotext
def test_text_layer_is_exactly_the_report(tmp_path: Path) -> None:
    words = "一二三〇十、，。：；（）《》“”——自治区人力资源社会保障厅 ABC 123 &<> 100.0%"
    report = ReportDocument(title="一号通报", blocks=[Heading("一、总体情况"), Paragraph(words)])
    write_pdf(report, tmp_path / "a.pdf")
    extracted = pdftotext(tmp_path / "a.pdf")
    assert "\u2f00" not in extracted and "\u2f17" not in extracted  # no Kangxi radicals
    assert compact(words) in compact(extracted)
    assert "一号通报" in PdfReader(tmp_path / "a.pdf").pages[0].extract_text()


@needs_pdftotext
def test_long_table_repeats_its_header_and_numbers_its_pages(tmp_path: Path) -> None:
    rows = tuple((str(i), f"单位{i}", "内容" * 10) for i in range(1, 121))
    report = ReportDocument(title="长表", blocks=[Table(COLUMNS, rows)])
    pages = write_pdf(report, tmp_path / "t.pdf")
    assert pages == len(PdfReader(tmp_path / "t.pdf").pages) >= 3
    for n in range(1, pages + 1):
        page = compact(pdftotext(tmp_path / "t.pdf", "-f", str(n), "-l", str(n)))
        assert page.endswith(f"—{n}—")  # GB/T 9704: "— n —"
        assert page.startswith("长表序号单位内容" if n == 1 else "序号单位内容")
    everything = compact(pdftotext(tmp_path / "t.pdf"))
    assert re.findall(r"单位(\d+)", everything) == [str(i) for i in range(1, 121)]


@needs_pdftotext
def test_rows_move_whole_and_only_a_page_tall_row_is_cut(tmp_path: Path) -> None:
    filler = tuple((str(i), "单位", "短") for i in range(1, 30))
    tall = ("30", "长单位", "很长的内容。" * 60)  # fits on a page, not at the bottom of one
    giant = ("31", "巨单位", "极长的内容。" * 900)  # taller than any page
    report = ReportDocument(title="行", blocks=[Table(COLUMNS, (*filler, tall, giant))])
    pages = write_pdf(report, tmp_path / "r.pdf")
    texts = [pdftotext(tmp_path / "r.pdf", "-f", str(n), "-l", str(n)) for n in range(1, pages + 1)]
    holding_tall = [n for n, t in enumerate(texts) if "很长的内容" in t]
    assert len(holding_tall) == 1  # not split across pages
    assert sum("极长的内容" in t for t in texts) >= 2  # cut into continuation rows
    joined = compact("".join(texts))
    assert joined.count("极长的内容。") == 900


@needs_pdftotext
def test_charts_are_vector_drawings_with_chinese_labels(tmp_path: Path) -> None:
    units = tuple(f"自治区第{i}厅" for i in range(30))
    chart = BarChart("各单位完成率", units, (Series("完成率", tuple(float(i) for i in range(30))),))
    write_pdf(ReportDocument(title="图", blocks=[chart]), tmp_path / "c.pdf")
    text = pdftotext(tmp_path / "c.pdf")
    assert "各单位完成率" in text and "各单位完成率（续）" in text  # 30 bars: two drawings
    assert all(u in text for u in units)
    assert "29.0%" in text


def test_word_file_structure(tmp_path: Path) -> None:
    report = ReportDocument(
        title="台账",
        subtitle=("副标题",),
        blocks=[Heading("一、表"), Table(COLUMNS, (("1", "公安厅", "内容"),))],
        landscape=True,
    )
    write_docx(report, tmp_path / "w.docx")
    doc = Document(str(tmp_path / "w.docx"))
    assert [p.text for p in doc.paragraphs if p.text] == ["台账", "副标题", "一、表"]
    table = doc.tables[0]
    assert [[c.text for c in r.cells] for r in table.rows] == [
        ["序号", "单位", "内容"],
        ["1", "公安厅", "内容"],
    ]
    assert {c.paragraphs[0].style.name for r in table.rows for c in r.cells} == {"Report Cell"}
    assert doc.styles["Report Cell"].paragraph_format.line_spacing == 1.0
    xml = table._tbl.xml
    assert xml.count("<w:tblHeader") == 1 and xml.count("<w:cantSplit") == 2
    section = doc.sections[0]
    assert section.page_width > section.page_height
    assert [round(x.mm) for x in (section.top_margin, section.left_margin)] == [28, 37]
    assert 'w:eastAsia="黑体"' in doc.styles["Report Title"].element.xml


@pytest.mark.parametrize("bad", [("1", "2")])
def test_rows_must_match_the_columns(bad: tuple[str, ...]) -> None:
    with pytest.raises(ValueError, match="cells"):
        Table(COLUMNS, (bad,))


@pytest.mark.parametrize(
    ("text", "fits"),
    [
        ("探索实施“一业一证”", "探索实施“一业一证"),  # a closing quotation mark
        ("推进企业开办全程网办，压缩开办时间", "推进企业开办全程网办"),  # a full-width comma
        ("完成时限：2021年底", "完成时限"),  # a full-width colon
    ],
)
@pytest.mark.parametrize("mixed", [False, True], ids=["one style", "mixed styles"])
def test_chinese_closing_punctuation_never_starts_a_line(text: str, fits: str, mixed: bool) -> None:
    """The break moves back instead: nothing hangs past the line's width (reportlab has two
    breakers, both replaced by ``linebreak``)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import Paragraph as RlParagraph

    from importers.reports.fonts import find_fonts
    from importers.reports.layout import register
    from importers.reports.linebreak import CANNOT_START, install
    from importers.reports.pdf_tables import cell_style

    install()
    body = register(find_fonts()).body
    width = stringWidth(fits, body, 10.5) + 2
    markup = f"<b>{text[:2]}</b>{text[2:]}" if mixed else text
    paragraph = RlParagraph(markup, cell_style(body, 10.5, "left"))
    paragraph.wrap(width, 1000)
    lines = ["".join(_words(line)) for line in paragraph.blPara.lines]
    assert "".join(lines) == text.replace("<b>", "")
    assert len(lines) >= 2 or lines == [text]
    assert not any(line[:1] in CANNOT_START for line in lines)
    assert all(stringWidth(line, body, 10.5) <= width for line in lines)


def _words(line: object) -> list[str]:
    """The text of one wrapped line, for either of reportlab's line kinds."""
    if isinstance(line, (tuple, list)):
        return [str(w) for w in line[1]]
    return [str(getattr(f, "text", "")) for f in getattr(line, "words", [])]
