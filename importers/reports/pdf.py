"""Writing a ``ReportDocument`` as a PDF (reportlab), laid out per GB/T 9704 (``gbt9704``).

A4, the text block 156 × 225 mm (the frame has no padding of its own, so
paragraphs and tables span exactly the block), body 3号 on the 22 × 28 grid,
page numbers "— 1 —" in 4号 宋体 on the outer side.  Text is embedded as subset
TrueType with a ToUnicode map built from the characters we wrote, so copying or
extracting the text gives back exactly the report's characters (一 stays U+4E00,
never the look-alike Kangxi radical ⼀).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import (  # type: ignore[import-untyped]
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Spacer,
)
from reportlab.platypus.flowables import DocIf  # type: ignore[import-untyped]

from importers.reports import charts, linebreak
from importers.reports import gbt9704 as g
from importers.reports.fonts import ReportFonts, find_fonts
from importers.reports.layout import Page, page, register, turned_page
from importers.reports.model import (
    BarChart,
    Block,
    Heading,
    Masthead,
    ReportDocument,
    Signature,
    Table,
)
from importers.reports.model import PageBreak as PageBreakModel
from importers.reports.model import Paragraph as ParagraphModel
from importers.reports.pdf_blocks import MastheadFlowable, SignatureFlowable
from importers.reports.pdf_charts import ChartFlowable
from importers.reports.pdf_styles import Styles
from importers.reports.pdf_tables import build_table
from importers.reports.text import markup

linebreak.install()  # no closing mark at a line start, no number or date split
KEEP_WITH_HEADING = 110.0
"""Points a heading needs below it on its page: itself and about three lines or table rows."""


class LayoutStopped(Exception):
    """``keep_going`` said stop: the PDF was left unfinished (nothing was written whole)."""


def _numbered_canvas(
    font: str, geometry: Page, keep_going: Callable[[int], bool] | None = None
) -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Draws "— n —" on each page: right on odd pages, left on even ones.  On a turned
        (landscape) page of a portrait document the number keeps its place on the sheet
        (§8): drawn in the portrait sheet's coordinates, turned with it.  Before each
        page, ``keep_going(pages done)`` may stop the layout (``LayoutStopped``)."""

        first = 1
        """The page a combined print's document starts on (``_Restart``)."""
        unnumbered = blank_before = False
        """The page is the blank back of a combined print's document (``_Blank``)."""

        def showPage(self) -> None:
            sheet = self.getPageNumber()
            if keep_going is not None and not keep_going(sheet):
                raise LayoutStopped
            number = sheet - self.first + 1
            if self.unnumbered:
                self.unnumbered = False
                super().showPage()
                return
            text = g.page_number(number)
            self.saveState()
            width, height = self._pagesize
            if (width > height) != (geometry.width > geometry.height):
                self.transform(0, -1, 1, 0, 0, height)  # portrait (X, Y) → turned (Y, W - X)
            self.setFont(font, g.NUMBER_SIZE)
            # The dashes 7 mm under the text block (§7.5), so the baseline a little lower.
            y = geometry.bottom - g.NUMBER_GAP_MM * mm - g.DASH_RAISE * g.NUMBER_SIZE
            if number % 2:
                self.drawRightString(geometry.width - geometry.right - g.NUMBER_SIZE, y, text)
            else:
                self.drawString(geometry.left + g.NUMBER_SIZE, y, text)
            self.restoreState()
            super().showPage()

    return NumberedCanvas


class _Restart(Flowable):  # type: ignore[misc]
    """Its page is page 1 of the next document of a combined print."""

    def __init__(self, backs: list[bool] | None) -> None:
        super().__init__()
        self.backs = backs

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.first = self.canv.getPageNumber()
        if self.backs is not None:
            self.backs.append(self.canv.first % 2 == 1 and self.canv.blank_before)
        self.canv.blank_before = False


class _Blank(Flowable):  # type: ignore[misc]
    """Its page is left blank and unnumbered: the back of the document before."""

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.unnumbered = self.canv.blank_before = True


