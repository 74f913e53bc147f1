"""The totals of ``tracker-cli status`` and the dashboard: by status, overdue, due soon, per unit.

Counted here from plain rows, whoever read them: ``OverviewService.summary``
through SQLAlchemy, ``tracker.progress.quick_look.quick_summary`` through
``sqlite3`` (the columns are ``assignment_columns.SUMMARY_COLUMNS`` for both).

A group's totals roll its tasks up as the database does (``group_rollup.nested_roll_up``,
``fan_out.group_states``): when a city's counties answer directly, the city is one
member of the group above it, done when all its counties are, and its counties'
shares count in the group above too, each once.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable
from datetime import date

from tracker.records import GroupStats, Summary, UnitStats
from tracker.statuses import FINISHED, Status, is_due_soon, is_overdue
from tracker.units.group_rollup import GroupState, SharePart, nested_roll_up, too_deep

SummaryRow = tuple[str, date | None, str, str | None, int, date | None, str | None]
"""An assignment in force as the totals read it: status, its task's deadline, unit
name, the group a member's share answers for or None, task id (a group in two sub-tasks
of a measure has two tasks), the unit's own deadline, and the group above that group
when the group's part is itself answered by its members (a county's share under 银川市
under 各市、县（区）) or None."""


class GroupTotals:
    """The groups' totals, share by share (``add``), then per group (``stats``)."""

    def __init__(self) -> None:
        self.member_of: dict[str, str] = {}
        self.members: dict[str, set[str]] = defaultdict(set)
        self.parts: dict[tuple[Hashable, str], list[SharePart]] = defaultdict(list)
        self.inner: dict[tuple[Hashable, str], set[tuple[Hashable, str]]] = defaultdict(set)

    def add(
        self, unit: str, group: str, task: Hashable, status: Status, late: bool, outer: str | None
    ) -> None:
        """``unit``'s share of ``group``'s part of ``task`` (a sub-task: a group in two
        sub-tasks of a measure has two tasks); ``outer`` the group above ``group`` when
        ``group``'s own part is answered by its members, else None."""
        self.member_of.setdefault(unit, group)
        self.members[group].add(unit)
        self.parts[(task, group)].append(SharePart(status, None, late))
        if outer is not None:
            self.members[outer].add(group)
            self.inner[(task, outer)].add((task, group))

    def stats(self) -> list[GroupStats]:
        """Each group's tasks, by name: done when every member is (a nested city when all
        its counties are), overdue when any share beneath it is; ``shares`` the members'
        rows beneath it, nested ones included, each once."""
        parts, inner = self.parts, self.inner
        states = nested_roll_up(parts, inner)

        def shares(key: tuple[Hashable, str], depth: int = 0) -> int:
            below = inner.get(key, set())
            if below and too_deep(depth, key[1]):
                below = set()
            return len(parts.get(key, ())) + sum(shares(k, depth + 1) for k in below)

        tasks: dict[str, list[tuple[tuple[Hashable, str], GroupState]]] = defaultdict(list)
        for key, state in states.items():
            tasks[key[1]].append((key, state))
        return [
            GroupStats(
                name=group,
                members=tuple(sorted(self.members[group])),
                tasks=len(found),
                done=sum(state.status in FINISHED for _, state in found),
                overdue=sum(state.overdue for _, state in found),
                shares=sum(shares(key) for key, _ in found),
            )
            for group, found in sorted(tasks.items())
        ]


def summarize(rows: Iterable[SummaryRow], measures: int, today: date, days: int) -> Summary:
    by_status: Counter[str] = Counter()
    per_unit: dict[str, Counter[str]] = defaultdict(Counter)
    groups = GroupTotals()
    overdue = due_soon = assignments = 0
    for raw, task_deadline, unit, group, task, own, outer in rows:
        deadline = own or task_deadline
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
            groups.add(unit, group, task, status, late, outer)
    units = [
        UnitStats(
            unit=name,
            assigned=sum(t[s.value] for s in Status),
            by_status={s.value: t[s.value] for s in Status},
            overdue=t["逾期"],
            due_soon=t["临期"],
            group=groups.member_of.get(name),
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
        groups=groups.stats(),
    )
