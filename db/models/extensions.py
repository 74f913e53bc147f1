"""Extension requests (申请延期): a unit asks for a later deadline for one of its tasks.

Its own module: the requests are the history of a unit's own deadline
(``Assignment.deadline``), read and written by ``tracker.extensions``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class ExtensionRequest(Base):
    """A unit's request to move its deadline for one assignment (申请延期), and the office's
    decision; an approval keeps the deadline it replaced, so it can be undone."""

    __tablename__ = "extension_requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(
        ForeignKey("assignments.id", ondelete="CASCADE"), index=True
    )
    requested_deadline: Mapped[date] = mapped_column(Date)
    reason: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(500))
    """手工 (typed by a clerk), 命令行, or ``台账 <file>`` (read from a returned ledger)."""
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id", ondelete="SET NULL"))
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="CASCADE"), index=True
    )
    """The ledger import it came with: undoing that import removes it."""
    requested_at: Mapped[datetime] = mapped_column(DateTime)
    requested_by: Mapped[str] = mapped_column(String(100))
    state: Mapped[str] = mapped_column(String(10), index=True)
    """待审批, 已批准 or 已驳回."""
    previous_deadline: Mapped[date | None] = mapped_column(Date)
    """The unit's own deadline an approval replaced (None: it had the measure's)."""
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
