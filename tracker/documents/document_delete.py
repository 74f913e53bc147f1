"""Deleting a document: what goes (counted for the confirmation), then the rows, in bulk.

The rows go by explicit statements, children first (history, assignments,
milestones, leads, measures, headings, the document), so the deletion does not
depend on the database enforcing ``ON DELETE CASCADE`` and does not load a big
document's rows one by one.  Units stay (other documents may name them).
Ledger files already sent out are not rows of the document; they are counted,
since their rows for this document will come back with nowhere to go.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from db.models import (
    Assignment,
    Document,
    Heading,
    HeadingLead,
    LedgerExport,
    Measure,
    Milestone,
    ProgressEntry,
)
from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import NotFoundError


@dataclass(frozen=True)
class DocumentDeletion:
    """A document and what deleting it removes (or removed)."""

    id: int
    label: str
    title: str
    measures: int
    assignments: int
    history: int
    ledger_exports: int
    """Ledger files exported since the document was imported: they may hold its rows."""


def deletion_counts(session: Session, document: Document) -> DocumentDeletion:
    measure_ids = select(Measure.id).where(Measure.document_id == document.id)
    assignment_ids = select(Assignment.id).where(Assignment.measure_id.in_(measure_ids))
    count = func.count()
    return DocumentDeletion(
        id=document.id,
        label=document.doc_number or document.short_title,
        title=document.title,
        measures=session.scalar(select(count).select_from(measure_ids.subquery())) or 0,
        assignments=session.scalar(select(count).select_from(assignment_ids.subquery())) or 0,
        history=session.scalar(select(count).where(ProgressEntry.assignment_id.in_(assignment_ids)))
        or 0,
        ledger_exports=session.scalar(
            select(count).where(LedgerExport.exported_at >= document.imported_at)
        )
        or 0,
    )


def delete_document(session: Session, document_id: int) -> DocumentDeletion:
    """Delete the document and everything below it in the caller's transaction."""
    document = session.get(Document, document_id)
    if document is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("messages", "document {id} no longer exists"), id=document_id
        )
    gone = deletion_counts(session, document)
    measure_ids = select(Measure.id).where(Measure.document_id == document_id)
    assignment_ids = select(Assignment.id).where(Assignment.measure_id.in_(measure_ids))
    heading_ids = select(Heading.id).where(Heading.document_id == document_id)
    statements = (
        delete(ProgressEntry).where(ProgressEntry.assignment_id.in_(assignment_ids)),
        delete(Assignment).where(Assignment.measure_id.in_(measure_ids)),
        delete(Milestone).where(Milestone.measure_id.in_(measure_ids)),
        delete(Measure).where(Measure.document_id == document_id),
        delete(HeadingLead).where(HeadingLead.heading_id.in_(heading_ids)),
        update(Heading).where(Heading.document_id == document_id).values(parent_id=None),
        delete(Heading).where(Heading.document_id == document_id),
        delete(Document).where(Document.id == document_id),
    )
    for statement in statements:
        session.execute(statement, execution_options={"synchronize_session": False})
    session.expunge(document)
    return gone
