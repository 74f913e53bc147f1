"""Deleting a document from the window: what goes, a confirmation, then the deletion.

The counts come from ``DocumentService.deletion`` (measures, assignments, history
entries, ledger files sent out since the import); the service makes a backup
before it deletes, so the confirmation can say so.  Nothing is deleted unless the
clerk says yes (the default button is No).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ui.messages import app_title, busy, user_errors

if TYPE_CHECKING:
    from tracker.documents.document_delete import DocumentDeletion
    from tracker.documents.document_service import DocumentService

translate = QCoreApplication.translate


def confirmation_text(deletion: DocumentDeletion) -> str:
    """The question, listing what goes."""
    m, a, h = deletion.measures, deletion.assignments, deletion.history
    text = translate(
        "DocumentDelete",
        "Delete {0} ({1})?\n\nThis deletes {2}, {3} and {4} of progress. A backup of the "
        "database is made first.",
    ).format(
        deletion.label,
        deletion.title,
        translate("DocumentDelete", "%n measure", None, m)
        if m == 1
        else translate("DocumentDelete", "%n measures", None, m),
        translate("DocumentDelete", "%n unit assignment", None, a)
        if a == 1
        else translate("DocumentDelete", "%n unit assignments", None, a),
        translate("DocumentDelete", "%n history entry", None, h)
        if h == 1
        else translate("DocumentDelete", "%n history entries", None, h),
    )
    if deletion.ledger_exports:
        n = deletion.ledger_exports
        text += "\n\n" + (
            translate(
                "DocumentDelete",
                "%n ledger file was exported since it was imported: rows for this document "
                "in it will be refused when it comes back.",
                None,
                n,
            )
            if n == 1
            else translate(
                "DocumentDelete",
                "%n ledger files were exported since it was imported: rows for this document "
                "in them will be refused when they come back.",
                None,
                n,
            )
        )
    return text


def delete_document(parent: QWidget | None, documents: DocumentService, document_id: int) -> bool:
    """Ask, then delete; True if the document was deleted (the window then reloads)."""
    with user_errors(parent):
        deletion = documents.deletion(document_id)
        answer = QMessageBox.question(
            parent,
            app_title(),
            confirmation_text(deletion),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        with busy():
            documents.delete(document_id)
        return True
    return False
