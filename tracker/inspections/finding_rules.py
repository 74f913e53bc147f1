"""What a finding must be and what a change leaves of it: checks shared by every writer.

The window, ``tracker-cli``, a 问题清单 import and a returned 整改台账 all add or change
findings through these, so each refuses the same input with the same words.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from db.models import Finding, Unit
from importers.messages import QT_TRANSLATE_NOOP
from importers.text_clean import storable_text
from tracker.errors import InvalidInputError
from tracker.inspections.finding_records import REPORTED_STATUSES, FindingChange
from tracker.units.fan_out import membership
from tracker.units.memberless import COLLECTIVE


def finding_fields(finding: Finding) -> dict[str, Any]:
    return {"status": finding.status, "percent": finding.percent, "note": finding.note}


def values_after(before: dict[str, Any], change: FindingChange) -> dict[str, Any]:
    """The status, percent and note ``change`` leaves; a field it leaves out keeps its value."""
    if change.status is not None and change.status not in REPORTED_STATUSES:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "a finding cannot be set to {status}; allowed: {allowed} "
                "(the office closes it with its evidence)",
            ),
            status=change.status.value,
            allowed="、".join(s.value for s in REPORTED_STATUSES),
        )
    if change.percent is not None and not 0 <= change.percent <= 100:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "percent {percent} is outside 0–100"),
            percent=change.percent,
        )
    after = dict(before)
    if change.status is not None:
        after["status"] = change.status.value
    if change.percent is not None:
        after["percent"] = change.percent
    if change.note is not None:  # (a NUL pasted in: PostgreSQL would refuse the whole save)
        after["note"] = storable_text(change.note)
    return after


def required_text(text: str, what: str) -> str:
    """``text`` stripped; an empty one is refused naming the field (问题, 整改要求…)."""
    cleaned = text.strip()
    if not cleaned:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "a finding needs {field}"), field=what
        )
    return cleaned


def check_deadline(deadline: date, held_on: date, inspection: str) -> None:
    if deadline < held_on:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "the deadline {deadline} is before the inspection {inspection} ({held_on})",
            ),
            deadline=deadline.isoformat(),
            inspection=inspection,
            held_on=held_on.isoformat(),
        )


def check_rectifying_unit(session: Session, unit_id: int) -> None:
    """A finding is rectified by one unit.  A group (各市、县（区）) answers through its
    members, each with its own ledger and chaser — the group gets neither — so it is
    refused naming the members that answer (a city's counties when they answer directly);
    a collective with no member units yet has nobody to send the finding to."""
    unit = session.get_one(Unit, unit_id)
    found = membership(session)
    members = found.members.get(unit_id, ())
    if unit.kind == COLLECTIVE and not members:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "a finding is rectified by one unit, and {unit} is a collective with no "
                "member units yet: record it for the unit that must rectify it",
            ),
            unit=unit.name,
        )
    if members:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "a finding is rectified by one unit, and {unit} is a group: "
                "record it for each member that must rectify it ({members})",
            ),
            unit=unit.name,
            members="、".join(found.names[m] for m in found.answering(unit_id)),
        )


def can_rectify(kind: str, members: tuple[str, ...]) -> bool:
    """Whether a unit of ``kind`` with ``members`` may be given a finding
    (``check_rectifying_unit``): neither a group nor a collective without members."""
    return not members and kind != COLLECTIVE
