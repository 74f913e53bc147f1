"""The office's current values, which a returned ledger is compared with.

Read once per preview or apply (``current_assignments``, as plain columns) and
held in a ``Snapshot`` by the importer; the checks (``ledger_checks``) and the
comparison (``ledger_compare``) both find a returned row's assignment in it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, Measure, Task, Unit
from tracker.queries import in_force, unit_deadline


class Current(TypedDict):
    """An assignment as the office has it now; the fields named as in :data:`FIELDS`.

    A dict of plain values, which the garbage collector does not track (a
    snapshot holds every assignment in force).
    """

    assignment_id: int
    status: str
    percent: int | None
    progress: str
    problems: str
    next_steps: str
    evidence: str
    delay_reason: str
    version: int
    code: str
    document_id: int
    unit: str
    deadline: date | None


class Snapshot:
    """The office's current values, read once per preview or apply, not once per file.

    Made from :func:`current_assignments` and the unit aliases by the importer,
    which keeps it with the session.  Rows are found by key (the assignment id)
    unless a unit's hidden sheet is gone, so the (code, unit) index is built
    only when a row first needs it.
    """

    def __init__(
        self,
        current: Iterable[Current],
        aliases: dict[str, str],
        contacts: dict[str, tuple[str, str]] | None = None,
    ) -> None:
        self.by_id = {c["assignment_id"]: c for c in current}
        self.aliases = aliases
        self.contacts = contacts or {}
        """Unit → (联系人, 联系电话) as the directory has them."""
        self._by_code: dict[tuple[str, str], list[Current]] | None = None

    @property
    def by_code(self) -> dict[tuple[str, str], list[Current]]:
        if self._by_code is None:
            self._by_code = defaultdict(list)
            for c in self.by_id.values():
                self._by_code[(c["code"], c["unit"])].append(c)
        return self._by_code

    def same_as(self, other: Snapshot) -> bool:
        return other is self or (
            other.by_id == self.by_id
            and other.aliases == self.aliases
            and other.contacts == self.contacts
        )


def current_assignments(session: Session) -> list[Current]:
    """The office's values now, as plain columns (no ORM objects: this can be 100k rows).

    Fetched in batches: a list of 100k result rows alive at once would keep
    Python's garbage collector busy; the tuples made from them it stops tracking.
    """
    result = session.connection().execute(
        select(
            Assignment.id,
            Assignment.status,
            Assignment.percent,
            Assignment.note,
            Assignment.problems,
            Assignment.next_steps,
            Assignment.evidence,
            Assignment.delay_reason,
            Assignment.version,
            Task.code,
            Measure.document_id,
            Unit.name,
            unit_deadline(),
        )
        .join(Measure, Assignment.measure_id == Measure.id)
        .join(Task, Assignment.task_id == Task.id)
        .join(Unit, Assignment.unit_id == Unit.id)
        .where(in_force())
    )
    return [
        {
            "assignment_id": aid,
            "status": status,
            "percent": percent,
            "progress": note,
            "problems": problems,
            "next_steps": next_steps,
            "evidence": evidence,
            "delay_reason": delay_reason,
            "version": version,
            "code": code,
            "document_id": document_id,
            "unit": unit,
            "deadline": deadline,
        }
        for batch in result.partitions(500)
        for (
            aid,
            status,
            percent,
            note,
            problems,
            next_steps,
            evidence,
            delay_reason,
            version,
            code,
            document_id,
            unit,
            deadline,
        ) in batch
    ]


def unit_contacts(session: Session) -> dict[str, tuple[str, str]]:
    """Every unit's 联系人 and 联系电话 as the directory has them."""
    rows = session.execute(select(Unit.name, Unit.contact_person, Unit.phone))
    return {name: (person, phone) for name, person, phone in rows}
