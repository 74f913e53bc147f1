"""The master ledger's group headings: a group's members sit under a line naming the group.

In the master every member's share of a group's task is its own row; printed,
five rows of 银川市, 石嘴山市 … under one measure read naturally only under a line
that says whose task they share and how far it is:
``各市、县（区）（5个）· 2/5 完成`` (`` · 1 逾期`` when a member is overdue).  The
state is the one roll-up (``tracker.units.group_rollup``), each share overdue as
of the day the master is written, like the rows' own values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, Document, Measure, Task, Unit
from importers.ledger.model import LedgerSheet
from tracker.statuses import STATUS_BY_TEXT, is_overdue
from tracker.units.group_rollup import GroupState, SharePart, nested_roll_up


class LedgerLine(Protocol):
    """What a heading needs of a master's row (``ledger_rows.AssignmentContext``)."""

    @property
    def document(self) -> Document: ...
    @property
    def measure(self) -> Measure: ...
    @property
    def assignment(self) -> Assignment: ...
    @property
    def task(self) -> Task: ...


def heading_text(group: str, state: GroupState) -> str:
    """``各市、县（区）（5个）· 2/5 完成``, and `` · 1 逾期`` when members are overdue."""
    text = f"{group}（{state.members}个）· {state.finished}/{state.members} 完成"
    return text + (f" · {state.overdue_members} 逾期" if state.overdue_members else "")


def with_group_headings(
    session: Session, sheets: list[LedgerSheet], rows: Sequence[LedgerLine], today: date
) -> list[LedgerSheet]:
    """``sheets`` (one per document, from ``rows`` in their order) with a heading above
    each group's members under each measure."""
    group_ids = {r.assignment.group_id for r in rows if r.assignment.group_id is not None}
    if not group_ids:
        return sheets
    names = dict(session.execute(select(Unit.id, Unit.name).where(Unit.id.in_(group_ids))).all())
    outer = _outer_groups(session, group_ids)
    by_doc: dict[int, list[LedgerLine]] = {}
    for row in rows:
        by_doc.setdefault(row.document.id, []).append(row)
    return [
        replace(sheet, headings=_headings(doc_rows, names, outer, today))
        for sheet, doc_rows in zip(sheets, by_doc.values(), strict=True)
    ]


def _outer_groups(session: Session, group_ids: set[int]) -> dict[tuple[int, int], int]:
    """(task, a group) → the group above it, where the group's own part of the task is
    a share fanned out again (a city whose counties answer directly)."""
    found = session.execute(
        select(Assignment.task_id, Assignment.unit_id, Assignment.group_id).where(
            Assignment.unit_id.in_(group_ids),
            Assignment.group_id.is_not(None),
            Assignment.fanned_out.is_(True),
            Assignment.active.is_(True),
        )
    ).all()
    return {(task, unit): group for task, unit, group in found if group is not None}


def _headings(
    rows: list[LedgerLine],
    names: dict[int, str],
    outer: dict[tuple[int, int], int],
    today: date,
) -> tuple[tuple[int, str], ...]:
    """A heading above each run of a group's shares under a task (a member marked
    牵头 is listed with the leads: its run and the others' each get the heading); a
    city whose counties answer directly counts as one share of the group above it."""
    parts: dict[tuple[int, int], list[SharePart]] = {}
    runs: list[tuple[int, tuple[int, int]]] = []
    previous: tuple[int, int] | None = None
    for index, row in enumerate(rows):
        a = row.assignment
        key = None if a.group_id is None else (a.task_id, a.group_id)
        if key is not None:
            status = STATUS_BY_TEXT[a.status]
            overdue = is_overdue(status, a.deadline or row.task.deadline, today)
            parts.setdefault(key, []).append(SharePart(status, a.percent, overdue))
            if key != previous:
                runs.append((index, key))
        previous = key
    inner: dict[tuple[int, int], set[tuple[int, int]]] = {}
    for key in parts:
        above = outer.get(key)
        if above is not None:
            inner.setdefault((key[0], above), set()).add(key)
    states = nested_roll_up(parts, inner)
    return tuple((index, heading_text(names[key[1]], states[key])) for index, key in runs)
