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
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import false, func, insert, or_, select
from sqlalchemy.orm import Session, selectinload

from db.models import (
    Assignment,
    Base,
    Document,
    Heading,
    HeadingLead,
    Measure,
    Milestone,
    ProgressEntry,
    Unit,
    UnitAlias,
)
from importers.messages import QT_TRANSLATE_NOOP
from importers.policy import ParsedDocument, ParsedMeasure, SourceInfo
from importers.policy.errors import PolicyReadError
from importers.policy.units import canonical_unit
from tracker.backups import backup_before
from tracker.errors import AmbiguousError, InvalidInputError, NotFoundError, UserError
from tracker.new_assignments import assignment_values, creation_entry
from tracker.records import (
    DocumentInfo,
    FieldDiff,
    ImportOutcome,
    ImportPlan,
    MeasureChange,
    OutlineDocument,
    OutlineHeading,
    PlannedUnit,
)
from tracker.store import Store
from tracker.units import UnitResolver, alias_map, suggestions

LEAD = "牵头"
SUPPORT = "责任"

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
        with self.store.reading() as session:
            docs = list(session.scalars(select(Document).order_by(Document.id)))
            headings = list(session.scalars(select(Heading).order_by(Heading.position)))
        sections: dict[int, list[OutlineHeading]] = {}
        for h in headings:
            if h.parent_id is not None:
                sections.setdefault(h.parent_id, []).append(OutlineHeading(h.id, h.number, h.title))
        parts: dict[int, list[OutlineHeading]] = {}
        for h in headings:
            if h.parent_id is None:
                children = tuple(sections.get(h.id, ()))
                parts.setdefault(h.document_id, []).append(
                    OutlineHeading(h.id, h.number, h.title, children)
                )
        return tuple(
            OutlineDocument(
                d.id, d.doc_number or d.short_title, d.title, tuple(parts.get(d.id, ()))
            )
            for d in docs
        )

    def find(self, session: Session, text: str | None) -> Document | None:
        """The document a user means: its id, number, or a piece of its title; None for all."""
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

    # -- importing -------------------------------------------------------------------------
    def import_file(self, path: Path, *, accept_revision: bool = False) -> ImportOutcome:
        parsed, source = parse_policy_file(path)
        return self.import_parsed(parsed, source, accept_revision=accept_revision)

    def plan(self, doc: ParsedDocument, source: SourceInfo) -> ImportPlan:
        """What importing ``doc`` would do, without writing: for a preview before confirming.

        Lists every unit the document names, with the known unit it resolves to
        or, for a name never seen, the closest known names to map it to.
        """
        with self.store.reading() as session:
            same, previous = self._stored_versions(session, doc, source)
            state = "unchanged" if same else ("revision" if previous else "new")
            changes = _diff(session, previous, doc) if previous else []
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
        now = self.store.clock.now()
        if accept_revision:  # no backup, no revision (BackupError)
            backup_before(self.store, "document-revision")
        with self.store.transaction() as session:
            same, previous = self._stored_versions(session, doc, source)
            if same is not None:
                return ImportOutcome("unchanged", same.id, measures=len(same.measures))
            if previous is not None and not accept_revision:
                changes = _diff(session, previous, doc)
                return ImportOutcome("revision_pending", previous.id, changes=changes)
            _add_aliases(session, unit_mapping or {})
            if previous is None:
                document = Document(revision=1)
                session.add(document)
                state = "created"
                changes = []
            else:
                changes = _diff(session, previous, doc)
                document = previous
                document.revision += 1
                state = "revised"
            document.title = doc.title or source.file_name
            document.short_title = short_title(doc.title, Path(source.file_name).stem)
            document.doc_number = doc.doc_number
            document.issuer = doc.issuer
            document.issued_on = doc.issued_on
            document.source_name = source.file_name
            document.source_sha256 = source.sha256
            document.imported_at = now
            session.flush()
            writer = _DocumentWriter(
                session, document, UnitResolver(session, now), now, source, self.store.user
            )
            writer.write(doc, new=previous is None)
            return ImportOutcome(
                state,
                document.id,
                measures=len(doc.measures),
                assignments=writer.assignments,
                unassigned_codes=[m.code for m in doc.measures if not m.units],
                new_units=writer.resolver.created,
                changes=changes,
            )

    @staticmethod
    def _stored_versions(
        session: Session, doc: ParsedDocument, source: SourceInfo
    ) -> tuple[Document | None, Document | None]:
        """The document stored from this very file, and the earlier version of ``doc`` (by
        its number, else its title), if any — read with one query."""
        same = Document.source_sha256 == source.sha256
        if doc.doc_number:
            earlier = Document.doc_number == doc.doc_number
        elif doc.title:
            earlier = Document.title == doc.title
        else:
            earlier = false()
        found = session.scalars(select(Document).where(or_(same, earlier)).order_by(Document.id))
        stored = list(found)
        same_file = next((d for d in stored if d.source_sha256 == source.sha256), None)
        if same_file is not None:
            return same_file, None  # (then nothing is imported: the earlier version is moot)
        return None, stored[0] if stored else None  # every row found is an earlier version


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
    )


