"""Which assignments changed in a reporting round, for the filter bar's "Round" combo.

The table filters the rows it holds in memory (``tracker.progress.row_index``); a round is
the one condition the rows do not carry (it lives in the progress history).
So the ids of the round's assignments are asked of the service once, on a
worker thread (a round of a big database touches thousands of rows), kept
until the data changes, and the in-memory selection is narrowed to them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ui.assignments.assignment_source import make_filter
from ui.workers import start

if TYPE_CHECKING:
    from tracker.progress.overview import OverviewService


class RoundRows:
    """The assignment ids of each round asked for, read in the background and remembered."""

    def __init__(self) -> None:
        self._ids: dict[str, frozenset[int]] = {}
        self._reading: set[str] = set()
        self._generation = 0

    def forget(self) -> None:
        """The data changed (an edit, an import, another database): read rounds afresh."""
        self._ids.clear()
        self._reading.clear()
        self._generation += 1

    def ids(self, name: str) -> frozenset[int] | None:
        """The round's assignment ids, if read already."""
        return self._ids.get(name)

    def read(
        self,
        overview: OverviewService,
        name: str,
        arrived: Callable[[], None],
        failed: Callable[[BaseException], None],
    ) -> None:
        """Read the round's ids on a worker thread; ``arrived`` once they are known."""
        if name in self._reading:
            return
        self._reading.add(name)
        generation = self._generation

        def work(_reporter: object) -> frozenset[int]:
            return frozenset(r.id for r in overview.assignments(make_filter(round=name)))

        def done(ids: frozenset[int]) -> None:
            if generation != self._generation:  # out of date: the data changed meanwhile
                return
            self._reading.discard(name)
            self._ids[name] = ids
            arrived()

        def broke(exc: BaseException) -> None:
            self._reading.discard(name)
            failed(exc)

        start(work, done, broke)
