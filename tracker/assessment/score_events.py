"""Where a round's scoring events come from, each source giving plain ``ScoreEvent``s.

- *Tasks* (``task_events``): each assignment in force, its status replayed as of the
  round (``tracker.reports.report_data``).  A task finished in the round — finished as
  of this round, not as of the round before — is done on time when the entry that
  finished it was made on or before the deadline in force on the round's as-of day (the
  unit's after an extension approved by then: ``tracker.extensions.deadline_history``; a
  measure without one is always on time), else late; a task not finished whose deadline
  passed before the round's as-of day is overdue (standing tasks have no deadline).  Lead
  (牵头) or co-operating by the assignment's role.
- *Ledgers* (``reporting_events``): a unit sent a ledger under the round reported it
  when a returned ledger of its was imported under the round and not undone; one that
  never came back is 未报送; the first return decides on time or late against the
  round's 报送截止日期 (``tracker.rounds.round_status``).
- *The office's remarks* (``remark_events``): 通报表扬/批评 recorded for the round.
- *Inspection findings* (``tracker.assessment.finding_events``): rectified on time or overdue.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from db.models import ProgressEntry, Round, ScoreRemark, Unit
from tracker.assessment.score_rules import EventKind
from tracker.assessment.scoring import COLLECTIVE, ScoreEvent
from tracker.extensions.deadline_history import deadlines_as_of
from tracker.progress.assignment_columns import LEAD_ROLE
from tracker.reports.report_data import (
    assignment_rows,
    entries_counting_for,
    statuses_as_of_rounds,
)
from tracker.reports.report_format import cn_date
from tracker.rounds.round_status import unit_returns
from tracker.statuses import FINISHED, is_overdue

COLLECTIVE_KIND = "集体"
_FINISHED = [s.value for s in FINISHED]


def task_events(
    session: Session, chosen: Round, before: Round | None
) -> tuple[list[ScoreEvent], dict[str, str]]:
    """The tasks' events in the documents' order, and the units that had a task in force
    (unit → why it is not ranked: a collective scored as one; empty when ranked)."""
    rows = assignment_rows(session)
    rounds = [chosen] if before is None else [chosen, before]
    found = statuses_as_of_rounds(session, rounds)
    now, earlier = found[0], (found[1] if before is not None else {})
    finished_on = _finished_on(session, chosen)
    deadlines = deadlines_as_of(session, chosen.as_of)  # a later extension changes no score
    kinds = dict(session.execute(select(Unit.name, Unit.kind)).all())
    events: list[ScoreEvent] = []
    scope: dict[str, str] = {}
    for row in rows:
        (aid, role, _, _, _, code, title, deadline, _, unit, number, short) = row[:12]
        status = now.get(aid)
        if status is None:
            continue
        if aid in deadlines:
            deadline = deadlines[aid].deadline
        scope[unit] = COLLECTIVE if kinds.get(unit) == COLLECTIVE_KIND else ""
        lead = role == LEAD_ROLE
        measure = f"{number or short} {code}"
        if status in FINISHED and earlier.get(aid) not in FINISHED and aid in finished_on:
            day = finished_on[aid]
            on_time = deadline is None or day <= deadline
            if on_time:
                kind = EventKind.DONE_ON_TIME_LEAD if lead else EventKind.DONE_ON_TIME_SUPPORT
            else:
                kind = EventKind.DONE_LATE_LEAD if lead else EventKind.DONE_LATE_SUPPORT
            limit = f"，时限{cn_date(deadline)}" if deadline else ""
            detail = f"{title}；{cn_date(day)}完成{limit}"
            events.append(ScoreEvent(unit, kind, measure, day, role, detail))
        elif deadline is not None and is_overdue(status, deadline, chosen.as_of):
            kind = EventKind.OVERDUE_LEAD if lead else EventKind.OVERDUE_SUPPORT
            detail = f"{title}；时限{cn_date(deadline)}，截至{cn_date(chosen.as_of)}未完成"
            events.append(ScoreEvent(unit, kind, measure, deadline, role, detail))
    return events, scope


def _finished_on(session: Session, chosen: Round) -> dict[int, date]:
    """The day each assignment last became finished, by the entries counting for ``chosen``."""
    query = (
        select(ProgressEntry.assignment_id, ProgressEntry.changed_at)
        .where(
            entries_counting_for(chosen),
            ProgressEntry.new_status.in_(_FINISHED),
            or_(ProgressEntry.old_status.is_(None), ProgressEntry.old_status.not_in(_FINISHED)),
        )
        .order_by(ProgressEntry.id)
    )
    return {aid: changed.date() for aid, changed in session.execute(query).all()}


def reporting_events(session: Session, chosen: Round, today: date) -> list[ScoreEvent]:
    """报送情况 of the units sent a ledger under ``chosen`` (or that returned one), as the
    round's status says it (``tracker.rounds.round_status``: the first return against
    the round's 报送截止日期; without a deadline every return is on time).  Until
    ``today`` is past the deadline a unit without a return is 待报送, not penalised."""
    deadline = f"，报送截止日期{cn_date(chosen.deadline)}" if chosen.deadline else ""
    pending = chosen.deadline is not None and today <= chosen.deadline
    events = []
    for found in unit_returns(session, chosen):
        if found.returned_at is None and pending:
            detail = f"截至{cn_date(today)}尚未报送{deadline}"
            events.append(ScoreEvent(found.unit, EventKind.REPORT_PENDING, detail=detail))
            continue
        if found.returned_at is None:
            detail = f"本轮未报送{deadline}"
            events.append(ScoreEvent(found.unit, EventKind.REPORT_MISSING, detail=detail))
            continue
        day = found.returned_at.date()
        kind = EventKind.REPORT_ON_TIME if found.on_time else EventKind.REPORT_LATE
        detail = f"{cn_date(day)}报送{deadline}"
        events.append(ScoreEvent(found.unit, kind, "", day, None, detail))
    return events


def remark_events(session: Session, chosen: Round) -> list[ScoreEvent]:
    """The office's 通报表扬/批评 recorded for ``chosen``, in the order recorded."""
    query = (
        select(Unit.name, ScoreRemark.kind, ScoreRemark.recorded_on, ScoreRemark.note)
        .join(Unit, ScoreRemark.unit_id == Unit.id)
        .where(ScoreRemark.round_id == chosen.id)
        .order_by(ScoreRemark.id)
    )
    return [
        ScoreEvent(unit, EventKind(kind), "", day, None, note)
        for unit, kind, day, note in session.execute(query).all()
    ]
