"""The totals of ``tracker-cli status`` and the dashboard: by status, overdue, due soon, per unit.

Counted here from plain rows, whoever read them: ``OverviewService.summary``
through SQLAlchemy, ``tracker.progress.quick_look.quick_summary`` through
``sqlite3`` (the columns are ``assignment_columns.SUMMARY_COLUMNS`` for both).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date

from tracker.records import GroupStats, Summary, UnitStats
from tracker.statuses import FINISHED, Status, is_due_soon, is_overdue


def summarize(
    rows: Iterable[tuple[str, date | None, str, str | None, int, date | None]],
    measures: int,
    today: date,
    days: int,
) -> Summary:
    """``rows``: each assignment in force as (status, the measure's deadline, unit name, the
    group a member's share answers for or None, measure id, the unit's own deadline)."""
    by_status: Counter[str] = Counter()
    per_unit: dict[str, Counter[str]] = defaultdict(Counter)
    member_of: dict[str, str] = {}
    tasks: dict[str, dict[int, list[tuple[bool, bool]]]] = defaultdict(dict)
    overdue = due_soon = assignments = 0
    for raw, measure_deadline, unit, group, measure, own in rows:
        deadline = own or measure_deadline
        assignments += 1
        status = Status(raw)
        by_status[status.value] += 1
        tally = per_unit[unit]
        tally[status.value] += 1
        late = is_overdue(status, deadline, today)
        if late:
            overdue += 1
            tally["逾期"] += 1
        elif is_due_soon(status, deadline, today, days):
            due_soon += 1
            tally["临期"] += 1
        if group is not None:
            member_of.setdefault(unit, group)
            tasks[group].setdefault(measure, []).append((status in FINISHED, late))
    units = [
        UnitStats(
            unit=name,
            assigned=sum(t[s.value] for s in Status),
            by_status={s.value: t[s.value] for s in Status},
            overdue=t["逾期"],
            due_soon=t["临期"],
            group=member_of.get(name),
        )
        for name, t in per_unit.items()
    ]
    units.sort(key=lambda u: (-u.assigned, u.unit))
    return Summary(
        measures=measures,
        assignments=assignments,
        by_status={s.value: by_status[s.value] for s in Status},
        overdue=overdue,
        due_soon=due_soon,
        units=units,
        groups=[
            GroupStats(
                name=group,
                members=tuple(sorted(u for u in per_unit if member_of.get(u) == group)),
                tasks=len(found),
                done=sum(all(done for done, _ in shares) for shares in found.values()),
                overdue=sum(any(late for _, late in shares) for shares in found.values()),
                shares=sum(len(shares) for shares in found.values()),
            )
            for group, found in tasks.items()
        ],
    )
