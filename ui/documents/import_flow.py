"""Importing a policy document from the window: choose, preview, confirm, show what happened.

The file is parsed and its import planned (``DocumentService.plan``) on a worker
thread; ``ImportPreviewDialog`` shows the result — measures, units (new ones
mapped or created), a revision's changes — and nothing is written until the
clerk confirms.  Then the parsed document is stored, again on a worker thread
behind a progress dialog, with the clerk's unit mapping (and
``accept_revision=True`` for a revision), and the outcome is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from tracker.records import ImportOutcome
from ui.documents.import_preview import ImportPreviewDialog
from ui.documents.import_preview_models import change_line
from ui.workers import Reporter, run_with_progress

if TYPE_CHECKING:
    from importers.policy import ParsedDocument, SourceInfo
    from tracker.documents.document_service import DocumentService
    from tracker.records import ImportPlan
    from tracker.units.unit_service import UnitService

translate = QCoreApplication.translate


def choose_policy_file(parent: QWidget | None) -> Path | None:
    from ui.settings.folders import open_file

    return open_file(
        parent,
        "documents",
        translate("ImportFlow", "Import policy document"),
        translate("ImportFlow", "Policy documents (*.docx *.doc *.wps *.rtf *.odt *.pdf *.txt)")
        + ";;"
        + translate("ImportFlow", "All files (*)"),
    )


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
        m, a = outcome.measures, outcome.assignments
        lines.append(
            translate("ImportFlow", "{0}, {1}.", "measures, unit assignments").format(
                translate("ImportFlow", "%n measure", None, m)
                if m == 1
                else translate("ImportFlow", "%n measures", None, m),
                translate("ImportFlow", "%n unit assignment", None, a)
                if a == 1
                else translate("ImportFlow", "%n unit assignments", None, a),
            )
        )
    lines.extend(change_line(change) for change in outcome.changes)
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


class ImportOutcomeDialog(QDialog):
    """Shows what an import did (the counts, the measures without a unit, the new units)."""

    def __init__(self, outcome: ImportOutcome, file_name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import policy document"))
        self.resize(640, 420)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.details = QTextBrowser()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        lines = outcome_lines(outcome, file_name)
        self.summary.setText(lines[0])
        self.details.setPlainText("\n".join(lines[1:]))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)


class Preview(NamedTuple):
    parsed: ParsedDocument
    source: SourceInfo
    plan: ImportPlan
    known_units: list[str]


def import_policy_file(
    parent: QWidget | None,
    documents: DocumentService,
    units: UnitService,
    path: Path | None = None,
) -> bool:
    """The whole import conversation; True if the database changed."""
    path = path or choose_policy_file(parent)
    if path is None:
        return False
    preview = _preview(parent, documents, units, path)
    if preview is None:
        return False
    dialog = ImportPreviewDialog(
        preview.parsed,
        preview.source,
        preview.plan,
        preview.known_units,
        parent,
        replan=lambda corrected: documents.plan(corrected, preview.source),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted or preview.plan.state == "unchanged":
        return False
    mapping, corrected = dialog.unit_mapping(), dialog.document()
    outcome = run_with_progress(
        parent,
        translate("ImportFlow", "Importing {0}…").format(path.name),
        lambda _reporter: documents.import_parsed(
            corrected,
            preview.source,
            accept_revision=preview.plan.state == "revision",
            unit_mapping=mapping,
        ),
        cancellable=False,
    )
    if not outcome.ok or outcome.value is None:
        return False
    ImportOutcomeDialog(outcome.value, path.name, parent).exec()
    return outcome.value.state in ("created", "revised")


def _preview(
    parent: QWidget | None, documents: DocumentService, units: UnitService, path: Path
) -> Preview | None:
    """Read the document and plan its import on a worker thread (a 100-page PDF takes seconds)."""

    def work(_reporter: Reporter) -> Preview:
        from tracker.documents.document_service import parse_policy_file

        parsed, source = parse_policy_file(path)
        plan = documents.plan(parsed, source)
        return Preview(parsed, source, plan, [u.name for u in units.list()])

    outcome = run_with_progress(
        parent, translate("ImportFlow", "Reading {0}…").format(path.name), work, cancellable=False
    )
    return outcome.value if outcome.ok else None
