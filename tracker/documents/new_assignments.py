"""What a newly assigned unit starts with, written the same way by every path that assigns.

A document import (in bulk or through the ORM for a revision) and a clerk's
``assign`` all create an assignment and the history entry that records its
creation; the values live here once.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tracker.statuses import Status

ASSIGNED_BY_HAND = "分配"
"""The source of the creation entry of a unit a clerk assigned by hand (``ProgressService.assign``):
a round counts it from that day, not from its document's date of issue."""


def starting_status(standing: bool) -> Status:
    """长期坚持 for a standing task, else 未启动."""
    return Status.STANDING if standing else Status.NOT_STARTED


def assignment_values(
    unit_id: int, role: str, standing: bool, user: str, now: datetime
) -> dict[str, Any]:
    """The columns of a new assignment (without its measure)."""
    return {
        "unit_id": unit_id,
        "role": role,
        "status": starting_status(standing).value,
        "percent": None,
        "note": "",
        "problems": "",
        "next_steps": "",
        "active": True,
        "updated_by": user,
        "updated_at": now,
        "version": 1,
    }


def creation_entry(
    assignment_id: int, status: str, user: str, now: datetime, source: str
) -> dict[str, Any]:
    """The history entry recording that an assignment was created (nothing → its status)."""
    return {
        "assignment_id": assignment_id,
        "changed_at": now,
        "changed_by": user,
        "source": source,
        "old_status": None,
        "new_status": status,
        "old_percent": None,
        "new_percent": None,
        "old_note": None,
        "new_note": "",
    }
