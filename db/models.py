"""The tables, as typed SQLAlchemy 2 models.

A document has a heading tree (parts, sections) and measures; a measure is
assigned to units; every change of an assignment's status, percent or note is
kept in ``progress_history`` so nothing a user typed or imported is lost.
Schema changes go through a new Alembic revision in ``db/migrations/versions``.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


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


class Milestone(Base):
    __tablename__ = "milestones"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"))
    due_on: Mapped[date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text)


class Unit(Base):
    """A responsible unit under its canonical name.

    ``kind`` is 部门 (a department), 地方 (a city or county government), 集体 (a
    collective such as 各市、县（区）) or 其他 (banks, companies, customs…).
    """

    __tablename__ = "units"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="部门")
    contact_person: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(50), default="")
    needs_review: Mapped[bool] = mapped_column(Boolean, default=False)
    """Added by an import under a name never seen before: a clerk should confirm it."""
    created_at: Mapped[datetime] = mapped_column(DateTime)
    members_report_directly: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    """A group's setting: a member that has members of its own (a city and its counties)
    passes the group's tasks on to them (true) or answers for them itself (false)."""

    aliases: Mapped[list[UnitAlias]] = relationship(
        back_populates="unit", cascade="all, delete-orphan"
    )


class UnitContactChange(Base):
    """One change of a unit's 联系人 or 联系电话: typed by a clerk, or sent back in a ledger."""

    __tablename__ = "unit_contact_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), index=True)
    field: Mapped[str] = mapped_column(String(10))
    """``contact`` (联系人) or ``phone`` (联系电话)."""
    old_value: Mapped[str] = mapped_column(String(100))
    new_value: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(DateTime)
    changed_by: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(500))
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
    """The ledger import that made this change (for undo), if any."""


class UnitAlias(Base):
    __tablename__ = "unit_aliases"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(200), unique=True)

    unit: Mapped[Unit] = relationship(back_populates="aliases")


class UnitGroupMember(Base):
    """Membership of a unit in a group such as 各市、县（区）, in the office's order."""

    __tablename__ = "unit_group_members"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("units.id", ondelete="CASCADE"), primary_key=True
    )
    member_id: Mapped[int] = mapped_column(
        ForeignKey("units.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


class Assignment(Base):
    """One unit's part in one measure, with its current progress.

    ``version`` is SQLAlchemy's optimistic-locking counter: an edit made on a
    stale copy (another clerk saved first) fails instead of overwriting.
    """

    __tablename__ = "assignments"
    __table_args__ = (
        UniqueConstraint("measure_id", "unit_id"),
        Index("ix_assignments_unit_status", "unit_id", "status"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_id: Mapped[int] = mapped_column(ForeignKey("measures.id", ondelete="CASCADE"))
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

    measure: Mapped[Measure] = relationship(back_populates="assignments")
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


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


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
    """What the office's closing (整改销号) rests on."""
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
    """One change of a finding: status, percent and note before and after, and its evidence."""

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
    batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )
    """The ledger import that made this change (for undo), if any."""


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
