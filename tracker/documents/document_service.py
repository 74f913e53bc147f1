"""Importing policy documents and reading them back.

Importing the same file twice changes nothing (matched by SHA-256).  A file
with the document number (or title) of a stored document is a revision: the
differences are shown first and written only when the user accepts them;
progress already recorded is never dropped — measures left out become
*withdrawn*, units no longer named become inactive, both keep their history.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from db.models import (
    Document,
    Heading,
    Measure,
    Unit,
    UnitAlias,
)
from importers.messages import QT_TRANSLATE_NOOP
from importers.policy import ParsedDocument, SourceInfo
from importers.policy.units import canonical_unit
from tracker.backups.backup_service import backup_before
from tracker.documents.document_delete import DocumentDeletion, delete_document, deletion_counts
from tracker.documents.document_outline import (
    HEADING_COLUMNS,
    HeadingRow,
    OutlinedDocument,
    outline,
)
from tracker.documents.document_revision import diff
from tracker.documents.document_writer import LEAD, SUPPORT, DocumentWriter
from tracker.documents.policy_files import parse_policy_file, refuse_without_measures
from tracker.documents.stored_versions import stored_versions
from tracker.errors import (
    AmbiguousError,
    InvalidInputError,
    NotFoundError,
    StaleEditError,
)
from tracker.records import (
    DocumentInfo,
    ImportOutcome,
    ImportPlan,
    NamedRef,
    OutlineDocument,
    PlannedUnit,
)
from tracker.store import Store
from tracker.units.fan_out import reconcile
from tracker.units.unit_service import UnitResolver, alias_map, suggestions

if TYPE_CHECKING:
    from sqlalchemy import CursorResult

__all__ = ["LEAD", "SUPPORT", "DocumentService", "parse_policy_file", "short_title"]

_PRINTED = re.compile(r"关于(?:印发|转发)?《?(?P<name>.+?)》?的(?:通知|意见|决定)$")


def short_title(title: str | None, fallback: str) -> str:
    """The name a ledger is titled by: ``…关于印发X的通知`` → X."""
    if not title:
        return fallback
    match = _PRINTED.search(title)
    if match:
        return match.group("name")
    return title.split("关于", 1)[-1]


class DocumentService:
    def __init__(self, store: Store) -> None:
        self.store = store

    # -- reading ---------------------------------------------------------------------------
    def list(self) -> list[DocumentInfo]:
        with self.store.reading() as session:
            counts = dict(
                session.execute(
                    select(Measure.document_id, func.count())
                    .where(Measure.withdrawn.is_(False))
                    .group_by(Measure.document_id)
                ).all()
            )
            return [
                _info(d, counts.get(d.id, 0))
                for d in session.scalars(select(Document).order_by(Document.id))
            ]

    def outline(self) -> tuple[OutlineDocument, ...]:
        """Every document with its parts and sections, in document order."""
        columns = [getattr(Heading, name) for name in HEADING_COLUMNS]
        with self.store.reading() as session:
            docs = [
                OutlinedDocument(d.id, d.doc_number or d.short_title, d.title)
                for d in session.scalars(select(Document).order_by(Document.id))
            ]
            rows = session.execute(select(*columns).order_by(Heading.position))
            headings = [HeadingRow(*row) for row in rows]
        return outline(docs, headings)

    def chosen(self, text: str | None) -> NamedRef | None:
        """The document a user means (see :meth:`find`) as a plain record; None for all."""
        if not text:
            return None
        with self.store.reading() as session:
            found = self.find(session, text)
            assert found is not None
            return NamedRef(found.id, found.doc_number or found.short_title)

    def find(self, session: Session, text: str | None) -> Document | None:
        """The document a user means: its id, number, or a piece of its title; None for all.
        Bound to this service's ``session``: other services ask :meth:`chosen`."""
        if not text:
            return None
        docs = list(session.scalars(select(Document).order_by(Document.id)))
        exact = [d for d in docs if text in (str(d.id), d.doc_number, d.short_title)]
        hits = exact or [d for d in docs if text in d.title or text in (d.doc_number or "")]
        if len(hits) == 1:
            return hits[0]
        if not hits:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("messages", "no document matches {text!r}"), text=text
            )
        names = "、".join(d.doc_number or d.short_title for d in hits)
        raise AmbiguousError(
            QT_TRANSLATE_NOOP("messages", "{text!r} matches several documents: {names}"),
            text=text,
            names=names,
        )

    def set_effective(self, text: str, day: date | None) -> DocumentInfo:
        """Say when the document took effect (None: from its date of issue again): a round
        counts its tasks from that day (``tracker.reports.report_data``)."""
        with self.store.transaction() as session:
            found = self.find(session, text)
            if found is None:
                raise NotFoundError(QT_TRANSLATE_NOOP("messages", "name the document"))
            found.effective_on = day
            return _info(found, len(found.measures))

    # -- importing -------------------------------------------------------------------------
    def import_file(self, path: Path, *, accept_revision: bool = False) -> ImportOutcome:
        parsed, source = parse_policy_file(path)
        return self.import_parsed(parsed, source, accept_revision=accept_revision)

    def plan(self, doc: ParsedDocument, source: SourceInfo) -> ImportPlan:
        """What importing ``doc`` would do, without writing: for a preview before confirming.

        Lists every unit the document names, with the known unit it resolves to
        or, for a name never seen, the closest known names to map it to.
        """
        refuse_without_measures(doc, source.file_name)
        with self.store.reading() as session:
            same, previous = stored_versions(session, doc, source)
            state = "unchanged" if same else ("revision" if previous else "new")
            changes = diff(session, previous, doc) if previous else []
            aliases = alias_map(session)
            known = list(session.scalars(select(Unit.name)))
        names = [n for s in doc.sections for n in s.lead_units]
        names += [n for m in doc.measures for n in m.units]
        units = []
        for raw in dict.fromkeys(names):
            name = canonical_unit(aliases.get(raw, raw), aliases)
            name = aliases.get(name, name)
            found = name if name in known else None
            units.append(PlannedUnit(name, found, () if found else suggestions(name, known)))
        return ImportPlan(
            state=state,
            document_id=stored.id if (stored := same or previous) else None,
            stored=(stored.doc_number or stored.short_title) if stored else "",
            parts=len(doc.parts),
            sections=len(doc.sections),
            measures=len(doc.measures),
            unassigned_codes=[m.code for m in doc.measures if not m.units],
            units=units,
            changes=changes,
        )

    def import_parsed(
        self,
        doc: ParsedDocument,
        source: SourceInfo,
        *,
        accept_revision: bool = False,
        unit_mapping: Mapping[str, str] | None = None,
    ) -> ImportOutcome:
        """Write a parsed document.

        ``unit_mapping`` maps names this document uses to units the office already
        has (a clerk's decision in the import preview); each becomes an alias of
        that unit, so later documents spelling it the same way resolve too.
        """
        refuse_without_measures(doc, source.file_name)
        if accept_revision:  # no backup, no revision (BackupError)
            backup_before(self.store, "document-revision")
        try:
            return self._import(doc, source, accept_revision, unit_mapping or {})
        except _ImportedMeanwhile:
            # Another import of this very file committed first (the database's unique
            # index on the hash refused this copy): ours was rolled back whole.
            with self.store.reading() as session:
                same, _previous = stored_versions(session, doc, source)
                if same is None:  # (deleted again in between: a rare race, retried once)
                    return self._import(doc, source, accept_revision, unit_mapping or {})
                return ImportOutcome("unchanged", same.id, measures=len(same.measures))

    def _import(
        self,
        doc: ParsedDocument,
        source: SourceInfo,
        accept_revision: bool,
        unit_mapping: Mapping[str, str],
    ) -> ImportOutcome:
        now = self.store.clock.now()
        with self.store.transaction() as session:
            same, previous = stored_versions(session, doc, source)
            if same is not None:
                return ImportOutcome("unchanged", same.id, measures=len(same.measures))
            if previous is not None and not accept_revision:
                changes = diff(session, previous, doc)
                return ImportOutcome("revision_pending", previous.id, changes=changes)
            if previous is None:
                document = Document(revision=1)
                session.add(document)
                state = "created"
                changes = []
            else:
                seen = previous.revision
                changes = diff(session, previous, doc)
                _claim_revision(session, previous, seen)
                document = previous
                document.revision = seen + 1
                state = "revised"
            document.title = doc.title or source.file_name
            document.short_title = short_title(doc.title, Path(source.file_name).stem)
            document.doc_number = doc.doc_number
            document.issuer = doc.issuer
            document.issued_on = doc.issued_on
            document.source_name = source.file_name
            document.source_sha256 = source.sha256
            document.imported_at = now
            try:
                session.flush()  # the document row first: a concurrent copy fails here
            except IntegrityError as exc:
                if "sha256" not in str(exc.orig).lower():
                    raise
                raise _ImportedMeanwhile from None
            _add_aliases(session, unit_mapping)
            writer = DocumentWriter(
                session, document, UnitResolver(session, now), now, source, self.store.user
            )
            writer.write(doc, new=previous is None)
            session.flush()
            reconcile(session, now, self.store.user)  # a group's new tasks go to its members
            return ImportOutcome(
                state,
                document.id,
                measures=len(doc.measures),
                assignments=writer.assignments,
                unassigned_codes=[m.code for m in doc.measures if not m.units],
                new_units=writer.resolver.created,
                changes=changes,
            )

    # -- deleting --------------------------------------------------------------------------
    def deletion(self, document_or_text: int | str) -> DocumentDeletion:
        """What deleting a document (its id, or a text naming it) would remove, for a
        confirmation."""
        with self.store.reading() as session:
            if isinstance(document_or_text, int):
                document = session.get(Document, document_or_text)
                text = str(document_or_text)
            else:
                text = document_or_text
                document = self.find(session, text)
            if document is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("messages", "no document matches {text!r}"), text=text
                )
            return deletion_counts(session, document)

    def delete(self, document_id: int) -> DocumentDeletion:
        """Delete a document with its measures, assignments and their history, after a
        backup (no backup, no deletion); returns what went."""
        with self.store.reading() as session:
            if session.get(Document, document_id) is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("messages", "document {id} no longer exists"),
                    id=document_id,
                )
        backup_before(self.store, "document-delete")
        with self.store.transaction() as session:
            return delete_document(session, document_id)


