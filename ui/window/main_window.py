"""The main window: navigator | tabs (assignment table, progress board, dashboard) | detail pane.

It is where the pieces meet: it makes the widgets, places them, and owns the
parts that give them life, each a ``QObject`` given just the widgets it works
on and connected to the others here, by signals or explicit calls:

- ``RowLoader`` (``ui.window.row_loader``) holds the open ``Services`` and fills the
  table, the filter bar and the navigator with rows, and keeps them fresh after an
  edit or an import (its worker reads are in ``ui.window.window_reads``);
- ``SelectionController`` (``ui.window.selection_controller``) keeps the detail pane
  and the actions in step with the selected assignment;
- ``WindowCommands`` (``ui.window.window_commands``) runs the menus' commands; the
  actions, menus and toolbar are made by ``ui.window.window_actions``, and the
  table's own actions are wired by ``ui.window.table_actions``;
- ``TabLoader`` (``ui.window.tab_loader``) fills the board and the dashboard when
  they are shown; ``ProgressActions`` keeps the undo stack of the clerk's edits.

``ui.window.layout_memory`` restores and saves the layout the clerk left.

An empty database shows the first-run page instead of an empty table.

At start-up the window is first only a frame (``frame_only``); ``build`` makes
its parts while a worker thread opens the database, and ``preview`` may show
the first document's rows, read before the database is open, to look at only.
Then (``attach(…, first=…)``) those rows become usable; the documents, the
navigator and then every row (read on another worker, with a ``RowIndex`` built
there) follow.  The parts' modules are imported in ``build``, never at module
level: at start-up the frame is on screen first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from ui.settings import window_settings as keys
from ui.window.layout_memory import restore_geometry, restore_layout, save_layout
from ui.window.opening_state import Stage, apply_stage, opening_placeholder

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget

    from tracker.progress.progress_service import ProgressService
    from tracker.services import Services
    from ui.assessment.scores_tab import ScoresTab
    from ui.assignments.assignment_model import AssignmentTableModel
    from ui.assignments.assignment_table import AssignmentTable
    from ui.assignments.progress_actions import ProgressActions
    from ui.board.board_view import BoardView
    from ui.board.dashboard import Dashboard
    from ui.inspections.findings_tab import FindingsTab
    from ui.window.detail_pane import DetailPane
    from ui.window.filter_bar import FilterBar
    from ui.window.first_run import FirstRunPage
    from ui.window.navigator import Navigator
    from ui.window.row_loader import RowLoader
    from ui.window.selection_controller import SelectionController
    from ui.window.tab_loader import TabLoader
    from ui.window.window_actions import WindowActions
    from ui.window.window_commands import WindowCommands
    from ui.window.window_pages import LazyPage
    from ui.window.window_reads import FirstLook

WAIT_FOR_READS_MS = 5_000
"""On closing, how long background reads may take to finish before the database closes."""


def window_title() -> str:
    """``ui.messages.app_title()``: the same text, without importing that module (and Qt's
    enums with it, 15 ms) before the frame is on screen."""
    return QCoreApplication.translate("messages", "Measure Tracker")


class MainWindow(QMainWindow):
    # The widgets and parts ``build`` makes (a frame-only window has none yet).
    model: AssignmentTableModel
    table: AssignmentTable
    filters: FilterBar
    navigator: Navigator
    detail: DetailPane
    first_run: FirstRunPage
    board_page: LazyPage[BoardView]
    dashboard_page: LazyPage[Dashboard]
    tabs: QTabWidget
    pages: QStackedWidget
    splitter: QSplitter
    counts: QLabel
    location: QLabel
    rows: RowLoader
    progress_actions: ProgressActions
    tab_loader: TabLoader
    findings_tab: FindingsTab
    scores_tab: ScoresTab
    actions_: WindowActions
    selection: SelectionController
    commands: WindowCommands

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
        self.built = False
        self.attached = False
        """Whether the services are here (``attach``); before, what needs them waits."""
        self.accepts_input = False
        """Whether the parts are built and take input (``ui.window.opening_state``)."""
        self.setWindowTitle(window_title())
        restore_geometry(self, self.settings)
        if frame_only:
            self.setCentralWidget(opening_placeholder())
            self.statusBar().showMessage(self.tr("Opening the database…"))
            return
        self.build()
        if services is not None:
            self.attach(services)

    @property
    def services(self) -> Services | None:
        """The open database (None until ``attach``)."""
        return self.rows.services if self.built else None

    # -- the parts --------------------------------------------------------------------------
    def build(self) -> None:
        """Make every part of the window (once); their modules are imported here."""
        if self.built:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget

        from ui.assessment.scores_tab import ScoresTab
        from ui.assignments.assignment_model import AssignmentTableModel
        from ui.assignments.assignment_table import AssignmentTable
        from ui.assignments.progress_actions import ProgressActions
        from ui.inspections.findings_tab import FindingsTab
        from ui.window.detail_pane import DetailPane
        from ui.window.detail_toggle import DetailToggle
        from ui.window.filter_bar import FilterBar
        from ui.window.first_run import FirstRunPage
        from ui.window.navigator import Navigator
        from ui.window.row_loader import RowLoader
        from ui.window.selection_controller import SelectionController
        from ui.window.tab_loader import TabLoader
        from ui.window.window_actions import build_actions, build_menus
        from ui.window.window_commands import WindowCommands
        from ui.window.window_pages import LazyPage

        self.statusBar().clearMessage()
        self.setAcceptDrops(True)
        self.model = AssignmentTableModel(self)
        self.table = AssignmentTable(self.model)
        self.filters = FilterBar()
        self.navigator = Navigator()
        self.detail = DetailPane()
        self.first_run = FirstRunPage()
        self.board_page = LazyPage(self._build_board)
        self.dashboard_page = LazyPage(self._build_dashboard)
        self.tabs = QTabWidget()
        self.pages = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.counts = QLabel()
        self.location = QLabel()
        self._lay_out()
        self.rows = RowLoader(
            self.model,
            self.table,
            self.filters,
            self.navigator,
            self.pages,
            self.splitter,
            self.first_run,
            self.counts,
            self.location,
            self,
        )
        self.progress_actions = ProgressActions(
            cast("ProgressService", None), self.rows.refresh_rows, self
        )
        self.model.edit_handler = self.progress_actions.edit_cell
        self.tab_loader = TabLoader(
            self.tabs, self.board_page, self.dashboard_page, self.rows, self
        )
        self.findings_tab = FindingsTab(self.tabs, self.rows, self.tab_loader.mark_stale)
        self.scores_tab = ScoresTab(self.tabs, self.rows)
        self.actions_ = build_actions(self, self.progress_actions.stack)
        build_menus(self, self.actions_, self.table.context_menu)
        self.selection = SelectionController(
            self.table,
            self.model,
            self.filters,
            self.detail,
            self.actions_.selection_actions(),
            self,
        )
        self.commands = WindowCommands(self, self.settings, self.rows, self.progress_actions)
        self.commands.connect_actions(self.actions_)
        self._connect()
        restore_layout(self, self.splitter, self.table, self.settings)
        self.detail_toggle = DetailToggle(
            self.tabs, self.detail, self.actions_.show_detail, self.settings
        )
        self.location.setText(self.tr("Opening the database…"))
        self.pages.setCurrentWidget(self.splitter)  # (the first-run page only for an empty one)
        self.built = True
        self._set_stage(Stage.OPEN if self.attached else Stage.OPENING)

    def _lay_out(self) -> None:
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
        from ui.window.screen_fit import share_out

        share_out(self.splitter)  # (a new window fits its screen)
        self.pages.addWidget(self.first_run)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.location)

    def _connect(self) -> None:
        """The parts wired to each other, and the actions that are not commands."""
        from ui.window.table_actions import connect_table_actions

        rows, selection, commands, actions = self.rows, self.selection, self.commands, self.actions_
        progress, table = self.progress_actions, self.table
        self.filters.changed.connect(rows.load_rows)
        self.filters.browsing_changed.connect(self.navigator.forget_choice)
        self.navigator.chosen.connect(selection.navigate)
        self.navigator.delete_requested.connect(commands.delete_document)
        self.navigator.round_requested.connect(commands.show_round_status)
        self.navigator.extensions_requested.connect(commands.show_extensions)
        self.first_run.import_requested.connect(commands.import_document)
        self.first_run.demo_requested.connect(commands.open_demo)
        self.tabs.currentChanged.connect(lambda _i: self.tab_loader.load())
        rows.shown.connect(selection.follow)
        rows.documents_read.connect(self.tab_loader.show_documents)
        rows.everything_read.connect(lambda: self.tab_loader.mark_stale())
        rows.rows_edited.connect(self.tab_loader.show_edited_rows)
        commands.opened.connect(self.attach)
        actions.quit.triggered.connect(self.close)
        actions.row_detail.triggered.connect(selection.show_row_detail)
        connect_table_actions(
            actions,
            table,
            progress,
            commands,
            self.filters.describe,
            self._today,
            self.settings,
            self,
            self.scores_tab,
        )
        actions.find.triggered.connect(self.filters.search.setFocus)
        actions.scores.triggered.connect(self.scores_tab.show)  # 考核得分 is a tab
        actions.refresh.triggered.connect(rows.reload)
        actions.reset_filters.triggered.connect(self.filters.reset)
        actions.show_navigator.toggled.connect(self.navigator.setVisible)

    def _today(self) -> date:
        return cast("Services", self.services).today()  # (the actions wait for a database)

    def _build_board(self) -> BoardView:
        from ui.board.board_view import BoardView

        board = BoardView()
        board.set_documents(self.rows.documents)
        board.document_changed.connect(lambda _d: self.tab_loader.load_board())
        board.assignment_chosen.connect(self.selection.select_assignment)
        board.tick_off_requested.connect(self.progress_actions.confirm_tick_off)
        return board

    def _build_dashboard(self) -> Dashboard:
        from ui.board.dashboard import Dashboard

        dashboard = Dashboard()
        dashboard.assignment_chosen.connect(self.selection.select_assignment)
        return dashboard

    @property
    def board(self) -> BoardView:
        """The progress board (built on first use)."""
        return self.board_page.content()

    @property
    def dashboard(self) -> Dashboard:
        return self.dashboard_page.content()

    # -- the database -----------------------------------------------------------------------
    def preview(self, first: FirstLook) -> None:
        """Before the database is open: its documents and first document's rows.

        They are read with ``tracker.progress.quick_look`` while the services are still
        opening (importing SQLAlchemy takes longer than the rest of the start).  The
        window takes input meanwhile; what needs the services waits for ``attach``
        (``ui.window.opening_state``), which shows these same rows without reading
        them again.
        """
        if not self.built or self.attached or self.rows.closed or not first.documents:
            return
        self.rows.preview(first)

    def _set_stage(self, stage: Stage) -> None:
        """What the clerk can do: while the database opens, or once it is open."""
        apply_stage(
            stage,
            model=self.model,
            table=self.table,
            parts=(self.filters, self.navigator),
            tab_bar=self.tabs.tabBar(),
            menu_bar=self.menuBar(),
            needs_database=self.actions_.database_actions(),
            window_only=(self.actions_.find, self.actions_.reset_filters),
            edit_cell=self.progress_actions.edit_cell,
        )
        self.accepts_input = True

    def attach(self, services: Services, *, first: FirstLook | None = None) -> None:
        """Show an open database (the caller closed the previous one).

        ``first`` (at start-up, read with the database's opening): its rows are shown
        at once, then the documents and the navigator, and every row is read on a
        worker thread, so a big database paints in a blink.
        """
        from tracker.database_settings import TICK_OFF_REASON_REQUIRED
        from ui.assignments.assignment_source import AssignmentSource

        self.build()
        source = AssignmentSource(services.overview, services.progress)
        self.rows.attach(services, source)
        self.selection.attach(source)
        self.progress_actions.rebind(services.progress)
        self.progress_actions.reason_required = lambda: bool(
            services.settings.get(TICK_OFF_REASON_REQUIRED)
        )
        if not self.attached:
            self._set_stage(Stage.OPEN)
        self.attached = True
        if first is None:
            self.rows.reload()
        else:
            self.rows.show_first_look(first)
        from ui.settings.backup_dialog import start_daily_backup

        start_daily_backup(self, services.backups)  # once a day per database, in the background
        self._warn_of_a_network_drive(services)

    def _warn_of_a_network_drive(self, services: Services) -> None:
        """An SQLite file on a shared folder is a risk the office must hear of (each opening)."""
        from ui.messages import app_title, translated

        warning = services.network_drive_warning()
        if warning is not None:
            QMessageBox.warning(self, app_title(), translated(warning))

    # -- the window's own events ------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.built:
            self.commands.drag_enter(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if self.built:
            self.commands.drop(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.built:  # (closed while still only a frame: nothing worth remembering)
            save_layout(self, self.splitter, self.table, self.settings)
            self.rows.closed = True  # a background read that arrives now is not shown
            if self.rows.services is not None:  # not yet, if the database never opened
                QThreadPool.globalInstance().waitForDone(WAIT_FOR_READS_MS)  # then close
                self.rows.services.close()
        super().closeEvent(event)
