"""考核: the scoring rules' versions, the remarks a round records and its published scores."""

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


class ScoreRuleSet(Base):
    """One version of the office's scoring rules (考核规则), in force from a day on.

    ``content`` holds the base score and each event's points and cap (JSON, see
    ``tracker.assessment.score_rules``): rules are data the office edits, and an
    edit is a new version, so a round is scored with the set in force on its day.
    """

    __tablename__ = "score_rule_sets"

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(Integer, unique=True)
    effective_from: Mapped[date] = mapped_column(Date)
    content: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(100))


class ScoreRemark(Base):
    """A 通报表扬 or 通报批评 the office recorded for a unit in a round, with its note."""

    __tablename__ = "score_remarks"

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text)
    recorded_on: Mapped[date] = mapped_column(Date)
    recorded_at: Mapped[datetime] = mapped_column(DateTime)
    recorded_by: Mapped[str] = mapped_column(String(100))


class ScorePublication(Base):
    """A round's scores as published: frozen whole (``content``, JSON), never rewritten.

    A recalculation is a new ``version`` with its ``reason``; the latest version is
    the round's score.
    """

    __tablename__ = "score_publications"
    __table_args__ = (
        UniqueConstraint("round_id", "version", name="uq_score_publications_round_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("rounds.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(Text, default="")
    rules_version: Mapped[int] = mapped_column(Integer)
    content: Mapped[str] = mapped_column(Text)
    published_at: Mapped[datetime] = mapped_column(DateTime)
    published_by: Mapped[str] = mapped_column(String(100))
