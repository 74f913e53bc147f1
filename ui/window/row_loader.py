"""Filling the window's table with a database's rows, and keeping them fresh after a change.

``RowLoader`` is the part of the window that reads.  The pipeline: the first
document's rows are painted as soon as they are read (``show_first_look``), the
documents fill in the filter bar and the navigator, and every row is read on a
worker thread into a ``RowIndex``; from then on a filter picks from that index
instead of querying (``load_rows``), and only a search or a round asks the
database for ids.  ``reload`` reads it all again after something changed the
whole picture (an import, merged units); an edit re-reads just the edited rows
(``refresh_rows``).  A read that a newer one overtook, or that arrives after the
window closed, is dropped.

It is given the widgets it fills and tells the rest of the window what happened
through its signals, so it knows nothing of the window around them.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from tracker.progress.row_index import RowIndex, in_memory
from ui.assignments.assignment_source import make_filter
from ui.assignments.round_rows import RoundRows
from ui.window.window_reads import Everything, read_everything

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

    from tracker.records import AssignmentRow, DocumentInfo, OutlineDocument, UnitInfo
    from tracker.services import Services
    from ui.assignments.assignment_model import AssignmentTableModel
    from ui.assignments.assignment_source import AssignmentSource
    from ui.assignments.assignment_table import AssignmentTable
    from ui.window.filter_bar import FilterBar
    from ui.window.navigator import Navigator
    from ui.window.window_reads import FirstLook


BACKGROUND_RELOAD_ROWS = 1_000
"""From how many rows held a reload reads them on a worker thread.  Below, reading them
takes less than a blink (≈ 60 µs a row on a busy 2-core machine) and the window is simply
up to date when ``reload`` returns; an office's 10,000 rows read on the GUI thread held
the window still for 570 ms (``bench/bench_stalls.py``, ``bench/notes.md``)."""


class RowLoader(QObject):
    """Reads the database's rows into the table, the filter bar and the navigator."""

    shown = Signal()
    """The table shows other rows, or its rows changed: the detail pane follows."""
    documents_read = Signal(list)
    """The documents (a ``list[DocumentInfo]``), read afresh."""
    everything_read = Signal()
    """Every row was read afresh: what the other tabs show is out of date."""
    rows_edited = Signal(list)
    """The rows (a ``list[AssignmentRow]``) re-read after an edit."""

    def __init__(
        self,
        model: AssignmentTableModel,
        table: AssignmentTable,
        filters: FilterBar,
        navigator: Navigator,
        pages: QStackedWidget,
        table_page: QWidget,
        empty_page: QWidget,
        counts: QLabel,
        location: QLabel,
        parent: QWidget,
    ) -> None:
        """``pages`` shows ``table_page``, or ``empty_page`` for an empty database;
        ``parent`` is where a failure is reported."""
        super().__init__(parent)
        self._parent = parent
        self._model = model
        self._table = table
        self._filters = filters
        self._navigator = navigator
        self._pages = pages
        self._table_page = table_page
        self._empty_page = empty_page
        self._counts = counts
        self._location = location
        self.services: Services | None = None
        self.source: AssignmentSource | None = None
        self.index: RowIndex | None = None
        """Every assignment, when loaded: filters then pick from it instead of querying."""
        self.documents: list[DocumentInfo] = []
        self.round_rows = RoundRows()
        self.closed = False
        """The window closed: a background read that arrives now is not shown."""
        self._loading = 0
        """Which background read of every row is the current one."""
        self.previewed: list[AssignmentRow] | None = None
        """The rows ``preview`` showed, until ``show_first_look`` takes them over."""
        self._edited_while_reading: set[int] | None = None
        """The rows edited while every row is being read on a worker (None when none is)."""

    def attach(self, services: Services, source: AssignmentSource) -> None:
        """Read from this database from now on (another one: its rows are read afresh)."""
        if services is not self.services:
            self.index = None  # (not shown stale)
        self.services = services
        self.source = source

    def _open(self) -> tuple[Services, AssignmentSource]:
        if self.services is None or self.source is None:
            raise RuntimeError("no database is attached")
        return self.services, self.source

    def preview(self, first: FirstLook) -> None:
        """Before the database is open: its documents in the filter bar and the navigator,
        its first document's rows in the table (``show_first_look`` then takes them over
        without reading or listing them again).  A filter chosen now applies once it is open."""
        from ui.window.navigator import outline_by_id

        self._pages.setCurrentWidget(self._table_page)
        self.previewed = first.rows
        self._model.set_rows(first.rows)
        self._filters.set_documents(first.documents)
        self._navigator.set_documents(first.documents, outline_by_id(first.outline))
        self._counts.setText(self.tr("Opening the database… A filter chosen now applies then."))

    def show_first_look(self, first: FirstLook) -> None:
        """At start-up: the first document's rows at once, then the documents and the
        navigator, and every row read on a worker thread, so a big database paints in
        a blink."""
        services, _source = self._open()
        self._location.setText(services.database_location())
        if not first.documents:
            self._show_empty()
            return
        self.index = None
        self._pages.setCurrentWidget(self._table_page)
        previewed = first.rows is self.previewed  # (shown already while the database opened)
        if not previewed:
            self._model.set_rows(first.rows)
        self.previewed = None
        self._counts.setText(self.tr("Reading every assignment…"))
        # (a timer, not a zero one: the rows are painted first, then the documents fill in)
        QTimer.singleShot(
            1, lambda: self._show_documents(first.documents, first.outline, listed=previewed)
        )
        self._read_everything_in_background()
        if previewed and (self._filters.current() != make_filter() or self._filters.scope()):
            self.load_rows()  # chosen while the database opened

    def reload(self) -> None:
        """Re-read everything: documents, units, the navigator and the table.

        A big database's rows (``BACKGROUND_RELOAD_ROWS``) are read on a worker, as
        at start-up: the window shows the rows it has until the new ones arrive,
        instead of freezing for the seconds 100,000 rows take.
        """
        from ui.messages import busy

        services, _source = self._open()
        with busy():
            self._location.setText(services.database_location())
            documents = services.documents.list()
            if not documents:
                self._show_empty()
                return
            self._pages.setCurrentWidget(self._table_page)
            self._show_documents(documents, services.documents.outline())
            if self.index is not None and len(self.index) >= BACKGROUND_RELOAD_ROWS:
                self._counts.setText(self.tr("Reading every assignment…"))
                self._read_everything_in_background()  # (a read still running is dropped)
                return
            self._loading += 1  # a background read still running is out of date
            self._edited_while_reading = None
            self._show_units_and_rows(*read_everything(services))

    def _read_everything_in_background(self) -> None:
        from ui.workers import report_failure, start

        self._loading += 1
        loading, (services, source) = self._loading, self._open()
        self._edited_while_reading = set()

        def arrived(loaded: Everything) -> None:
            if loading == self._loading and not self.closed:  # not overtaken meanwhile
                edited, self._edited_while_reading = self._edited_while_reading, None
                if edited:  # the worker may have read them before the edit was saved
                    loaded.row_index.replace(source.reread(edited))
                self._show_units_and_rows(*loaded)

        def failed(exc: BaseException) -> None:
            self._edited_while_reading = None
            report_failure(self._parent, exc)

        start(lambda _r: read_everything(services), arrived, failed)

    def _show_empty(self) -> None:
        services, _source = self._open()
        self.index = RowIndex([], services.today())
        self._model.set_rows([])
        self._pages.setCurrentWidget(self._empty_page)
        self._counts.setText(self.tr("The database is empty."))

    def _show_documents(
        self,
        documents: list[DocumentInfo],
        outline: Sequence[OutlineDocument],
        *,
        listed: bool = False,
    ) -> None:
        """The documents in the filter bar and the navigator (and, by signal, the board);
        ``listed``: those two list them already (``preview``)."""
        from ui.window.navigator import outline_by_id

        services, _source = self._open()
        self.documents = documents
        if not listed:
            self._filters.set_documents(documents)
            self._navigator.set_documents(documents, outline_by_id(outline))
        self._filters.set_default_days(services.settings.due_soon_days())
        self.documents_read.emit(documents)

    def _show_units_and_rows(
        self, units: list[UnitInfo], index: RowIndex, rounds: list[str], pending: int = 0
    ) -> None:
        self.index = index
        # Set aside from the cycle collector what lives now (the rows; they hold no cycles,
        # refcounting frees them): each full collection a worker's allocations set off walked
        # them all, holding the window still — at 10,000 rows the heartbeat's longest gaps
        # while importing a document 268 → 118 ms, a ledger 269 → 183, a bulletin 263 → 96
        # (``bench/bench_stalls.py``, ``bench/notes.md``).
        gc.freeze()
        self.round_rows.forget()
        self._filters.set_rounds(rounds)
        self._navigator.set_rounds(rounds)
        self._navigator.set_extensions(pending)
        self._filters.set_units(units)
        self._navigator.set_units(units)
        self._model.set_memberless(u.name for u in units if u.memberless)
        self.load_rows()
        self.everything_read.emit()

    def load_rows(self) -> None:
        """Fill the table for the current filters: from the rows in memory when it can."""
        from ui.messages import busy, user_errors

        services, source = self.services, self.source
        if services is None or source is None:  # (no database yet: nothing to filter)
            return
        keep = self._table.current_row()
        wanted = self._filters.current()
        scope = self._filters.scope()
        if self.index is not None and in_memory(replace(wanted, round=None)):
            among = None
            if wanted.round:
                among = self.round_rows.ids(wanted.round)
                if among is None:  # read on a worker; this runs again when they arrive
                    self._read_round(wanted.round)
                    return
            measures: set[int] | None = None
            if wanted.search.strip() and self.index.texts is None:
                with user_errors(self._parent):
                    measures = services.overview.matching_measures(wanted.search)
            today = services.today()
            self._model.show_positions(
                self.index.rows, self.index.select(wanted, scope, measures, today, among)
            )
        else:
            rows: list[AssignmentRow] = []
            with busy(), user_errors(self._parent):
                rows = source.load(wanted)
            if scope is not None:
                rows = [r for r in rows if scope.matches(r)]
            self._model.set_rows(rows)
        if keep is not None:
            self._table.select_assignment(keep.id)
        self._update_counts()
        self.shown.emit()

    def _read_round(self, name: str) -> None:
        from ui.workers import report_failure

        services, _source = self._open()

        def arrived() -> None:
            if not self.closed and self._filters.current().round == name:
                self.load_rows()

        self._counts.setText(self.tr("Reading the round {0}…").format(name))
        self.round_rows.read(
            services.overview, name, arrived, lambda exc: report_failure(self._parent, exc)
        )

    def refresh_rounds(self) -> None:
        """After a round was created: the filter bar and the navigator offer it."""
        services, _source = self._open()
        names = [r.name for r in services.rounds.list()]
        self._filters.set_rounds(names)
        self._navigator.set_rounds(names)

    def refresh_extensions(self) -> None:
        """After a request was typed in: the navigator's count of those pending."""
        services, _source = self._open()
        self._navigator.set_extensions(services.extensions.pending_count())

    def refresh_rows(self, rows: Sequence[AssignmentRow]) -> list[AssignmentRow]:
        """After an edit: re-read the touched rows; the unit counts follow from a worker."""
        _services, source = self._open()
        fresh = source.reread(r.id for r in rows)
        if self._edited_while_reading is not None:
            self._edited_while_reading.update(r.id for r in fresh)
        if self.index is not None:
            self.index.replace(fresh)
        self._model.replace_rows(fresh)
        self.rows_edited.emit(fresh)
        self._refresh_unit_counts()
        self._update_counts()
        self.shown.emit()
        return fresh

    def _refresh_unit_counts(self) -> None:
        """The navigator's open/overdue counts, re-read on a worker (a second on 100,000 rows)."""
        from ui.workers import report_failure, start

        services, _source = self._open()

        def arrived(units: list[UnitInfo]) -> None:
            if not self.closed and self.services is services:
                self._navigator.set_units(units)

        start(
            lambda _r: services.units.list(),
            arrived,
            lambda exc: report_failure(self._parent, exc),
        )

    def _update_counts(self) -> None:
        from tracker.statuses import Derived

        states = self._model.state_counts()
        shown = self._model.rowCount()
        counts = (
            self.tr("%n assignment shown · {0} overdue · {1} due soon", "", shown)
            if shown == 1
            else self.tr("%n assignments shown · {0} overdue · {1} due soon", "", shown)
        )
        self._counts.setText(counts.format(states[Derived.OVERDUE], states[Derived.DUE_SOON]))
