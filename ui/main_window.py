"""The main window: navigator | tabs (assignment table, progress board, dashboard) | detail pane.

It is where the pieces meet: it owns the open ``Services`` (and closes them),
hands each widget only what it needs, reloads rows when a filter changes and
re-reads just the edited rows after an edit.  The board and the dashboard are
loaded when their tab is shown, and again after an edit or import once stale.
An empty database shows the first-run page instead of an empty table.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.overview import AssignmentFilter
from tracker.records import AssignmentRow
from tracker.services import Services
from tracker.statuses import Derived
from ui import settings as keys
from ui.assignment_model import AssignmentTableModel
from ui.assignment_source import AssignmentSource
from ui.assignment_table import AssignmentTable
from ui.board_view import BoardView
from ui.dashboard import Dashboard, DashboardData, gather
from ui.demo import default_demo_path
from ui.detail_pane import DetailPane
from ui.filter_bar import FilterBar, Scope
from ui.first_run import FirstRunPage
from ui.messages import app_title, busy, user_errors
from ui.navigator import DocumentTarget, Navigator, Target, UnitTarget, outline_of
from ui.progress_actions import ProgressActions
from ui.window_actions import build_actions, build_menus
from ui.window_commands import WindowCommands
from ui.workers import report_failure, start

DETAIL_DELAY_MS = 120


class MainWindow(WindowCommands):
    def __init__(self, services: Services, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or keys.app_settings()
        self.services = services
        self.source = AssignmentSource(services.overview, services.progress)
        self.demo_path = default_demo_path()
        self.setWindowTitle(app_title())
        self.setAcceptDrops(True)
        self.model = AssignmentTableModel(self)
        self.table = AssignmentTable(self.model)
        self.filters = FilterBar()
        self.navigator = Navigator()
        self.detail = DetailPane()
        self.first_run = FirstRunPage()
        self.board = BoardView()
        self.dashboard = Dashboard()
        self.tabs = QTabWidget()
        self._stale = {"board", "dashboard"}
        self.progress_actions = ProgressActions(services.progress, self._refresh_rows, self)
        self.model.edit_handler = self.progress_actions.edit_cell
        self.pages = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.counts = QLabel()
        self.location = QLabel()
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._layout()
        self.actions_ = build_actions(self)
        build_menus(self, self.actions_)
        self._connect()
        self._restore_layout()
        self.reload()

    # -- building ---------------------------------------------------------------------------
    def _layout(self) -> None:
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.filters)
        column.addWidget(self.table, 1)
        self.tabs.addTab(centre, self.tr("Assignments"))
        self.tabs.addTab(self.board, self.tr("Progress board"))
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
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
        self.tabs.currentChanged.connect(lambda _i: self._load_tab())
        self.board.document_changed.connect(lambda _d: self._load_board())
        self.board.assignment_chosen.connect(self.select_assignment)
        self.board.tick_off_requested.connect(self.progress_actions.tick_off)
        self.dashboard.assignment_chosen.connect(self.select_assignment)

    def attach(self, services: Services) -> None:
        """Show another open database (the caller closed the previous one)."""
        self.services = services
        self.source = AssignmentSource(services.overview, services.progress)
        self.progress_actions.rebind(services.progress)
        self.reload()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read everything: documents, units, the navigator and the table."""
        with busy():
            documents = self.services.documents.list()
            self.location.setText(self._database_label())
            if not documents:
                self.model.set_rows([])
                self.pages.setCurrentWidget(self.first_run)
                self.counts.setText(self.tr("The database is empty."))
                return
            self.pages.setCurrentWidget(self.splitter)
            units = self.services.units.list()
            everything = self.source.load(AssignmentFilter())
            self.filters.set_documents(documents)
            self.filters.set_units(units)
            self.filters.set_default_days(self.services.store.due_soon_days)
            self.navigator.set_documents(documents, outline_of(everything))
            self.navigator.set_units(units)
            self.board.set_documents(documents)
            self.load_rows(everything if self._unfiltered() else None)
        self._stale = {"board", "dashboard"}
        self._load_tab()

    def load_rows(self, preloaded: list[AssignmentRow] | None = None) -> None:
        """Fill the table for the current filters (``preloaded``: rows already read for them)."""
        keep = self.table.current_row()
        rows = preloaded
        if rows is None:
            rows = []
            with busy(), user_errors(self):
                rows = self.source.load(self.filters.current())
        scope = self.filters.scope()
        if scope is not None:
            rows = [r for r in rows if scope.matches(r)]
        self.model.set_rows(rows)
        if keep is not None:
            self.table.select_assignment(keep.id)
        self._update_counts()
        self._detail_timer.start()

    def _refresh_rows(self, rows: Sequence[AssignmentRow]) -> list[AssignmentRow]:
        """After an edit: re-read the touched rows and the unit counts, nothing more."""
        fresh = self.source.reread([r.id for r in rows], rows)
        self.model.replace_rows(fresh)
        self.board.replace_rows(fresh)
        self._stale.add("dashboard")
        self._load_tab()
        self.navigator.set_units(self.services.units.list())
        self._update_counts()
        self._detail_timer.start()
        return fresh

    def show_current_detail(self) -> None:
        row = self.table.current_row()
        if row is None:
            self.detail.clear()
            return
        with user_errors(self):
            self.detail.show_detail(self.source.detail(row))

    def _load_tab(self) -> None:
        """Fill the board or the dashboard if it is shown and out of date."""
        shown = self.tabs.currentWidget()
        if shown is self.board and "board" in self._stale:
            self._load_board()
        elif shown is self.dashboard and "dashboard" in self._stale:
            self._stale.discard("dashboard")
            overview, days = self.services.overview, self.services.store.due_soon_days
            start(
                lambda _r: gather(overview, days),
                self._show_dashboard,
                lambda exc: report_failure(self, exc),
            )

    def _show_dashboard(self, data: DashboardData) -> None:
        self.dashboard.show_data(data)

    def _load_board(self) -> None:
        self._stale.discard("board")
        document = self.board.current_document()
        rows: list[AssignmentRow] = []
        if document is not None:
            with busy(), user_errors(self):
                rows = self.source.load(AssignmentFilter(document=str(document)))
        self.board.set_rows(rows)

    def select_assignment(self, assignment_id: int) -> None:
        """Select one assignment in the table (widening the filters if it is hidden)."""
        if self.model.row_of(assignment_id) is None:
            self.filters.reset()
        self.table.select_assignment(assignment_id)
        self._detail_timer.start()

    # -- reacting ---------------------------------------------------------------------------
    def _navigate(self, target: Target) -> None:
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
        rows = self.model.rows()
        overdue = sum(1 for r in rows if r.state is Derived.OVERDUE)
        due_soon = sum(1 for r in rows if r.state is Derived.DUE_SOON)
        self.counts.setText(
            self.tr("{0} assignments shown · {1} overdue · {2} due soon").format(
                len(rows), overdue, due_soon
            )
        )

    def _unfiltered(self) -> bool:
        return self.filters.current() == AssignmentFilter() and self.filters.scope() is None

    def _restore_layout(self) -> None:
        geometry = self.settings.value(keys.GEOMETRY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1480, 900)
        state = self.settings.value(keys.STATE)
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value(keys.SPLITTER)
        if splitter is not None:
            self.splitter.restoreState(splitter)
        self.table.restore_header(self.settings.value(keys.COLUMNS))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue(keys.GEOMETRY, self.saveGeometry())
        self.settings.setValue(keys.STATE, self.saveState())
        self.settings.setValue(keys.SPLITTER, self.splitter.saveState())
        self.settings.setValue(keys.COLUMNS, self.table.save_header())
        self.settings.sync()
        self.services.close()
        super().closeEvent(event)
