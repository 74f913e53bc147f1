"""Building many objects that all live on, without the cycle collector walking them again and again.

Gathering and laying out a bulletin of 100,000 assignments makes hundreds of
thousands of objects in a burst; each burst of allocations triggers the cycle
collector, which then walks every object alive.  Few of these objects form a cycle,
and those few are collected once the block is left.

Kept only where ``bench/`` shows a gain a clerk feels (``bench/notes.md``, "Speed
tricks"): the bulletin at 100,000 assignments, 4.16 s → 3.33 s of CPU.  Taking back a
returned ledger (``LedgerImporter.preview`` and ``.apply``, each whole): the heavy
10,000-row return's preview 1019 → 904 ms of CPU (pausing the file read alone gained
nothing: the full collections came during the comparison).  Writing
an office's ledgers (10,000 rows, ``ui.ledgers.ledger_export_dialog.export_ledgers``):
each full collection walked the window's rows as well and held the window still — eight
heartbeat gaps over 100 ms, the longest 0.5 s, became one (``bench/bench_stalls.py``).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cycle collection inside the block (it is back, if it was on, afterwards)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def collecting_young(progress: Callable[[int, int], bool]) -> Callable[[int, int], bool]:
    """``progress``, after a collection of the young generation (for a block run with the
    collector paused, one piece of work per call).

    Paused, the collector frees no cycle, and the collection that follows the block walks
    every object the block made: at the end of an office's ledger export (48 workbooks, each
    a cyclic graph of openpyxl objects) that one walk held the window still 0.45–1.0 s.  One
    after each unit's workbook walks just that workbook's objects (longest heartbeat gap
    0.45–1.0 s → 0.13–0.26 s under load, ``bench/bench_stalls.py``, ``bench/notes.md``).
    """

    def step(done: int, total: int) -> bool:
        gc.collect(0)
        return progress(done, total)

    return step


def collected_in_slices(slices: Iterable[Sequence[T]]) -> Iterator[T]:
    """Each item of ``slices``, a collection of the young generation after each slice.

    For a block run with the collector paused that loads many objects at once: left to
    the first collection after the load, every object loaded is walked in one C call that
    holds Python's lock — an office's ledger rows (166,676 objects) 24 ms of CPU, a
    heartbeat gap of 100+ ms when the OS takes the core away meanwhile.  Walked a slice
    at a time, the window gets the lock between slices.
    """
    for piece in slices:
        yield from piece
        gc.collect(0)
