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
from reportlab.pdfbase.pdfmetrics import stringWidth  # type: ignore[import-untyped]
from reportlab.pdfgen.canvas import Canvas  # type: ignore[import-untyped]
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle  # type: ignore[import-untyped]

from importers.reports.column_widths import column_widths
from importers.reports.gbt9704 import kept_rows
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
) -> Flowable:
    """A reportlab table ``width`` wide whose rows each fit within ``page_height``.

    ``tail`` (what follows the table, e.g. the signature) becomes a last, borderless row
    spanning the table, never split from the ``model.keep_last`` rows above it.  Without
    one, the table is a ``PagedTable``: its rows are made and measured a page at a time."""
    rows = _Rows(model, width, page_height, fonts)
    if not tail:
        return PagedTable(rows, 0)
    data: list[list[object]] = [rows.header, *rows.every()]
    last = len(data) - 1
    data.append([tail, *([""] * (len(rows.widths) - 1))])
    first_kept = last - _kept(rows.every(), rows.widths, model.keep_last) + 1
    return _table(
        data,
        rows.widths,
        last,
        [
            ("SPAN", (0, last + 1), (-1, last + 1)),
            ("NOSPLIT", (0, first_kept), (-1, last + 1)),
            ("LEFTPADDING", (0, last + 1), (-1, last + 1), 0),
            ("RIGHTPADDING", (0, last + 1), (-1, last + 1), 0),
        ],
    )


def _kept(made: list[list[Paragraph]], widths: list[float], most: int) -> int:
    """How many last rows go with the tail, by their heights as drawn (``kept_rows``)."""
    return kept_rows([_height(r, widths) + 2 * PADDING for r in made[-max(most, 1) :]], most)


def _table(
    data: list[list[object]],
    widths: list[float],
    last: int,
    commands: list[tuple[object, ...]] | None = None,
) -> Table:
    """The reportlab table of ``data`` (the header row first; framed down to row ``last``)."""
    table = Table(data, colWidths=widths, repeatRows=1, splitByRow=1, hAlign="CENTER")
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
                *(commands or ()),
            ]
        )
    )
    return table


def table_widths(model: TableModel, width: float, fonts: FontNames) -> list[float]:
    """The columns' widths in points, ``fit`` ones measured in the fonts printed."""

    def measure(text: str, header: bool) -> float:
        font = fonts.heading if header else fonts.body
        return float(stringWidth(text, font, model.font_size))

    return column_widths(model, width, measure, PADDING)


class _Rows:
    """A table model's rows made into reportlab rows (cells as paragraphs, a row taller than
    a page cut into rows that fit) when the layout first asks for them, and forgotten once
    laid out on a page: 100,000 rows are never all made (nor kept) at once."""

    def __init__(self, model: TableModel, width: float, page_height: float, fonts: FontNames):
        size = model.font_size
        self.widths = table_widths(model, width, fonts)
        head_style = cell_style(fonts.heading, size, "center")
        self.header = [Paragraph(markup(c.header), head_style) for c in model.columns]
        self.styles = [cell_style(fonts.body, size, c.align) for c in model.columns]
        # The frame's own padding and the repeated header row (with its cell padding) come
        # off the page's height; a row no taller than the rest fits any page.
        header_height = _height(self.header, self.widths) + 2 * PADDING
        self.limit = page_height - 2 * FRAME_PADDING - header_height - SLACK
        self.shortest = min(s.leading for s in self.styles) + 2 * PADDING
        """The height of a row of one line: no page holds more rows than its height allows."""
        self._model_rows = iter(model.rows)
        self._made: list[list[Paragraph]] = []
        self._first = 0
        """The number of the row ``_made[0]`` (the rows before it are laid out)."""

    def made(self, start: int, count: int) -> list[list[Paragraph]]:
        """Rows ``start`` to ``start + count`` (fewer at the end), made if not yet."""
        while len(self._made) < start - self._first + count:
            row = next(self._model_rows, None)
            if row is None:
                break
            self._make(row)
        return self._made[start - self._first : start - self._first + count]

    def every(self) -> list[list[Paragraph]]:
        """All the rows (for a table laid out whole)."""
        for row in self._model_rows:
            self._make(row)
        return self._made

    def _make(self, row: tuple[str, ...]) -> None:
        cells = [Paragraph(markup(t), s) for t, s in zip(row, self.styles, strict=True)]
        self._made.extend(_fit_row(cells, self.widths, self.limit))

    def forget_before(self, start: int) -> None:
        del self._made[: start - self._first]
        self._first = start


class PagedTable(Flowable):  # type: ignore[misc]
    """A table laid out as a page asks: the rows from ``start`` that can be on it are made,
    measured and drawn, the rest left to a ``PagedTable`` on the next page.

    Why not one reportlab ``Table``: it makes and measures every row before the first page,
    so a list of 100,000 rows stood a minute and a half before the layout could be asked to
    stop (``keep_going`` is asked at each page's end, ``importers.reports.pdf``); now each
    page makes its own rows, Cancel is honoured within a page, and the rows laid out are
    freed as the layout goes on.  The pages are the same: the rows are split where
    reportlab's own split of the whole table would (row by row, the header repeated)."""

    def __init__(self, rows: _Rows, start: int) -> None:
        super().__init__()
        self.rows, self.start = rows, start
        self.hAlign = "CENTER"
        self._part: tuple[float, float, Table] | None = None

    def _table(self, avail_width: float, avail_height: float) -> Table:
        """A table of the next rows: as many as the page could hold, more if it holds all."""
        if self._part is not None and self._part[:2] == (avail_width, avail_height):
            return self._part[2]
        count = int(avail_height / self.rows.shortest) + 2
        while True:
            made = self.rows.made(self.start, count)
            table = _table([self.rows.header, *made], self.rows.widths, len(made))
            _width, height = table.wrap(avail_width, avail_height)
            if height > avail_height or len(made) < count:
                break
            count *= 2
        self._part = (avail_width, avail_height, table)
        return table

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        table = self._table(avail_width, avail_height)
        self.width, self.height = table._width, table._height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        table = self._table(avail_width, avail_height)
        parts = table.split(avail_width, avail_height)
        if not parts:
            return []
        first = parts[0]
        first.spaceBefore, first.spaceAfter = self.getSpaceBefore(), 0
        taken = len(first._cellvalues) - 1  # (the header is the first row)
        if not self.rows.made(self.start + taken, 1):
            first.spaceAfter = self.getSpaceAfter()
            return [first]
        self.rows.forget_before(self.start + taken)
        rest = PagedTable(self.rows, self.start + taken)
        rest.spaceBefore, rest.spaceAfter = 0, self.getSpaceAfter()
        return [first, rest]

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        assert self._part is not None  # (wrapped first, as every flowable)
        self._part[2].drawOn(canvas, x, y, _sW)
