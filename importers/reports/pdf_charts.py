"""A bar chart as a reportlab flowable that splits between pages instead of leaving a gap.

A chart drawn as one picture either fits the rest of the page or jumps to the
next one, leaving up to half a page blank.  ``ChartFlowable`` fills the room
left on the page with as many bars as fit and carries the rest over under the
title with "（续）"; only when fewer than ``MIN_BARS`` would fit does it start
on the next page.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable  # type: ignore[import-untyped]

from importers.reports import charts
from importers.reports.layout import FontNames
from importers.reports.model import BarChart

MIN_BARS = 3
SPACE = 6.0


class ChartFlowable(Flowable):  # type: ignore[misc]
    """One chart, ``width`` wide, split by categories where the page ends."""

    def __init__(
        self,
        chart: BarChart,
        width: float,
        fonts: FontNames,
        first: bool = True,
        drawn: list[int] | None = None,
    ):
        super().__init__()
        self.chart, self.width, self.fonts, self.first = chart, width, fonts, first
        self.drawn = drawn
        """The number of bars of each piece, appended as the pieces are drawn."""
        self.height = charts.height(chart) + SPACE
        self.spaceBefore = SPACE

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Any]:
        n = len(self.chart.categories)
        fit = charts.bars_fitting(self.chart, avail_height - SPACE)
        if fit >= n:
            return [self]
        if fit < min(MIN_BARS, n):
            return []  # not worth starting here: the whole chart moves on
        base = self.chart.title.removesuffix("（续）")
        head = charts.part(self.chart, 0, fit, self.chart.title)
        rest = charts.part(self.chart, fit, n, f"{base}（续）")
        return [
            ChartFlowable(head, self.width, self.fonts, self.first, self.drawn),
            ChartFlowable(rest, self.width, self.fonts, False, self.drawn),
        ]

    def draw(self) -> None:
        if self.drawn is not None:
            self.drawn.append(len(self.chart.categories))
        charts.drawing(self.chart, self.width, self.fonts).drawOn(self.canv, 0, 0)
