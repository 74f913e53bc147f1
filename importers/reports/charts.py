"""Bar charts as reportlab vector drawings, the same for the PDF and the Word file's PNGs.

Horizontal bars, because the categories are unit and part names too long to
stand under vertical bars.  A chart with many categories is cut into several
drawings of at most ``MAX_BARS`` bars, so each fits on a page.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from reportlab.graphics.charts.barcharts import (  # type: ignore[import-untyped]
    HorizontalBarChart,
)
from reportlab.graphics.charts.legends import Legend  # type: ignore[import-untyped]
from reportlab.graphics.shapes import Drawing, String  # type: ignore[import-untyped]
from reportlab.lib import colors  # type: ignore[import-untyped]

from importers.reports.layout import FontNames
from importers.reports.model import BarChart, Series

MAX_BARS = 24
PALETTE = ("#2F5597", "#C55A11", "#548235", "#7F6000")
LABEL_SIZE = 8.0
TITLE_SIZE = 10.5


def _label_width(categories: tuple[str, ...]) -> float:
    """Room for the longest category name at the label size (CJK characters are square)."""
    longest = max((len(c) for c in categories), default=4)
    return min(max(longest, 4), 16) * LABEL_SIZE + 8


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def is_empty(chart: BarChart) -> bool:
    """A chart with no category or only zero values says nothing a sentence would not."""
    return not chart.categories or all(v == 0 for s in chart.series for v in s.values)


def label(value: float, unit: str) -> str:
    """A bar's label: one decimal rounded half up, as the tables print (6.25 → 6.3)."""
    tenths = int(Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP) * 10)
    sign = "-" if tenths < 0 else ""
    return f"{sign}{abs(tenths) // 10}.{abs(tenths) % 10}{unit}"


def _band(series: int) -> float:
    return (11.0 if series > 1 else 14.0) * max(series, 1) + 4


def _frame(series: int) -> float:
    """A drawing's height besides its bars: title, value axis, legend."""
    return 24 + 18 + (16.0 if series > 1 else 0.0)


def height(chart: BarChart, bars: int | None = None) -> float:
    """The height of a drawing of ``bars`` categories (all of them by default)."""
    n = len(chart.categories) if bars is None else bars
    return _band(len(chart.series)) * max(n, 1) + _frame(len(chart.series))


def bars_fitting(chart: BarChart, room: float) -> int:
    """How many categories a drawing ``room`` points high can hold."""
    return max(int((room - _frame(len(chart.series))) // _band(len(chart.series))), 0)


def part(chart: BarChart, start: int, stop: int, title: str) -> BarChart:
    """Categories ``start:stop`` of ``chart`` as a chart of their own, titled ``title``."""
    return BarChart(
        title,
        chart.categories[start:stop],
        tuple(Series(s.name, s.values[start:stop]) for s in chart.series),
        chart.unit,
        chart.max_value,
    )


def drawing(chart: BarChart, width: float, fonts: FontNames) -> Drawing:
    """The whole chart as one drawing, however tall."""
    return _drawing(
        chart.title,
        chart.categories,
        [(s.name, s.values) for s in chart.series],
        chart,
        width,
        fonts,
    )


def drawings(chart: BarChart, width: float, fonts: FontNames) -> list[Drawing]:
    """The chart as one or more drawings ``width`` points wide."""
    out = []
    n = len(chart.categories)
    for start in range(0, max(n, 1), MAX_BARS):
        part = slice(start, start + MAX_BARS)
        title = chart.title if start == 0 else f"{chart.title}（续）"
        out.append(
            _drawing(
                title,
                chart.categories[part],
                [(s.name, s.values[part]) for s in chart.series],
                chart,
                width,
                fonts,
            )
        )
    return out


def _drawing(
    title: str,
    categories: tuple[str, ...],
    series: list[tuple[str, tuple[float, ...]]],
    chart: BarChart,
    width: float,
    fonts: FontNames,
) -> Drawing:
    per_bar = 11.0 if len(series) > 1 else 14.0
    plot_height = _band(len(series)) * max(len(categories), 1)
    legend_height = 16.0 if len(series) > 1 else 0.0
    height = plot_height + _frame(len(series))
    drawing = Drawing(width, height)
    bars = HorizontalBarChart()
    label_width = _label_width(categories)
    bars.x = label_width
    bars.y = 18 + legend_height
    bars.width = width - label_width - 36
    bars.height = plot_height
    # reportlab puts the first category at the bottom: reverse so it reads top-down.
    bars.data = [tuple(reversed(values)) or (0.0,) for _, values in series] or [(0.0,)]
    bars.categoryAxis.categoryNames = [_short(c) for c in reversed(categories)] or [""]
    bars.categoryAxis.labels.fontName = fonts.body
    bars.categoryAxis.labels.fontSize = LABEL_SIZE
    bars.categoryAxis.labels.boxAnchor = "e"
    bars.categoryAxis.labels.dx = -4
    bars.categoryAxis.strokeColor = colors.HexColor("#808080")
    top = chart.max_value or max((v for _, vs in series for v in vs), default=1.0) or 1.0
    bars.valueAxis.valueMin = 0
    bars.valueAxis.valueMax = top
    bars.valueAxis.valueStep = top / 5
    bars.valueAxis.labels.fontName = fonts.body
    bars.valueAxis.labels.fontSize = LABEL_SIZE
    bars.valueAxis.labelTextFormat = "%d" + chart.unit.replace("%", "%%")
    bars.valueAxis.visibleGrid = True
    bars.valueAxis.gridStrokeColor = colors.HexColor("#D9D9D9")
    bars.valueAxis.strokeColor = colors.HexColor("#808080")
    bars.barWidth = per_bar
    bars.groupSpacing = 4
    bars.barSpacing = 0
    bars.barLabelFormat = lambda value: label(value, chart.unit)
    bars.barLabels.fontName = fonts.body
    bars.barLabels.fontSize = LABEL_SIZE - 1
    bars.barLabels.boxAnchor = "w"
    bars.barLabels.dx = 3
    for i in range(len(series)):
        bars.bars[i].fillColor = colors.HexColor(PALETTE[i % len(PALETTE)])
        bars.bars[i].strokeColor = None
    drawing.add(bars)
    drawing.add(
        String(
            width / 2,
            height - TITLE_SIZE - 4,
            title,
            fontName=fonts.heading,
            fontSize=TITLE_SIZE,
            textAnchor="middle",
        )
    )
    if len(series) > 1:
        legend = Legend()
        legend.x = label_width
        legend.y = 8
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.fontName = fonts.body
        legend.fontSize = LABEL_SIZE
        legend.boxAnchor = "sw"
        legend.colorNamePairs = [
            (colors.HexColor(PALETTE[i % len(PALETTE)]), name) for i, (name, _) in enumerate(series)
        ]
        drawing.add(legend)
    return drawing
