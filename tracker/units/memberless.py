"""Collectives with no members yet: shown everywhere, sent nothing, ranked nowhere.

A document names collectives (``有关部门``, ``各市、县（区）``) that the office
cannot send a ledger or a chaser to until the clerk has said who they are (the
unit groups, ``tracker.units.groups``).  Until then such a collective (kind
集体, no member) gets no ledger file, no chaser, no line in the bulletin's
ranking and no place among the units that did not report, and is not counted
as not reported; its tasks are real and stay in every total as not done, and
the window, the master ledger and the bulletin say how many lie with such
collectives.  Once it has members its tasks fan out as any group's do
(``tracker.units.fan_out``).

The rule, one home: :func:`is_memberless` for a unit already read (the window's
``UnitInfo.memberless``), :func:`memberless_collectives` for the database.  Neither
SQLAlchemy nor the models are imported until the database is asked: the records
(read by ``tracker.progress.quick_look`` without SQLAlchemy) use the rule too.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

COLLECTIVE = "集体"
"""The directory's kind of a collective unit (``tracker.units.unit_service.classify_unit``)."""


def is_memberless(kind: str, members: Collection[str]) -> bool:
    """Whether a unit of ``kind`` with ``members`` is a collective that has none yet."""
    return kind == COLLECTIVE and not members


def memberless_collectives(session: Session) -> dict[int, str]:
    """Every collective with no member yet: id → name, in the directory's order."""
    from sqlalchemy import exists, select

    from db.models import Unit, UnitGroupMember

    has_members = exists().where(UnitGroupMember.group_id == Unit.id)
    rows = session.execute(
        select(Unit.id, Unit.name).where(Unit.kind == COLLECTIVE, ~has_members).order_by(Unit.id)
    )
    return {unit_id: name for unit_id, name in rows}


def memberless_sentence(units: dict[str, int]) -> str | None:
    """``另有N项任务由尚无成员单位的集体承担（有关部门3项、…），…``: the tasks lying with
    memberless collectives (name → tasks), for the bulletin and the master ledger; None
    when there are none.  It states facts only: the bulletin goes to the units and leaders,
    so the clerk's to-do (give the collective members) is the window's hint, not printed."""
    named = {unit: count for unit, count in units.items() if count}
    if not named:
        return None
    total = sum(named.values())
    listed = "、".join(f"{unit}{count}项" for unit, count in named.items())
    return (
        f"另有{total}项任务由尚无成员单位的集体承担（{listed}），已计入任务总数，"
        "未发工作台账，未列入单位排名和报送统计。"
    )
