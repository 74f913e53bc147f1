"""Reporting rounds and what goes out and comes back in them.

A round (调度轮次), the ledgers exported for it, the returned ledgers applied (the
unit of undo), the bulletins (通报) issued and the chasers' numbers given.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Round(Base):
    """A reporting round (调度轮次) such as 2021年第3季度, with the date it reports as of."""

    __tablename__ = "rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    as_of: Mapped[date] = mapped_column(Date)
    deadline: Mapped[date | None] = mapped_column(Date)
    """报送截止日期: the day the units' ledgers are due back (None: not set)."""
    created_at: Mapped[datetime] = mapped_column(DateTime)


class LedgerExport(Base):
    """A ledger workbook sent out: to one unit, or the master ledger."""

    __tablename__ = "ledger_exports"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    file_name: Mapped[str] = mapped_column(String(500))
    exported_at: Mapped[datetime] = mapped_column(DateTime)
    exported_by: Mapped[str] = mapped_column(String(100))
    rows: Mapped[int] = mapped_column(Integer)


class ImportBatch(Base):
    """One returned ledger file applied to the database; the unit of undo."""

    __tablename__ = "import_batches"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id"), index=True)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    imported_by: Mapped[str] = mapped_column(String(100))
    changes: Mapped[int] = mapped_column(Integer)
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)


class Bulletin(Base):
    """An issued bulletin (通报): its number of the year and everything it printed.

    ``content`` is the whole document as issued (JSON: masthead, title, the
    clerk's edited paragraphs, figures and tables), so a reprint is identical
    even after later entries of the round changed the figures.
    """

    __tablename__ = "bulletins"
    __table_args__ = (UniqueConstraint("year", "number", name="uq_bulletins_year_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    round_id: Mapped[int | None] = mapped_column(
        ForeignKey("rounds.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(500))
    issued_on: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100))


class ChaserNumber(Base):
    """A chaser's number (〔year〕第N号), taken when the chaser is saved or printed.

    One row per number given: the (year, number) pair is unique, so two clerks
    saving at once on a server can never print the same number (the loser takes
    the next).  A number stays used even if its file could not be written.
    """

    __tablename__ = "chaser_numbers"
    __table_args__ = (UniqueConstraint("year", "number", name="uq_chaser_numbers_year_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id", ondelete="SET NULL"))
    unit_name: Mapped[str] = mapped_column(String(200))
    round_id: Mapped[int | None] = mapped_column(
        ForeignKey("rounds.id", ondelete="SET NULL"), index=True
    )
    issued_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100))