_NUMBERED: tuple[type[Base], ...] = (Unit, Heading, Measure, Assignment)
"""The tables a new document's rows are numbered in by ``_DocumentWriter._next_ids``."""


class _DocumentWriter:
    """Writes a parsed document's headings, measures and assignments into one Document."""

    def __init__(
        self,
        session: Session,
        document: Document,
        resolver: UnitResolver,
        now: datetime,
        source: SourceInfo,
        user: str,
    ) -> None:
        self.session = session
        self.user = user
        self.created: list[Assignment] = []
        self.document = document
        self.resolver = resolver
        self.now = now
        self.source = f"导入 {source.file_name}"
        self.assignments = 0
        self._free_ids: dict[str, int] | None = None
        """On SQLite: the next id this import may give, per table (``_next_ids``)."""

    def write(self, doc: ParsedDocument, *, new: bool) -> None:
        """Write ``doc`` into the document: a ``new`` one has no headings or measures yet."""
        self._resolve_units(doc)
        parts, sections = self._write_headings(doc, new=new)
        if new:
            self._insert_measures(doc, parts, sections)
            return
        existing = {
            m.code: m
            for m in self.session.scalars(
                select(Measure)
                .where(Measure.document_id == self.document.id)
                .options(selectinload(Measure.assignments), selectinload(Measure.milestones))
            )
        }
        if not existing:
            self._insert_measures(doc, parts, sections)
            return
        seen: set[str] = set()
        for position, parsed in enumerate(doc.measures, start=1):
            seen.add(parsed.code)
            measure = existing.get(parsed.code)
            if measure is None:
                measure = Measure(document_id=self.document.id, code=parsed.code)
                self.session.add(measure)
            measure.position = position
            measure.title = parsed.title
            measure.text = parsed.text
            measure.deadline = parsed.deadline
            measure.deadline_text = parsed.deadline_text
            measure.standing = parsed.standing
            measure.withdrawn = False
            measure.part_id = parts.get(parsed.part_number)
            measure.section_id = sections.get((parsed.part_number, parsed.section_number))
            measure.milestones = [Milestone(due_on=m.date, text=m.text) for m in parsed.milestones]
            self._write_assignments(measure, parsed)
        for code, measure in existing.items():
            if code not in seen:
                measure.withdrawn = True
        self._write_history()

    def _resolve_units(self, doc: ParsedDocument) -> None:
        """Every unit the document names, the new ones inserted in one statement."""
        for name in dict.fromkeys(
            [n for s in doc.sections for n in s.lead_units]
            + [n for m in doc.measures for n in m.units]
        ):
            self.resolver.resolve(name)
        self.resolver.written(self._insert(Unit, self.resolver.new_rows()))

    def _next_ids(self, model: type[Base], count: int) -> list[int] | None:
        """On SQLite, ``count`` ids for new rows of ``model``; None elsewhere.

        Rows whose ids are known go in one executemany; asking the database for
        them in the rows' order makes SQLAlchemy send one INSERT per row on
        SQLite.  Nor is it needed there: the document row is already written, so
        this transaction holds SQLite's only write lock, and the ids after the
        table's highest are this import's to give.  PostgreSQL returns the ids of
        a batch in order (``_insert``).
        """
        connection = self.session.connection()
        if connection.dialect.name != "sqlite" or not count:
            return None
        if self._free_ids is None:  # every table's highest id in one statement
            tables: list[Any] = [m.__table__ for m in _NUMBERED]
            highest = connection.execute(
                select(
                    *(select(func.coalesce(func.max(t.c.id), 0)).scalar_subquery() for t in tables)
                )
            ).one()
            self._free_ids = {t.name: top + 1 for t, top in zip(tables, highest, strict=True)}
        name = str(model.__tablename__)
        first = self._free_ids[name]
        self._free_ids[name] = first + count
        return list(range(first, first + count))

    def _insert(self, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
        """Bulk-insert ``rows``; their new ids, in the order of ``rows``."""
        if not rows:
            return []
        table: Any = model.__table__
        connection = self.session.connection()
        ids = self._next_ids(model, len(rows))
        if ids is None:
            statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            return list(connection.execute(statement, rows).scalars())
        connection.execute(
            insert(table), [{**row, "id": i} for row, i in zip(rows, ids, strict=True)]
        )
        return ids

    def _insert_plain(self, model: type[Base], rows: list[dict[str, Any]]) -> None:
        """Bulk-insert rows whose ids nobody needs back: one executemany, no ORM bookkeeping."""
        if rows:
            self.session.connection().execute(insert(model.__table__), rows)  # type: ignore[arg-type]

    def _insert_measures(
        self,
        doc: ParsedDocument,
        parts: dict[int | None, int],
        sections: dict[tuple[int | None, int | None], int],
    ) -> None:
        """A new document's measures, milestones, assignments and history, in bulk.

        The first import of a document is the common case and the big one; a
        revision (existing measures to compare) goes through the ORM instead.
        """
        measure_ids = self._insert(
            Measure,
            [
                {
                    "document_id": self.document.id,
                    "code": m.code,
                    "position": position,
                    "title": m.title,
                    "text": m.text,
                    "deadline": m.deadline,
                    "deadline_text": m.deadline_text,
                    "standing": m.standing,
                    "withdrawn": False,
                    "part_id": parts.get(m.part_number),
                    "section_id": sections.get((m.part_number, m.section_number)),
                }
                for position, m in enumerate(doc.measures, start=1)
            ],
        )
        milestones = [
            {"measure_id": mid, "due_on": s.date, "text": s.text}
            for mid, m in zip(measure_ids, doc.measures, strict=True)
            for s in m.milestones
        ]
        if milestones:
            self._insert_plain(Milestone, milestones)
        links = []
        for mid, m in zip(measure_ids, doc.measures, strict=True):
            leads = set(m.lead_units)
            named: set[int] = set()
            for name in m.units:
                unit_id = self.resolver.unit_id(name)
                if unit_id in named:
                    continue
                named.add(unit_id)
                role = LEAD if name in leads else SUPPORT
                values = assignment_values(unit_id, role, m.standing, self.user, self.now)
                links.append({"measure_id": mid, **values})
        assignment_ids = self._insert(Assignment, links)
        self.assignments = len(assignment_ids)
        if assignment_ids:
            self._insert_plain(
                ProgressEntry,
                [
                    creation_entry(aid, str(link["status"]), self.user, self.now, self.source)
                    for aid, link in zip(assignment_ids, links, strict=True)
                ],
            )

    def _write_headings(
        self, doc: ParsedDocument, *, new: bool
    ) -> tuple[dict[int | None, int], dict[tuple[int | None, int | None], int]]:
        old = (
            []
            if new
            else list(
                self.session.scalars(select(Heading).where(Heading.document_id == self.document.id))
            )
        )
        if old:
            for measure in self.session.scalars(
                select(Measure).where(Measure.document_id == self.document.id)
            ):
                measure.part_id = measure.section_id = None
            self.session.flush()
            for heading in sorted(old, key=lambda h: -h.level):
                self.session.delete(heading)
            self.session.flush()
        # Headings are numbered in reading order: a part, its sections, the next part…
        part_positions = []
        position = 0
        for part in doc.parts:
            part_positions.append(position + 1)
            position += 1 + len(part.sections)
        part_rows = [
            {
                "document_id": self.document.id,
                "parent_id": None,
                "level": 1,
                "number": part.number,
                "title": part.title,
                "position": first,
            }
            for part, first in zip(doc.parts, part_positions, strict=True)
        ]
        part_ids = self._insert(Heading, part_rows)
        parts: dict[int | None, int] = {
            p.number: hid for p, hid in zip(doc.parts, part_ids, strict=True)
        }
        section_rows = []
        keys = []
        for part, first in zip(doc.parts, part_positions, strict=True):
            for offset, section in enumerate(part.sections, start=1):
                keys.append((part, section))
                section_rows.append(
                    {
                        "document_id": self.document.id,
                        "parent_id": parts[part.number],
                        "level": 2,
                        "number": section.number,
                        "title": section.title,
                        "position": first + offset,
                    }
                )
        section_ids = self._insert(Heading, section_rows)
        sections: dict[tuple[int | None, int | None], int] = {}
        leads = []
        for (part, section), hid in zip(keys, section_ids, strict=True):
            sections[(part.number, section.number)] = hid
            for rank, name in enumerate(dict.fromkeys(section.lead_units)):
                unit_id = self.resolver.unit_id(name)
                leads.append({"heading_id": hid, "unit_id": unit_id, "position": rank})
        if leads:
            self._insert_plain(HeadingLead, leads)
        return parts, sections

    def _write_assignments(self, measure: Measure, parsed: ParsedMeasure) -> None:
        """A revision's units for one measure: new ones assigned, dropped ones made inactive.

        Every unit has an id here: ``_resolve_units`` wrote the new ones first.
        """
        current = {a.unit_id: a for a in measure.assignments}
        named: set[int] = set()
        leads = set(parsed.lead_units)
        for name in parsed.units:
            unit_id = self.resolver.unit_id(name)
            if unit_id in named:
                continue
            named.add(unit_id)
            role = LEAD if name in leads else SUPPORT
            assignment = current.get(unit_id)
            if assignment is None:
                values = assignment_values(unit_id, role, parsed.standing, self.user, self.now)
                assignment = Assignment(**values)
                measure.assignments.append(assignment)
                self.created.append(assignment)
            else:
                assignment.role = role
                assignment.active = True
            self.assignments += 1
        for unit_id, assignment in current.items():
            if unit_id not in named:
                assignment.active = False

    def _write_history(self) -> None:
        """One history entry per new assignment, inserted in bulk once their ids exist."""
        self.session.flush()
        if self.created:
            self.session.execute(
                insert(ProgressEntry),
                [
                    creation_entry(a.id, a.status, self.user, self.now, self.source)
                    for a in self.created
                ],
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


def _diff(session: Session, stored: Document, doc: ParsedDocument) -> list[MeasureChange]:
    aliases = alias_map(session)
    old = {m.code: m for m in stored.measures if not m.withdrawn}
    changes: list[MeasureChange] = []
    for parsed in doc.measures:
        measure = old.pop(parsed.code, None)
        if measure is None:
            changes.append(MeasureChange(parsed.code, "added", (parsed.title,)))
            continue
        details: list[str] = []
        fields: list[FieldDiff] = []
        if measure.title != parsed.title:
            details.append(f"title: {measure.title} → {parsed.title}")
            fields.append(FieldDiff("title", measure.title, parsed.title))
        elif measure.text != parsed.text:
            details.append("text changed")
            fields.append(FieldDiff("text", measure.text, parsed.text))
        if measure.deadline != parsed.deadline:
            details.append(f"deadline: {measure.deadline} → {parsed.deadline}")
            fields.append(
                FieldDiff("deadline", str(measure.deadline or ""), str(parsed.deadline or ""))
            )
        before = {a.unit.name for a in measure.assignments if a.active}
        after = {canonical_unit(u, aliases) for u in parsed.units}
        after = {aliases.get(u, u) for u in after}
        if before != after:
            added = "、".join(sorted(after - before))
            removed = "、".join(sorted(before - after))
            details.append(f"units: +[{added}] -[{removed}]")
            fields.append(FieldDiff("units", removed, added))
        if details:
            changes.append(MeasureChange(parsed.code, "changed", tuple(details), tuple(fields)))
    changes.extend(MeasureChange(code, "removed", (m.title,)) for code, m in old.items())
    return changes


def parse_policy_file(path: Path) -> tuple[ParsedDocument, SourceInfo]:
    """Parse a policy document, turning a missing or unreadable file into a UserError."""
    if not path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("messages", "no such file: {path}"), path=path)
    try:
        from importers.policy.parser import parse_file

        return parse_file(path)
    except PolicyReadError as exc:
        raise UserError.from_message(exc.as_message()) from None
