"""Building many objects that all live on, without the cycle collector walking them again and again.

Reading 100,000 rows, or a bulletin's two rounds of them, makes hundreds of
thousands of objects in a burst; each burst of allocations triggers the cycle
collector, which then walks every object alive — 10–40 % of the time, and a
different share from one run to the next.  Few of these objects form a cycle, and
those few are collected once the block is left.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


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
