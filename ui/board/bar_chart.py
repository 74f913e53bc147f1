"""A horizontal bar chart painted with QPainter: a label, a bar, a figure — one line per item.

Completion by unit (40+ bars) and by part is all the dashboard draws; QtCharts
would add a large module (and start-up time) for that.  The widget's height
follows the number of bars, so it sits in a scroll area when there are many.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

BAR_COLOUR = QColor("#43a047")
TRACK_COLOUR = QColor("#eeeeee")
LABEL_CHARS = 12
"""Width of the label column in average Chinese characters."""


@dataclass(frozen=True)
class Bar:
    label: str
    fraction: float  # 0..1
    figure: str  # what is written after the bar, e.g. "67%（8/12）"
    tooltip: str = ""
    heading: bool = False
    """A line naming what the bars below it belong to (a document): no bar, no figure."""


class BarChart(QWidget):
    def __init__(
        self,
        parent: QWidget | None = None,
        elide: Qt.TextElideMode = Qt.TextElideMode.ElideMiddle,
    ) -> None:
        super().__init__(parent)
        self.bars: list[Bar] = []
        self.elide = elide
        """Where a long label is cut."""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)

    def set_bars(self, bars: list[Bar]) -> None:
        self.bars = bars
        self.updateGeometry()
        self.update()

    def row_height(self) -> int:
        return self.fontMetrics().height() + 8

    def label_width(self) -> int:
        return self.fontMetrics().horizontalAdvance("国") * LABEL_CHARS

    def sizeHint(self) -> QSize:
        return QSize(480, max(1, len(self.bars)) * self.row_height() + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def bar_at(self, y: float) -> Bar | None:
        index = int((y - 2) // self.row_height())
        return self.bars[index] if 0 <= index < len(self.bars) else None

    def event(self, event: object) -> bool:
        from PySide6.QtGui import QHelpEvent
        from PySide6.QtWidgets import QToolTip

        if isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos().y())
            if bar is not None:
                QToolTip.showText(event.globalPos(), bar.tooltip or f"{bar.label} {bar.figure}")
            return True
        return super().event(event)  # type: ignore[arg-type]

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self.fontMetrics()
        height = self.row_height()
        label_width = self.label_width()
        figure_width = max((metrics.horizontalAdvance(b.figure) for b in self.bars), default=0) + 8
        track_width = max(40, self.width() - label_width - figure_width - 16)
        text_colour = self.palette().text().color()
        for i, bar in enumerate(self.bars):
            top = 2 + i * height
            if bar.heading:
                painter.setPen(text_colour)
                painter.drawText(
                    QRectF(0, top, self.width(), height),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    metrics.elidedText(bar.label, Qt.TextElideMode.ElideMiddle, self.width()),
                )
                continue
            label = metrics.elidedText(bar.label, self.elide, label_width - 6)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(0, top, label_width - 6, height),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                label,
            )
            track = QRectF(label_width, top + 4, track_width, height - 8)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(TRACK_COLOUR)
            painter.drawRoundedRect(track, 2, 2)
            filled = QRectF(track)
            filled.setWidth(track.width() * min(1.0, max(0.0, bar.fraction)))
            painter.setBrush(BAR_COLOUR)
            if filled.width() > 0:
                painter.drawRoundedRect(filled, 2, 2)
            painter.setPen(text_colour)
            painter.drawText(
                QRectF(track.right() + 8, top, figure_width, height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                bar.figure,
            )
        painter.end()
