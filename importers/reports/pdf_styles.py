"""Paragraph styles for the PDF, per GB/T 9704 (``gbt9704``), and the body text on its grid.

reportlab's paragraphs know no character spacing.  ``GridParagraph`` draws its
text with the grid's (slightly negative) character spacing and breaks its lines
as if the line were proportionally wider, so 28 characters of 3号 fill the
156 mm text block exactly.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.platypus import Paragraph  # type: ignore[import-untyped]

from importers.reports import gbt9704 as g
from importers.reports.layout import FontNames
from importers.reports.model import Paragraph as ParagraphModel

FAKE_BOLD_STROKE = 0.45
"""Outline stroke (pt) that makes 3号 仿宋 read as bold."""
ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


class GridParagraph(Paragraph):  # type: ignore[misc]
    """A paragraph whose characters sit on the grid's pitch (``style.charSpace``)."""

    def _scale(self) -> float:
        size = float(self.style.fontSize)
        return size / (size + float(getattr(self.style, "charSpace", 0.0)))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        _, height = super().wrap(avail_width * self._scale(), avail_height)
        return avail_width, height

    def beginText(self, x: float, y: float) -> Any:
        text = super().beginText(x, y)
        text.setCharSpace(getattr(self.style, "charSpace", 0.0))
        if getattr(self.style, "fakeBold", False):
            # 仿宋 has no bold face: fill and stroke the outlines (as Word's simulated bold).
            self.canv.setLineWidth(FAKE_BOLD_STROKE)
            text.setTextRenderMode(2)
        return text


def _style(name: str, font: str, size: float, leading: float, **kw: Any) -> ParagraphStyle:
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, wordWrap="CJK", **kw)


def _grid(style: ParagraphStyle) -> ParagraphStyle:
    style.charSpace = g.CHAR_SPACE
    return style


class Styles:
    """Every style a report uses, made once per document from the registered fonts."""

    def __init__(self, fonts: FontNames) -> None:
        self.fonts = fonts
        indent = 2 * g.CHAR_PITCH
        self.title = _style(
            "title",
            fonts.title,
            g.TITLE_SIZE,
            g.TITLE_LEADING,
            alignment=TA_CENTER,
            spaceAfter=g.LINE_PITCH - (g.TITLE_LEADING - g.TITLE_SIZE),
        )
        self.subtitle = _style(
            "subtitle", fonts.body, g.BODY_SIZE, g.LINE_PITCH, alignment=TA_CENTER
        )
        self.headings = {
            1: _grid(
                _style("h1", fonts.heading, g.BODY_SIZE, g.LINE_PITCH, firstLineIndent=indent)
            ),
            2: _grid(_style("h2", fonts.kai, g.BODY_SIZE, g.LINE_PITCH, firstLineIndent=indent)),
            3: _grid(_style("h3", fonts.body, g.BODY_SIZE, g.LINE_PITCH, firstLineIndent=indent)),
        }
        self.headings[3].fakeBold = True  # 1. headings: 仿宋 bold
        self.centred_heading = _style(
            "h1-centred", fonts.heading, g.BODY_SIZE, g.LINE_PITCH, alignment=TA_CENTER
        )
        self._paragraphs: dict[tuple[str, bool, bool, float], ParagraphStyle] = {}

    def paragraph(self, block: ParagraphModel) -> ParagraphStyle:
        key = (block.align, block.indent, block.bold, block.left)
        if key not in self._paragraphs:
            style = _style(
                f"p-{block.align}-{block.indent}-{block.bold}-{block.left}",
                self.fonts.heading if block.bold else self.fonts.body,
                g.BODY_SIZE,
                g.LINE_PITCH,
                alignment=ALIGN[block.align],
                firstLineIndent=2 * g.CHAR_PITCH if block.indent else 0,
                leftIndent=block.left * g.CHAR_PITCH,
            )
            self._paragraphs[key] = _grid(style) if block.align in ("left", "justify") else style
        return self._paragraphs[key]

    def flowable(self, text: str, style: ParagraphStyle) -> Paragraph:
        """A grid paragraph for grid styles, a plain one for centred or right-aligned text."""
        kind = GridParagraph if getattr(style, "charSpace", 0.0) else Paragraph
        return kind(text, style)
