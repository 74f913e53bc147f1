"""A progress history entry: where a change comes from, and the row that records it.

Every change of an assignment's progress — typed in the window, read from a returned
ledger, undone, or carried over when two units merge — is written as one history row
by ``history_entry``.  Kept apart from ``progress_service`` so the ledger import and the
merge of units can record changes without importing the service (which builds on the
documents and units services: the merge of units would import itself back).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Provenance:
    """Where a change comes from, kept in its history entry."""

    source: str = "手工"
    round_id: int | None = None
    batch_id: int | None = None


def history_entry(
    assignment_id: int,
    before: dict[str, Any],
    after: dict[str, Any],
    origin: Provenance,
    now: datetime,
    user: str,
) -> dict[str, Any]:
    """The columns of the history row recording one change: who, when, whence, old → new."""
    return {
        "assignment_id": assignment_id,
        "changed_at": now,
        "changed_by": user,
        "source": origin.source,
        "round_id": origin.round_id,
        "batch_id": origin.batch_id,
        **{_OLD.get(k) or f"old_{k}": v for k, v in before.items()},
        **{_NEW.get(k) or f"new_{k}": v for k, v in after.items()},
    }


_FIELDS = ("status", "percent", "note", "problems", "next_steps", "evidence", "delay_reason")
_OLD = {name: f"old_{name}" for name in _FIELDS}
_NEW = {name: f"new_{name}" for name in _FIELDS}
"""The history columns of the progress fields, named once (a ledger's apply writes
9,000 entries; formatting 14 names for each was a tenth of building them)."""
