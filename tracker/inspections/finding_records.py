"""The plain records the inspection service hands the CLI and the window."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Final

from tracker.statuses import Derived, Status

FINDING_STATUSES: Final[tuple[Status, ...]] = (
    Status.NOT_STARTED,
    Status.IN_PROGRESS,
    Status.DONE,
    Status.TICKED_OFF,
)
"""A finding's statuses: an assignment's but 长期坚持 (a rectification always has a deadline)."""

REPORTED_STATUSES: Final[tuple[Status, ...]] = FINDING_STATUSES[:-1]
"""What a unit or a clerk may set; 已销号 only comes with the office's closing and evidence."""


@dataclass(frozen=True)
class InspectionInfo:
    id: int
    name: str
    held_on: date
    team: str
    findings: int = 0
    open: int = 0


@dataclass(frozen=True)
class FindingRow:
    """One finding as seen today: what was found, what is required, how far it is."""

    id: int
    inspection: str
    held_on: date
    unit: str
    measure_code: str | None
    problem: str
    requirement: str
    deadline: date
    status: Status
    percent: int | None
    note: str
    evidence: str
    """The office's closing evidence (整改销号); empty while open."""
    unit_evidence: str
    """佐证材料 the unit sent: kept when the office closes or reopens the finding."""
    closed_at: datetime | None
    version: int
    state: Derived
    """Its status as the day shows it: 逾期 and 临期 by ``tracker.statuses.derive``."""

    @property
    def is_open(self) -> bool:
        return self.status is not Status.TICKED_OFF


@dataclass(frozen=True)
class FindingHistoryRow:
    changed_at: datetime
    changed_by: str
    source: str
    old_status: str | None
    new_status: str
    old_percent: int | None
    new_percent: int | None
    old_note: str | None
    new_note: str
    evidence: str
    unit_evidence: str = ""


@dataclass(frozen=True)
class NewFinding:
    """What a clerk (or a line of a 问题清单) gives to add a finding."""

    inspection: str
    unit: str
    problem: str
    requirement: str
    deadline: date
    measure: str | None = None
    doc: str | None = None


@dataclass(frozen=True)
class FindingChange:
    """What a user wants to set; ``None`` leaves a field as it is."""

    status: Status | None = None
    percent: int | None = None
    note: str | None = None
    evidence: str | None = None
    """佐证材料 the unit points to (a returned 整改台账): kept apart from the office's closing
    evidence (``FindingRow.unit_evidence``), with history."""
