"""Importing a policy document from the window: choose the file, import, show what happened.

A revised version of a stored document is not written straight away: the
dialog lists the differences and offers "Accept revision", which imports the
same file again with ``accept_revision=True``.  Reading and storing runs on a
worker thread behind a progress dialog, so the window keeps painting.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tracker.records import ImportOutcome, MeasureChange
from ui.workers import run_with_progress

if TYPE_CHECKING:
    from tracker.documents import DocumentService

translate = QCoreApplication.translate


def choose_policy_file(parent: QWidget | None) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(
        parent,
        translate("ImportFlow", "Import policy document"),
        "",
        translate("ImportFlow", "Policy documents (*.txt *.docx *.pdf);;All files (*)"),
    )
    return Path(chosen) if chosen else None


def outcome_lines(outcome: ImportOutcome, file_name: str) -> list[str]:
    """What an import did, in sentences a clerk can read."""
    if outcome.state == "unchanged":
        return [
            translate("ImportFlow", "{0} was imported before; nothing changed.").format(file_name)
        ]
    if outcome.state == "revision_pending":
        lines = [
            translate(
                "ImportFlow", "{0} is a revised version of a document already stored."
            ).format(file_name),
            translate("ImportFlow", "Nothing has been changed yet. These are the differences:"),
        ]
    elif outcome.state == "revised":
        lines = [
            translate("ImportFlow", "The revision was applied. Progress already recorded is kept.")
        ]
    else:
        lines = [translate("ImportFlow", "{0} was imported.").format(file_name)]
    if outcome.state != "revision_pending":
        lines.append(
            translate("ImportFlow", "{0} measures, {1} unit assignments.").format(
                outcome.measures, outcome.assignments
            )
        )
    kinds = {
        "added": translate("ImportFlow", "added"),
        "removed": translate("ImportFlow", "removed"),
        "changed": translate("ImportFlow", "changed"),
    }
    for change in outcome.changes:
        details = change_details(change)
        lines.append(f"• {change.code} {kinds.get(change.kind, change.kind)}  {details}".rstrip())
    if outcome.unassigned_codes:
        codes = "、".join(outcome.unassigned_codes)
        lines.append(
            translate("ImportFlow", "Measures without a responsible unit: {0}").format(codes)
        )
    if outcome.new_units:
        lines.append(
            translate("ImportFlow", "New units — please check them in the units directory:")
        )
        for unit in outcome.new_units:
            similar = "、".join(unit.suggestions)
            hint = translate("ImportFlow", " (similar to {0})").format(similar) if similar else ""
            lines.append(f"• {unit.name}{hint}")
    return lines


def change_details(change: MeasureChange) -> str:
    """How a revision changes a measure, worded here from the data (the service's
    ``details`` are English); an added or removed measure is named by its title."""
    if not change.fields:
        return "; ".join(change.details)
    words = []
    for diff in change.fields:
        if diff.field == "title":
            words.append(translate("ImportFlow", "title: {0} → {1}").format(diff.old, diff.new))
        elif diff.field == "text":
            words.append(translate("ImportFlow", "text changed"))
        elif diff.field == "deadline":
            words.append(
                translate("ImportFlow", "deadline: {0} → {1}").format(
                    diff.old or "—", diff.new or "—"
                )
            )
        elif diff.field == "units":  # old: the units dropped, new: the units added
            words.append(translate("ImportFlow", "units: +[{0}] -[{1}]").format(diff.new, diff.old))
        else:
            words.append(diff.field)
    return "; ".join(words)


class ImportOutcomeDialog(QDialog):
    """Shows an import's outcome; for a pending revision, offers to accept it."""

    def __init__(self, outcome: ImportOutcome, file_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import policy document"))
        self.resize(640, 420)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QTextBrowser()
        self.buttons = QDialogButtonBox()
        self.accept_revision: QPushButton | None = None
        if outcome.state == "revision_pending":
            self.accept_revision = self.buttons.addButton(
                self.tr("Accept revision"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lines = outcome_lines(outcome, file_name)
        self.summary.setText(lines[0])
        self.details.setPlainText("\n".join(lines[1:]))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)


def import_policy_file(
    parent: QWidget | None, documents: DocumentService, path: Path | None = None
) -> bool:
    """The whole import conversation; True if the database changed."""
    path = path or choose_policy_file(parent)
    if path is None:
        return False
    outcome = _import(parent, documents, path, accept_revision=False)
    if outcome is None:
        return False
    dialog = ImportOutcomeDialog(outcome, path.name, parent)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    if outcome.state != "revision_pending":
        return outcome.state != "unchanged"
    if not accepted:
        return False
    revised = _import(parent, documents, path, accept_revision=True)
    if revised is None:
        return False
    ImportOutcomeDialog(revised, path.name, parent).exec()
    return True


def _import(
    parent: QWidget | None, documents: DocumentService, path: Path, *, accept_revision: bool
) -> ImportOutcome | None:
    """Read and store the document on a worker thread (a 100-page PDF takes seconds)."""
    outcome = run_with_progress(
        parent,
        translate("ImportFlow", "Importing {0}…").format(path.name),
        lambda _reporter: documents.import_file(path, accept_revision=accept_revision),
        cancellable=False,
    )
    return outcome.value if outcome.ok else None
