"""The main window: navigator | tabs (assignment table, progress board, dashboard) | detail pane.

It is where the pieces meet: it owns the open ``Services`` (and closes them),
hands each widget only what it needs, filters the rows it holds when a filter
changes and re-reads just the edited rows after an edit.  The board and the
dashboard are built when their tab is first shown, loaded when shown, and
again after an edit or import once stale.  An empty database shows the
first-run page instead of an empty table.

At start-up the window is first only a frame (``frame_only``); ``build`` makes
its parts while a worker thread opens the database.  Then (``attach(…,
first=…)``) the first document's rows, read by that worker, are painted at once;
the documents, the navigator and then every row (read on another worker, with a
``RowIndex`` built there) follow.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QWidget

from ui import settings as keys
from ui.row_filter import RowIndex, in_memory
from ui.window_commands import WindowCommands

if TYPE_CHECKING:
    from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget

    from tracker.progress import ProgressService
    from tracker.records import AssignmentRow, DocumentInfo, OutlineDocument, UnitInfo
    from tracker.services import Services
    from ui.assignment_model import AssignmentTableModel
    from ui.assignment_source import AssignmentSource
    from ui.assignment_table import AssignmentTable
    from ui.board_view import BoardView
    from ui.dashboard import Dashboard
    from ui.detail_pane import DetailPane
    from ui.filter_bar import FilterBar
    from ui.first_run import FirstRunPage
    from ui.navigator import Navigator, Target
    from ui.progress_actions import ProgressActions
    from ui.round_rows import RoundRows
    from ui.tab_loader import TabLoader
    from ui.window_actions import WindowActions
    from ui.window_pages import LazyPage

DETAIL_DELAY_MS = 120
WAIT_FOR_READS_MS = 5_000
"""On closing, how long background reads may take to finish before the database closes."""
FREEZE_FROM_ROWS = 20_000
"""From how many rows read on the cycle collector is told to leave them alone."""


class FirstLook(NamedTuple):
    """What the window shows first of a database: its documents and the first one's rows."""

    documents: list[DocumentInfo]
    outline: Sequence[OutlineDocument]
    rows: list[AssignmentRow]


def window_title() -> str:
    """``ui.messages.app_title()``: the same text, without importing that module (and Qt's
    enums with it, 15 ms) before the frame is on screen."""
    return QCoreApplication.translate("Messages", "Measure Tracker")


def first_look(services: Services) -> FirstLook:
    """Read the first look (on the worker thread that opened the database)."""
    from ui.assignment_source import make_filter

    documents = services.documents.list()
    if not documents:
        return FirstLook([], [], [])
    rows = services.overview.assignments(make_filter(document=str(documents[0].id)))
    return FirstLook(documents, services.documents.outline(), rows)


class Everything(NamedTuple):
    """Every unit, every assignment (indexed for filtering) and the reporting rounds' names."""

    units: list[UnitInfo]
    row_index: RowIndex
    rounds: list[str]


def read_everything(services: Services) -> Everything:
    """Every unit and every assignment, indexed for filtering (on a worker thread)."""
    from tracker.rounds import RoundService
    from ui.assignment_source import make_filter

    today = services.store.clock.today()
    with collector_paused():
        rows = services.overview.assignments(make_filter())
        rounds = [r.name for r in RoundService(services.store).list()]
        return Everything(services.units.list(), RowIndex(rows, today), rounds)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection while 100,000 rows are built: they all live on, and walking
    them again and again makes the read 10–40 % slower."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def settle_memory(rows: int = 0) -> None:
    """Let the cycle collector run again (``ui.app.launch`` stops it for the start-up).

    With many rows read, what exists now is first set aside from it (``gc.freeze``):
    walking 100,000 rows would pause the window for ~100 ms now and then, and they live
    until the next reload anyway (rows have no cycles: refcounting frees them).
    """
    if rows >= FREEZE_FROM_ROWS:
        gc.freeze()
    gc.enable()


