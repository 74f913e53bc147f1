"""Filling the window with a database's rows, and keeping them fresh after a change.

A mixin of ``MainWindow``.  The pipeline: the first document's rows are painted
as soon as they are read (``_show_first_look``), the documents fill in the
filter bar, the navigator and the board, and every row is read on a worker
thread into a ``RowIndex``; from then on a filter picks from that index instead
of querying (``load_rows``), and only a search or a round asks the database for
ids.  ``reload`` reads it all again after something changed the whole picture
(an import, merged units); an edit re-reads just the edited rows
(``_refresh_rows``).  A read that a newer one overtook, or that arrives after
the window closed, is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView

from ui.assignments.row_filter import RowIndex, in_memory
from ui.window.window_reads import Everything, read_everything, settle_memory
from ui.window.window_selection import WindowSelection

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QTabWidget

    from tracker.records import AssignmentRow, DocumentInfo, OutlineDocument, UnitInfo
    from ui.assignments.progress_actions import ProgressActions
    from ui.assignments.round_rows import RoundRows
    from ui.board.board_view import BoardView
    from ui.window.first_run import FirstRunPage
    from ui.window.navigator import Navigator
    from ui.window.tab_loader import TabLoader
    from ui.window.window_pages import LazyPage
    from ui.window.window_reads import FirstLook


BACKGROUND_RELOAD_ROWS = 20_000
"""From how many rows held a reload reads them on a worker thread (below, it takes less
than a blink and the window is simply up to date when ``reload`` returns)."""


class WindowLoading(WindowSelection):
    """The loading pipeline; ``WindowLayout`` makes the parts it fills."""

    index: RowIndex | None
    """Every assignment, when loaded: filters then pick from it instead of querying."""
    navigator: Navigator
    first_run: FirstRunPage
    board_page: LazyPage[BoardView]
    tab_loader: TabLoader
    round_rows: RoundRows
    pages: QStackedWidget
    splitter: QSplitter
    counts: QLabel
    location: QLabel
    _documents: list[DocumentInfo]
    _loading: int
    """Which background read of every row is the current one."""
    _closed: bool
    built: bool
    attached: bool
    """Whether the services are here (``attach``); before, the window can only show rows."""
    _previewed: list[AssignmentRow] | None = None
    _edited_while_reading: set[int] | None = None
    """The rows edited while every row is being read on a worker (None when none is)."""
    """The rows ``preview`` showed, until ``attach`` takes them over."""
    tabs: QTabWidget
    progress_actions: ProgressActions

    def preview(self, first: FirstLook) -> None:
        """Before the database is open: its first document's rows, to look at only.

        They are read with ``tracker.progress.quick_look`` while the services are still
        opening (importing SQLAlchemy takes longer than the rest of the start).
        Until ``attach`` nothing that needs the services can be used: the filters,
        the navigator and the other tabs are disabled, rows cannot be selected or
        edited.  ``attach`` then shows these same rows without reading them again.
        """
        if not self.built or self.attached or self._closed or not first.documents:
            return
        self.pages.setCurrentWidget(self.splitter)
        self._previewed = first.rows
        self.model.set_rows(first.rows)
        self.model.edit_handler = None
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        for part in (self.filters, self.navigator, self.tabs.tabBar()):
            part.setEnabled(False)

    def _end_preview(self) -> None:
        """Everything usable again (``attach``, once the services are open)."""
        self.model.edit_handler = self.progress_actions.edit_cell
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for part in (self.filters, self.navigator, self.tabs.tabBar()):
            part.setEnabled(True)

    def _show_first_look(self, first: FirstLook) -> None:
        """At start-up: the first document's rows at once, then the documents and the
        navigator, and every row read on a worker thread, so a big database paints in
        a blink."""
        self.location.setText(self._database_label())
        if not first.documents:
            self._show_empty()
            return
        self.index = None
        self.pages.setCurrentWidget(self.splitter)
        if first.rows is not self._previewed:  # (shown already while the database opened)
            self.model.set_rows(first.rows)
        self._previewed = None
        self.counts.setText(self.tr("Reading every assignment…"))
        # (a timer, not a zero one: the rows are painted first, then the documents fill in)
        QTimer.singleShot(1, lambda: self._show_documents(first.documents, first.outline))
        self._read_everything_in_background()

    def reload(self) -> None:
        """Re-read everything: documents, units, the navigator and the table.

        A big database's rows (``BACKGROUND_RELOAD_ROWS``) are read on a worker, as
        at start-up: the window shows the rows it has until the new ones arrive,
        instead of freezing for the seconds 100,000 rows take.
        """
        from ui.messages import busy

        with busy():
            self.location.setText(self._database_label())
            documents = self.services.documents.list()
            if not documents:
                self._show_empty()
                return
            self.pages.setCurrentWidget(self.splitter)
            self._show_documents(documents, self.services.documents.outline())
            if self.index is not None and len(self.index) >= BACKGROUND_RELOAD_ROWS:
                self.counts.setText(self.tr("Reading every assignment…"))
                self._read_everything_in_background()  # (a read still running is dropped)
                return
            self._loading += 1  # a background read still running is out of date
            self._edited_while_reading = None
            self._show_units_and_rows(*read_everything(self.services))

    def _read_everything_in_background(self) -> None:
        from ui.workers import report_failure, start

        self._loading += 1
        loading, services = self._loading, self.services
        self._edited_while_reading = set()

        def arrived(loaded: Everything) -> None:
            if loading == self._loading and not self._closed:  # not overtaken meanwhile
                edited, self._edited_while_reading = self._edited_while_reading, None
                if edited:  # the worker may have read them before the edit was saved
                    loaded.row_index.replace(self.source.reread(edited))
                self._show_units_and_rows(*loaded)

        def failed(exc: BaseException) -> None:
            self._edited_while_reading = None
            settle_memory()
            report_failure(self, exc)

        start(lambda _r: read_everything(services), arrived, failed)

    def _show_empty(self) -> None:
        settle_memory()
        self.index = RowIndex([], self.services.store.clock.today())
        self.model.set_rows([])
        self.pages.setCurrentWidget(self.first_run)
        self.counts.setText(self.tr("The database is empty."))

    def _show_documents(
        self, documents: list[DocumentInfo], outline: Sequence[OutlineDocument]
    ) -> None:
        """The documents in the filter bar, the navigator and the board."""
        from ui.window.navigator import outline_by_id

        self._documents = documents
        self.filters.set_documents(documents)
        self.filters.set_default_days(self.services.store.due_soon_days)
        self.navigator.set_documents(documents, outline_by_id(outline))
        board = self.board_page.built()
        if board is not None:
            board.set_documents(documents)

    def _show_units_and_rows(
        self, units: list[UnitInfo], index: RowIndex, rounds: list[str]
    ) -> None:
        settle_memory(len(index))
        self.index = index
        self.round_rows.forget()
        self.filters.set_rounds(rounds)
        self.filters.set_units(units)
        self.navigator.set_units(units)
        self.load_rows()
        self.tab_loader.mark_stale()

    def load_rows(self) -> None:
        """Fill the table for the current filters: from the rows in memory when it can."""
        from ui.messages import busy, user_errors

        keep = self.table.current_row()
        wanted = self.filters.current()
        scope = self.filters.scope()
        if self.index is not None and in_memory(replace(wanted, round=None)):
            among = None
            if wanted.round:
                among = self.round_rows.ids(wanted.round)
                if among is None:  # read on a worker; this runs again when they arrive
                    self._read_round(wanted.round)
                    return
            measures: set[int] | None = None
            if wanted.search.strip() and self.index.texts is None:
                with user_errors(self):
                    measures = self.services.overview.matching_measures(wanted.search)
            today = self.services.store.clock.today()
            self.model.show_positions(
                self.index.rows, self.index.select(wanted, scope, measures, today, among)
            )
        else:
            rows: list[AssignmentRow] = []
            with busy(), user_errors(self):
                rows = self.source.load(wanted)
            if scope is not None:
                rows = [r for r in rows if scope.matches(r)]
            self.model.set_rows(rows)
        if keep is not None:
            self.table.select_assignment(keep.id)
        self._update_counts()
        self._detail_timer.start()

    def _read_round(self, name: str) -> None:
        from ui.workers import report_failure

        def arrived() -> None:
            if not self._closed and self.filters.current().round == name:
                self.load_rows()

        self.counts.setText(self.tr("Reading the round {0}…").format(name))
        self.round_rows.read(
            self.services.overview, name, arrived, lambda exc: report_failure(self, exc)
        )

    def refresh_rounds(self) -> None:
        """After a round was created: the filter bar offers it."""
        from tracker.rounds.round_service import RoundService

        self.filters.set_rounds([r.name for r in RoundService(self.services.store).list()])

    def _refresh_rows(self, rows: Sequence[AssignmentRow]) -> list[AssignmentRow]:
        """After an edit: re-read the touched rows; the unit counts follow from a worker."""
        fresh = self.source.reread(r.id for r in rows)
        if self._edited_while_reading is not None:
            self._edited_while_reading.update(r.id for r in fresh)
        if self.index is not None:
            self.index.replace(fresh)
        self.model.replace_rows(fresh)
        board = self.board_page.built()
        if board is not None:
            board.replace_rows(fresh)
        self.tab_loader.mark_stale(board=False)
        self._refresh_unit_counts()
        self._update_counts()
        self._detail_timer.start()
        return fresh

    def _refresh_unit_counts(self) -> None:
        """The navigator's open/overdue counts, re-read on a worker (a second on 100,000 rows)."""
        from ui.workers import report_failure, start

        services = self.services

        def arrived(units: list[UnitInfo]) -> None:
            if not self._closed and self.services is services:
                self.navigator.set_units(units)

        start(lambda _r: services.units.list(), arrived, lambda exc: report_failure(self, exc))

    def _update_counts(self) -> None:
        from tracker.statuses import Derived

        states = self.model.state_counts()
        self.counts.setText(
            self.tr("{0} assignments shown · {1} overdue · {2} due soon").format(
                self.model.rowCount(), states[Derived.OVERDUE], states[Derived.DUE_SOON]
            )
        )
