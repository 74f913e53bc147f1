"""The assignment list's query, declared once: its columns, tables, rows and order.

``OverviewService.assignments`` builds its SQLAlchemy query from these
(``tracker.progress.overview``), and the reads with ``sqlite3`` alone
(``tracker.progress.quick_look``: the window's first look, ``tracker-cli``'s
quick answers) write the same query as SQLite text (``sqlite_select``).  So a
column is added, or a rule of which rows count changed, here once, and
``tracker.records.assignment_row`` turns a row of ``COLUMNS`` into an
``AssignmentRow`` for both.

No SQLAlchemy here: reading it must not import the library it spares.
"""

from __future__ import annotations

from typing import Final, Literal, NamedTuple


class Column(NamedTuple):
    """A column of one of ``TABLES`` (by its alias in the query)."""

    table: str
    name: str

    def sql(self) -> str:
        return f"{self.table}.{self.name}"


class Join(NamedTuple):
    """``table`` joined where its ``key`` equals ``on`` and each pair of ``also`` is equal
    too (kept with no match if ``outer``)."""

    table: str
    on: Column
    key: Column
    outer: bool = False
    also: tuple[tuple[Column, Column], ...] = ()


BASE: Final = "a"
TABLES: Final[dict[str, str]] = {
    "a": "assignments",
    "m": "measures",
    "t": "tasks",
    "u": "units",
    "d": "documents",
    "part": "headings",
    "section": "headings",
    "g": "units",
    "gs": "assignments",
    "og": "units",
}
"""Each alias of the query and its table (a measure's part and section are both headings;
``g`` the group a member's share answers for; ``gs`` that group's own part of the same
sub-task and ``og`` the group *it* is a share of: a county's share under a city's share of
各市、县（区）'s task, when the counties answer directly; ``t`` the sub-task the assignment
is of)."""

JOINS: Final[tuple[Join, ...]] = (
    Join("m", Column("a", "measure_id"), Column("m", "id")),
    Join("t", Column("a", "task_id"), Column("t", "id")),
    Join("u", Column("a", "unit_id"), Column("u", "id")),
    Join("d", Column("m", "document_id"), Column("d", "id")),
    Join("part", Column("m", "part_id"), Column("part", "id"), outer=True),
    Join("section", Column("m", "section_id"), Column("section", "id"), outer=True),
    Join("g", Column("a", "group_id"), Column("g", "id"), outer=True),
    Join(
        "gs",
        Column("a", "group_id"),
        Column("gs", "unit_id"),
        outer=True,
        also=((Column("a", "task_id"), Column("gs", "task_id")),),
    ),
    Join("og", Column("gs", "group_id"), Column("og", "id"), outer=True),
)

COLUMNS: Final[tuple[Column, ...]] = (
    Column("a", "id"),
    Column("a", "role"),
    Column("a", "status"),
    Column("a", "percent"),
    Column("a", "note"),
    Column("a", "updated_at"),
    Column("a", "updated_by"),
    Column("a", "version"),
    Column("m", "id"),
    Column("t", "code"),
    Column("m", "title"),
    Column("t", "deadline"),
    Column("t", "deadline_text"),
    Column("u", "name"),
    Column("d", "id"),
    Column("d", "doc_number"),
    Column("d", "short_title"),
    Column("part", "title"),
    Column("section", "title"),
    Column("g", "name"),
    Column("a", "deadline"),
    Column("og", "name"),
    Column("m", "code"),
)
"""Plain columns only, in ``assignment_row``'s order: a list of 100,000 rows must not
load every measure's text.  The code and the deadline are the sub-task's (``3-1``, or the
measure's own code when it has one task; a task's deadline is its own, else the measure's);
the last column is the code of the measure the task is of (``3``)."""

