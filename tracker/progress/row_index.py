"""Filtering the rows the window already holds, instead of asking the database again.

No Qt, no SQL: the window builds it, the rules are the tracker's.

With 100,000 assignments loaded, a query per filter change costs a second
(reading and building every row).  ``RowIndex`` is built once, off the GUI
thread, when every row has been read: the positions of the rows of each
document, unit, status and measure, and of the overdue ones.  A filter then
picks the shortest of those lists and checks the few other conditions on it,
so ticking "overdue only" swaps in a ready list rather than testing 100,000
rows.  The conditions are the service's own: the criteria a filter sets
(``tracker.progress.assignment_filter.criteria``), each answered here from a
list, as ``OverviewService`` answers it in SQL; ``tracker.statuses`` decides
overdue and due-soon exactly as ``tracker.queries`` does in SQL.

A text search needs the measures' code, title and full text, which the rows do
not carry: the index holds them as ``MeasureTexts`` (read with the rows), or
asks the database (``OverviewService.matching_measures``); the unit names, and
their aliases (short names such as 住建厅) when given, are matched here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import date
from typing import TYPE_CHECKING, Final, Protocol

from tracker.documents.measure_texts import fold
from tracker.progress.assignment_filter import AssignmentFilter, Criterion, criteria
from tracker.statuses import Status, is_due_soon, is_overdue

if TYPE_CHECKING:
    from tracker.documents.measure_texts import MeasureTexts
    from tracker.records import AssignmentRow


class Scope(Protocol):
    """A part or section of one document as the window's navigator names it."""

    @property
    def document_id(self) -> int: ...

    def matches(self, row: AssignmentRow) -> bool: ...


ANSWERS: Final = frozenset(
    {
        ("document", "="),
        ("unit", "="),
        ("status", "="),
        ("deadline", "overdue"),
        ("deadline", "due within"),
        ("heading", "="),
        ("any", "mentions"),
    }
)
"""The criteria an index answers by itself.  A part or section (``heading``) is the
``scope`` given with it; a round's rows are the ``among`` its caller read; a measure
(the detail pane) and ids (rows re-read after an edit) are asked to be fresh, so
they go to the database."""


def in_memory(wanted: AssignmentFilter) -> bool:
    """Can a ``RowIndex`` of every row answer this filter (given the matching measures)?"""
    return all((c.field, c.operator) in ANSWERS for c in criteria(wanted))


def matches_text(needle: str, haystack: str) -> bool:
    """Substring test as SQLite's LIKE does it: ASCII letters ignore case (and only they,
    as for the measures' texts in ``MeasureTexts``)."""
    return fold(needle) in fold(haystack)


