"""The window's parts and where they sit: navigator | tabs | detail pane.

A mixin of ``MainWindow``.  ``build`` makes every part once — the filter bar and
the assignment table on the first tab, the progress board and the dashboard on
tabs of their own, the navigator and the detail pane either side, the first-run
page in front of them all for an empty database — places them, wires their
signals to the loading and selection behaviour, and puts back the splitter,
toolbars and columns as the clerk left them.  The parts' modules are imported
in ``build``, never at module level: at start-up the frame is on screen first.
The board and the dashboard are built only when first needed (``LazyPage``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from ui.settings import window_settings as keys
from ui.window.window_loading import WindowLoading
from ui.window.window_selection import DETAIL_DELAY_MS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTabWidget

    from tracker.progress.progress_service import ProgressService
    from ui.board.board_view import BoardView
    from ui.board.dashboard import Dashboard
    from ui.window.main_window import MainWindow
    from ui.window.window_pages import LazyPage


class WindowLayout(WindowLoading):
    """The parts, their places and their wiring; ``MainWindow`` decides when to build."""

    built: bool

    def build(self) -> None:
        """Make every part of the window (once); their modules are imported here."""
        if self.built:
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QSplitter, QStackedWidget, QTabWidget

        from ui.assignments.assignment_model import AssignmentTableModel
        from ui.assignments.assignment_table import AssignmentTable
        from ui.assignments.progress_actions import ProgressActions
        from ui.assignments.round_rows import RoundRows
        from ui.window.detail_pane import DetailPane
        from ui.window.filter_bar import FilterBar
        from ui.window.first_run import FirstRunPage
        from ui.window.navigator import Navigator
        from ui.window.tab_loader import TabLoader
        from ui.window.window_actions import build_actions, build_menus
        from ui.window.window_pages import LazyPage

        window = cast("MainWindow", self)  # (what the loader and the actions are given)
        self.statusBar().clearMessage()
        self.setAcceptDrops(True)
        self.model = AssignmentTableModel(self)
        self.table = AssignmentTable(self.model)
        self.filters = FilterBar()
        self.navigator = Navigator()
        self.detail = DetailPane()
        self.first_run = FirstRunPage()
        self.board_page = LazyPage(self._build_board)
        self.dashboard_page: LazyPage[Dashboard] = LazyPage(self._build_dashboard)
        self.tabs: QTabWidget = QTabWidget()
        self.tab_loader = TabLoader(window)
        self.round_rows = RoundRows()
        self.progress_actions = ProgressActions(
            cast("ProgressService", None), self._refresh_rows, self
        )
        self.model.edit_handler = self.progress_actions.edit_cell
        self.pages = QStackedWidget()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.counts = QLabel()
        self.location = QLabel()
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._layout()
        self.actions_ = build_actions(window)
        build_menus(window, self.actions_)
        self._connect()
        self._restore_layout()
        self.location.setText(self.tr("Opening the database…"))
        self.menuBar().setEnabled(False)
        for action in self.actions_.database_actions():  # the toolbar and shortcuts too
            action.setEnabled(False)
        self.pages.setCurrentWidget(self.splitter)  # (the first-run page only for an empty one)
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
        self.splitter.setSizes([270, 850, 340])  # (the default window: 1480 wide)
        self.pages.addWidget(self.first_run)
        self.pages.addWidget(self.splitter)
        self.setCentralWidget(self.pages)
        self.statusBar().addWidget(self.counts, 1)
        self.statusBar().addPermanentWidget(self.location)

    def _connect(self) -> None:
        self.filters.changed.connect(self.load_rows)
        self.navigator.chosen.connect(self._navigate)
        self.navigator.delete_requested.connect(self.delete_document)
        self.filters.browsing_changed.connect(self.navigator.forget_choice)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._detail_timer.start())
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.model.modelReset.connect(self._update_actions)
        self._detail_timer.timeout.connect(self.show_current_detail)
        self.first_run.import_requested.connect(self.import_document)
        self.first_run.demo_requested.connect(self.open_demo)
        self.tabs.currentChanged.connect(lambda _i: self.tab_loader.load())

    def _build_board(self) -> BoardView:
        from ui.board.board_view import BoardView

        board = BoardView()
        board.set_documents(self._documents)
        board.document_changed.connect(lambda _d: self.tab_loader.load_board())
        board.assignment_chosen.connect(self.select_assignment)
        board.tick_off_requested.connect(self.progress_actions.tick_off)
        return board

    def _build_dashboard(self) -> Dashboard:
        from ui.board.dashboard import Dashboard

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

    def _save_layout(self) -> None:
        """Size, place, toolbars, splitter and columns, for ``_restore_layout`` next time."""
        self.settings.setValue(keys.GEOMETRY, self.saveGeometry())
        self.settings.setValue(keys.STATE, self.saveState())
        self.settings.setValue(keys.SPLITTER, self.splitter.saveState())
        self.settings.setValue(keys.COLUMNS, self.table.save_header())
        self.settings.sync()
