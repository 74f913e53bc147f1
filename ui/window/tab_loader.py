"""Keeping the progress board and the dashboard up to date without loading what nobody sees.

Each tab is marked stale after a reload, an edit or an import, and is filled
when it is (or becomes) the tab shown; its widget is built then too.  The board
takes its rows from the window's ``RowIndex`` when every row is loaded, and
every measure of the document from ``OverviewService.measures`` (a measure
with no unit yet is a grey row).  The dashboard's figures are gathered on a
worker thread — on a big database the summary reads every assignment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.assignments.assignment_source import make_filter
from ui.messages import busy, user_errors
from ui.workers import report_failure, start

if TYPE_CHECKING:
    from tracker.records import AssignmentRow, MeasureInfo
    from ui.board.dashboard import DashboardData
    from ui.window.main_window import MainWindow


class TabLoader:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.stale = {"board", "dashboard"}

    def mark_stale(self, *, board: bool = True) -> None:
        """Something changed: the dashboard (and the board, unless updated already) is stale."""
        self.stale.add("dashboard")
        if board:
            self.stale.add("board")
        self.load()

    def load(self) -> None:
        """Fill the tab shown if it is out of date."""
        shown = self.window.tabs.currentWidget()
        if not hasattr(self.window, "services"):  # the database is not open yet
            return
        if shown is self.window.board_page and "board" in self.stale:
            self.load_board()
        elif shown is self.window.dashboard_page and "dashboard" in self.stale:
            self.stale.discard("dashboard")
            from ui.board.dashboard import gather

            overview = self.window.services.overview
            days = self.window.services.store.due_soon_days
            start(
                lambda _r: gather(overview, days),
                self._show_dashboard,
                lambda exc: report_failure(self.window, exc),
            )

    def _show_dashboard(self, data: DashboardData) -> None:
        self.window.dashboard.show_data(data)

    def load_board(self) -> None:
        self.stale.discard("board")
        board = self.window.board
        document = board.current_document()
        measures: list[MeasureInfo] = []
        rows: list[AssignmentRow] = []
        if document is not None:
            index = self.window.index
            with busy(), user_errors(self.window):
                measures = self.window.services.overview.measures(document)
                if index is not None:
                    rows = index.pick(index.select(make_filter(document=str(document))))
                else:
                    rows = self.window.source.load(make_filter(document=str(document)))
        board.set_contents(measures, rows)
