"""A round's figures as of its day: what the bulletin, the 汇总 and ``status --round`` count.

One function gives the items (every assignment in force with its state as of
the round, rebuilt from the history: ``tracker.reports.report_data``), so the
three agree to the task; overdue and due soon are judged on the round's day
(today, while that day is still ahead), never on the day of the export, against the
deadline in force that day (``tracker.extensions.deadline_history``).
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy.orm import Session

from db.models import Round
from importers.ledger.model import UnitSummary
from tracker.extensions.deadline_history import deadlines_as_of
from tracker.progress.summary_tally import GroupTotals
from tracker.records import Summary, UnitStats
from tracker.reports.report_data import Item, assignment_rows, items_from, statuses_as_of
from tracker.statuses import Status


def round_day(chosen: Round, today: date) -> date:
    """The day a round's figures are as of: its as-of date, or today while that is ahead."""
    return min(chosen.as_of, today)


def round_items(
    session: Session, chosen: Round, today: date, due_soon_days: int, document_id: int | None = None
) -> list[Item]:
    """Every assignment in force as the round counts it, in ledger order, each judged by
    the deadline it had on the round's as-of day (a later extension changes no figure)."""
    rows = assignment_rows(session, document_id)
    return items_from(
        rows,
        round_day(chosen, today),
        due_soon_days,
        statuses_as_of(session, chosen),
        deadlines_as_of(session, chosen.as_of),
    )


def by_unit(items: list[Item]) -> dict[str, list[Item]]:
    """The items per unit, units in the order they first appear (the ledger's)."""
    out: dict[str, list[Item]] = {}
    for item in items:
        out.setdefault(item.unit, []).append(item)
    return out


def unit_summaries(items: list[Item]) -> list[UnitSummary]:
    """The 汇总 sheet's lines: per unit, tasks, counts by status and overdue."""
    out = []
    for unit, found in by_unit(items).items():
        counts = Counter(i.status.value for i in found)
        out.append(
            UnitSummary(
                unit=unit,
                assigned=len(found),
                by_status={s.value: counts[s.value] for s in Status},
                overdue=sum(i.overdue for i in found),
            )
        )
    return out


def round_summary(items: list[Item], nested: dict[tuple[int, str], str] | None = None) -> Summary:
    """``status``'s totals for a round: the same counts as the bulletin's; the groups'
    as ``status`` counts them today (``summary_tally.GroupTotals``; ``nested`` is
    ``fan_out.nested_shares``: a city whose counties answer directly)."""
    nested = nested or {}
    groups = GroupTotals()
    for i in items:
        if i.group is not None:
            outer = nested.get((i.measure_id, i.group))
            task = (i.measure_id, i.code)  # a group in two sub-tasks has two tasks
            groups.add(i.unit, i.group, task, i.status, i.overdue, outer)
    per_unit = []
    for unit, found in by_unit(items).items():
        counts = Counter(i.status.value for i in found)
        per_unit.append(
            UnitStats(
                unit=unit,
                assigned=len(found),
                by_status={s.value: counts[s.value] for s in Status},
                overdue=sum(i.overdue for i in found),
                due_soon=sum(i.due_soon for i in found),
                group=groups.member_of.get(unit),
            )
        )
    per_unit.sort(key=lambda u: (-u.assigned, u.unit))
    counts = Counter(i.status.value for i in items)
    return Summary(
        measures=len({i.measure_id for i in items}),
        assignments=len(items),
        by_status={s.value: counts[s.value] for s in Status},
        overdue=sum(i.overdue for i in items),
        due_soon=sum(i.due_soon for i in items),
        units=per_unit,
        groups=groups.stats(),
    )
