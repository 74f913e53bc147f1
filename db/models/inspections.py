"""督查整改: inspections, the problems they found and each finding's history."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base

if TYPE_CHECKING:
    from db.models.documents import Measure
    from db.models.units import Unit


class Inspection(Base):
    """A supervision inspection (督查): its name, the day it was held and the team that held it."""

    __tablename__ = "inspections"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    held_on: Mapped[date] = mapped_column(Date)
    team: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100))

    findings: Mapped[list[Finding]] = relationship(
        back_populates="inspection", cascade="all, delete-orphan", order_by="Finding.id"
    )


class Finding(Base):
    """A problem an inspection found (督查问题), tracked like an assignment until closed.

    ``status``/``percent``/``note`` are the rectification's progress (the statuses of
    ``importers.statuses`` but 长期坚持); 已销号 is set only by the office's closing
    (整改销号) with its ``evidence``.  ``version`` is the optimistic-locking counter.
    """

    __tablename__ = "findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    inspection_id: Mapped[int] = mapped_column(
        ForeignKey("inspections.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("measures.id", ondelete="SET NULL"), index=True
    )
    problem: Mapped[str] = mapped_column(Text)
    requirement: Mapped[str] = mapped_column(Text)
    """整改要求"""
    deadline: Mapped[date] = mapped_column(Date, index=True)
    """整改时限"""
    status: Mapped[str] = mapped_column(String(10))
    percent: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    """整改进展: what the unit reports it has done."""
    evidence: Mapped[str] = mapped_column(Text, default="")
    """What the office's closing (整改销号) rests on; empty while the finding is open."""
    unit_evidence: Mapped[str] = mapped_column(Text, default="", server_default="")
    """佐证材料 the unit sent (its 整改台账, or typed for it): never replaced by the closing."""
    closed_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_by: Mapped[str] = mapped_column(String(100), default="")
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    inspection: Mapped[Inspection] = relationship(back_populates="findings")
    unit: Mapped[Unit] = relationship()
    measure: Mapped[Measure | None] = relationship()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads it as is)


class FindingEntry(Base):
    """One change of a finding: status, percent and note before and after, and the office's
    and the unit's evidence after it."""

    __tablename__ = "finding_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    finding_id: Mapped[int] = mapped_column(
        ForeignKey("findings.id", ondelete="CASCADE"), index=True
    )
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(500))
    """Where the change came from: 手工, 命令行, a ledger or list file name, 整改销号…"""
    old_status: Mapped[str | None] = mapped_column(String(10))
    new_status: Mapped[str] = mapped_column(String(10))
    old_percent: Mapped[int | None] = mapped_column(Integer)
    new_percent: Mapped[int | None] = mapped_column(Integer)
    old_note: Mapped[str | None] = mapped_column(Text)
    new_note: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text, default="")
    """The office's closing evidence after this change."""
    unit_evidence: Mapped[str] = mapped_column(Text, default="", server_default="")
    """The unit's 佐证材料 after this change."""
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
    """The ledger import that made this change (for undo), if any."""