SUMMARY_COLUMNS: Final[tuple[Column, ...]] = (
    Column("a", "status"),
    Column("t", "deadline"),
    Column("u", "name"),
    Column("g", "name"),
    Column("t", "id"),
    Column("a", "deadline"),
    Column("og", "name"),
)
"""What the totals count (``tracker.progress.summary_tally``): status, deadline, unit, the
group a share answers for, the sub-task (a group's task is done when all its shares are;
a group in two sub-tasks of a measure has two), the unit's own deadline (an approved
extension's) and the group above a nested group whose members answer directly (a county's
share counts under 各市、县（区） through its city)."""

IN_FORCE: Final[tuple[tuple[Column, bool], ...]] = (
    (Column("a", "active"), True),
    (Column("a", "fanned_out"), False),
    (Column("m", "withdrawn"), False),
)
"""The assignments that count anywhere: active, not a group's task its members answer
(``fanned_out``: their shares count), of a measure still in force
(``tracker.queries.in_force``)."""

ROLE: Final = Column("a", "role")
LEAD_ROLE: Final = "牵头"
LEAD_FIRST: Final = "lead first"
"""In ``ORDER``: a measure's 牵头 units (``ROLE`` is ``LEAD_ROLE``) before its other units."""
GROUP: Final = Column("a", "group_id")
SHARES_LAST: Final = "shares last"
"""In ``ORDER``: a unit's own assignments (no ``GROUP``) before members' shares of a group's."""

ORDER: Final[tuple[Column | Literal["lead first", "shares last"], ...]] = (
    Column("d", "id"),
    Column("m", "position"),
    Column("t", "seq"),
    LEAD_FIRST,
    SHARES_LAST,
    GROUP,
    Column("u", "id"),
)
"""Document by document, each in its measures' order, a measure's tasks in theirs, lead
units first, then the units' own parts, then members' shares grouped by their group."""

SUB_TASK_STARTS: Final = (
    "SELECT t.measure_id, t.code, substr(t.text, 1, 120) FROM tasks AS t"
    " JOIN measures AS m ON t.measure_id = m.id WHERE t.code <> m.code"
)
"""The start of each sub-task's own text, for the measures of several (a task's code differs
from its measure's only then: ``3-1``): (measure id, code, text) — what the list's 重点任务
shows on a sub-task's row (``tracker.records.task_start``).  Plain SQL that SQLite and
PostgreSQL both read."""

UPDATED_AT: Final = COLUMNS.index(Column("a", "updated_at"))
DEADLINE: Final = COLUMNS.index(Column("t", "deadline"))
UNIT_DEADLINE: Final = COLUMNS.index(Column("a", "deadline"))
"""Where the values SQLite keeps as ISO text (a time, two dates) sit among ``COLUMNS``."""


def sqlite_select(
    where: str = "", columns: tuple[Column, ...] = COLUMNS, ordered: bool = True
) -> str:
    """The assignment list as SQLite SQL: in force, ``where`` (SQL, ``?`` parameters) too;
    ``columns`` and, if ``ordered``, in ``ORDER``."""
    joins = "".join(
        f" {'LEFT OUTER JOIN' if j.outer else 'JOIN'} {TABLES[j.table]} AS {j.table}"
        f" ON {j.on.sql()} = {j.key.sql()}"
        + "".join(f" AND {left.sql()} = {right.sql()}" for left, right in j.also)
        for j in JOINS
    )
    conditions = [f"{c.sql()} = {int(value)}" for c, value in IN_FORCE]
    if where:
        conditions.append(where)
    keys = {
        LEAD_FIRST: f"CASE WHEN {ROLE.sql()} = '{LEAD_ROLE}' THEN 0 ELSE 1 END",
        SHARES_LAST: f"CASE WHEN {GROUP.sql()} IS NULL THEN 0 ELSE 1 END",
    }
    order = ", ".join(o.sql() if isinstance(o, Column) else keys[o] for o in ORDER)
    return (
        f"SELECT {', '.join(c.sql() for c in columns)}"
        f" FROM {TABLES[BASE]} AS {BASE}{joins}"
        f" WHERE {' AND '.join(conditions)}" + (f" ORDER BY {order}" if ordered else "")
    )
