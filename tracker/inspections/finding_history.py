"""A finding's history read as plain rows: every change, who made it, where it came from.

Its own module so ``InspectionService`` stays the writer; the rows carry both evidence
texts after each change — the office's closing evidence and the unit's 佐证材料 — so a
clerk sees what the unit sent even after the finding was closed or reopened.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import FindingEntry
from tracker.inspections.finding_records import FindingHistoryRow


def history_rows(session: Session, finding_id: int) -> list[FindingHistoryRow]:
    """The finding's entries, oldest first."""
    entries = session.scalars(
        select(FindingEntry).where(FindingEntry.finding_id == finding_id).order_by(FindingEntry.id)
    )
    return [
        FindingHistoryRow(
            changed_at=e.changed_at,
            changed_by=e.changed_by,
            source=e.source,
            old_status=e.old_status,
            new_status=e.new_status,
            old_percent=e.old_percent,
            new_percent=e.new_percent,
            old_note=e.old_note,
            new_note=e.new_note,
            evidence=e.evidence,
            unit_evidence=e.unit_evidence,
        )
        for e in entries
    ]
