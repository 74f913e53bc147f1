"""A unit's 联系人 and 联系电话, changed with history.

A clerk types them in the directory, or a unit sends them back in its ledger;
either way the old value is kept in ``unit_contact_history`` with where the new
one came from, and a ledger import's changes are undone with the import.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Unit, UnitContactChange

FIELDS = {"contact": "contact_person", "phone": "phone"}
"""A contact field's name → the unit's column."""


@dataclass(frozen=True)
class ContactChange:
    """One change of a unit's contact, as the history keeps it."""

    field: str
    old: str
    new: str
    changed_at: datetime
    changed_by: str
    source: str


def set_contact(
    session: Session,
    unit: Unit,
    field: str,
    value: str,
    *,
    source: str,
    user: str,
    now: datetime,
    batch_id: int | None = None,
) -> bool:
    """Give ``unit`` a new 联系人 (``"contact"``) or 联系电话 (``"phone"``) with a history
    entry; False (nothing written) when it already has that value."""
    column = FIELDS[field]
    old = getattr(unit, column)
    if old == value:
        return False
    setattr(unit, column, value)
    session.add(
        UnitContactChange(
            unit_id=unit.id,
            field=field,
            old_value=old,
            new_value=value,
            changed_at=now,
            changed_by=user,
            source=source,
            batch_id=batch_id,
        )
    )
    return True


def undo_contacts(
    session: Session, batch_ids: list[int], *, source: str, user: str, now: datetime
) -> None:
    """Put back the contacts the given ledger imports changed, newest change first; a
    contact changed again since (by a clerk) is left as it is now."""
    changes = session.scalars(
        select(UnitContactChange)
        .where(UnitContactChange.batch_id.in_(batch_ids))
        .order_by(UnitContactChange.id.desc())
    ).all()
    for change in changes:
        unit = session.get(Unit, change.unit_id)
        if unit is not None and getattr(unit, FIELDS[change.field]) == change.new_value:
            set_contact(
                session, unit, change.field, change.old_value, source=source, user=user, now=now
            )


def contact_history(session: Session, unit_id: int) -> list[ContactChange]:
    """Every change of a unit's contact, oldest first."""
    return [
        ContactChange(c.field, c.old_value, c.new_value, c.changed_at, c.changed_by, c.source)
        for c in session.scalars(
            select(UnitContactChange)
            .where(UnitContactChange.unit_id == unit_id)
            .order_by(UnitContactChange.id)
        )
    ]
