"""A long table laid out a page at a time: the same pages as one table, and a stop asked at
a page's end made only that page's rows."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.platypus import Flowable  # type: ignore[import-untyped]

from importers.reports import pdf, pdf_tables
from importers.reports.layout import FontNames
from importers.reports.model import Column, Paragraph, ReportDocument, Table
from importers.reports.pdf import LayoutStopped, write_pdf
from tests.tools import needs_pdftotext, pdftotext

COLUMNS = (Column("序号", 1), Column("单位", 3, "left"), Column("内容", 6, "left"))
ROWS = 100_000


def test_a_stopped_layout_made_only_the_rows_of_its_first_page(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """One table of 100,000 rows made every row (and measured them) before its first page,
    so a stop asked at the page's end came after a minute and a half; now the first page
    made only the rows that the room under the title could hold at most (23 rows of one
    line), 3 cells each, after the header's."""
    made: list[str] = []

    class Counted(pdf_tables.Paragraph):  # type: ignore[misc,name-defined]
        def __init__(self, text: str, *args: object, **kwargs: object) -> None:
            made.append(text)
            super().__init__(text, *args, **kwargs)

    monkeypatch.setattr(pdf_tables, "Paragraph", Counted)
    rows = tuple((str(i), f"单位{i}", "内容") for i in range(1, ROWS + 1))
    report = ReportDocument(title="长表", blocks=[Table(COLUMNS, rows, 9.0)], landscape=True)
    asked: list[int] = []
    with pytest.raises(LayoutStopped):
        write_pdf(report, io.BytesIO(), keep_going=lambda pages: bool(asked.append(pages)))
    assert asked == [1]
    assert made[:3] == ["序号", "单位", "内容"] and len(made) == 3 + 3 * 23
    assert made[-3:] == ["23", "单位23", "内容"]


@needs_pdftotext
def test_the_pages_are_those_of_the_table_laid_out_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Paged, the rows fall on the pages where reportlab's split of the whole table put them:
    rows of all heights, one taller than a page (cut), two tables and text between."""
    rows = tuple((str(i), "单位" * (i % 7), "内容" * (i % 50)) for i in range(300))
    giant = ("巨", "巨单位", "极长的内容。" * 900)
    report = ReportDocument(
        title="表",
        blocks=[
            Table(COLUMNS, rows[:40]),
            Paragraph("两表之间的文字。" * 30),
            Table(COLUMNS, (*rows[40:], giant, *rows[:20])),
        ],
    )
    paged, whole = tmp_path / "paged.pdf", tmp_path / "whole.pdf"
    pages = write_pdf(report, paged)

    def laid_out_whole(
        model: Table, width: float, page_height: float, fonts: FontNames, tail: object = None
    ) -> Flowable:
        rows = pdf_tables._Rows(model, width, page_height, fonts)
        data = [rows.header, *rows.every()]
        return pdf_tables._table(data, rows.widths, len(data) - 1)

    monkeypatch.setattr(pdf, "build_table", laid_out_whole)
    assert write_pdf(report, whole) == pages == 29
    for n in range(1, pages + 1):
        shown = [pdftotext(file, "-f", str(n), "-l", str(n)) for file in (paged, whole)]
        assert shown[0] == shown[1]