class MainWindow(WindowCommands):
    def __init__(
        self,
        services: Services | None,
        settings: QSettings | None = None,
        *,
        frame_only: bool = False,
    ) -> None:
        """``services`` None: the window shows at once, and ``attach`` brings the database.

        ``frame_only`` (at start-up): just the frame — title, size and place, "Opening the
        database…" — so it is on screen as soon as a bare window would be; ``build`` then
        makes every part (importing their modules) while the database opens.
        """
        super().__init__()
        self.settings = settings or keys.app_settings()
        self.index: RowIndex | None = None
        """Every assignment, when loaded: filters then pick from it instead of querying."""
        self.demo_path: Path | None = None
        """Where "Open a demo database" writes (None: the user's data folder)."""
        self.built = False
        self._documents: list[DocumentInfo] = []
        self._loading = 0  # which background read of every row is the current one
        self._closed = False
        self.setWindowTitle(window_title())
        self._restore_geometry()
        if frame_only:
            self.setCentralWidget(QWidget())
            self.statusBar().showMessage(self.tr("Opening the database…"))
            return
        self.build()
        if services is not None:
            self.attach(services)

    # -- building ---------------------------------------------------------------------------
    def build(self) -> None:
        """Make every part of the window (once); their modules are imported here."""
        if self.built:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget

        from ui.assignment_model import AssignmentTableModel
        from ui.assignment_table import AssignmentTable
        from ui.detail_pane import DetailPane
        from ui.filter_bar import FilterBar
        from ui.first_run import FirstRunPage
        from ui.navigator import Navigator
        from ui.progress_actions import ProgressActions
        from ui.round_rows import RoundRows
        from ui.tab_loader import TabLoader
        from ui.window_actions import build_actions, build_menus
        from ui.window_pages import LazyPage

        self.statusBar().clearMessage()
        self.setAcceptDrops(True)
        self.model: AssignmentTableModel = AssignmentTableModel(self)
        self.table: AssignmentTable = AssignmentTable(self.model)
        self.filters: FilterBar = FilterBar()
        self.navigator: Navigator = Navigator()
        self.detail: DetailPane = DetailPane()
        self.first_run: FirstRunPage = FirstRunPage()
        self.board_page: LazyPage[BoardView] = LazyPage(self._build_board)
        self.dashboard_page: LazyPage[Dashboard] = LazyPage(self._build_dashboard)
        self.tabs: QTabWidget = QTabWidget()
        self.tab_loader: TabLoader = TabLoader(self)
        self.round_rows: RoundRows = RoundRows()
        self.progress_actions: ProgressActions = ProgressActions(
            cast("ProgressService", None), self._refresh_rows, self
        )
        self.model.edit_handler = self.progress_actions.edit_cell
        self.pages: QStackedWidget = QStackedWidget()
        self.splitter: QSplitter = QSplitter(Qt.Orientation.Horizontal)
        self.counts = QLabel()
        self.location = QLabel()
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._layout()
        self.actions_: WindowActions = build_actions(self)
        build_menus(self, self.actions_)
        self._connect()
        self._restore_layout()
        self.location.setText(self.tr("Opening the database…"))
        self.menuBar().setEnabled(False)
        self.built = True

    def _layout(self) -> None:
        from PySide6.QtWidgets import QVBoxLayout

        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.table, 1)
        self.tabs.addTab(centre, self.tr("Assignments"))
        self.tabs.addTab(self.board_page, self.tr("Progress board"))
        self.tabs.addTab(self.dashboard_page, self.tr("Dashboard"))
        self.tabs.setDocumentMode(True)
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(self.tabs)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([270, 970, 360])
        self.pages.addWidget(self.first_run)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.location)

    def _connect(self) -> None:
        self.filters.changed.connect(self.load_rows)
        self.navigator.chosen.connect(self._navigate)
        self.filters.browsing_changed.connect(self.navigator.forget_choice)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._detail_timer.start())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._detail_timer.timeout.connect(self.show_current_detail)
        self.first_run.import_requested.connect(self.import_document)
        self.first_run.demo_requested.connect(self.open_demo)
        self.tabs.currentChanged.connect(lambda _i: self.tab_loader.load())

    def _build_board(self) -> BoardView:
        from ui.board_view import BoardView

        board = BoardView()
        board.set_documents(self._documents)
        board.document_changed.connect(lambda _d: self.tab_loader.load_board())
        board.assignment_chosen.connect(self.select_assignment)
        board.tick_off_requested.connect(self.progress_actions.tick_off)
        return board

    def _build_dashboard(self) -> Dashboard:
        from ui.dashboard import Dashboard

        dashboard = Dashboard()
        dashboard.assignment_chosen.connect(self.select_assignment)
        return dashboard

    @property
    def board(self) -> BoardView:
        """The progress board (built on first use)."""
        return self.board_page.content()

    @property
    def dashboard(self) -> Dashboard:
        return self.dashboard_page.content()

    def attach(self, services: Services, *, first: FirstLook | None = None) -> None:
        """Show an open database (the caller closed the previous one).

        ``first`` (at start-up, read with the database's opening): its rows are shown
        at once, then the documents and the navigator, and every row is read on a
        worker thread, so a big database paints in a blink.
        """
        from ui.assignment_source import AssignmentSource

        self.build()
        self.services = services
        self.source: AssignmentSource = AssignmentSource(services.overview, services.progress)
        self.progress_actions.rebind(services.progress)
        self.menuBar().setEnabled(True)
        if first is None:
            self.reload()
            return
        self.location.setText(self._database_label())
        if not first.documents:
            self._show_empty()
            return
        self.index = None
        self.pages.setCurrentWidget(self.splitter)
        self.model.set_rows(first.rows)
        self.counts.setText(self.tr("Reading every assignment…"))
        # (a timer, not a zero one: the rows are painted first, then the documents fill in)
        QTimer.singleShot(1, lambda: self._show_documents(first.documents, first.outline))
        self._read_everything_in_background()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read everything: documents, units, the navigator and the table."""
        from ui.messages import busy

        with busy():
            self.location.setText(self._database_label())
            documents = self.services.documents.list()
            if not documents:
                self._show_empty()
                return
            self.pages.setCurrentWidget(self.splitter)
            self._show_documents(documents, self.services.documents.outline())
            self._loading += 1  # a background read still running is out of date
            self._show_units_and_rows(*read_everything(self.services))

    def _read_everything_in_background(self) -> None:
        from ui.workers import report_failure, start

        self._loading += 1
        loading, services = self._loading, self.services

        def arrived(loaded: Everything) -> None:
            if loading == self._loading and not self._closed:  # not overtaken meanwhile
                self._show_units_and_rows(*loaded)

        def failed(exc: BaseException) -> None:
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
        from ui.navigator import outline_by_id

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
            if wanted.search.strip():
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
        from tracker.rounds import RoundService

        self.filters.set_rounds([r.name for r in RoundService(self.services.store).list()])

    def _refresh_rows(self, rows: Sequence[AssignmentRow]) -> list[AssignmentRow]:
        """After an edit: re-read the touched rows; the unit counts follow from a worker."""
        fresh = self.source.reread(r.id for r in rows)
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

    def show_current_detail(self) -> None:
        from ui.messages import user_errors

        row = self.table.current_row()
        if row is None:
            self.detail.clear()
            return
        with user_errors(self):
            self.detail.show_detail(self.source.detail(row))

    def select_assignment(self, assignment_id: int) -> None:
        """Select one assignment in the table (widening the filters if it is hidden)."""
        if self.model.row_of(assignment_id) is None:
            self.filters.reset()
        self.table.select_assignment(assignment_id)
        self._detail_timer.start()

    # -- reacting ---------------------------------------------------------------------------
    def _navigate(self, target: Target) -> None:
        from ui.filter_bar import Scope
        from ui.navigator import DocumentTarget, UnitTarget

        if isinstance(target, Scope):
            self.filters.choose_document(target.document_id, target)
        elif isinstance(target, DocumentTarget):
            self.filters.choose_document(target.document_id)
        elif isinstance(target, UnitTarget):
            self.filters.choose_unit(target.name)
        else:
            self.filters.show_everywhere()

    def _update_actions(self) -> None:
        selected = self.table.selectionModel().hasSelection()
        for action in self.actions_.selection_actions():
            action.setEnabled(selected)

    def _update_counts(self) -> None:
        from tracker.statuses import Derived

        states = self.model.state_counts()
        self.counts.setText(
            self.tr("{0} assignments shown · {1} overdue · {2} due soon").format(
                self.model.rowCount(), states[Derived.OVERDUE], states[Derived.DUE_SOON]
            )
        )

    def _restore_geometry(self) -> None:
        geometry = self.settings.value(keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1480, 900)

    def _restore_layout(self) -> None:
        """Toolbars, splitter and columns as the clerk left them (the parts exist now)."""
        state = self.settings.value(keys.STATE)
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value(keys.SPLITTER)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.table.restore_header(self.settings.value(keys.COLUMNS))

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.built:  # (closed while still only a frame: nothing worth remembering)
            self.settings.setValue(keys.GEOMETRY, self.saveGeometry())
            self.settings.setValue(keys.STATE, self.saveState())
            self.settings.setValue(keys.SPLITTER, self.splitter.saveState())
            self.settings.setValue(keys.COLUMNS, self.table.save_header())
            self.settings.sync()
        self._closed = True  # a background read that arrives now is not shown
        if hasattr(self, "services"):  # not yet, if the database never opened
            QThreadPool.globalInstance().waitForDone(WAIT_FOR_READS_MS)  # then close under none
            self.services.close()
        super().closeEvent(event)