def _claim_revision(session: Session, document: Document, seen: int) -> None:
    """Take the document from revision ``seen`` to the next, or refuse: another clerk's
    revision committed since this one read it (its changes were listed against a version
    no longer stored).  The conditional UPDATE is the guard on SQLite and PostgreSQL alike:
    it waits for a concurrent writer's commit and then matches no row."""
    claimed = session.execute(
        update(Document)
        .where(Document.id == document.id, Document.revision == seen)
        .values(revision=seen + 1)
        .execution_options(synchronize_session=False)
    )
    if cast("CursorResult[Any]", claimed).rowcount != 1:
        raise StaleEditError(
            QT_TRANSLATE_NOOP(
                "messages",
                "The document {document} was revised by someone else meanwhile; nothing was "
                "changed. Import the file again to see its changes against the new version.",
            ),
            document=document.doc_number or document.short_title,
        )


def _info(d: Document, measures: int) -> DocumentInfo:
    return DocumentInfo(
        id=d.id,
        title=d.title,
        short_title=d.short_title,
        doc_number=d.doc_number,
        issuer=d.issuer,
        issued_on=d.issued_on,
        source_name=d.source_name,
        revision=d.revision,
        measures=measures,
        effective_on=d.effective_on,
    )


def _add_aliases(session: Session, mapping: Mapping[str, str]) -> None:
    """Record each ``name → existing unit`` decision as an alias, before units are resolved."""
    if not mapping:
        return
    units = {u.name: u for u in session.scalars(select(Unit))}
    taken = alias_map(session)
    for name, target in mapping.items():
        unit = units.get(target)
        if unit is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("messages", "unknown unit {target!r} to map {name!r} to"),
                target=target,
                name=name,
            )
        if name == target or taken.get(name) == target:
            continue
        if name in units or name in taken:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages", "{name!r} is already a unit or an alias of another unit"
                ),
                name=name,
            )
        session.add(UnitAlias(unit_id=unit.id, alias=name))
    session.flush()


class _ImportedMeanwhile(Exception):
    """The same file was stored by a concurrent import: this one is rolled back."""
