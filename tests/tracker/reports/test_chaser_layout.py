"""A chaser as the unit reads it on paper: 序号 and 编号 never wrapped, whatever the
measure texts, the table within the A4 text block, the 回执's labels on one line each,
in the PDF and in the Word file."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import docx
import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]

from importers.reports.column_widths import estimate
from importers.reports.docx import write_docx
from importers.reports.fonts import find_fonts
from importers.reports.layout import page, register
from importers.reports.model import ReportDocument, Table
from importers.reports.pdf import write_pdf
from importers.reports.pdf_tables import PADDING, table_widths
from tests.tools import needs_pdftotext, pdftotext
from tests.ui.factories import make_row
from tracker.records import AssignmentRow
from tracker.reports.report_lists import RECEIPT_ROWS, chaser
from tracker.statuses import Derived

TODAY = date(2022, 1, 11)
CODES = ("3-12", "41", "7", "3-12", "100", "41", "2-3", "5", "3-12", "41", "6", "12-10")
LONG = "推进企业开办全程网办，实现营业执照、公章刻制、涉税事项、社保登记、住房公积金企业缴存登记一网通办"


def chased() -> list[AssignmentRow]:
    """Twelve overdue items with codes like 3-12 and 41, every other one a long text."""
    return [
        replace(
            make_row(i),
            code=code,
            title=LONG if i % 2 else "实施包容审慎监管",
            state=Derived.OVERDUE,
            deadline=date(2021, 11, 30),
            deadline_text="2021年11月底",
        )
        for i, code in enumerate(CODES)
    ]


def the_chaser() -> ReportDocument:
    return chaser("自治区市场监管厅", chased(), TODAY, date(2022, 1, 16), "协调小组办公室")


def test_the_narrow_columns_fit_their_widest_text_in_the_font_printed() -> None:
    report = the_chaser()
    items, form = [b for b in report.blocks if isinstance(b, Table)]
    names = register(find_fonts())
    width = page(False).frame_width
    widths = table_widths(items, width, names)
    assert sum(widths) == pytest.approx(width)  # within the A4 text block
    size = items.font_size
    for index, widest in ((0, "12"), (2, "12-10"), (4, "2021年11月底"), (5, "逾期42天")):
        header = items.columns[index].header
        room = widths[index] - 2 * PADDING
        assert room >= stringWidth(header, names.heading, size), header
        assert room >= max(stringWidth(row[index], names.body, size) for row in items.rows)
        assert room >= stringWidth(widest, names.body, size)
    labels = table_widths(form, width, names)[0] - 2 * PADDING
    assert labels >= max(stringWidth(label, names.body, form.font_size) for label in RECEIPT_ROWS)
    assert labels >= stringWidth("单位名称", names.heading, form.font_size)


@needs_pdftotext
def test_each_number_and_code_is_read_back_on_one_line(tmp_path: Path) -> None:
    out = tmp_path / "催办单.pdf"
    assert write_pdf(the_chaser(), out) == 3
    lines = [line.split() for line in pdftotext(out, "-layout").splitlines()]
    words = [w for line in lines for w in line]
    header = ["序号", "文件", "编号", "重点任务", "完成时限", "情况", "当前进展"]
    assert [line for line in lines if line[:1] == ["序号"]] == [header, header]  # 2 pages
    assert "序" not in words and "号" not in words and "编" not in words
    # each item's row: its number, then its code (the 文件 cell wraps around them), whole
    numbered = [line for line in lines if line[:1] and line[0].isdigit()]
    assert [(line[0], line[1]) for line in numbered] == [
        (str(i), code) for i, code in enumerate(CODES, start=1)
    ]
    assert sum(w == "2021年11月底" for w in words) == 12
    receipt = pdftotext(out, "-layout", "-f", "3", "-l", "3")
    assert "－ － － － － － － 沿此线剪下 － － － － － － －" in receipt  # one line
    for label in RECEIPT_ROWS:
        assert label in receipt


def test_the_word_file_gives_the_same_columns_room_for_their_text(tmp_path: Path) -> None:
    out = tmp_path / "催办单.docx"
    write_docx(the_chaser(), out)
    items, form = docx.Document(str(out)).tables
    points = [c.width.pt for c in items.columns]
    assert sum(points) == pytest.approx(page(False).frame_width, abs=0.1)
    for index, text in ((0, "序号"), (2, "12-10"), (4, "2021年11月底"), (5, "逾期42天")):
        assert points[index] - 2 * PADDING >= estimate(text, 10.5), text
    assert form.columns[0].width.pt - 2 * PADDING >= estimate("办理进展及下步计划", 12.0)
