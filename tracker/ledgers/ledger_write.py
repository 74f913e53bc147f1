"""Writing one returned ledger's changes in bulk.

A file can change thousands of assignments: one versioned UPDATE and one
history INSERT for all of them, instead of ``ProgressService.record`` per row,
with the same values, history entries and version check.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, literal_column, update
from sqlalchemy.orm import Session

from db.models import Assignment, ProgressEntry
from importers.ledger.model import ExportedValue
from importers.messages import QT_TRANSLATE_NOOP
from tracker.driver_rows import execute_many
from tracker.errors import StaleEditError
from tracker.ledgers.ledger_records import FieldChange
from tracker.ledgers.ledger_snapshot import Current
from tracker.progress.history_entries import Provenance, history_entry
from tracker.progress.progress_service import Change, values_after
from tracker.statuses import Status

PROGRESS_COLUMNS = (
    "status",
    "percent",
    "note",
    "problems",
    "next_steps",
    "evidence",
    "delay_reason",
)
_assignments = cast(Table, Assignment.__table__)
_VERSIONED_UPDATE = (
    update(_assignments)
    .where(_assignments.c.id == bindparam("_id"), _assignments.c.version == bindparam("_version"))
    .values(version=_assignments.c.version + literal_column("1"))
)
"""SET the parameters' columns WHERE id and version still match; the version goes up by one,
as the ORM's version counter does."""


_HISTORY_INSERT = insert(ProgressEntry)


def assignment_columns(current: Current) -> dict[str, Any]:
    """An assignment's values under their column names: what :func:`write_changes` starts from."""
    return {
        "status": current["status"],
        "percent": current["percent"],
        "note": current["progress"],
        "problems": current["problems"],
        "next_steps": current["next_steps"],
        "evidence": current["evidence"],
        "delay_reason": current["delay_reason"],
        "version": current["version"],
    }


def write_changes(
    session: Session,
    changes: dict[int, Change],
    state: dict[int, dict[str, Any]],
    origin: Provenance,
    now: datetime,
    user: str,
) -> None:
    """One file's changes, as ``ProgressService.record`` writes them, in two bulk statements.

    Each assignment gets its new values and a history entry (old → new); its
    version is checked and raised, so a row someone else saved since this
    transaction read it stops the whole apply.  ``state`` holds the values as
    written so far, for a later file of the same apply.
    """
    entries: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    for assignment_id, change in changes.items():
        current = state[assignment_id]
        before = {name: current[name] for name in PROGRESS_COLUMNS}
        after = values_after(before, change)
        if after == before:
            continue
        entries.append(history_entry(assignment_id, before, after, origin, now, user))
        updates.append(
            {
                "_id": assignment_id,
                "_version": current["version"],
                **after,
                "updated_by": user,
                "updated_at": now,
            }
        )
        current.update(after)
        current["version"] += 1
    if not updates:
        return
    connection = session.connection()
    if connection.dialect.supports_sane_multi_rowcount:
        matched = execute_many(connection, _VERSIONED_UPDATE, updates)
    else:
        matched = sum(execute_many(connection, _VERSIONED_UPDATE, [one]) for one in updates)
    if matched != len(updates):
        raise StaleEditError(
            QT_TRANSLATE_NOOP("messages", "another user saved this assignment first; reload")
        )
    execute_many(connection, _HISTORY_INSERT, entries)


def group_changes(changes: list[FieldChange]) -> dict[int, Change]:
    """A file's field changes as one :class:`Change` per assignment, for :func:`write_changes`."""
    grouped: dict[int, dict[str, ExportedValue]] = defaultdict(dict)
    for c in changes:
        grouped[c.assignment_id][c.field] = c.new
    result = {}
    for assignment_id, values in grouped.items():
        status = values.get("status")
        percent = values.get("percent")
        result[assignment_id] = Change(
            status=Status(str(status)) if status else None,
            percent=int(percent) if isinstance(percent, int) else None,
            note=_text(values, "progress"),
            problems=_text(values, "problems"),
            next_steps=_text(values, "next_steps"),
            evidence=_text(values, "evidence"),
            delay_reason=_text(values, "delay_reason"),
        )
    return result


def _text(values: dict[str, ExportedValue], name: str) -> str | None:
    return None if name not in values else str(values[name] or "")