def _new_document(break_flowables: list[Flowable], backs: list[bool] | None) -> list[Flowable]:
    """``break_flowables`` starting the next document of a combined print on the front of
    a sheet (an odd page; the page before left blank if it is odd too), numbered from 1.
    ``backs`` receives, per document, whether a blank page was left before it."""
    odd = DocIf("doc.page % 2", [PageBreak(), _Blank()])
    return [odd, *break_flowables, _Restart(backs)]


def _title(title: str, subtitle: tuple[str, ...], styles: Styles) -> list[Flowable]:
    out = [styles.flowable(markup(title), styles.title)] if title else []
    out += [styles.flowable(markup(line), styles.subtitle) for line in subtitle]
    return [*out, Spacer(1, g.LINE_PITCH / 2)] if subtitle else out


def _frame(geometry: Page, name: str) -> Frame:
    """The text block, without padding of its own."""
    return Frame(
        geometry.left,
        geometry.bottom,
        geometry.frame_width,
        geometry.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id=name,
    )


def _flowables(
    block: Block, styles: Styles, geometry: Page, charts_drawn: list[list[int]] | None = None
) -> list[Flowable]:
    if isinstance(block, ParagraphModel):
        return [styles.flowable(markup(block.text), styles.paragraph(block))]
    if isinstance(block, Heading):
        # A heading never ends a page: it needs room for itself and a few lines (or a
        # table's header and first rows) after it, else it starts the next page.
        style = (
            styles.centred_heading
            if block.centred
            else styles.headings[min(max(block.level, 1), 3)]
        )
        return [CondPageBreak(KEEP_WITH_HEADING), styles.flowable(markup(block.text), style)]
    if isinstance(block, Table):
        table = build_table(block, geometry.frame_width, geometry.frame_height, styles.fonts)
        table.spaceBefore, table.spaceAfter = 4, 6
        return [KeepTogether([table])] if block.whole else [table]
    if isinstance(block, BarChart):
        if charts.is_empty(block):
            return []
        drawn: list[int] = []
        if charts_drawn is not None:
            charts_drawn.append(drawn)
        return [ChartFlowable(block, geometry.frame_width, styles.fonts, drawn=drawn)]
    if isinstance(block, Signature):
        return [SignatureFlowable(block, styles.fonts)]
    if isinstance(block, Masthead):
        return [MastheadFlowable(block, styles.fonts)]
    if isinstance(block, PageBreakModel):
        return [NextPageTemplate("turned" if block.turned else "page"), PageBreak()]
    raise TypeError(f"unknown block {block!r}")


def _together(flowables: list[Flowable]) -> KeepTogether:
    """``flowables`` kept on one page, a ``KeepTogether`` among them opened: reportlab's
    says it is 0xFFFFFF high to have itself split, so one inside another always broke
    the page (the chaser's 回执 started a new page however much room was left)."""
    opened = [f for x in flowables for f in (x._content if isinstance(x, KeepTogether) else [x])]
    return KeepTogether(opened)


