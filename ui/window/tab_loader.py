"""Keeping the progress board and the dashboard up to date without loading what nobody sees.

Each tab is marked stale after a reload, an edit or an import, and is filled
when it is (or becomes) the tab shown; its widget is built then too.  The board
takes its rows from the ``RowLoader``'s ``RowIndex`` when every row is loaded, and
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
    from PySide6.QtWidgets import QTabWidget, QWidget

    from tracker.records import AssignmentRow, DocumentInfo, MeasureInfo
    from ui.board.board_view import BoardView
    from ui.board.dashboard import Dashboard, DashboardData
    from ui.window.row_loader import RowLoader
    from ui.window.window_pages import LazyPage


class TabLoader:
    def __init__(
        self,
        tabs: QTabWidget,
        board_page: LazyPage[BoardView],
        dashboard_page: LazyPage[Dashboard],
        rows: RowLoader,
        parent: QWidget,
    ) -> None:
        """``rows`` has the database and the rows; ``parent`` is where a failure is reported."""
        self._tabs = tabs
        self._board_page = board_page
        self._dashboard_page = dashboard_page
        self._rows = rows
        self._parent = parent
        self.stale = {"board", "dashboard"}

    def mark_stale(self, *, board: bool = True) -> None:
        """Something changed: the dashboard (and the board, unless updated already) is stale."""
        self.stale.add("dashboard")
        if board:
            self.stale.add("board")
        self.load()

    def load(self) -> None:
        """Fill the tab shown if it is out of date."""
        shown = self._tabs.currentWidget()
        services = self._rows.services
        if services is None:  # the database is not open yet
            return
        if shown is self._board_page and "board" in self.stale:
            self.load_board()
        elif shown is self._dashboard_page and "dashboard" in self.stale:
            self.stale.discard("dashboard")
            from ui.board.dashboard import gather

            overview = services.overview
            days = services.settings.due_soon_days()
            start(
                lambda _r: gather(overview, days),
                self._show_dashboard,
                lambda exc: report_failure(self._parent, exc),
            )

    def _show_dashboard(self, data: DashboardData) -> None:
        self._dashboard_page.content().show_data(data)

    def load_board(self) -> None:
        self.stale.discard("board")
        board = self._board_page.content()
        document = board.current_document()
        measures: list[MeasureInfo] = []
        rows: list[AssignmentRow] = []
        services, source = self._rows.services, self._rows.source
        if services is not None:
            with busy(), user_errors(self._parent):
                board.model.set_findings(services.inspections.open_by_unit())
        if document is not None and services is not None and source is not None:
            index = self._rows.index
            with busy(), user_errors(self._parent):
                measures = services.overview.measures(document)
                if index is not None:
                    rows = index.pick(index.select(make_filter(document=str(document))))
                else:
                    rows = source.load(make_filter(document=str(document)))
        board.set_contents(measures, rows)

    def show_documents(self, documents: list[DocumentInfo]) -> None:
        """The documents read afresh: the board's document choice follows (if it is built)."""
        board = self._board_page.built()
        if board is not None:
            board.set_documents(documents)

    def show_edited_rows(self, fresh: list[AssignmentRow]) -> None:
        """Rows edited in the table: the board shows them at once, the dashboard is stale."""
        board = self._board_page.built()
        if board is not None:
            board.replace_rows(fresh)
        self.mark_stale(board=False)
