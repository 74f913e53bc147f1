"""The dashboard tab: totals by status, what is overdue or due soon, completion by unit and part.

The figures come from ``OverviewService.summary`` / ``part_stats`` and two
filtered lists; ``gather`` collects them (on a worker thread: on a big database
the summary reads every assignment) into a plain ``DashboardData`` that
``Dashboard.show_data`` displays, so the widget is tested with hand-made figures.
The window re-gathers after every edit or import, when the tab is next shown.
A completion rate is written as the bulletin prints it (3.7%（1/27）, one decimal), so the
two agree to the character.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from tracker.reports.report_format import percent
from tracker.statuses import Derived, Status
from ui.assignments.assignment_model import deadline_text
from ui.board.bar_chart import Bar, BarChart
from ui.labels import state_foreground, state_label

if TYPE_CHECKING:
    from tracker.progress.overview import OverviewService
    from tracker.records import AssignmentRow, PartStats, Summary

translate = QCoreApplication.translate
LIST_LENGTH = 20
ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class DashboardData:
    summary: Summary
    parts: list[PartStats]
    overdue: list[AssignmentRow]  # the most overdue first, at most LIST_LENGTH
    due_soon: list[AssignmentRow]  # the nearest deadline first, at most LIST_LENGTH


def _by_deadline(rows: list[AssignmentRow]) -> list[AssignmentRow]:
    """Earliest deadline first; ties keep the document order (lead unit first)."""
    return sorted(rows, key=lambda r: r.deadline or date.max)[:LIST_LENGTH]


def overdue_title(shown: int, total: int) -> str:
    """ "Overdue — 1 assignment" when the list holds them all, else "the 20 most overdue of 31"."""
    if shown < total:
        return translate("Dashboard", "Overdue — the {0} most overdue of {1}").format(shown, total)
    if total == 1:
        return translate("Dashboard", "Overdue — %n assignment", None, total)
    return translate("Dashboard", "Overdue — %n assignments", None, total)


def due_soon_title(shown: int, total: int) -> str:
    """ "Due soon — 1 assignment" when the list holds them all, else "the 20 nearest of 31"."""
    if shown < total:
        return translate("Dashboard", "Due soon — the {0} nearest of {1}").format(shown, total)
    if total == 1:
        return translate("Dashboard", "Due soon — %n assignment", None, total)
    return translate("Dashboard", "Due soon — %n assignments", None, total)


def gather(overview: OverviewService, due_soon_days: int) -> DashboardData:
    from tracker.progress.overview import AssignmentFilter

    overdue = overview.assignments(AssignmentFilter(overdue=True))
    soon = overview.assignments(AssignmentFilter(due_within_days=due_soon_days))
    return DashboardData(
        summary=overview.summary(),
        parts=overview.part_stats(),
        overdue=_by_deadline(overdue),
        due_soon=_by_deadline([r for r in soon if r.state is Derived.DUE_SOON]),
    )


def unit_bars(summary: Summary) -> list[Bar]:
    """Completion by unit, the most complete first."""
    bars = []
    for unit in summary.units:
        done = unit.by_status.get(Status.DONE.value, 0) + unit.by_status.get(
            Status.TICKED_OFF.value, 0
        )
        fraction = done / unit.assigned if unit.assigned else 0.0
        bars.append(
            Bar(
                unit.unit,
                fraction,
                f"{percent(done, unit.assigned)}（{done}/{unit.assigned}）",
            )
        )
    return sorted(bars, key=lambda b: (-b.fraction, b.label))


def part_bars(parts: list[PartStats]) -> list[Bar]:
    """A bar per part; with several documents, each document's number on a line above its
    parts (in the label, "宁政规发〔2020〕5号 › 便利企业融资" was cut to "…0〕5号 › 便利…")."""
    several = len({p.document for p in parts}) > 1
    bars: list[Bar] = []
    document = None
    for p in parts:
        if several and p.document != document:
            document = p.document
            bars.append(Bar(p.document, 0.0, "", heading=True))
        figure = f"{percent(p.finished, p.assignments)}（{p.finished}/{p.assignments}）"
        bars.append(Bar(p.part, p.completion, figure, f"{p.document} › {p.part}"))
    return bars


class Dashboard(QWidget):
    assignment_chosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figures: dict[str, QLabel] = {}
        self.overdue = self._list()
        self.due_soon = self._list()
        self.units_chart = BarChart()
        self.parts_chart = BarChart()
        lists = QSplitter(Qt.Orientation.Horizontal)
        self.overdue_box = self._box("", self.overdue)
        self.due_soon_box = self._box("", self.due_soon)
        lists.addWidget(self.overdue_box)
        lists.addWidget(self.due_soon_box)
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self._box(self.tr("Completion by unit"), self._scrolled(self.units_chart)))
        charts.addWidget(self._box(self.tr("Completion by part"), self._scrolled(self.parts_chart)))
        body = QSplitter(Qt.Orientation.Vertical)
        body.addWidget(lists)
        body.addWidget(charts)
        body.setSizes([320, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._totals())
        layout.addWidget(body, 1)

    def _totals(self) -> QGridLayout:
        grid = QGridLayout()
        names = [
            ("measures", self.tr("Measures")),
            ("assignments", self.tr("Unit parts")),
            *[(s.value, state_label(s)) for s in Status],
            ("overdue", state_label(Derived.OVERDUE)),
            ("due_soon", state_label(Derived.DUE_SOON)),
        ]
        for column, (key, title) in enumerate(names):
            caption = QLabel(title)
            caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
            figure = QLabel("0")
            figure.setAlignment(Qt.AlignmentFlag.AlignCenter)
            font = figure.font()
            font.setPointSizeF(font.pointSizeF() * 1.8)
            font.setBold(True)
            figure.setFont(font)
            colour = {"overdue": Derived.OVERDUE, "due_soon": Derived.DUE_SOON}.get(key)
            if colour is not None and (fg := state_foreground(colour)) is not None:
                figure.setStyleSheet(f"color: {fg.name()}")
            self.figures[key] = figure
            grid.addWidget(figure, 0, column)
            grid.addWidget(caption, 1, column)
        return grid

    def _list(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setHeaderLabels(
            [self.tr("No."), self.tr("Key task"), self.tr("Unit"), self.tr("Deadline")]
        )
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        tree.itemClicked.connect(
            lambda item, _c: self.assignment_chosen.emit(item.data(0, ID_ROLE))
        )
        return tree

    @staticmethod
    def _box(title: str, widget: QWidget) -> QGroupBox:
        box = QGroupBox(title)
        layout = QVBoxLayout(box)
        layout.addWidget(widget)
        return box

    @staticmethod
    def _scrolled(chart: BarChart) -> QScrollArea:
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        area.setWidget(chart)
        return area

    # -- contents ---------------------------------------------------------------------------
    def show_data(self, data: DashboardData) -> None:
        summary = data.summary
        self.figures["measures"].setText(str(summary.measures))
        self.figures["assignments"].setText(str(summary.assignments))
        for status in Status:
            self.figures[status.value].setText(str(summary.by_status.get(status.value, 0)))
        self.figures["overdue"].setText(str(summary.overdue))
        self.figures["due_soon"].setText(str(summary.due_soon))
        self.overdue_box.setTitle(overdue_title(len(data.overdue), summary.overdue))
        self.due_soon_box.setTitle(due_soon_title(len(data.due_soon), summary.due_soon))
        self._fill(self.overdue, data.overdue)
        self._fill(self.due_soon, data.due_soon)
        self.units_chart.set_bars(unit_bars(summary))
        self.parts_chart.set_bars(part_bars(data.parts))

    @staticmethod
    def _fill(tree: QTreeWidget, rows: list[AssignmentRow]) -> None:
        tree.clear()
        for row in rows:
            item = QTreeWidgetItem([row.code, row.title, row.unit, deadline_text(row)])
            item.setData(0, ID_ROLE, row.id)
            item.setToolTip(1, f"{row.doc_label} {row.code}．{row.title}")
            tree.addTopLevelItem(item)
