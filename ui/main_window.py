"""The main window: navigator | tabs (assignment table, progress board, dashboard) | detail pane.

It is where the pieces meet: it owns the open ``Services`` (and closes them),
hands each widget only what it needs, reloads rows when a filter changes and
re-reads just the edited rows after an edit.  The board and the dashboard are
loaded when their tab is shown, and again after an edit or import once stale.
An empty database shows the first-run page instead of an empty table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

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

from tracker.records import AssignmentRow, DocumentInfo, UnitInfo
from tracker.statuses import Derived
from ui import settings as keys
from ui.assignment_model import AssignmentTableModel
from ui.assignment_source import AssignmentSource, make_filter
from ui.assignment_table import AssignmentTable
from ui.board_view import BoardView
from ui.dashboard import Dashboard
from ui.demo import default_demo_path
from ui.detail_pane import DetailPane
from ui.filter_bar import FilterBar, Scope
from ui.first_run import FirstRunPage
from ui.messages import app_title, busy, user_errors
from ui.navigator import DocumentTarget, Navigator, Target, UnitTarget, outline_by_id
from ui.progress_actions import ProgressActions
from ui.row_filter import in_memory, pick
from ui.tab_loader import TabLoader
from ui.window_actions import build_actions, build_menus
from ui.window_commands import WindowCommands
from ui.workers import report_failure, start

if TYPE_CHECKING:
    from tracker.progress import ProgressService
    from tracker.services import Services

DETAIL_DELAY_MS = 120


class MainWindow(WindowCommands):
    def __init__(self, services: Services | None, settings: QSettings | None = None) -> None:
        """``services`` None: the window shows at once, and ``attach`` brings the database."""
        super().__init__()
        self.settings = settings or keys.app_settings()
        self.everything: list[AssignmentRow] | None = None
        """Every assignment, when loaded: filters then pick from it instead of querying."""
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
        self.tab_loader = TabLoader(self)
        progress = services.progress if services else cast("ProgressService", None)
        self.progress_actions = ProgressActions(progress, self._refresh_rows, self)
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
        if services is not None:
            self.attach(services)
        else:
            self.location.setText(self.tr("Opening the database…"))
            self.menuBar().setEnabled(False)

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
        self.tabs.currentChanged.connect(lambda _i: self.tab_loader.load())
        self.board.document_changed.connect(lambda _d: self.tab_loader.load_board())
        self.board.assignment_chosen.connect(self.select_assignment)
        self.board.tick_off_requested.connect(self.progress_actions.tick_off)
        self.dashboard.assignment_chosen.connect(self.select_assignment)

    def attach(self, services: Services, *, progressive: bool = False) -> None:
        """Show an open database (the caller closed the previous one).

        ``progressive`` (at start-up): the first document's rows are shown at once and
        the rest are read on a worker thread, so a big database paints in a blink.
        """
        self.services = services
        self.source = AssignmentSource(services.overview, services.progress)
        self.progress_actions.rebind(services.progress)
        self.menuBar().setEnabled(True)
        if progressive:
            self.reload_progressively()
        else:
            self.reload()

    # -- loading ----------------------------------------------------------------------------
    def reload(self) -> None:
        """Re-read everything: documents, units, the navigator and the table."""
        with busy():
            if not self._show_documents():
                return
            self._show_units_and_rows(self.services.units.list(), self.source.load(make_filter()))

    def reload_progressively(self) -> None:
        """The first document's rows now; every row (and the unit counts) from a worker."""
        documents = self._show_documents()
        if not documents:
            return
        first = self.source.load(make_filter(document=str(documents[0].id)))
        self.everything = None
        self.model.set_rows(first)
        self.counts.setText(self.tr("Reading every assignment…"))
        units, source = self.services.units, self.source
        start(
            lambda _r: (units.list(), source.load(make_filter())),
            lambda loaded: self._show_units_and_rows(*loaded),
            lambda exc: report_failure(self, exc),
        )

    def _show_documents(self) -> list[DocumentInfo]:
        """Documents, outline and the page to show; [] for an empty database (first run)."""
        documents = self.services.documents.list()
        self.location.setText(self._database_label())
        if not documents:
            self.everything = []
            self.model.set_rows([])
            self.pages.setCurrentWidget(self.first_run)
            self.counts.setText(self.tr("The database is empty."))
            return []
        self.pages.setCurrentWidget(self.splitter)
        self.filters.set_documents(documents)
        self.filters.set_default_days(self.services.store.due_soon_days)
        self.navigator.set_documents(documents, outline_by_id(self.services.documents.outline()))
        self.board.set_documents(documents)
        return documents

    def _show_units_and_rows(self, units: list[UnitInfo], everything: list[AssignmentRow]) -> None:
        self.everything = everything
        self.filters.set_units(units)
        self.navigator.set_units(units)
        self.load_rows()
        self.tab_loader.mark_stale()

    def load_rows(self) -> None:
        """Fill the table for the current filters: from the rows in memory when it can."""
        keep = self.table.current_row()
        wanted = self.filters.current()
        rows: list[AssignmentRow] = []
        if self.everything is not None and in_memory(wanted):
            rows = pick(self.everything, wanted, self.services.store.clock.today())
        else:
            with busy(), user_errors(self):
                rows = self.source.load(wanted)
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
        fresh = self.source.reread(r.id for r in rows)
        if self.everything is not None:
            by_id = {r.id: r for r in fresh}
            self.everything = [by_id.get(r.id, r) for r in self.everything]
        self.model.replace_rows(fresh)
        self.board.replace_rows(fresh)
        self.tab_loader.mark_stale(board=False)
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
        if hasattr(self, "services"):  # not yet, if the database never opened
            self.services.close()
        super().closeEvent(event)
