"""Word equals PDF: the .docx, laid out by LibreOffice, runs to the PDF's page count ±10 %.

Skipped without ``soffice`` (LibreOffice), which stands in for Word here.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfReader

from importers.reports.docx import write_docx
from importers.reports.model import (
    Column,
    Heading,
    PageBreak,
    Paragraph,
    ReportDocument,
    Signature,
    Table,
)
from importers.reports.pdf import write_pdf
from importers.reports.readback import libreoffice_pdf
from tests.tools import needs_pdftotext, needs_soffice

pytestmark = needs_soffice


def _portrait() -> ReportDocument:
    text = "各责任单位要对照任务清单，逐项明确责任领导、具体措施和完成时限，确保按期落地见效。"
    rows = tuple((str(i), f"自治区第{i}厅", str(i * 3), f"{i % 7 * 10}.0%") for i in range(1, 121))
    columns = (
        Column("序号", 1),
        Column("责任单位", 4, "left"),
        Column("任务", 1),
        Column("完成率", 2),
    )
    blocks = [Heading("一、总体情况"), *(Paragraph(text * 3) for _ in range(12))]
    blocks += [
        Heading("二、各单位情况"),
        Table(columns, rows),
        Signature("协调小组办公室", "2021年12月20日"),
    ]
    return ReportDocument(title="关于重点任务落实情况的通报", blocks=blocks)


def _landscape() -> ReportDocument:
    columns = tuple(Column(h, w, "left") for h, w in (("序号", 1), ("内容", 8), ("进展", 6)))
    rows = tuple(
        (str(i), "推进企业开办全程网办。" * 6, "已完成系统改造。" * (i % 5 + 1)) for i in range(80)
    )
    return ReportDocument(
        title="工作总台账", blocks=[Table(columns, rows, font_size=8.0)], landscape=True
    )


@pytest.mark.parametrize("make", [_portrait, _landscape], ids=["portrait", "landscape ledger"])
def test_word_runs_to_the_pdfs_page_count(tmp_path: Path, make) -> None:  # type: ignore[no-untyped-def]
    report = make()
    pdf_pages = write_pdf(report, tmp_path / "r.pdf")
    write_docx(report, tmp_path / "r.docx")
    word_pages = len(PdfReader(libreoffice_pdf(tmp_path / "r.docx", tmp_path / "lo")).pages)
    assert pdf_pages >= 3
    assert abs(word_pages - pdf_pages) <= max(1, round(0.1 * pdf_pages)), (word_pages, pdf_pages)


def _turned() -> ReportDocument:
    """Two portrait pages, three turned ones (a wide table), back to portrait for one."""
    columns = tuple(Column(h, w, "left") for h, w in (("序号", 1), ("措施", 8), ("单位", 6)))
    rows = tuple((str(i), "推进企业开办全程网办。" * 3, "自治区公安厅、银川市") for i in range(30))
    text = "各责任单位要对照任务清单，逐项明确责任领导、具体措施和完成时限。"
    return ReportDocument(
        title="关于重点任务落实情况的通报",
        blocks=[
            *(Paragraph(text * 3) for _ in range(10)),
            PageBreak(turned=True),
            Paragraph("附件", align="left", indent=False),
            Table(columns, rows),
            PageBreak(),
            Paragraph("返回纵向页。"),
        ],
    )


def _numbers(pdf: Path) -> dict[int, tuple[float, float, float, float]]:
    """Each page's "— n —" box (xMin, yMin, xMax, yMax), read by pdftotext."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    out = {}
    for n, page in enumerate(xml.split("<page ")[1:], start=1):
        for box, body in re.findall(r"<line (.*?)>(.*?)</line>", page, re.S):
            if "".join(re.findall(r">([^<]+)</word>", body)) == f"—{n}—":
                out[n] = tuple(float(v) for v in re.findall(r'"([\d.]+)"', box))
    return out  # type: ignore[return-value]


@needs_pdftotext
def test_turned_pages_in_word_are_numbered_where_the_pdf_numbers_them(tmp_path: Path) -> None:
    """§8: on a landscape page the number stays on the portrait sheet's foot, outer side,
    turned with the sheet — along the left edge, low on odd pages, high on even ones."""
    report = _turned()
    pages = write_pdf(report, tmp_path / "r.pdf")
    write_docx(report, tmp_path / "r.docx")
    word = libreoffice_pdf(tmp_path / "r.docx", tmp_path / "lo")
    turned = [n for n, p in enumerate(PdfReader(word).pages, 1) if p.mediabox.width > 600]
    assert pages == len(PdfReader(word).pages) == 6 and turned == [3, 4, 5]
    pdf_numbers, word_numbers = _numbers(tmp_path / "r.pdf"), _numbers(word)
    assert sorted(pdf_numbers) == sorted(word_numbers) == [1, 2, 3, 4, 5, 6]
    for n in turned:
        x0, y0, x1, y1 = word_numbers[n]
        p0, q0, p1, q1 = pdf_numbers[n]
        assert y1 - y0 > x1 - x0  # running down the page: turned
        assert abs(x0 - p0) < 5 and abs(x1 - p1) < 2  # in the left margin, as the PDF
        mm = 72 / 25.4
        if n % 2:  # the portrait sheet's right end: low on the landscape page
            assert y1 == pytest.approx(q1, abs=1) and y1 == pytest.approx(184 * mm - 14, abs=1)
        else:
            assert y0 == pytest.approx(q0, abs=1) and y0 == pytest.approx(28 * mm + 14, abs=1)
    doc = Document(str(tmp_path / "r.docx"))
    assert [s.footer.is_linked_to_previous for s in doc.sections] == [False] * 3
    assert 'vert="vert"' in doc.sections[1].footer._element.xml
    assert "PAGE" in doc.sections[2].even_page_footer._element.xml
