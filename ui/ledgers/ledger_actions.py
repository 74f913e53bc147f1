"""The window's ledger conversations: rounds, export, import (chosen, or dropped), undo import.

Each function takes the window's parent widget and the services it talks to and
returns whether the database changed, so the window knows to re-read its rows.
The tracker's ledger modules (openpyxl, python-calamine) are imported here, when
a ledger is first handled, not when the window starts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from importers.policy.sources import READABLE_SUFFIXES
from ui.messages import app_title, warn
from ui.settings.folders import choose_folder, open_files
from ui.workers import run_and_tell

if TYPE_CHECKING:
    from tracker.ledgers.ledger_export import LedgerExporter
    from tracker.ledgers.ledger_import import ApplyResult, LedgerImporter
    from tracker.rounds.round_service import RoundService
    from tracker.units.unit_service import UnitService
    from ui.ledgers.ledger_history import ApplyRequest

translate = QCoreApplication.translate
LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")
POLICY_SUFFIXES = READABLE_SUFFIXES


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files and folders in a drag, in the order given."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


def ledger_targets(paths: Iterable[Path]) -> list[Path]:
    """The dropped things a ledger import can take: spreadsheets and folders."""
    return [p for p in paths if p.is_dir() or p.suffix.lower() in LEDGER_SUFFIXES]


def policy_targets(paths: Iterable[Path]) -> list[Path]:
    return [p for p in paths if p.is_file() and p.suffix.lower() in POLICY_SUFFIXES]


def show_rounds(
    parent: QWidget, rounds: RoundService, show_status: Callable[[str], None] | None = None
) -> bool:
    from ui.ledgers.rounds_dialog import RoundsDialog

    dialog = RoundsDialog(rounds, rounds.today(), parent, show_status)
    dialog.exec()
    return dialog.created is not None


def export_ledgers(
    parent: QWidget,
    exporter: LedgerExporter,
    rounds: RoundService,
    units: UnitService,
    folder: str = "",
) -> Path | None:
    """The export conversation (a round is created first if there is none); the folder
    written to, or None."""
    from ui.ledgers.ledger_export_dialog import LedgerExportDialog

    known = rounds.list()
    if not known:
        answer = QMessageBox.question(
            parent,
            app_title(),
            translate(
                "LedgerActions",
                "Ledgers are sent out for a reporting round, and there is none yet. "
                "Create one now?",
            ),
        )
        if answer != QMessageBox.StandardButton.Yes or not show_rounds(parent, rounds):
            return None
        known = rounds.list()
    assigned = [u.name for u in units.list() if u.assigned and not u.memberless]
    dialog = LedgerExportDialog(exporter, known, assigned, parent, folder)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return Path(dialog.folder.text())


def choose_ledger_files(parent: QWidget) -> list[Path]:
    """Returned ledgers, looked for where the last ones were taken from."""
    return open_files(
        parent,
        "ledgers",
        translate("LedgerActions", "Import returned work ledgers"),
        translate("LedgerActions", "Work ledgers (*.xlsx *.xlsm *.xls *.ods);;All files (*)"),
    )


def choose_ledger_folder(parent: QWidget) -> list[Path]:
    chosen = choose_folder(
        parent, "ledgers", translate("LedgerActions", "Import every ledger in a folder")
    )
    return [chosen] if chosen is not None else []


def import_ledgers(
    parent: QWidget, importer: LedgerImporter, paths: list[Path]
) -> list[tuple[ApplyRequest, ApplyResult]]:
    """Preview, decide, apply: each apply that wrote anything, in order (for the undo
    history; empty: the database is as it was)."""
    if not paths:
        return []
    from ui.ledgers.ledger_import_dialog import LedgerImportDialog

    dialog = LedgerImportDialog(importer, paths, parent)
    if not dialog.load():
        if not dialog.cancelled and not dialog.previews():
            warn(parent, translate("LedgerActions", "No work ledger was found there."))
        return []
    dialog.exec()
    return dialog.applies


def confirm_undo_import(parent: QWidget) -> bool:
    answer = QMessageBox.question(
        parent,
        app_title(),
        translate(
            "LedgerActions",
            "Undo the last ledger import? Every change it made is taken back "
            "(the history keeps both steps).",
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def tell_undone(parent: QWidget, files: list[str]) -> None:
    QMessageBox.information(parent, app_title(), undone_text(files))


def undone_text(files: list[str]) -> str:
    return translate("LedgerActions", "Undone: {0}").format("、".join(files))


def undo_last_import(parent: QWidget, importer: LedgerImporter) -> bool:
    """Confirm, then take back every file of the last apply."""
    if not confirm_undo_import(parent):
        return False
    undone = run_and_tell(
        parent,
        translate("LedgerActions", "Undoing the last ledger import…"),
        importer.undo_last,
        undone_text,
    )
    return undone is not None
