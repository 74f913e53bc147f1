"""Repeat a piece of work and summarize its timings."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Timing:
    median: float
    low: float
    high: float
    runs: int

    def ms(self) -> str:
        return (
            f"{self.median * 1000:.1f} ms (min {self.low * 1000:.1f}, max {self.high * 1000:.1f})"
        )


def measure(
    work: Callable[[], object],
    runs: int = 7,
    setup: Callable[[], object] | None = None,
    clock: Callable[[], float] = time.perf_counter,
) -> Timing:
    """``work`` timed ``runs`` times (``setup`` before each, not timed) by ``clock``: the
    wall clock, or ``time.process_time`` for the CPU time, which a machine shared with
    other work inflates far less."""
    samples = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = clock()
        work()
        samples.append(clock() - start)
    return Timing(statistics.median(samples), min(samples), max(samples), runs)
