"""What a ledger row shows of an assignment: its task (3-1), the units by role, the steps.

Split from :mod:`tracker.ledgers.ledger_export` because the unit ledgers, the master
and the printed ledger report all build their rows here: one query over the
assignments in force, the measure's 牵头单位 and 配合单位 from the roles stored on
its assignments, and its 时间节点 from the milestones the document's import parsed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, Document, Measure, Milestone, Task, Unit
from importers.ledger.model import LedgerRow, LedgerSheet
from tracker.memory import collected_in_slices
from tracker.queries import in_force, lead_first, shares_last

LEAD_ROLE = "牵头"
ROWS_A_SLICE = 1000
"""Assignments loaded at a time, their objects collected before the next slice: the
young collection after an office's 10,000 rows loaded at once held the window still
(``tracker.memory.collected_in_slices``)."""


@dataclass(frozen=True)
class AssignmentContext:
    """An assignment in force with what a ledger row shows of it (ORM objects, in a session)."""

    document: Document
    measure: Measure
    assignment: Assignment
    unit: Unit
    task: Task
    """The sub-task the row is: its code (``3`` or ``3-1``), text, deadline and units."""
    milestones: str = ""
    """时间节点: the measure's milestones, one a line (:func:`milestone_lines`)."""


@dataclass(frozen=True)
class MeasureUnits:
    """A task's units as a ledger names them: 牵头单位 and 配合单位, in ledger order."""

    leads: str
    supports: str


def ledger_rows(session: Session) -> list[AssignmentContext]:
    """Every assignment in force with its document, measure and unit, in ledger order.

    Only the assignments are loaded row by row; their measures, documents and
    units are loaded once each and joined here.  Selecting all four entities
    per row made the ORM resolve three already-known objects 100,000 times:
    half of a master ledger's export.  The assignments are loaded a slice at a time
    (:data:`ROWS_A_SLICE`), the young objects collected between slices.
    """
    query = (
        select(Assignment)
        .join(Measure, Assignment.measure_id == Measure.id)
        .join(Task, Assignment.task_id == Task.id)
        .where(in_force())
        .order_by(
            Measure.document_id,
            Measure.position,
            Task.seq,
            lead_first(),
            shares_last(),
            Assignment.group_id,
            Assignment.unit_id,
        )
        .execution_options(yield_per=ROWS_A_SLICE)
    )
    assignments = list(collected_in_slices(session.scalars(query).partitions()))
    in_force_ids = select(Assignment.measure_id).join(Measure).where(in_force())
    measures = {
        m.id: m for m in session.scalars(select(Measure).where(Measure.id.in_(in_force_ids)))
    }
    steps: dict[int, list[Milestone]] = defaultdict(list)
    for step in session.scalars(
        select(Milestone)
        .where(Milestone.measure_id.in_(in_force_ids))
        .order_by(Milestone.measure_id, Milestone.due_on, Milestone.id)
    ):
        steps[step.measure_id].append(step)
    milestones = {measure_id: milestone_lines(found) for measure_id, found in steps.items()}
    tasks = {
        t.id: t for t in session.scalars(select(Task).where(Task.measure_id.in_(in_force_ids)))
    }
    documents = {d.id: d for d in session.scalars(select(Document))}
    units = {u.id: u for u in session.scalars(select(Unit))}
    rows = []
    for a in assignments:
        # On SQLite each of these reads sees the database as it is then: an assignment
        # whose measure was withdrawn or whose unit was merged in between is left out.
        measure, unit = measures.get(a.measure_id), units.get(a.unit_id)
        if measure is None or unit is None or measure.document_id not in documents:
            continue
        rows.append(
            AssignmentContext(
                documents[measure.document_id],
                measure,
                a,
                unit,
                tasks[a.task_id],
                milestones.get(measure.id, ""),
            )
        )
    return rows


def milestone_lines(steps: list[Milestone]) -> str:
    """The 时间节点 cell: one milestone a line, each starting with its date as the
    document wrote it (``2021年6月底前公布…``), else with the date it was read as."""
    lines = []
    for step in steps:
        text = step.text.strip()
        if not text[:4].isdigit():
            due = step.due_on
            text = f"{due.year}年{due.month}月{due.day}日前：{text}"
        lines.append(text)
    return "\n".join(lines)


def measure_units(rows: list[AssignmentContext]) -> dict[int, MeasureUnits]:
    """Each task's 牵头单位 and 配合单位 (its other units), by task id, as the ledgers print
    them (a measure of one task: the measure's)."""
    leads: dict[int, list[str]] = defaultdict(list)
    supports: dict[int, list[str]] = defaultdict(list)
    for row in rows:
        named = leads if row.assignment.role == LEAD_ROLE else supports
        named[row.task.id].append(row.unit.name)
    return {
        task_id: MeasureUnits(
            "、".join(leads.get(task_id, ())), "、".join(supports.get(task_id, ()))
        )
        for task_id in {*leads, *supports}
    }


def ledger_sheets(
    rows: list[AssignmentContext], units: dict[int, MeasureUnits]
) -> list[LedgerSheet]:
    """One sheet per document, its rows in ``rows``' order."""
    by_doc: dict[int, list[AssignmentContext]] = defaultdict(list)
    docs: dict[int, Document] = {}
    for row in rows:
        by_doc[row.document.id].append(row)
        docs[row.document.id] = row.document
    return [
        LedgerSheet(
            title=f"{docs[doc_id].short_title}工作台账",
            doc_key=str(doc_id),
            rows=[_ledger_row(r, units) for r in doc_rows],
        )
        for doc_id, doc_rows in by_doc.items()
    ]


_NO_UNITS = MeasureUnits("", "")


def extended_text(own: date | None, measure: date | None, measure_text: str | None) -> str:
    """完成时限 as printed: the measure's words, or for a unit given a later deadline by an
    approved extension (申请延期) that date with the original: ``2021-12-31（原 2021年6月底）``."""
    if own is None:
        return measure_text or ""
    return f"{own.isoformat()}（原 {measure_text or (measure.isoformat() if measure else '—')}）"


def _ledger_row(row: AssignmentContext, units: dict[int, MeasureUnits]) -> LedgerRow:
    a, m, t = row.assignment, row.measure, row.task
    named = units.get(t.id, _NO_UNITS)
    return LedgerRow(
        key=str(a.id),
        measure_code=t.code,
        task=m.title,
        content=t.text,
        lead_units=named.leads,
        support_units=named.supports,
        unit=row.unit.name,
        deadline=a.deadline or t.deadline,
        deadline_text=extended_text(a.deadline, t.deadline, t.deadline_text),
        milestones=row.milestones,
        status=a.status,
        percent=a.percent,
        progress=a.note,
        problems=a.problems,
        next_steps=a.next_steps,
        evidence=a.evidence,
        delay_reason=a.delay_reason,
        contact=row.unit.contact_person,
        phone=row.unit.phone,
    )
