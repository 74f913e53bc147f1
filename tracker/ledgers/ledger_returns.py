"""A unit's corrected resubmission (更正版) for a round it already returned a ledger for.

The unit corrects the cells the office sent back and returns the same ledger
again: its hidden sheet still holds the values as first exported, while the
office now holds what the unit's first return wrote.  Those values are the
unit's own, not the office's: for every assignment whose latest change came
from that unit's earlier return in the same round, the comparison starts from
the office's current value, so the correction is a change, never a conflict.
A file with no cell changed against the export (the untouched ledger sent again)
supersedes nothing: it is nothing new.  In a real 更正版, a cell put back to its
exported value takes back the unit's own earlier value: the preview warns of it.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import ImportBatch, ProgressEntry, Round, Unit
from importers.ledger.columns import header_for_field
from importers.ledger.model import ExportedValue, LedgerFile, ReturnedRow
from importers.messages import QT_TRANSLATE_NOOP, Message


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


def as_exported(read: LedgerFile) -> bool:
    """Whether every row of ``read`` holds its fill-in values as they were sent out (no
    cell changed against the export): such a file sent again after the unit's return is
    nothing new, never a 更正版 whose exported values would take the return back."""
    for row in read.rows:
        if row.exported is None:
            return False
        for name, value in zip(FILL_IN, fill_in_values(row), strict=True):
            sent = row.exported.get(name)
            if ("" if value is None else value) != ("" if sent is None else sent):
                return False
    return read.meta is not None


FILL_IN = ("status", "percent", "progress", "problems", "next_steps", "evidence", "delay_reason")


def fill_in_values(row: ReturnedRow) -> tuple[ExportedValue, ...]:
    """The values a unit fills in on ``row``, in the order of ``FILL_IN``."""
    return (
        row.status,
        row.percent,
        row.progress,
        row.problems,
        row.next_steps,
        row.evidence,
        row.delay_reason,
    )


def taken_back(field: str, earlier: ExportedValue, sent: ExportedValue) -> Message:
    """The warning on a 更正版's cell that puts back the value as exported, in place of
    the one the same unit sent in its earlier return this round."""
    return Message(
        QT_TRANSLATE_NOOP(
            "messages",
            "{column}: takes back the value this unit sent in its earlier return "
            "({earlier} → {sent}, as exported)",
        ),
        {
            "column": header_for_field(field),
            "earlier": "—" if earlier in (None, "") else earlier,
            "sent": "—" if sent in (None, "") else sent,
        },
    )