class RowIndex:
    """Every current assignment (in the service's order) and the lists filters pick from.

    Positions are indexes into ``rows``; every list of positions is ascending,
    so a selection comes out in the service's order (document, measure, lead
    unit first).  ``replace`` keeps the lists right after an edit.
    """

    def __init__(
        self,
        rows: Sequence[AssignmentRow],
        today: date,
        texts: MeasureTexts | None = None,
        aliases: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        self.rows: list[AssignmentRow] = list(rows)
        self.texts = texts
        """The measures' texts, to search without the database (read with the rows)."""
        self.aliases: Mapping[str, Sequence[str]] = aliases or {}
        """unit name → its other names, which a search finds the unit by too."""
        self.today = today
        self._by_document: dict[int, list[int]] = {}
        self._by_unit: dict[str, list[int]] = {}
        self._by_status: dict[Status, list[int]] = {}
        self._by_measure: dict[int, list[int]] = {}
        self._position: dict[int, int] = {}  # assignment id → position
        for position, row in enumerate(self.rows):
            self._by_document.setdefault(row.document_id, []).append(position)
            self._by_unit.setdefault(row.unit, []).append(position)
            if row.group is not None:  # a filter by a group shows its members' shares
                self._by_unit.setdefault(row.group, []).append(position)
            self._by_status.setdefault(row.status, []).append(position)
            self._by_measure.setdefault(row.measure_id, []).append(position)
            self._position[row.id] = position
        self._overdue: list[int] = []
        self._due_soon: dict[int, list[int]] = {}  # days → positions, filled on first use
        self._date_lists(today)

    def __len__(self) -> int:
        return len(self.rows)

    def _date_lists(self, today: date) -> None:
        """The lists that depend on today's date (rebuilt if the window stays open overnight)."""
        self.today = today
        self._overdue = [
            p for p, r in enumerate(self.rows) if is_overdue(r.status, r.deadline, today)
        ]
        self._due_soon = {}

    def _due_within(self, days: int) -> list[int]:
        found = self._due_soon.get(days)
        if found is None:
            today = self.today
            found = [
                p for p, r in enumerate(self.rows) if is_due_soon(r.status, r.deadline, today, days)
            ]
            self._due_soon[days] = found
        return found

    # -- choosing ---------------------------------------------------------------------------
    def select(
        self,
        wanted: AssignmentFilter,
        scope: Scope | None = None,
        measures: set[int] | None = None,
        today: date | None = None,
        among: Collection[int] | None = None,
    ) -> list[int]:
        """Positions of the rows ``wanted`` (and ``scope``) select, ascending.

        ``measures``: the ids of the measures matching ``wanted.search``
        (``OverviewService.matching_measures``), if the index holds no ``texts``
        to find them itself; a row matches the search if its measure does or its
        unit's name contains the text.  ``among``: only these
        assignment ids (e.g. the ones whose progress changed in a chosen round).
        """
        if today is not None and today != self.today:
            self._date_lists(today)
        lists: list[Sequence[int]] = []
        checks: list[Callable[[AssignmentRow], bool]] = []
        for criterion in criteria(wanted):
            if criterion.operator == "mentions" and measures is None and self.texts is not None:
                measures = self.texts.matching(criterion.value)
            found = self._positions(criterion, scope, measures, among)
            if found is not None:
                lists.append(found)
        if among is not None and wanted.round is None:
            lists.append(self._among(among))
        if scope is not None:
            lists.append(self._by_document.get(scope.document_id, []))
            checks.append(scope.matches)
        if not lists:
            return list(range(len(self.rows)))
        lists.sort(key=len)
        picked: Iterable[int] = lists[0]
        for other in lists[1:]:
            members = set(other)
            picked = [p for p in picked if p in members]
        rows = self.rows
        for check in checks:
            picked = [p for p in picked if check(rows[p])]
        return list(picked)

    def _positions(
        self,
        criterion: Criterion,
        scope: Scope | None,
        measures: set[int] | None,
        among: Collection[int] | None,
    ) -> Sequence[int] | None:
        """The rows meeting one criterion of ``tracker.progress.assignment_filter``
        (None: the ``scope`` narrows them)."""
        field, operator, value = criterion
        match field, operator:
            case "document", "=":
                return self._by_document.get(int(value), [])
            case "unit", "=":
                return self._by_unit.get(value, [])
            case "status", "=":
                return self._by_status.get(value, [])
            case "deadline", "overdue":
                return self._overdue
            case "deadline", "due within":
                return self._due_within(value)
            case "heading", "=" if scope is not None:
                return None  # the same part or section, named by its titles
            case "id", "changed in round" if among is not None:
                return self._among(among)
            case "any", "mentions":
                return self._matching(value, measures or set())
        raise ValueError(f"a RowIndex cannot answer {criterion} (see in_memory)")

    def _among(self, ids: Collection[int]) -> list[int]:
        found = (self._position.get(i) for i in ids)
        return sorted(p for p in found if p is not None)

    def _matching(self, needle: str, measures: set[int]) -> list[int]:
        found: list[int] = []
        by_measure = self._by_measure
        for measure_id in measures:  # each row belongs to one measure: no duplicates
            found.extend(by_measure.get(measure_id, ()))
        aliases = self.aliases
        units = [
            p
            for u, p in self._by_unit.items()
            if matches_text(needle, u) or any(matches_text(needle, a) for a in aliases.get(u, ()))
        ]
        if units:
            return sorted(set(found).union(*units))
        found.sort()
        return found

    def pick(self, positions: Iterable[int]) -> list[AssignmentRow]:
        rows = self.rows
        return [rows[p] for p in positions]

    def position(self, assignment_id: int) -> int | None:
        return self._position.get(assignment_id)

    # -- after an edit ----------------------------------------------------------------------
    def replace(self, fresh: Iterable[AssignmentRow]) -> list[int]:
        """Put re-read rows in place and refile them by status and date; their positions."""
        touched = []
        for row in fresh:
            position = self._position.get(row.id)
            if position is None:  # a row read after the index was built: not shown here
                continue
            old = self.rows[position]
            self.rows[position] = row
            touched.append(position)
            if old.status is not row.status:
                _discard(self._by_status.get(old.status, []), position)
                _insert(self._by_status.setdefault(row.status, []), position)
            if is_overdue(row.status, row.deadline, self.today):
                _insert(self._overdue, position)
            else:
                _discard(self._overdue, position)
        if touched:
            self._due_soon = {}
        return touched


def _insert(positions: list[int], position: int) -> None:
    """Add ``position`` to an ascending list, once."""
    at = bisect_left(positions, position)
    if at == len(positions) or positions[at] != position:
        positions.insert(at, position)


def _discard(positions: list[int], position: int) -> None:
    at = bisect_left(positions, position)
    if at < len(positions) and positions[at] == position:
        del positions[at]
