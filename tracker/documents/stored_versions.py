"""Which stored document a parsed one is: the same file, or an earlier version of it.

By its 文号, else its title.  A document read without either — the body of a plan
pasted without its notice, as many offices keep them (the stored title is then the
file's name) — is an earlier version's revision when most of its measures carry the
same titles as one stored without a 文号: a revised copy saved under another file
name must not come in as a second document with every task twice, the progress
recorded on the first left behind.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import false, or_, select
from sqlalchemy.orm import Session

from db.models import Document, Measure
from importers.policy import ParsedDocument, SourceInfo
from tracker.documents.measure_matching import normalised

SAME_TITLES = 0.5
"""The share of measure titles (of the larger document) two headerless documents must
have in common to be versions of one."""


def stored_versions(
    session: Session, doc: ParsedDocument, source: SourceInfo
) -> tuple[Document | None, Document | None]:
    """The document stored from this very file, and the earlier version of ``doc`` (by
    its number, else its title, else its measures' titles), if any."""
    same = Document.source_sha256 == source.sha256
    closest: list[int] = []
    if doc.doc_number:
        earlier = Document.doc_number == doc.doc_number
    elif doc.title:
        earlier = Document.title == doc.title
    else:
        closest = _headerless_versions(session, doc) if doc.measures else []
        earlier = Document.id.in_(closest) if closest else false()
    found = session.scalars(select(Document).where(or_(same, earlier)).order_by(Document.id))
    stored = list(found)
    same_file = next((d for d in stored if d.source_sha256 == source.sha256), None)
    if same_file is not None:
        return same_file, None  # (then nothing is imported: the earlier version is moot)
    if closest:  # every row found is one of them: the one sharing most titles
        stored.sort(key=lambda d: closest.index(d.id))
    return None, stored[0] if stored else None  # every row found is an earlier version


def _headerless_versions(session: Session, doc: ParsedDocument) -> list[int]:
    """The stored documents without a 文号 sharing most measure titles with ``doc``, the
    closest first."""
    titles = {normalised(m.title) for m in doc.measures} - {""}
    stored: dict[int, set[str]] = defaultdict(set)
    for document_id, title in session.execute(
        select(Measure.document_id, Measure.title)
        .join(Document, Measure.document_id == Document.id)
        .where(Document.doc_number.is_(None))
    ):
        stored[document_id].add(normalised(title))
    shared = {
        document_id: len(titles & theirs)
        for document_id, theirs in stored.items()
        if len(titles & theirs) >= SAME_TITLES * max(len(titles), len(theirs))
    }
    return sorted(shared, key=lambda document_id: (-shared[document_id], document_id))
