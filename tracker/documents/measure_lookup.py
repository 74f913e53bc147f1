"""Finding a measure in force by the code a user typed, in one document or in all.

One rule for every command that names a measure (progress, findings, the finding list's
import): a withdrawn measure is not found, and a code several documents use asks for the
document instead of picking one.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Measure
from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import AmbiguousError, NotFoundError
from tracker.records import NamedRef


def measure_named(session: Session, code: str, document: NamedRef | None) -> Measure:
    """The measure in force named by ``code`` (in ``document``, when given)."""
    query = select(Measure).where(Measure.code == code.strip(), Measure.withdrawn.is_(False))
    if document is not None:
        query = query.where(Measure.document_id == document.id)
    found = list(session.scalars(query))
    if not found:
        if document is not None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("messages", "no measure {code!r} in {document}"),
                code=code,
                document=document.name,
            )
        raise NotFoundError(QT_TRANSLATE_NOOP("messages", "no measure {code!r}"), code=code)
    if len(found) > 1:
        docs = "、".join(m.document.doc_number or m.document.short_title for m in found)
        raise AmbiguousError(
            QT_TRANSLATE_NOOP(
                "messages",
                "measure {code!r} exists in several documents ({documents}); name one with --doc",
            ),
            code=code,
            documents=docs,
        )
    return found[0]
