"""A document's tree down to each unit's part in a measure, and that part's history.

Documents, headings (parts, sections and their 牵头 units), measures with their
milestones and sub-tasks (分工), the assignments of units to tasks and ``progress_history``: one
module, because a measure lists its assignments and an assignment names its
measure (two modules would import each other).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base

if TYPE_CHECKING:
    from db.models.units import Unit


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500))
    short_title: Mapped[str] = mapped_column(String(200))
    doc_number: Mapped[str | None] = mapped_column(String(100), index=True)
    issuer: Mapped[str | None] = mapped_column(String(200))
    issued_on: Mapped[date | None] = mapped_column(Date)
    source_name: Mapped[str] = mapped_column(String(500))
    source_sha256: Mapped[str] = mapped_column(String(64), index=True, unique=True)
    """One document per file: the database refuses a second copy (a concurrent import)."""
    imported_at: Mapped[datetime] = mapped_column(DateTime)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    effective_on: Mapped[date | None] = mapped_column(Date)
    """When the clerk says the document took effect; rounds count its tasks from then
    (else from ``issued_on``, else from the day it was imported)."""

    headings: Mapped[list[Heading]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Heading.position"
    )
    measures: Mapped[list[Measure]] = relationship(
        back_populates="document", cascade="all, delete-orphan", order_by="Measure.position"
    )


class Heading(Base):
    """A part (level 1, ``一、``) or a section (level 2, ``（一）``) of a document."""

    __tablename__ = "headings"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("headings.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    position: Mapped[int] = mapped_column(Integer)

    document: Mapped[Document] = relationship(back_populates="headings")
    leads: Mapped[list[HeadingLead]] = relationship(cascade="all, delete-orphan")


class HeadingLead(Base):
    """A unit a section names as its 牵头 unit."""

    __tablename__ = "heading_leads"

    heading_id: Mapped[int] = mapped_column(
        ForeignKey("headings.id", ondelete="CASCADE"), primary_key=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)

    unit: Mapped[Unit] = relationship()


class Measure(Base):
    __tablename__ = "measures"
    __table_args__ = (UniqueConstraint("document_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    part_id: Mapped[int | None] = mapped_column(ForeignKey("headings.id"))
    section_id: Mapped[int | None] = mapped_column(ForeignKey("headings.id"))
    code: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(500))
    text: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None] = mapped_column(Date, index=True)
    deadline_text: Mapped[str | None] = mapped_column(String(100))
    standing: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    """Left out of a later revision of its document; kept with its history."""

    document: Mapped[Document] = relationship(back_populates="measures")
    milestones: Mapped[list[Milestone]] = relationship(
        cascade="all, delete-orphan", order_by="Milestone.due_on"
    )
    assignments: Mapped[list[Assignment]] = relationship(
        back_populates="measure", cascade="all, delete-orphan"
    )
    tasks: Mapped[list[Task]] = relationship(
        back_populates="measure", cascade="all, delete-orphan", order_by="Task.seq"
    )


class Task(Base):
    """A sub-task (分工) of a measure: one responsibility bracket and the text it closes.

    Every measure has at least one; a measure naming its units once has exactly
    one, whose text is the measure's.  Assignments belong to a task.  ``seq`` is
    the 1-based order within the measure (shown as ``3-1``, ``3-2`` when several).
    """

    __tablename__ = "tasks"
    __table_args__ = (UniqueConstraint("measure_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(30))
    """The code users see and type: the measure's when it has one task, else ``3-1``, ``3-2``
    (``tracker.documents.measure_lookup.task_code``; rewritten whenever the measure's is)."""
    text: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None] = mapped_column(Date)
    deadline_text: Mapped[str | None] = mapped_column(String(100))
    standing: Mapped[bool] = mapped_column(Boolean, default=False)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """Left out of a later revision of its measure; kept with its history."""

    measure: Mapped[Measure] = relationship(back_populates="tasks")
    assignments: Mapped[list[Assignment]] = relationship(back_populates="task")


class Milestone(Base):
    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"))
    due_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)


class Assignment(Base):
    """One unit's part in one task of a measure, with its current progress.

    ``version`` is SQLAlchemy's optimistic-locking counter: an edit made on a
    stale copy (another clerk saved first) fails instead of overwriting.
    """

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("task_id", "unit_id"),
        Index("ix_assignments_unit_status", "unit_id", "status"),
        Index("ix_assignments_measure_unit", "measure_id", "unit_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"))
    """The task's measure, kept on the row so every list joins measures directly."""
    task_id: Mapped[int] = mapped_column(ForeignKey("tasks.id", ondelete="CASCADE"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    role: Mapped[str] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(10))
    percent: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    """进展情况: what the unit reports it has done."""
    problems: Mapped[str] = mapped_column(Text, default="", server_default="")
    """存在问题"""
    next_steps: Mapped[str] = mapped_column(Text, default="", server_default="")
    """下步计划"""
    evidence: Mapped[str] = mapped_column(Text, default="", server_default="")
    """佐证材料: what evidence the unit has, as it wrote it."""
    delay_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    """未按期完成原因"""
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("units.id", ondelete="SET NULL"), index=True
    )
    """A member's share of a group's task: the group it answers for (else the unit's own)."""
    fanned_out: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    """A group's task answered by its members: its state is derived from their shares,
    never typed, and it counts nowhere itself (``tracker.queries.in_force``)."""
    updated_by: Mapped[str] = mapped_column(String(100), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    deadline: Mapped[date | None] = mapped_column(Date)
    """This unit's own deadline, set by an approved extension (申请延期); None: the
    measure's.  Overdue and due soon are judged by it (``tracker.queries.unit_deadline``)."""

    measure: Mapped[Measure] = relationship(back_populates="assignments")
    task: Mapped[Task] = relationship(back_populates="assignments")
    unit: Mapped[Unit] = relationship(foreign_keys=[unit_id])

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012  (SQLAlchemy reads it as is)


class ProgressEntry(Base):
    """One change of an assignment: status, percent and note before and after."""

    __tablename__ = "progress_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignments.id", ondelete="CASCADE"))
    changed_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    changed_by: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(500))
    """Where the change came from: 手工, 命令行, a ledger file name, 撤销…"""
    old_status: Mapped[str | None] = mapped_column(String(10))
    new_status: Mapped[str] = mapped_column(String(10))
    old_percent: Mapped[int | None] = mapped_column(Integer)
    new_percent: Mapped[int | None] = mapped_column(Integer)
    old_note: Mapped[str | None] = mapped_column(Text)
    new_note: Mapped[str] = mapped_column(Text)
    old_problems: Mapped[str | None] = mapped_column(Text)
    new_problems: Mapped[str | None] = mapped_column(Text)
    old_next_steps: Mapped[str | None] = mapped_column(Text)
    new_next_steps: Mapped[str | None] = mapped_column(Text)
    old_evidence: Mapped[str | None] = mapped_column(Text)
    new_evidence: Mapped[str | None] = mapped_column(Text)
    old_delay_reason: Mapped[str | None] = mapped_column(Text)
    new_delay_reason: Mapped[str | None] = mapped_column(Text)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("rounds.id"), index=True)
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
    """The ledger import that made this change (for undo), if any."""

    __table_args__ = (
        # Covers the replay of the state as of a round (tracker.reports.report_data): a
        # bulletin reads it for every history row, and without it SQLite visits
        # the table itself row by row.  Also serves every lookup by assignment.
        Index("ix_progress_history_assignment_round", "assignment_id", "round_id", "changed_at"),
    )
