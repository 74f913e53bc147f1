"""Writing a parsed document's rows: headings, measures, milestones, assignments, history.

A new document's rows go in bulk (the first import is the common and the big
case); a revision goes through the ORM, measure by measure, so the measures a
clerk has recorded progress on keep their rows — matched to the revised file's
measures by ``tracker.documents.measure_matching``, not by number.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select
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
    Task,
    Unit,
)
from importers.policy import ParsedDocument, ParsedMeasure, ParsedTask, SourceInfo
from tracker.documents.document_revision import pair_measures
from tracker.documents.new_assignments import assignment_values, creation_entry
from tracker.documents.task_rows import pair_tasks, parsed_tasks, recode, task_values
from tracker.units.unit_service import UnitResolver

LEAD = "牵头"
SUPPORT = "责任"


def measure_values(parsed: ParsedMeasure) -> dict[str, Any]:
    """A measure row's columns taken from the parsed text, the measure in force.

    A new document's rows, a revised measure and the benchmark's generated rows
    all take these from the parse: one list, so a column added to it reaches all three.
    """
    return {
        "title": parsed.title,
        "text": parsed.text,
        "deadline": parsed.deadline,
        "deadline_text": parsed.deadline_text,
        "standing": parsed.standing,
        "withdrawn": False,
    }


class DocumentWriter:
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

    def write(self, doc: ParsedDocument, *, new: bool) -> None:
        """Write ``doc`` into the document: a ``new`` one has no headings or measures yet."""
        self._resolve_units(doc)
        parts, sections = self._write_headings(doc, new=new)
        if new:
            self._insert_measures(doc, parts, sections)
            return
        existing = list(
            self.session.scalars(
                select(Measure)
                .where(Measure.document_id == self.document.id)
                .order_by(Measure.position)
                .options(
                    selectinload(Measure.assignments),
                    selectinload(Measure.milestones),
                    selectinload(Measure.tasks).selectinload(Task.assignments),
                )
            )
        )
        if not existing:
            self._insert_measures(doc, parts, sections)
            return
        paired = pair_measures(existing, doc.measures)
        self._renumber(existing, paired, doc.measures)
        for position, (parsed, found) in enumerate(zip(doc.measures, paired, strict=True), 1):
            measure = found
            if measure is None:
                measure = Measure(document_id=self.document.id, code=parsed.code)
                self.session.add(measure)
            measure.position = position
            for column, value in measure_values(parsed).items():
                setattr(measure, column, value)
            measure.part_id = parts.get(parsed.part_number)
            measure.section_id = sections.get((parsed.part_number, parsed.section_number))
            measure.milestones = [Milestone(due_on=m.date, text=m.text) for m in parsed.milestones]
            self._write_tasks(measure, parsed)
        continued = {m.id for m in paired if m is not None}
        for measure in existing:
            if measure.id not in continued:
                measure.withdrawn = True
        for measure in self.session.scalars(
            select(Measure).where(Measure.document_id == self.document.id)
        ):  # (continued, new and withdrawn: numbers may have moved)
            recode(measure.tasks, measure.code)
        self._write_history()

    def _renumber(
        self,
        existing: Sequence[Measure],
        paired: Sequence[Measure | None],
        parsed: Sequence[ParsedMeasure],
    ) -> None:
        """Give each continued measure its new number, before any measure is added.

        Numbers are unique within a document, and a renumbering shifts them
        (5 → 6 while 6 → 7), so the measures whose number changes first take a
        number no measure has (``~id``).  A measure left out keeps its number
        unless a measure of the revision takes it; then it is kept, withdrawn,
        as ``number~id`` (its history stays with it).
        """
        final = {m.id: p.code for p, m in zip(parsed, paired, strict=True) if m is not None}
        codes = {p.code for p in parsed}
        for measure in existing:
            if measure.id not in final and measure.code in codes:
                final[measure.id] = f"{measure.code}~{measure.id}"
        moving = [m for m in existing if m.id in final and final[m.id] != m.code]
        if not moving:
            return
        for measure in moving:
            measure.code = f"~{measure.id}"
        self.session.flush()
        for measure in moving:
            measure.code = final[measure.id]
        self.session.flush()

    def _resolve_units(self, doc: ParsedDocument) -> None:
        """Every unit the document names, the new ones inserted in one statement."""
        for name in dict.fromkeys(
            [n for s in doc.sections for n in s.lead_units]
            + [n for m in doc.measures for n in m.units]
            + [n for m in doc.measures for t in m.tasks for n in t.units]
        ):
            self.resolver.resolve(name)
        self.resolver.written(self._insert(Unit, self.resolver.new_rows()))

    def _insert(self, model: type[Base], rows: list[dict[str, Any]]) -> list[int]:
        """Bulk-insert ``rows``; their new ids, in the order of ``rows``.

        The database numbers the rows (``RETURNING``, in the parameters' order).  SQLite
        then gets one INSERT per row, which costs ≈ 2 ms of CPU on both seeds' 429
        assignments (``bench/notes.md``): not worth numbering rows by hand.
        """
        if not rows:
            return []
        table: Any = model.__table__
        statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
        return list(self.session.connection().execute(statement, rows).scalars())

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
                    **measure_values(m),
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
        tasks = []
        task_rows = []
        for mid, m in zip(measure_ids, doc.measures, strict=True):
            own = parsed_tasks(m)
            for seq, t in enumerate(own, 1):
                tasks.append((mid, t))
                task_rows.append({"measure_id": mid, **task_values(t, m, seq, len(own))})
        task_ids = self._insert(Task, task_rows)
        links = []
        for tid, row, (mid, t) in zip(task_ids, task_rows, tasks, strict=True):
            for unit_id, role in self._unit_roles(t).items():
                values = assignment_values(unit_id, role, row["standing"], self.user, self.now)
                links.append({"measure_id": mid, "task_id": tid, **values})
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

    def _write_tasks(self, measure: Measure, parsed: ParsedMeasure) -> None:
        """A revision's tasks and units for one measure, progress kept where it can be.

        Tasks continue the stored ones (``pair_tasks``); a unit a task no longer
        names but another task of the measure now does takes its assignment there
        (a measure split into sub-tasks keeps each unit's progress); the rest of a
        task's units are assigned anew, and assignments no task names any more are
        made inactive.  Every unit has an id here: ``_resolve_units`` wrote the new ones.
        """
        wanted = parsed_tasks(parsed)
        paired = pair_tasks(measure.tasks, wanted)
        continued = {t.id for t in paired if t is not None}
        dropped = [t for t in measure.tasks if t.id not in continued]
        final = {t.id: seq for seq, t in enumerate(paired, 1) if t is not None}
        final.update({t.id: len(wanted) + n for n, t in enumerate(dropped, 1)})
        moving = [t for t in measure.tasks if final[t.id] != t.seq]
        if moving:  # (measure, seq) is unique: out of the way first
            for task in moving:
                task.seq = -task.id
            self.session.flush()
        for task in dropped:
            task.seq = final[task.id]
            task.withdrawn = True
        tasks: list[Task] = []
        for seq, (found, task_parsed) in enumerate(zip(paired, wanted, strict=True), 1):
            task = found if found is not None else Task(measure=measure)
            for column, value in task_values(task_parsed, parsed, seq, len(wanted)).items():
                setattr(task, column, value)
            tasks.append(task)
        roles = [self._unit_roles(t) for t in wanted]
        named = {id(t): r for t, r in zip(tasks, roles, strict=True)}
        free: dict[int, list[Assignment]] = {}
        for task in measure.tasks:
            for row in task.assignments:
                if row.group_id is None and row.unit_id not in named.get(id(task), {}):
                    free.setdefault(row.unit_id, []).append(row)
        for task, task_roles in zip(tasks, roles, strict=True):
            current = {a.unit_id: a for a in task.assignments}
            for unit_id, role in task_roles.items():
                assignment = current.get(unit_id) or self._take(free, unit_id, task)
                if assignment is None:
                    values = assignment_values(unit_id, role, task.standing, self.user, self.now)
                    assignment = Assignment(**values, task=task)
                    measure.assignments.append(assignment)
                    self.created.append(assignment)
                else:
                    assignment.role = role
                    assignment.active = True
                    assignment.group_id = None  # named by the document itself now
                self.assignments += 1
        for rows in free.values():
            for row in rows:
                row.active = False
        for task in dropped:
            for row in task.assignments:
                if row.task is task:  # (not moved onto a task of the revision)
                    row.active = False

    @staticmethod
    def _take(free: dict[int, list[Assignment]], unit_id: int, task: Task) -> Assignment | None:
        """A unit's assignment no task of its measure names now, moved onto ``task``."""
        rows = free.get(unit_id)
        if not rows:
            return None
        row = rows.pop(0)
        row.task = task
        return row

    def _unit_roles(self, parsed: ParsedTask) -> dict[int, str]:
        """Each unit the task names, once, with its role (牵头 if named among the leads).

        Two names may resolve to one unit (an alias beside the name): the first
        named decides its role, as in a new document so in a revision.
        """
        leads = set(parsed.lead_units)
        roles: dict[int, str] = {}
        for name in parsed.units:
            unit_id = self.resolver.unit_id(name)
            if unit_id not in roles:
                roles[unit_id] = LEAD if name in leads else SUPPORT
        return roles

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
