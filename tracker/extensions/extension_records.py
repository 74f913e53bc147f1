"""What the extension service hands back: plain records, free of the database and of Qt."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class ExtensionState(StrEnum):
    PENDING = "待审批"
    APPROVED = "已批准"
    REFUSED = "已驳回"


@dataclass(frozen=True)
class ExtensionInfo:
    """One request (申请延期) as the office sees it: the task, the deadlines, the decision."""

    id: int
    assignment_id: int
    code: str
    title: str
    unit: str
    measure_deadline: date | None
    """The measure's deadline (the original, whatever the unit was granted)."""
    unit_deadline: date | None
    """The deadline the unit has now: its own after an approval, else the measure's."""
    requested_deadline: date
    reason: str
    source: str
    round: str | None
    requested_at: datetime
    requested_by: str
    state: ExtensionState
    decided_at: datetime | None
    decided_by: str
    decision_note: str
    previous_deadline: date | None
    """For an approved request: the deadline it replaced (the unit's own, else the
    measure's), which an undo puts back."""
    deadline_text: str | None = None
    """The measure's deadline as the document words it (``2021年6月底``), if it does."""

    def to_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "code": self.code,
            "title": self.title,
            "unit": self.unit,
            "measure_deadline": _day(self.measure_deadline),
            "unit_deadline": _day(self.unit_deadline),
            "requested_deadline": self.requested_deadline.isoformat(),
            "reason": self.reason,
            "source": self.source,
            "round": self.round,
            "requested_at": f"{self.requested_at:%Y-%m-%d %H:%M}",
            "state": self.state.value,
            "decided_at": f"{self.decided_at:%Y-%m-%d %H:%M}" if self.decided_at else None,
            "decided_by": self.decided_by or None,
            "decision_note": self.decision_note,
        }


def _day(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class TaskChoice:
    """One task a unit may ask to extend, as the new-request dialog offers it."""

    assignment_id: int
    document: str
    code: str
    title: str
    status: str
    deadline: date | None
    """The unit's deadline now (its own after an approval, else the measure's)."""
    original: date | None
    """The measure's deadline when an approval gave the unit a later one, else ``None``."""
    deadline_text: str | None = None
    """The task's deadline as the document words it (``2021年底``), if it does."""

    @property
    def label(self) -> str:
        """``宁政办〔2021〕9号 1 推进企业开办全程网办``: how the dialog names it."""
        return f"{self.document} {self.code} {self.title}"
