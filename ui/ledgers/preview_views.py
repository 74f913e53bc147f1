"""The pieces of the ledger import dialog that are not the dialog: its tables' view settings,
the preview call its worker makes and the words after an apply
(``ui.ledgers.ledger_import_dialog``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.messages import translated

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from PySide6.QtCore import QAbstractItemModel

    from tracker.ledgers.ledger_import import ApplyResult, FilePreview, LedgerImporter
    from ui.workers import Reporter


def preview_files(
    importer: LedgerImporter,
    paths: Sequence[Path],
    round_name: str | None,
    reporter: Reporter,
    units: Mapping[Path, str] | None = None,
    corrections: Mapping[Path, Mapping[str, str]] | None = None,
) -> list[FilePreview]:
    """Preview every file in one call (on the worker thread: the office's assignments are
    read once); the reporter's Cancel stops before the next file is read.  ``units``: the
    clerk's unit for files whose hidden sheet is gone; ``corrections`` their rejected cells'."""
    return importer.preview(
        paths, round_name, progress=reporter, units=units, corrections=corrections
    )


def table_view(model: QAbstractItemModel, stretch: int) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # rows are chosen whole: Tab goes on to Apply, not a cell
    view.setWordWrap(False)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def with_changes(changes: int) -> str:
    """ "with 1 change" / "with 2 changes", after a count of files."""
    if changes == 1:
        return translate("LedgerImportDialog", "with %n change", None, changes)
    return translate("LedgerImportDialog", "with %n changes", None, changes)


def apply_summary(result: ApplyResult) -> str:
    """What an apply did, for the message box: files and changes, contacts, extension
    requests now waiting for the office, and the files not imported with why."""
    files = len(result.applied)
    imported = (
        translate("LedgerImportDialog", "%n file imported", None, files)
        if files == 1
        else translate("LedgerImportDialog", "%n files imported", None, files)
    )
    lines = [
        translate("LedgerImportDialog", "{0} {1}.", "files imported, with changes").format(
            imported, with_changes(result.changes)
        )
    ]
    if result.contacts == 1:
        lines.append(
            translate("LedgerImportDialog", "%n contact in the unit directory updated.", None, 1)
        )
    elif result.contacts:
        lines.append(
            translate(
                "LedgerImportDialog",
                "%n contacts in the unit directory updated.",
                None,
                result.contacts,
            )
        )
    if result.extensions == 1:
        lines.append(
            translate(
                "LedgerImportDialog",
                "%n extension request awaits a decision (Edit → Extension requests…).",
                None,
                1,
            )
        )
    elif result.extensions:
        lines.append(
            translate(
                "LedgerImportDialog",
                "%n extension requests await a decision (Edit → Extension requests…).",
                None,
                result.extensions,
            )
        )
    if result.skipped:
        lines.append(translate("LedgerImportDialog", "Not imported:"))
        lines += [f"• {_naming(name, translated(reason))}" for name, reason in result.skipped]
    return "\n".join(lines)


def _naming(file: str, reason: str) -> str:
    """``reason`` with the file's name in front, once: a reader's refusal names it already."""
    return reason if reason.startswith(file) else f"{file}: {reason}"
