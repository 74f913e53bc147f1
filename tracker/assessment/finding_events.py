"""Inspection findings (督查问题) as scoring events: rectified on time, or overdue.

A finding's state as of a round is replayed from its history (``finding_history``:
the last entry made by the end of the round's as-of day; a finding with none did
not exist yet).  A finding rectified in the round — finished (已完成 or closed,
已销号) as of this round and not as of the round before — is on time when the entry
that finished it was made by its 整改时限, else overdue (unless the round before already
counted it overdue); a finding still open past its 整改时限 on the round's as-of day is
overdue (every round it stays so).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import Document, Finding, FindingEntry, Measure, Round, Unit
from tracker.assessment.score_rules import EventKind
from tracker.assessment.scoring import ScoreEvent
from tracker.reports.report_format import cn_date
from tracker.statuses import FINISHED, STATUS_BY_TEXT, Status

PROBLEM_SHOWN = 40
"""A line names the problem by its first characters."""


def _states(session: Session, day: date | None) -> dict[int, tuple[Status, datetime]]:
    """Each finding's status as of the end of ``day`` and when its last entry was made."""
    if day is None:
        return {}
    end = datetime.combine(day + timedelta(days=1), time())
    last = (
        select(func.max(FindingEntry.id))
        .where(FindingEntry.changed_at < end)
        .group_by(FindingEntry.finding_id)
    )
    rows = session.execute(
        select(FindingEntry.finding_id, FindingEntry.new_status, FindingEntry.changed_at).where(
            FindingEntry.id.in_(last)
        )
    ).all()
    return {fid: (STATUS_BY_TEXT[status], when) for fid, status, when in rows}


def _finished_on(session: Session, day: date) -> dict[int, date]:
    """The day each finding last became finished, by the end of ``day``."""
    end = datetime.combine(day + timedelta(days=1), time())
    finished = [s.value for s in FINISHED]
    query = (
        select(FindingEntry.finding_id, FindingEntry.changed_at)
        .where(
            FindingEntry.changed_at < end,
            FindingEntry.new_status.in_(finished),
            (FindingEntry.old_status.is_(None)) | (FindingEntry.old_status.not_in(finished)),
        )
        .order_by(FindingEntry.id)
    )
    return {fid: when.date() for fid, when in session.execute(query).all()}


def finding_events(session: Session, chosen: Round, before: Round | None) -> list[ScoreEvent]:
    """The findings' events for ``chosen`` in the order they were recorded."""
    now = _states(session, chosen.as_of)
    earlier = _states(session, before.as_of if before else None)
    finished_on = _finished_on(session, chosen.as_of)
    query = (
        select(Finding.id, Unit.name, Finding.problem, Finding.deadline, Document.doc_number,
               Document.short_title, Measure.code)
        .join(Unit, Finding.unit_id == Unit.id)
        .outerjoin(Measure, Finding.measure_id == Measure.id)
        .outerjoin(Document, Measure.document_id == Document.id)
        .order_by(Finding.id)
    )  # fmt: skip
    events = []
    for fid, unit, problem, deadline, number, short, code in session.execute(query).all():
        if fid not in now:
            continue
        status = now[fid][0]
        measure = f"{number or short} {code}" if code else ""
        shown = problem if len(problem) <= PROBLEM_SHOWN else problem[:PROBLEM_SHOWN] + "…"
        was_finished = fid in earlier and earlier[fid][0] in FINISHED
        overdue_before = (
            before is not None and fid in earlier and not was_finished and deadline < before.as_of
        )
        if status in FINISHED and not was_finished and fid in finished_on:
            day = finished_on[fid]
            kind = EventKind.FINDING_ON_TIME if day <= deadline else EventKind.FINDING_OVERDUE
            if kind is EventKind.FINDING_OVERDUE and overdue_before:
                continue  # already counted overdue by the round before: once is enough
            detail = f"{shown}；{cn_date(day)}整改完成，整改时限{cn_date(deadline)}"
            events.append(ScoreEvent(unit, kind, measure, day, None, detail))
        elif status not in FINISHED and deadline < chosen.as_of:
            detail = f"{shown}；整改时限{cn_date(deadline)}，截至{cn_date(chosen.as_of)}未整改"
            events.append(
                ScoreEvent(unit, EventKind.FINDING_OVERDUE, measure, deadline, None, detail)
            )
    return events
