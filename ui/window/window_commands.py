"""The window's commands on files, databases, ledgers, reports, settings and help.

``WindowCommands`` is the part of the window that runs what the File, Edit and
Help menus (and the first-run page, and files dropped on the window) ask for.
Each command runs a conversation (mostly in ``ui.ledgers.ledger_actions`` /
``ui.documents.import_flow``) with the window as the dialogs' parent, and has
the ``RowLoader`` re-read when the database changed.  The conversations'
modules (ledgers, reports, importing a document) are imported inside the
command that needs them, never at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from ui.settings import window_settings as keys

if TYPE_CHECKING:
    from PySide6.QtGui import QDragEnterEvent, QDropEvent

    from tracker.records import AssignmentRow
    from tracker.services import Services
    from ui.assignments.progress_actions import ProgressActions
    from ui.window.row_loader import RowLoader
    from ui.window.window_actions import WindowActions


class WindowCommands(QObject):
    """The menus' commands; ``opened`` hands over another database the clerk opened."""

    opened = Signal(object)
    """Another database (its ``Services``), open now; the previous one is closed."""

    def __init__(
        self,
        window: QMainWindow,
        settings: QSettings,
        rows: RowLoader,
        progress: ProgressActions,
    ) -> None:
        """``window``: the dialogs' parent; ``rows`` has the open database and re-reads
        after a change;
        ``progress`` holds the undo stack (cleared after a restore)."""
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._rows = rows
        self._progress = progress
        self.demo_path: Path | None = None
        """Where "Open a demo database" writes (None: the user's data folder)."""

    def _open(self) -> Services:
        """The open database (the loader's: the one whose rows the window shows)."""
        services = self._rows.services
        if services is None:
            raise RuntimeError("no database is attached")
        return services

    def connect_actions(self, actions: WindowActions) -> None:
        """What the commands' actions do."""
        actions.import_document.triggered.connect(self.import_document)
        actions.import_ledgers.triggered.connect(self.import_ledger_files)
        actions.import_ledger_folder.triggered.connect(self.import_ledger_folder)
        actions.export_ledgers.triggered.connect(self.export_ledgers)
        actions.print_report.triggered.connect(lambda: self.print_report())
        actions.undo_ledger_import.triggered.connect(self.undo_ledger_import)
        actions.rounds.triggered.connect(self.show_rounds)
        actions.scoring_rules.triggered.connect(self.show_scoring_rules)
        actions.round_status.triggered.connect(lambda: self.show_round_status())
        actions.extensions.triggered.connect(self.show_extensions)
        actions.chasers.triggered.connect(self.show_chasers)
        actions.open_demo.triggered.connect(self.open_demo)
        actions.open_database.triggered.connect(self.choose_database)
        actions.backup_database.triggered.connect(self.back_up)
        actions.restore_backup.triggered.connect(self.restore)
        actions.units_directory.triggered.connect(self.show_units)
        actions.settings.triggered.connect(self.show_settings)
        actions.guide.triggered.connect(self.show_guide)
        actions.about.triggered.connect(self.show_about)

    # -- files and databases ----------------------------------------------------------------
    def import_document(self) -> None:
        from ui.documents.import_flow import import_policy_file

        services = self._open()
        if import_policy_file(self._window, services.documents, services.units):
            self._rows.reload()

    def delete_document(self, document_id: int) -> None:
        """The navigator's "Delete document…": confirm what goes, delete, reload."""
        from ui.documents.document_delete_flow import delete_document

        if delete_document(self._window, self._open().documents, document_id):
            self._rows.reload()

    def open_demo(self) -> None:
        from ui.demo import build_demo_database, default_demo_path
        from ui.messages import busy

        with busy():
            path = build_demo_database(self.demo_path or default_demo_path())
        self.open_database(str(path), remember=False)

    def choose_database(self) -> None:
        from ui.settings.folders import open_file

        chosen = open_file(
            self._window,
            "database",
            self.tr("Open database"),
            self.tr("Databases (*.sqlite3 *.db);;All files (*)"),
        )
        if chosen:
            self.open_database(str(chosen), remember=True)

    def open_database(self, target: str, *, remember: bool) -> bool:
        """Switch to another database; the current one stays open if that one cannot be."""
        from tracker.errors import UserError
        from tracker.services import Services
        from ui.messages import busy, translated, warn

        try:
            with busy():
                opened = Services.open(target)
        except UserError as exc:
            warn(self._window, translated(exc))
            return False
        self._open().close()
        self.opened.emit(opened)
        if remember:
            keys.DATABASE.set(self._settings, target)
        return True

    def back_up(self) -> None:
        from ui.settings.backup_dialog import back_up_now

        back_up_now(self._window, self._open().backups)

    def restore(self) -> None:
        """After a restore the database is another one: no undo of edits made before it."""
        from ui.settings.backup_dialog import restore_from_backup

        if restore_from_backup(self._window, self._open().backups):
            self._progress.stack.clear()
            self._rows.reload()

    # -- ledgers and reports ----------------------------------------------------------------
    def import_ledger_files(self) -> None:
        from ui.ledgers import ledger_actions

        self.take_back_ledgers(ledger_actions.choose_ledger_files(self._window))

    def import_ledger_folder(self) -> None:
        from ui.ledgers import ledger_actions

        self.take_back_ledgers(ledger_actions.choose_ledger_folder(self._window))

    def take_back_ledgers(self, paths: list[Path]) -> None:
        """The import dialog; each apply it made goes on the undo stack beside hand edits."""
        from ui.ledgers import ledger_actions
        from ui.ledgers.ledger_history import LedgerImportCommand

        importer = self._open().ledger_import
        applies = ledger_actions.import_ledgers(self._window, importer, paths)
        for request, result in applies:
            command = LedgerImportCommand(
                importer, self._progress.editor, request, result, self._rows.reload
            )
            self._progress.stack.push(command)  # (its first redo writes nothing: applied)
        if applies:
            self._rows.reload()

    def export_ledgers(self) -> None:
        from ui.ledgers import ledger_actions

        services = self._open()
        ledger_actions.export_ledgers(
            self._window, services.ledger_export, services.rounds, services.units
        )
        self._rows.refresh_rounds()  # the export may have created the round

    def undo_ledger_import(self) -> None:
        """The Edit menu's "Undo last ledger import": the undo stack's own step when the
        import is the last thing done here, else the last import in the database."""
        from ui.ledgers import ledger_actions
        from ui.ledgers.ledger_history import LedgerImportCommand

        stack = self._progress.stack
        last = stack.command(stack.index() - 1)
        if isinstance(last, LedgerImportCommand):
            before = stack.index()
            if ledger_actions.confirm_undo_import(self._window):
                stack.undo()
                if stack.index() < before:  # (a refusal has been shown, the stack kept)
                    ledger_actions.tell_undone(self._window, last.files)
            return
        if ledger_actions.undo_last_import(self._window, self._open().ledger_import):
            self._rows.reload()

    def show_rounds(self) -> None:
        from ui.ledgers import ledger_actions

        if ledger_actions.show_rounds(self._window, self._open().rounds, self.show_round_status):
            self._rows.refresh_rounds()

    def show_round_status(self, round_name: str | None = None) -> None:
        """A round's 报送情况 page (from the rounds dialog, the navigator, the menu)."""
        from ui.ledgers import round_actions

        round_actions.show_round_status(self._window, self._open(), round_name)

    def show_extensions(self) -> None:
        """The units' extension requests (申请延期), to approve or refuse."""
        from ui.extensions.extensions_dialog import ExtensionsDialog

        services = self._open()
        dialog = ExtensionsDialog(services.extensions, services.today(), self._window)
        dialog.exec()
        if dialog.changed:
            self._rows.reload()
        elif dialog.requested:
            self._rows.refresh_extensions()

    def request_extension(self, row: AssignmentRow) -> None:
        """The right-click menu's "Request an extension…": a request the unit made by phone
        or letter for that row's task, typed in (``ui.extensions.request_dialog``)."""
        from ui.extensions.request_dialog import RequestDialog

        services = self._open()
        dialog = RequestDialog(
            services.extensions, services.today(), row.unit, row.id, parent=self._window
        )
        if dialog.exec():
            self._rows.refresh_extensions()

    def show_chasers(self) -> None:
        """Chasers for several units at once."""
        from ui.ledgers import round_actions

        round_actions.show_chasers(self._window, self._open())

    def show_scoring_rules(self) -> None:
        from ui.assessment.rules_dialog import RulesDialog

        RulesDialog(self._open().assessment, self._window).exec()

    def chaser_for(self, unit: str) -> None:
        """The right-click menu's "Chaser for this unit…": the report dialog set to a chaser
        (催办单) for that unit."""
        self.print_report(kind="chaser", unit=unit)

    def print_report(self, *, kind: str | None = None, unit: str | None = None) -> None:
        from ui.reports.report_preview import ReportDialog

        services = self._open()
        dialog = ReportDialog(
            services.reports, services.rounds, services.units, self._window, services.today()
        )
        if kind is not None:
            dialog.kind.setCurrentIndex(max(0, dialog.kind.findData(kind)))
        if unit is not None:
            dialog.unit.setCurrentText(unit)
        dialog.exec()

    def drag_enter(self, event: QDragEnterEvent) -> None:
        from ui.ledgers import ledger_actions

        if self._rows.services is None:  # (the database is still opening: nothing to import into)
            return
        paths = ledger_actions.dropped_paths(event.mimeData())
        if ledger_actions.ledger_targets(paths) or ledger_actions.policy_targets(paths):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        """Ledgers or folders dropped: the ledger import preview; policy documents: the
        preview of each in turn (one the clerk cancels is skipped), then one reload."""
        from ui.documents.import_flow import import_policy_file
        from ui.ledgers import ledger_actions

        paths = ledger_actions.dropped_paths(event.mimeData())
        ledgers = ledger_actions.ledger_targets(paths)
        policies = ledger_actions.policy_targets(paths)
        services = self._rows.services
        if services is None or (not ledgers and not policies):
            return
        event.acceptProposedAction()
        if ledgers:
            self.take_back_ledgers(ledgers)
            return
        changed = False
        for policy in policies:
            changed |= import_policy_file(self._window, services.documents, services.units, policy)
        if changed:
            self._rows.reload()

    # -- settings and help ------------------------------------------------------------------
    def show_units(self) -> None:
        from ui.units.units_dialog import UnitsDialog

        services = self._open()
        dialog = UnitsDialog(services.units, services.groups, self._window)
        dialog.exec()
        if dialog.changed:  # merged units move assignments: everything may look different
            self._rows.reload()

    def show_settings(self) -> None:
        from ui.settings.settings_dialog import SettingsDialog

        services = self._open()
        dialog = SettingsDialog(
            services.settings,
            services.backups,
            self._settings,
            services.database_location(),
            self._window,
        )
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.apply():
            self._rows.reload()

    def show_guide(self) -> None:
        """One guide window, kept open beside the main window and raised when asked again."""
        from ui.settings.guide_dialog import GuideDialog

        guide = self._window.findChild(GuideDialog, "guide_dialog")
        if guide is None:
            guide = GuideDialog(self._window)
        guide.show()
        guide.raise_()
        guide.activateWindow()

    def show_about(self) -> None:
        from ui.crash import default_log_path
        from ui.resources import application_version

        QMessageBox.about(
            self._window,
            self.tr("About Measure Tracker"),
            self.tr(
                "督办台账 · Measure Tracker {0}\n\nFollows every responsible unit's progress on "
                "every measure of a policy document.\n\nDatabase: {1}\nLog folder: {2}"
            ).format(
                application_version(), self._open().database_location(), default_log_path().parent
            ),
        )
