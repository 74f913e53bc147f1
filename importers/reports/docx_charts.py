"""Charts in the Word file: pictures drawn from the PDF's vector drawings, cut as the PDF
cuts them where a page ends (``pdf.chart_pieces``), so a chart fills the rest of a page
in Word too instead of jumping to the next and leaving the rest blank.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from importers.reports import charts
from importers.reports.docx_xml import put
from importers.reports.fonts import ReportFontError, find_fonts
from importers.reports.layout import register
from importers.reports.model import BarChart, ReportDocument

NO_CHART = "（图表未能生成：本机缺少绘图所需的中文字体或组件，请参阅PDF版。）"


def off_grid(p_pr: Any) -> None:
    """Let a paragraph ignore the document grid (a table cell, the title, a picture):
    on the grid, 10.5 pt text would take 29 pt lines and 16 pt character cells."""
    put(p_pr, "w:snapToGrid", val="0")


def _size(points: float) -> Any:
    node = OxmlElement("w:sz")
    node.set(qn("w:val"), str(round(points * 2)))
    return node


def _pieces(chart: BarChart, bars: list[int] | None) -> list[BarChart]:
    """The chart cut as the PDF cut it (``bars`` per piece, later ones titled "（续）"), or
    in pieces of at most ``charts.MAX_BARS`` when the PDF's cut is not known."""
    n = len(chart.categories)
    if not bars or sum(bars) != n:
        bars = [min(charts.MAX_BARS, n - start) for start in range(0, n, charts.MAX_BARS)]
    out, start = [], 0
    for count in bars:
        title = chart.title if start == 0 else f"{chart.title}（续）"
        out.append(charts.part(chart, start, start + count, title))
        start += count
    return out


def chart(doc: Any, chart: BarChart, frame_mm: float, bars: list[int] | None) -> None:
    from importers.reports.chart_png import png

    if charts.is_empty(chart):
        return
    try:
        names = register(find_fonts())
    except ReportFontError:
        doc.add_paragraph(NO_CHART)
        return
    for piece in _pieces(chart, bars):
        picture = png(charts.drawing(piece, frame_mm / 25.4 * 72, names))
        if picture is None:
            doc.add_paragraph(NO_CHART)
            return
        doc.add_picture(io.BytesIO(picture), width=Mm(frame_mm))
        last = doc.paragraphs[-1]
        last.alignment = WD_ALIGN_PARAGRAPH.CENTER
        last.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        last.paragraph_format.first_line_indent = Pt(0)
        off_grid(last._p.get_or_add_pPr())
        # A 1 pt font: the line is as high as the picture, not the picture plus a 3号
        # descent, so the chart fits where the PDF fitted it.
        for run in last.runs:
            run.font.size = Pt(1)
        put(last._p.get_or_add_pPr(), "w:rPr").append(_size(1))


def chart_pieces(report: ReportDocument) -> Iterator[list[int] | None]:
    """How the PDF cuts each chart drawn (``pdf.chart_pieces``); nothing known without
    fonts, or without charts (a long ledger is then not laid out twice)."""
    known: list[list[int]] = []
    if any(isinstance(b, BarChart) and not charts.is_empty(b) for b in report.blocks):
        from importers.reports.pdf import chart_pieces as pdf_pieces

        with contextlib.suppress(ReportFontError):
            known = pdf_pieces(report)
    yield from known
    while True:
        yield None
