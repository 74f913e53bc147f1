"""Report tables for reportlab: wrapped CJK cells, a repeated header, rows kept whole.

reportlab moves a row that does not fit to the next page (``splitByRow``), which
is what a reader wants — except for a row taller than a whole page, which would
stop the build.  Such rows (a very long measure text) are cut here, beforehand,
into continuation rows that each fit on a page.
"""

from __future__ import annotations

from reportlab.lib import colors  # type: ignore[import-untyped]
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT  # type: ignore[import-untyped]
from reportlab.lib.styles import ParagraphStyle  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle  # type: ignore[import-untyped]

from importers.reports.layout import FontNames
from importers.reports.model import Align
from importers.reports.model import Table as TableModel
from importers.reports.text import markup

PADDING = 3.0
FRAME_PADDING = 0.0
"""The PDF's frame has no padding: tables span the text block exactly."""
SLACK = 2.0
"""Room for rounding in reportlab's own measuring of the same paragraphs."""
_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}


def cell_style(font: str, size: float, align: Align) -> ParagraphStyle:
    return ParagraphStyle(
        f"cell-{font}-{size}-{align}",
        fontName=font,
        fontSize=size,
        leading=round(size * 1.35, 1),
        alignment=_ALIGN[align],
        wordWrap="CJK",
    )


def _height(cells: list[Paragraph], widths: list[float]) -> float:
    return max(
        (p.wrap(w - 2 * PADDING, 1e6)[1] for p, w in zip(cells, widths, strict=True)), default=0
    )


def _fit_row(cells: list[Paragraph], widths: list[float], limit: float) -> list[list[Paragraph]]:
    """The row as one or more rows, each at most ``limit`` high (cells padded included)."""
    out: list[list[Paragraph]] = []
    room = limit - 2 * PADDING
    while _height(cells, widths) > room:
        first: list[Paragraph] = []
        rest: list[Paragraph] = []
        split = False
        for p, w in zip(cells, widths, strict=True):
            p.wrap(w - 2 * PADDING, 1e6)
            parts = p.split(w - 2 * PADDING, room) if p.height > room else [p]
            if len(parts) == 2:
                first.append(parts[0])
                rest.append(parts[1])
                split = True
            else:
                first.append(p)
                rest.append(Paragraph("", p.style))
        if not split:
            break  # nothing splits further: let reportlab cope
        out.append(first)
        cells = rest
    out.append(cells)
    return out


def build_table(
    model: TableModel,
    width: float,
    page_height: float,
    fonts: FontNames,
    tail: list[Flowable] | None = None,
) -> Table:
    """A reportlab table ``width`` wide whose rows each fit within ``page_height``.

    ``tail`` (what follows the table, e.g. the signature) becomes a last, borderless row
    spanning the table, never split from the ``model.keep_last`` rows above it."""
    total = sum(c.width for c in model.columns) or 1.0
    widths = [width * c.width / total for c in model.columns]
    size = model.font_size
    head_style = cell_style(fonts.heading, size, "center")
    header = [Paragraph(markup(c.header), head_style) for c in model.columns]
    styles = [cell_style(fonts.body, size, c.align) for c in model.columns]
    # The frame's own padding (6 pt above and below) and the repeated header row (with its
    # cell padding) come off the page's height; a row no taller than the rest fits any page.
    limit = page_height - 2 * FRAME_PADDING - (_height(header, widths) + 2 * PADDING) - SLACK
    data: list[list[Paragraph]] = [header]
    for row in model.rows:
        cells = [Paragraph(markup(t), s) for t, s in zip(row, styles, strict=True)]
        data.extend(_fit_row(cells, widths, limit))
    last = len(data) - 1
    if tail:
        data.append([tail, *([""] * (len(widths) - 1))])
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, hAlign="CENTER")
    commands: list[tuple[object, ...]] = []
    if tail:
        first_kept = max(last - max(model.keep_last, 1) + 1, 1)
        commands += [
            ("SPAN", (0, last + 1), (-1, last + 1)),
            ("NOSPLIT", (0, first_kept), (-1, last + 1)),
            ("LEFTPADDING", (0, last + 1), (-1, last + 1), 0),
            ("RIGHTPADDING", (0, last + 1), (-1, last + 1), 0),
        ]
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, last), 0.5, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E7E6E6")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), PADDING),
                ("BOTTOMPADDING", (0, 0), (-1, -1), PADDING),
                *commands,
            ]
        )
    )
    return table
