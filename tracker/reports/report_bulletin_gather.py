"""The bulletin's figures, gathered from the database into a ``BulletinData``.

Its own module because it is the one report that reads a round and the round
before it, every unit's returns and the round's notes: ``ReportService`` chooses
the round and the document, this module reads and tallies, and
``tracker.reports.report_bulletin`` lays the figures out.
"""

from __future__ import annotations

from collections import defaultdict

from db.models import Round
from tracker.database_settings import DUE_SOON_DAYS, OFFICE_NAME
from tracker.extensions.deadline_history import deadlines_as_of
from tracker.memory import collector_paused
from tracker.reports import report_bulletin
from tracker.reports import report_round_facts as facts
from tracker.reports.report_bulletin import BulletinData, PartLine, UnitLine
from tracker.reports.report_bulletin_facts import MAX_NOTE_CHOICES
from tracker.reports.report_data import (
    Item,
    assignment_rows,
    items_from,
    previous_round,
    statuses_as_of_rounds,
    tally,
)
from tracker.rounds.round_status import RoundStatus, reporting_text, unit_returns
from tracker.store import Store
from tracker.units.fan_out import nested_shares
from tracker.units.memberless import memberless_collectives


def gather_bulletin(store: Store, round_id: int, doc_id: int | None, note: str) -> BulletinData:
    """The figures of the round ``round_id`` (and the change since the round before it),
    over one document's measures or (``doc_id`` None) all of them.

    With the cycle collector paused (``tracker.memory``) for the tallies too, not only
    the reads: with two rounds' items alive, each full collection the tallies' lists
    set off walked them all — 130–230 ms of CPU of a bulletin at 89,337 rows, 10–20 ms
    paused (bench/results.md)."""
    with collector_paused():
        return _gathered(store, round_id, doc_id, note)


def _gathered(store: Store, round_id: int, doc_id: int | None, note: str) -> BulletinData:
    today = store.clock.today()
    days = store.setting(DUE_SOON_DAYS)
    with store.reading() as session:
        current = session.get_one(Round, round_id)
        before = previous_round(session, current)
        chosen = [current] if before is None else [current, before]
        states = statuses_as_of_rounds(session, chosen)
        rows = assignment_rows(session, doc_id)
        now_items, *old = (  # each round judged by the deadlines in force on its day
            items_from(rows, min(r.as_of, today), days, s, deadlines_as_of(session, r.as_of))
            for r, s in zip(chosen, states, strict=True)
        )
        old_items = old[0] if old else None
        name, day = current.name, min(current.as_of, today)
        before_name = before.name if before else None
        before_day = None if before is None else min(before.as_of, today)
        notes = facts.round_notes(session, current.id, now_items, MAX_NOTE_CHOICES)
        returns = unit_returns(session, current)
        memberless = set(memberless_collectives(session).values())
        late = [u.unit for u in returns if u.returned_at is not None and not u.on_time]
        # Only a unit sent a ledger can fail to return it: none sent, none missing.
        not_reported = [u.unit for u in returns if u.returned_at is None]
        reporting = reporting_text(
            RoundStatus(current.name, current.as_of, current.deadline, returns)
        )
        unassigned = facts.unassigned_measures(session, doc_id)
        documents = facts.documents_in_scope(session, doc_id)
        nested = nested_shares(session)
    parts: dict[tuple[str, int, str], list[Item]] = defaultdict(list)
    for item in now_items:
        parts[(item.document, item.part_position, item.part)].append(item)
    units_now = _by_unit(now_items)
    units_before = _by_unit(old_items or [])
    waiting = [  # in the totals, out of the ranking (tracker.units.memberless)
        UnitLine(unit, tally(units_now.pop(unit)), None)
        for unit in list(units_now)
        if unit in memberless
    ]
    return BulletinData(
        office=store.setting(OFFICE_NAME),
        round_name=name,
        day=day,
        issued=today,
        previous_round=before_name,
        now=tally(now_items),
        before=None if old_items is None else tally(old_items),
        parts=[PartLine(doc, part, tally(found)) for (doc, _, part), found in parts.items()],
        units=report_bulletin.rank_units(
            [
                UnitLine(
                    unit,
                    tally(found),
                    tally(units_before[unit]) if unit in units_before else None,
                )
                for unit, found in units_now.items()
            ]
        ),
        overdue=[i for i in now_items if i.overdue],
        due_soon=[i for i in now_items if i.due_soon],
        due_soon_days=days,
        note=note,
        documents=documents,
        due_now=facts.due_pair(now_items, day),
        due_before=None
        if old_items is None or before_day is None
        else facts.due_pair(old_items, before_day),
        not_reported=not_reported,
        late=late,
        reporting=reporting,
        ledgers_sent=any(u.sent_at is not None for u in returns),
        notes=notes,
        done_measures=facts.done_measures(now_items, old_items),
        unassigned=unassigned,
        groups=_group_lines(now_items, old_items, nested),
        memberless=waiting,
    )


def _group_lines(
    now: list[Item], before: list[Item] | None, nested: dict[tuple[int, str], str]
) -> list[UnitLine]:
    """Each group's members' shares tallied together, in the order the groups first appear;
    a county's share under its city (``fan_out.nested_shares``: the counties answer
    directly) in the city's line and in the line of the group above it, once each."""
    now_by: dict[str, list[Item]] = defaultdict(list)
    before_by: dict[str, list[Item]] = defaultdict(list)
    for items, by in ((now, now_by), (before or [], before_by)):
        for item in items:
            group, depth = item.group, 0
            while group is not None and depth < 8:
                by[group].append(item)
                group, depth = nested.get((item.measure_id, group)), depth + 1
    return [
        UnitLine(group, tally(found), tally(before_by[group]) if group in before_by else None)
        for group, found in now_by.items()
    ]


def _by_unit(found: list[Item]) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = defaultdict(list)
    for item in found:
        out[item.unit].append(item)
    return out
