"""The units directory: units, their aliases, contact history and group membership.

A unit is named by documents, assigned tasks and sent ledgers; everything else
refers to it by ``units.id``, so this module needs no other model.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Integer,
    String,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.models.base import Base


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
