"""A unit's corrected resubmission (更正版) for a round it already returned a ledger for.

The unit corrects the cells the office sent back and returns the same ledger
again: its hidden sheet still holds the values as first exported, while the
office now holds what the unit's first return wrote.  Those values are the
unit's own, not the office's: for every assignment whose latest change came
from that unit's earlier return in the same round, the comparison starts from
the office's current value, so the correction is a change, never a conflict.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import ImportBatch, ProgressEntry, Round, Unit


def earlier_returns(session: Session, round_name: str, unit: str) -> frozenset[int]:
    """The assignments whose latest change came from ``unit``'s own return (not undone)
    in ``round_name``: a resubmission supersedes those values."""
    latest = (
        select(ProgressEntry.assignment_id, func.max(ProgressEntry.id).label("last"))
        .group_by(ProgressEntry.assignment_id)
        .subquery()
    )
    query = (
        select(ProgressEntry.assignment_id)
        .join(latest, ProgressEntry.id == latest.c.last)
        .join(ImportBatch, ProgressEntry.batch_id == ImportBatch.id)
        .join(Round, ImportBatch.round_id == Round.id)
        .join(Unit, ImportBatch.unit_id == Unit.id)
        .where(Round.name == round_name, Unit.name == unit, ImportBatch.undone_at.is_(None))
    )
    return frozenset(session.scalars(query))
