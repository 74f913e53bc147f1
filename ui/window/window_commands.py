"""The window's commands on files, databases, ledgers, reports, settings and help.

A mixin of ``MainWindow``, kept apart so the window's own module stays about
layout and loading.  Each command runs a conversation (mostly in
``ui.ledgers.ledger_actions`` / ``ui.documents.import_flow``) and re-reads the window when the
database changed.  The conversations' modules (ledgers, reports, importing a
document) are imported inside the command that needs them, never at start-up.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox

from ui.settings import window_settings as keys

if TYPE_CHECKING:
    from tracker.services import Services
    from ui.assignments.progress_actions import ProgressActions


class WindowCommands(QMainWindow):
    """The commands; ``MainWindow`` provides the state they use."""

    services: Services
    settings: QSettings
    demo_path: Path | None
    progress_actions: ProgressActions
    attached: bool

    def reload(self) -> None:
        raise NotImplementedError

    def attach(self, services: Services) -> None:
        raise NotImplementedError

    def refresh_rounds(self) -> None:
        raise NotImplementedError

    # -- files and databases ----------------------------------------------------------------
    def import_document(self) -> None:
        from ui.documents.import_flow import import_policy_file

        if import_policy_file(self, self.services.documents, self.services.units):
            self.reload()

    def delete_document(self, document_id: int) -> None:
        """The navigator's "Delete document…": confirm what goes, delete, reload."""
        from ui.documents.document_delete_flow import delete_document

        if delete_document(self, self.services.documents, document_id):
            self.reload()

    def open_demo(self) -> None:
        from ui.demo import build_demo_database, default_demo_path
        from ui.messages import busy

        with busy():
            path = build_demo_database(self.demo_path or default_demo_path())
        self.open_database(str(path), remember=False)

    def choose_database(self) -> None:
        from ui.settings.folders import open_file

        chosen = open_file(
            self,
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
            warn(self, translated(exc))
            return False
        self.services.close()
        self.attach(opened)
        if remember:
            self.settings.setValue(keys.DATABASE, target)
        return True

    def _database_label(self) -> str:
        url = self.services.store.engine.url
        if url.get_backend_name() == "sqlite":
            return url.database or ""
        return url.render_as_string(hide_password=True)

    # -- ledgers and reports ----------------------------------------------------------------
    def import_ledger_files(self) -> None:
        from ui.ledgers import ledger_actions

        self.take_back_ledgers(ledger_actions.choose_ledger_files(self))

    def import_ledger_folder(self) -> None:
        from ui.ledgers import ledger_actions

        self.take_back_ledgers(ledger_actions.choose_ledger_folder(self))

    def take_back_ledgers(self, paths: list[Path]) -> None:
        from ui.ledgers import ledger_actions

        if ledger_actions.import_ledgers(self, self.services.store, paths):
            self.reload()

    def export_ledgers(self) -> None:
        from ui.ledgers import ledger_actions

        ledger_actions.export_ledgers(self, self.services.store)
        self.refresh_rounds()  # the export may have created the round

    def undo_ledger_import(self) -> None:
        from ui.ledgers import ledger_actions

        if ledger_actions.undo_last_import(self, self.services.store):
            self.reload()

    def show_rounds(self) -> None:
        from ui.ledgers import ledger_actions

        if ledger_actions.show_rounds(self, self.services.store):
            self.refresh_rounds()

    def print_report(self) -> None:
        from tracker.reports.report_service import ReportService
        from tracker.rounds.round_service import RoundService
        from ui.reports.report_preview import ReportDialog

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
        from ui.ledgers import ledger_actions

        if not self.attached:  # (the database is still opening: nothing to import into)
            return
        paths = ledger_actions.dropped_paths(event.mimeData())
        if ledger_actions.ledger_targets(paths) or ledger_actions.policy_targets(paths):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Ledgers or folders dropped: the ledger import preview; policy documents: the
        preview of each in turn (one the clerk cancels is skipped), then one reload."""
        from ui.documents.import_flow import import_policy_file
        from ui.ledgers import ledger_actions

        paths = ledger_actions.dropped_paths(event.mimeData())
        ledgers = ledger_actions.ledger_targets(paths)
        policies = ledger_actions.policy_targets(paths)
        if not self.attached or (not ledgers and not policies):
            return
        event.acceptProposedAction()
        if ledgers:
            self.take_back_ledgers(ledgers)
            return
        changed = False
        for policy in policies:
            changed |= import_policy_file(
                self, self.services.documents, self.services.units, policy
            )
        if changed:
            self.reload()

    # -- settings and help ------------------------------------------------------------------
    def show_units(self) -> None:
        from ui.units.units_dialog import UnitsDialog

        dialog = UnitsDialog(self.services.units, self)
        dialog.exec()
        if dialog.changed:  # merged units move assignments: everything may look different
            self.reload()

    def show_settings(self) -> None:
        from ui.settings.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services.store, self.settings, self._database_label(), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.apply():
            self.reload()

    def show_about(self) -> None:
        from ui.crash import default_log_path
        from ui.resources import application_version

        QMessageBox.about(
            self,
            self.tr("About Measure Tracker"),
            self.tr(
                "督办台账 · Measure Tracker {0}\n\nFollows every responsible unit's progress on "
                "every measure of a policy document.\n\nDatabase: {1}\nLog folder: {2}"
            ).format(application_version(), self._database_label(), default_log_path().parent),
        )
