"""The PDF's own flowables: the bulletin's masthead and the sender/date signature block.

Both are drawn directly on the canvas at positions GB/T 9704 fixes, measured
with the registered fonts' widths, so the PDF and the Word file place them alike
(``signature_offsets`` is shared with the Word writer).
"""

from __future__ import annotations

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.platypus import Flowable  # type: ignore[import-untyped]

from importers.reports import gbt9704 as g
from importers.reports.layout import FontNames
from importers.reports.model import Masthead, Signature

RED = colors.HexColor("#E60012")
MASTHEAD_SIZE = 36.0
"""The bulletin's name: large red 小标宋, as offices print 简报/通报 mastheads."""


def signature_offsets(
    office_width: float, day_width: float, char: float, line: float
) -> tuple[float, float]:
    """Where the sender and the date start, from the line's left edge (§7.3.5.3)."""
    office_x = line - 2 * char - office_width
    day_x = office_x + 2 * char
    if day_x + day_width > line - 2 * char:  # the date is the longer: it keeps 2 chars
        day_x = line - 2 * char - day_width
        office_x = day_x - 2 * char
    return office_x, day_x


def grid_width(text: str, font: str) -> float:
    """``text``'s width on the grid: each glyph's width plus the grid's character spacing."""
    return float(stringWidth(text, font, g.BODY_SIZE)) + g.CHAR_SPACE * len(text)


class SignatureFlowable(Flowable):  # type: ignore[misc]
    """A blank line, the sender, the date: three grid lines, never split from each other."""

    def __init__(self, block: Signature, fonts: FontNames) -> None:
        super().__init__()
        self.block, self.fonts = block, fonts

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, 3 * g.LINE_PITCH

    def draw(self) -> None:
        font = self.fonts.body
        office_x, day_x = signature_offsets(
            grid_width(self.block.office, font),
            grid_width(self.block.day, font),
            g.CHAR_PITCH,
            self.width,
        )
        baseline = g.LINE_PITCH - g.BODY_SIZE  # (the descent's share of a grid line)
        for x, y, text in (
            (office_x, baseline + g.LINE_PITCH, self.block.office),
            (day_x, baseline, self.block.day),
        ):
            line = self.canv.beginText(x, y)
            line.setFont(font, g.BODY_SIZE)
            line.setCharSpace(g.CHAR_SPACE)
            line.textOut(text)
            self.canv.drawText(line)


class MastheadFlowable(Flowable):  # type: ignore[misc]
    """Name (red), 第X期, office left and date right, a red rule under them."""

    HEIGHT = MASTHEAD_SIZE * 1.5 + 2 * g.LINE_PITCH + 16

    def __init__(self, block: Masthead, fonts: FontNames) -> None:
        super().__init__()
        self.block, self.fonts = block, fonts

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.HEIGHT

    def draw(self) -> None:
        c, b, f, w = self.canv, self.block, self.fonts, self.width
        top = self.HEIGHT
        c.saveState()
        c.setFillColor(RED)
        c.setFont(f.title, MASTHEAD_SIZE)
        c.drawCentredString(w / 2, top - MASTHEAD_SIZE * 1.1, b.name)
        c.setFillColor(colors.black)
        c.setFont(f.body, g.BODY_SIZE)
        number_y = top - MASTHEAD_SIZE * 1.5 - g.BODY_SIZE
        c.drawCentredString(w / 2, number_y, b.number)
        line_y = number_y - g.LINE_PITCH
        c.drawString(g.CHAR_PITCH, line_y, b.office)
        c.drawRightString(w - g.CHAR_PITCH, line_y, b.day)
        c.setStrokeColor(RED)
        c.setLineWidth(1.5)
        c.line(0, line_y - 10, w, line_y - 10)
        c.restoreState()
