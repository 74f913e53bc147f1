"""The board's columns: units, groups (各市、县（区）) and, when a group is expanded, its members.

A group whose members answer its tasks (``AssignmentRow.group``) is one column
showing its derived state; expanded, its members follow it, one column each.
A member's own tasks (not the group's) stay in a column of its own at the top
level, so a city is never counted twice.  Kept apart from the model so the
order of the columns is plain data (no Qt).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.records import AssignmentRow


@dataclass(frozen=True)
class BoardColumn:
    """One column: a unit's own tasks, a member's shares of a group's, or a group."""

    unit: str
    """The unit, or the group's name for a group's column."""
    group: str | None = None
    """A member's column: the group whose tasks it answers."""
    members: tuple[str, ...] = ()
    """A group's column: its members, in the order the rows name them."""

    @property
    def is_group(self) -> bool:
        return bool(self.members)


CellKey = tuple[str, "str | None"]
"""A cell's column identity: (unit, the group it answers for or None)."""


def cell_key(row: AssignmentRow) -> CellKey:
    return (row.unit, row.group)


def top_level(rows: Iterable[AssignmentRow]) -> list[BoardColumn]:
    """Units with tasks of their own and groups, busiest first (a group counts its
    measures), then by name; each group with its members."""
    own: Counter[str] = Counter()
    group_measures: dict[str, set[tuple[int, str]]] = {}  # its tasks (measure, 3-1)
    members: dict[str, dict[str, None]] = {}
    for row in rows:
        if row.group is None:
            own[row.unit] += 1
        else:
            group_measures.setdefault(row.group, set()).add((row.measure_id, row.code))
            members.setdefault(row.group, {})[row.unit] = None
    columns = [(count, BoardColumn(unit)) for unit, count in own.items()]
    for group, measures in group_measures.items():
        columns.append((len(measures), BoardColumn(group, members=tuple(members[group]))))
    return [c for _, c in sorted(columns, key=lambda pair: (-pair[0], pair[1].unit))]


def shown(columns: Iterable[BoardColumn], expanded: Collection[str]) -> list[BoardColumn]:
    """The columns in view: each expanded group followed by its members."""
    found = []
    for column in columns:
        found.append(column)
        if column.is_group and column.unit in expanded:
            found.extend(BoardColumn(m, group=column.unit) for m in column.members)
    return found
