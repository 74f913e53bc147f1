"""Writing a ``ReportDocument`` as a PDF (reportlab), A4 with official-document margins.

Page numbers read "第 X 页 共 Y 页": the canvas keeps every page until the end,
when the total is known, and only then draws the numbers (one pass, no re-layout).
Text is embedded as subset TrueType with a ToUnicode map built from the
characters we wrote, so copying or extracting the text gives back exactly the
report's characters (一 stays U+4E00, never the look-alike Kangxi radical ⼀).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
)

from importers.reports import charts, linebreak
from importers.reports.fonts import ReportFonts, find_fonts
from importers.reports.layout import FontNames, Page, page, register
from importers.reports.model import BarChart, Block, Heading, ReportDocument, Table
from importers.reports.model import PageBreak as PageBreakModel
from importers.reports.model import Paragraph as ParagraphModel
from importers.reports.pdf_charts import ChartFlowable
from importers.reports.pdf_tables import build_table
from importers.reports.text import markup

TITLE_SIZE = 22.0  # 二号
BODY_SIZE = 14.0  # 四号
NUMBER_SIZE = 10.5
KEEP_WITH_HEADING = 110.0
"""Points a heading needs below it on its page: itself and about three lines or table rows."""
linebreak.install()  # no closing mark at a line start, no number or date split
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def _numbered_canvas(font: str, geometry: Page) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Holds each page back until ``save`` knows how many there are."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(font, NUMBER_SIZE)
                self.drawCentredString(
                    geometry.width / 2,
                    geometry.bottom - 12 * mm,
                    f"第 {number} 页 共 {total} 页",
                )
                super().showPage()
            super().save()

    return NumberedCanvas


class _Styles:
    def __init__(self, fonts: FontNames) -> None:
        self.title = ParagraphStyle(
            "title",
            fontName=fonts.heading,
            fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.4,
            alignment=TA_CENTER,
            spaceAfter=8,
            wordWrap="CJK",
        )
        self.subtitle = ParagraphStyle(
            "subtitle",
            fontName=fonts.body,
            fontSize=BODY_SIZE,
            leading=BODY_SIZE * 1.5,
            alignment=TA_CENTER,
            wordWrap="CJK",
        )
        self.headings = {
            level: ParagraphStyle(
                f"h{level}",
                fontName=fonts.heading,
                fontSize=BODY_SIZE if level == 1 else BODY_SIZE - 1.5,
                leading=BODY_SIZE * 1.7,
                spaceBefore=8 if level == 1 else 4,
                spaceAfter=2,
                keepWithNext=0,  # CondPageBreak instead: see _flowables
                firstLineIndent=2 * BODY_SIZE,
                wordWrap="CJK",
            )
            for level in (1, 2)
        }
        self.fonts = fonts

    def paragraph(self, block: ParagraphModel) -> ParagraphStyle:
        return ParagraphStyle(
            f"p-{block.align}-{block.indent}-{block.bold}",
            fontName=self.fonts.heading if block.bold else self.fonts.body,
            fontSize=BODY_SIZE,
            leading=BODY_SIZE * 1.7,
            alignment=_ALIGN[block.align],
            firstLineIndent=2 * BODY_SIZE if block.indent else 0,
            wordWrap="CJK",
        )


def _flowables(block: Block, styles: _Styles, geometry: Page) -> list[Flowable]:
    if isinstance(block, ParagraphModel):
        return [Paragraph(markup(block.text), styles.paragraph(block))]
    if isinstance(block, Heading):
        # A heading never ends a page: it needs room for itself and a few lines (or a
        # table's header and first rows) after it, else it starts the next page.
        return [
            CondPageBreak(KEEP_WITH_HEADING),
            Paragraph(markup(block.text), styles.headings[min(max(block.level, 1), 2)]),
        ]
    if isinstance(block, Table):
        table = build_table(block, geometry.frame_width, geometry.frame_height, styles.fonts)
        table.spaceBefore, table.spaceAfter = 4, 6
        return [table]
    if isinstance(block, BarChart):
        if charts.is_empty(block):
            return []
        return [ChartFlowable(block, geometry.frame_width, styles.fonts)]
    if isinstance(block, PageBreakModel):
        return [PageBreak()]
    raise TypeError(f"unknown block {block!r}")


def write_pdf(
    report: ReportDocument, target: Path | BinaryIO, fonts: ReportFonts | None = None
) -> int:
    """Write ``report`` to a path or binary stream; returns the number of pages."""
    names = register(fonts or find_fonts())
    geometry = page(report.landscape)
    styles = _Styles(names)
    story: list[Flowable] = [Paragraph(markup(report.title), styles.title)]
    story += [Paragraph(markup(line), styles.subtitle) for line in report.subtitle]
    story.append(Spacer(1, 10))
    for block in report.blocks:
        story += _flowables(block, styles, geometry)
    out = str(target) if isinstance(target, Path) else target
    doc = SimpleDocTemplate(
        out,
        pagesize=(geometry.width, geometry.height),
        topMargin=geometry.top,
        bottomMargin=geometry.bottom,
        leftMargin=geometry.left,
        rightMargin=geometry.right,
        title=report.title,
        author="督办台账",
        creator="督办台账 (Measure Tracker)",
    )
    doc.build(story, canvasmaker=_numbered_canvas(names.body, geometry))
    return int(doc.page)


def pdf_bytes(report: ReportDocument, fonts: ReportFonts | None = None) -> bytes:
    """The PDF in memory, for a print preview that needs no file."""
    buffer = io.BytesIO()
    write_pdf(report, buffer, fonts)
    return buffer.getvalue()
