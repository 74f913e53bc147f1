"""Keeping the progress board and the dashboard up to date without loading what nobody sees.

Each tab is marked stale after a reload, an edit or an import, and is filled
when it is (or becomes) the tab shown.  The dashboard's figures are gathered on
a worker thread — on a big database the summary reads every assignment.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tracker.records import AssignmentRow
from ui.assignment_source import make_filter
from ui.dashboard import DashboardData, gather
from ui.messages import busy, user_errors
from ui.workers import report_failure, start

if TYPE_CHECKING:
    from ui.main_window import MainWindow


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
        if shown is self.window.board and "board" in self.stale:
            self.load_board()
        elif shown is self.window.dashboard and "dashboard" in self.stale:
            self.stale.discard("dashboard")
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
        rows: list[AssignmentRow] = []
        if document is not None:
            with busy(), user_errors(self.window):
                rows = self.window.source.load(make_filter(document=str(document)))
        board.set_rows(rows)
