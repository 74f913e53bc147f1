"""A group's task as its members' shares make it, from the shares alone: one rule for all.

The database's derivation (``tracker.units.fan_out.group_states``), the window's
board, table and detail pane, and the master ledger's group headings all roll a
group's task up with ``roll_up``: done or ticked off only when every member's
share is, percent the mean of the shares (a finished share counts 100), overdue
when any share is — and how many members finished and how many are overdue,
which is what a clerk reads (``3/5 完成 · 2 逾期``).  ``group_tallies`` does it for
the rows the window holds (plain ``AssignmentRow``s), keyed by measure and group.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from tracker.statuses import FINISHED, Derived, Status, measure_status

if TYPE_CHECKING:
    from tracker.records import AssignmentRow


K = TypeVar("K", bound=Hashable)
"""A group's task: (task id, the group's id), or ``GroupKey``."""

log = logging.getLogger(__name__)

MAX_LEVELS = 8
"""How many levels groups nest at most: 各市、县（区） of cities of counties is 2, and no
administrative hierarchy has more than 5 (省、市、县、乡、村).  The directory refuses a
deeper nesting, as it refuses a cycle, when a group's members are set
(``tracker.units.groups``).  The roll-ups recurse into groups within groups no deeper:
a database changed by other means (a cycle written into it by hand) must still open,
its totals short of the shares below, and the log says where (:func:`too_deep`)."""


def too_deep(depth: int, group: object) -> bool:
    """Whether a roll-up at ``depth`` (0 for the top group) must not go into ``group``'s
    nested groups; logged, naming the group, when it must not."""
    if depth + 1 < MAX_LEVELS:
        return False
    log.warning(
        "groups nested more than %d levels deep at %s: the shares below are not counted "
        "(a cycle in the directory?)",
        MAX_LEVELS,
        group,
    )
    return True


@dataclass(frozen=True)
class SharePart:
    """One member's share as the roll-up sees it."""

    status: Status
    percent: int | None
    overdue: bool


@dataclass(frozen=True)
class GroupState:
    """A group's task as its members' shares make it: derived, never typed."""

    status: Status
    percent: int
    overdue: bool
    members: int
    finished: int
    overdue_members: int = 0


def share_percent(status: Status, percent: int | None) -> int:
    """A share's percent in the mean: a finished share counts 100, an empty one 0."""
    return 100 if status in FINISHED else (percent or 0)


def roll_up(parts: Iterable[SharePart], fallback: Status = Status.NOT_STARTED) -> GroupState:
    """The group's state from its members' shares (``fallback`` when there is none)."""
    parts = list(parts)
    overdue = sum(1 for p in parts if p.overdue)
    return GroupState(
        status=measure_status(p.status for p in parts) or fallback,
        percent=round(sum(share_percent(p.status, p.percent) for p in parts) / len(parts))
        if parts
        else 0,
        overdue=overdue > 0,
        members=len(parts),
        finished=sum(1 for p in parts if p.status in FINISHED),
        overdue_members=overdue,
    )


def derived_state(state: GroupState) -> Derived:
    """The colour a group's task takes: overdue first, else its rolled-up status."""
    return Derived.OVERDUE if state.overdue else Derived(state.status.value)


GroupKey = tuple[int, str, str]
"""(measure id, task code, group name): a group in two sub-tasks of a measure is two tasks."""


def group_tallies(rows: Iterable[AssignmentRow]) -> dict[GroupKey, GroupState]:
    """(measure id, task code, group name) → the group's state, for every group a share in
    ``rows`` answers for (a share's state is as the row was read: 逾期 is today's).

    Nested groups as the database rolls them up (``fan_out.group_states``): when a
    city's counties answer directly, the city's own part is no row of the list, its
    counties' shares are (``AssignmentRow.outer_group`` names the group above the
    city); the city's state, rolled up from them, counts as one share of the group
    above in the same sub-task."""
    parts: dict[GroupKey, list[SharePart]] = defaultdict(list)
    inner: dict[GroupKey, set[GroupKey]] = defaultdict(set)
    for row in rows:
        if row.group is not None:
            overdue = row.state is Derived.OVERDUE
            key = (row.measure_id, row.code, row.group)
            parts[key].append(SharePart(row.status, row.percent, overdue))
            if row.outer_group is not None:
                inner[(row.measure_id, row.code, row.outer_group)].add(key)
    return nested_roll_up(parts, inner)


def nested_roll_up(parts: dict[K, list[SharePart]], inner: dict[K, set[K]]) -> dict[K, GroupState]:
    """Each key's state from its own shares (``parts``) and, as one share each, the states
    of the groups beneath it (``inner``: a city whose counties answer directly)."""
    states: dict[K, GroupState] = {}

    def state(key: K, depth: int = 0) -> GroupState:
        if key not in states:
            below = inner.get(key, set())
            if below and too_deep(depth, key[-1] if isinstance(key, tuple) else key):
                below = set()
            nested = [state(k, depth + 1) for k in below]
            states[key] = roll_up(
                [*parts.get(key, ()), *(SharePart(n.status, n.percent, n.overdue) for n in nested)]
            )
        return states[key]

    for key in [*parts, *inner]:
        state(key)
    return states
