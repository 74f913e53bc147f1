"""The main window: navigator | filtered assignment table | detail pane.

It is where the pieces meet: it owns the open ``Services`` (and closes them),
hands each widget only what it needs, reloads rows when a filter changes and
re-reads just the edited rows after an edit.  An empty database shows the
first-run page instead of an empty table.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from tracker.errors import UserError
from tracker.overview import AssignmentFilter
from tracker.records import AssignmentRow
from tracker.services import Services
from tracker.statuses import Derived
from ui import ledger_actions
from ui import settings as keys
from ui.assignment_model import AssignmentTableModel
from ui.assignment_source import AssignmentSource
from ui.assignment_table import AssignmentTable
from ui.demo import build_demo_database, default_demo_path
from ui.detail_pane import DetailPane
from ui.filter_bar import FilterBar, Scope
from ui.first_run import FirstRunPage
from ui.import_flow import import_policy_file
from ui.messages import app_title, busy, user_errors, warn
from ui.navigator import DocumentTarget, Navigator, Target, UnitTarget, outline_of
from ui.progress_actions import ProgressActions
from ui.settings_dialog import SettingsDialog
from ui.units_dialog import UnitsDialog
from ui.window_actions import build_actions, build_menus

DETAIL_DELAY_MS = 120


class MainWindow(QMainWindow):
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
        self.splitter.addWidget(self.navigator)
        self.splitter.addWidget(centre)
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
            self.load_rows(everything if self._unfiltered() else None)

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

    # -- files and databases ----------------------------------------------------------------
    def import_document(self) -> None:
        if import_policy_file(self, self.services.documents):
            self.reload()

    def open_demo(self) -> None:
        with busy():
            path = build_demo_database(self.demo_path)
        self.open_database(str(path), remember=False)

    def choose_database(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), "", self.tr("Databases (*.sqlite3 *.db);;All files (*)")
        )
        if chosen:
            self.open_database(chosen, remember=True)

    def open_database(self, target: str, *, remember: bool) -> bool:
        """Switch to another database; the current one stays open if that one cannot be."""
        try:
            with busy():
                opened = Services.open(target)
        except UserError as exc:
            warn(self, exc.message)
            return False
        self.services.close()
        self.services = opened
        self.source = AssignmentSource(opened.overview, opened.progress)
        self.progress_actions.rebind(opened.progress)
        if remember:
            self.settings.setValue(keys.DATABASE, target)
        self.reload()
        return True

    def _database_label(self) -> str:
        url = self.services.store.engine.url
        if url.get_backend_name() == "sqlite":
            return url.database or ""
        return url.render_as_string(hide_password=True)

    # -- ledgers and reports ----------------------------------------------------------------
    def import_ledger_files(self) -> None:
        self.take_back_ledgers(ledger_actions.choose_ledger_files(self))

    def import_ledger_folder(self) -> None:
        self.take_back_ledgers(ledger_actions.choose_ledger_folder(self))

    def take_back_ledgers(self, paths: list[Path]) -> None:
        if ledger_actions.import_ledgers(self, self.services.store, paths):
            self.reload()

    def export_ledgers(self) -> None:
        ledger_actions.export_ledgers(self, self.services.store)

    def undo_ledger_import(self) -> None:
        if ledger_actions.undo_last_import(self, self.services.store):
            self.reload()

    def show_rounds(self) -> None:
        ledger_actions.show_rounds(self, self.services.store)

    def print_report(self) -> None:
        from tracker.reports import ReportService
        from tracker.rounds import RoundService
        from ui.report_preview import ReportDialog

        store = self.services.store
        dialog = ReportDialog(
            ReportService(store),
            RoundService(store),
            self.services.units,
            self,
            store.clock.today(),
        )
        dialog.exec()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        paths = ledger_actions.dropped_paths(event.mimeData())
        if ledger_actions.ledger_targets(paths) or ledger_actions.policy_targets(paths):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Ledgers or folders dropped: the import preview; a policy document: its import."""
        paths = ledger_actions.dropped_paths(event.mimeData())
        ledgers = ledger_actions.ledger_targets(paths)
        policies = ledger_actions.policy_targets(paths)
        if not ledgers and not policies:
            return
        event.acceptProposedAction()
        if ledgers:
            self.take_back_ledgers(ledgers)
        elif import_policy_file(self, self.services.documents, policies[0]):
            self.reload()

    # -- settings and help ------------------------------------------------------------------
    def show_units(self) -> None:
        dialog = UnitsDialog(self.services.units, self)
        dialog.exec()
        if dialog.changed:  # merged units move assignments: everything may look different
            self.reload()

    def show_settings(self) -> None:
        dialog = SettingsDialog(self.services.store, self.settings, self._database_label(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.apply():
            self.reload()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Measure Tracker"),
            self.tr(
                "督办台账 · Measure Tracker\n\nFollows every responsible unit's progress on "
                "every measure of a policy document.\n\nDatabase: {0}"
            ).format(self._database_label()),
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
        self.services.close()
        super().closeEvent(event)