def write_pdf(
    report: ReportDocument,
    target: Path | BinaryIO,
    fonts: ReportFonts | None = None,
    charts_drawn: list[list[int]] | None = None,
    keep_going: Callable[[int], bool] | None = None,
    blank_backs: list[bool] | None = None,
) -> int:
    """Write ``report`` to a path or binary stream; returns the number of pages.

    ``blank_backs`` receives, for each document of a combined print after the first,
    whether the page before it was left blank (the Word file leaves the same ones).

    ``charts_drawn`` receives, for each chart drawn, the number of bars of each piece it
    was cut into where pages end (``chart_pieces``); ``keep_going(pages done)``, asked at
    each page's end, stops the layout with ``LayoutStopped`` when it answers False."""
    names = register(fonts or find_fonts())
    geometry = page(report.landscape)
    styles = Styles(names)
    story: list[Flowable] = []
    blocks = list(report.blocks)
    while blocks and isinstance(blocks[0], Masthead):  # the masthead comes before the title
        story += _flowables(blocks.pop(0), styles, geometry)
    story += _title(report.title, report.subtitle, styles)
    base, turned = geometry, turned_page()
    total, kept = len(blocks), g.kept_with_signature(blocks)
    pending: list[Flowable] = []  # paragraphs that go onto the signature's page with it
    held: list[Flowable] = []  # paragraphs kept on one page with the block after them
    while blocks:
        index = total - len(blocks)
        block = blocks.pop(0)
        if isinstance(block, PageBreakModel) and block.new_document:
            story += _new_document(_flowables(block, styles, base), blank_backs)
            story += _title(block.title, block.subtitle, styles)
            geometry = base
            continue
        if isinstance(block, PageBreakModel) and report.landscape:
            story.append(PageBreak())  # a landscape document has no turned pages
            continue
        if isinstance(block, PageBreakModel):
            geometry = turned if block.turned else base
        end = g.signature_after(blocks) if isinstance(block, Table) and block.keep_last else 0
        if isinstance(block, Table) and end:
            tail = [f for b in blocks[:end] for f in _flowables(b, styles, geometry, charts_drawn)]
            del blocks[:end]
            story.append(
                build_table(block, geometry.frame_width, geometry.frame_height, names, tail)
            )
            continue
        flowables = _flowables(block, styles, geometry, charts_drawn)
        if isinstance(block, ParagraphModel) and block.keep_with_next and index not in kept:
            held += flowables
            continue
        if held:
            flowables, held = [_together([*held, *flowables])], []
        if index in kept:
            pending += flowables
        elif isinstance(block, Signature) and pending:
            story.append(_together([*pending, *flowables]))
            pending = []
        else:
            story += pending + flowables
            pending = []
    story += pending + held
    out = str(target) if isinstance(target, Path) else target
    geometry = base
    templates = [PageTemplate("page", [_frame(base, "block")])]
    if not report.landscape:
        templates.append(
            PageTemplate(
                "turned", [_frame(turned, "turned")], pagesize=(turned.width, turned.height)
            )
        )
    doc = BaseDocTemplate(
        out,
        pagesize=(geometry.width, geometry.height),
        topMargin=geometry.top,
        bottomMargin=geometry.bottom,
        leftMargin=geometry.left,
        rightMargin=geometry.right,
        title=report.title,
        author="督办台账",
        creator="督办台账 (Measure Tracker)",
        pageTemplates=templates,
    )
    doc.build(story, canvasmaker=_numbered_canvas(names.song, geometry, keep_going))
    return int(doc.page)


def chart_pieces(report: ReportDocument, fonts: ReportFonts | None = None) -> list[list[int]]:
    """For each chart the PDF draws (all-zero ones are left out), the bars of each piece
    it is cut into where a page ends: the Word file cuts its pictures alike, so a chart
    fills the rest of a page there too instead of leaving it blank."""
    drawn: list[list[int]] = []
    write_pdf(report, io.BytesIO(), fonts, drawn)
    return drawn


def blank_backs(report: ReportDocument, fonts: ReportFonts | None = None) -> list[bool]:
    """For each document of a combined print after the first, whether the PDF leaves the
    page before it blank so it starts on the front of a sheet: Word decides odd and even
    by the page's number, which each document restarts at 1, so it is told."""
    backs: list[bool] = []
    write_pdf(report, io.BytesIO(), fonts, blank_backs=backs)
    return backs


def pdf_bytes(
    report: ReportDocument,
    fonts: ReportFonts | None = None,
    keep_going: Callable[[int], bool] | None = None,
) -> bytes:
    """The PDF in memory, for a print preview that needs no file (``keep_going``: as for
    ``write_pdf``)."""
    buffer = io.BytesIO()
    write_pdf(report, buffer, fonts, keep_going=keep_going)
    return buffer.getvalue()
