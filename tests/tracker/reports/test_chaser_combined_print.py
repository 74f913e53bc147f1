"""The chasers' 合订 is printed on both sides and handed out per unit: each chaser starts
on the front of a sheet (an odd page, the page before left blank and unnumbered if need
be), titled and numbered from — 1 — as when printed alone.  PDF read back per
page; Word's sections read back (python-docx)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.enum.section import WD_SECTION
from docx.oxml.ns import qn
from pypdf import PdfReader

from importers.reports.docx import write_docx
from importers.reports.pdf import write_pdf
from importers.reports.serial import from_json, to_json
from tests.tracker.reports.test_chaser_pages import OFFICE, REPLY_BY, TODAY, items
from tracker.reports.chasers import Chaser, combined
from tracker.reports.report_lists import ChaserHeader, chaser

UNITS = (("自治区财政厅", 8), ("自治区公安厅", 12), ("自治区商务厅", 3))
"""Chasers of 2 pages (the 回执 with the last rows), 3 pages, and 2 again."""


def chasers() -> list[Chaser]:
    return [
        Chaser(
            unit,
            2022,
            n,
            chaser(unit, items(count), TODAY, REPLY_BY, OFFICE, ChaserHeader(f"〔2022〕第{n}号")),
        )
        for n, (unit, count) in enumerate(UNITS, 1)
    ]


def printed(path: Path) -> list[tuple[str, str]]:
    """Per page: the chaser number starting on it and the page number printed ("" none)."""
    out = []
    for page in PdfReader(path).pages:
        text = page.extract_text()
        number = re.search(r"〔2022〕第(\d+)号", text)
        folio = re.findall(r"— (\d+) —", text)
        out.append((number.group(1) if number else "", folio[0] if folio else ""))
    return out


def test_each_chaser_of_the_pdf_starts_a_sheet_numbered_from_one(tmp_path: Path) -> None:
    out = tmp_path / "合订.pdf"
    assert write_pdf(combined(chasers()), out) == 8
    assert printed(out) == [
        ("1", "1"),
        ("", "2"),
        ("2", "1"),
        ("", "2"),
        ("", "3"),
        ("", ""),  # the back of 第2号's last sheet: blank, no number
        ("3", "1"),
        ("", "2"),
    ]
    alone = tmp_path / "第2号.pdf"
    write_pdf(chasers()[1].report, alone)
    assert [page_text(out, n) for n in (2, 3, 4)] == [page_text(alone, n) for n in (0, 1, 2)]
    assert [opening(out, n) for n in (0, 2, 6)] == [
        [("催办单", 22.0), (f"〔2022〕第{n}号", 16.0), (f"{unit}：", 16.0)]
        for n, (unit, _) in enumerate(UNITS, 1)
    ]  # the title in 2号, as the first chaser's, not a bold line of the body


def page_text(path: Path, n: int) -> str:
    return str(PdfReader(path).pages[n].extract_text())


def opening(path: Path, n: int) -> list[tuple[str, float]]:
    """The first three texts drawn on page ``n`` with their size in points."""
    seen: list[tuple[str, float]] = []

    def visit(text: str, _cm: object, tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            seen.append((text.strip(), round(size * tm[0], 1)))

    PdfReader(path).pages[n].extract_text(visitor_text=visit)
    return seen[:3]


def test_each_chaser_of_the_word_file_is_a_section_numbered_from_one(tmp_path: Path) -> None:
    """Word takes a page numbered 1 for odd wherever it falls: the file leaves the page
    blank where the PDF does (after 第2号's three pages), and ends each section in its
    last paragraph, so no page of a lone section mark spills over."""
    out = tmp_path / "合订.docx"
    write_docx(combined(chasers()), out)
    document = docx.Document(str(out))
    titled = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Report")
    ]
    assert titled == [
        (style, text)
        for n in range(1, 4)
        for style, text in (("Report Title", "催办单"), ("Report Subtitle", f"〔2022〕第{n}号"))
    ]
    sections = document.sections
    assert [s.start_type for s in sections] == [WD_SECTION.NEW_PAGE] * 3
    starts = [s._sectPr.find(qn("w:pgNumType")) for s in sections]
    assert [None if s is None else s.get(qn("w:start")) for s in starts] == [None, "1", "1"]
    assert [s.footer.is_linked_to_previous for s in sections] == [False, True, True]
    paragraphs = [p._p for p in document.paragraphs]
    ends = [n for n, p in enumerate(paragraphs) if p.pPr is not None and p.pPr.sectPr is not None]
    assert [paragraphs[n].xpath("string(.)") for n in ends] == ["", " "]  # a table's spacer
    assert [bool(paragraphs[n - 1].xpath(".//w:br[@w:type='page']")) for n in ends] == [
        False,
        True,  # the blank back of 第2号's last sheet
    ]


def test_each_chasers_title_is_kept_through_json() -> None:
    """(``storable`` passes a report with a control character through JSON.)"""
    report = combined(chasers())
    assert from_json(to_json(report)) == report
    assert report.text_blocks().count("催办单") == 3
