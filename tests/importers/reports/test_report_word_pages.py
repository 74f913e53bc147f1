"""Word equals PDF: the .docx, laid out by LibreOffice, runs to the PDF's page count ±10 %.

Skipped without ``soffice`` (LibreOffice), which stands in for Word here.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from importers.reports.docx import write_docx
from importers.reports.model import Column, Heading, Paragraph, ReportDocument, Signature, Table
from importers.reports.pdf import write_pdf
from tests.tools import needs_soffice

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
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo"),
            str(tmp_path / "r.docx"),
        ],
        capture_output=True,
        timeout=240,
        check=True,
    )
    word_pages = len(PdfReader(tmp_path / "lo" / "r.pdf").pages)
    assert pdf_pages >= 3
    assert abs(word_pages - pdf_pages) <= max(1, round(0.1 * pdf_pages)), (word_pages, pdf_pages)
