"""What a bulletin's text says beyond the counts: notes reported this round, units that
did not report, measures without a unit, the documents in scope.

Read in the same session as the figures (``ReportService.bulletin_data``), from
the history of the round itself: a note counts for a round when its entry was
made for that round (a returned ledger, an edit under the round).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from db.models import Assignment, Document, Measure, ProgressEntry
from tracker.reports.report_data import Item
from tracker.statuses import FINISHED, Status


@dataclass(frozen=True)
class ReportedNote:
    """A unit's progress note entered for the round: a candidate for 主要成效."""

    unit: str
    code: str
    note: str
    finished: bool


def due_pair(items: Iterable[Item], day: date) -> tuple[int, int]:
    """(finished, due) over the tasks whose deadline has come by ``day`` (到期任务完成率);
    standing tasks (长期坚持) have no deadline to come."""
    due = [i for i in items if i.deadline is not None and i.deadline <= day]
    due = [i for i in due if i.status is not Status.STANDING]
    return (sum(i.status in FINISHED for i in due), len(due))


def round_notes(
    session: Session, round_id: int, items: list[Item], limit: int | None = None
) -> list[ReportedNote]:
    """Each assignment's last non-empty note entered for the round, finished tasks first,
    then in the order of the documents (at most one per unit and measure); the first
    ``limit`` of them (the bulletin offers 20 of a round's 40,000 notes at 89,000 rows:
    only those are made)."""
    position = {i.assignment_id: n for n, i in enumerate(items)}
    rows = session.execute(
        select(ProgressEntry.assignment_id, ProgressEntry.new_note)
        .where(ProgressEntry.round_id == round_id, ProgressEntry.new_note != "")
        .order_by(ProgressEntry.id)
    ).all()
    last: dict[int, str] = {}
    for assignment_id, note in rows:
        if assignment_id in position:
            last[assignment_id] = note
    keys = [
        (items[n].status not in FINISHED, n)
        for a, note in last.items()
        if note.strip()
        for n in (position[a],)
    ]
    chosen = sorted(keys) if limit is None else heapq.nsmallest(limit, keys)
    return [
        ReportedNote(
            items[n].unit, items[n].code, last[items[n].assignment_id].strip(), not unfinished
        )
        for unfinished, n in chosen
    ]


def unassigned_measures(session: Session, document_id: int | None) -> list[tuple[str, list[str]]]:
    """Measures in force that name no unit (none of their assignments is active), as
    (document, [codes]) so the bulletin mentions them instead of leaving them out."""
    active = select(Assignment.measure_id).where(Assignment.active.is_(True))
    query = (
        select(Document.doc_number, Document.short_title, Measure.code)
        .join(Document, Measure.document_id == Document.id)
        .where(and_(Measure.withdrawn.is_(False), Measure.id.not_in(active)))
        .order_by(Document.id, Measure.position)
    )
    if document_id is not None:
        query = query.where(Measure.document_id == document_id)
    out: dict[str, list[str]] = {}
    for number, short, code in session.execute(query):
        out.setdefault(number or short, []).append(code)
    return list(out.items())


def documents_in_scope(session: Session, document_id: int | None) -> list[str]:
    """The short titles of the documents the bulletin covers, in import order."""
    query = select(Document.short_title).order_by(Document.id)
    if document_id is not None:
        query = query.where(Document.id == document_id)
    return list(session.scalars(query))


@dataclass(frozen=True)
class DoneMeasure:
    """A measure all of whose units had finished their tasks as of the round."""

    document: str
    code: str
    title: str
    units: tuple[str, ...]


def done_measures(now: list[Item], before: list[Item] | None) -> list[DoneMeasure]:
    """Measures finished by every unit as of the round, in the documents' order; with the
    round before known, only those that were not finished then (finished this round)."""
    finished_before = set() if before is None else _all_finished(before)
    out = []
    done = _all_finished(now) - finished_before
    units: dict[int, list[str]] = {}
    first: dict[int, Item] = {}
    for item in now:
        if item.measure_id in done:
            units.setdefault(item.measure_id, []).append(item.unit)
            first.setdefault(item.measure_id, item)
    for measure, found in first.items():
        out.append(DoneMeasure(found.document, found.code, found.title, tuple(units[measure])))
    return out


def _all_finished(items: list[Item]) -> set[int]:
    """The measures every one of whose ``items`` is finished."""
    seen: set[int] = set()
    unfinished: set[int] = set()
    for item in items:
        seen.add(item.measure_id)
        if item.status not in FINISHED:
            unfinished.add(item.measure_id)
    return seen - unfinished
