"""What previewing and applying returned ledgers hands back to the GUI and the CLI.

Plain records, free of the database and of Qt, so the preview dialog's models
and ``tracker-cli`` can show them (and the CLI print them as JSON) without
knowing how the comparison was made.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import NamedTuple

from importers.ledger.columns import header_for_field
from importers.ledger.finding_sheet import field_header
from importers.ledger.model import ExportedValue
from importers.messages import QT_TRANSLATE_NOOP, Message


class FieldChange(NamedTuple):
    """One field of one assignment the apply writes: ``old`` (the office's) → ``new``.

    A named tuple, not a frozen dataclass: as immutable, and a heavy return makes 25,000
    of them, where a frozen dataclass's ``__init__`` (each field set through
    ``object.__setattr__``) cost a quarter of the comparison."""

    assignment_id: int
    code: str
    unit: str
    field: str
    old: ExportedValue
    new: ExportedValue

    @property
    def label(self) -> str:
        return header_for_field(self.field)


@dataclass(frozen=True)
class Conflict:
    """A field the unit and the office both changed since the export: the clerk decides.

    On the 整改台账 ``finding`` is the edit taking the unit's value makes (``assignment_id``
    is then the finding's id, ``code`` its problem); ``None`` on a main sheet.
    """

    assignment_id: int
    code: str
    unit: str
    field: str
    exported: ExportedValue
    office: ExportedValue
    returned: ExportedValue
    finding: FindingEdit | None = None

    @property
    def key(self) -> tuple[int, str]:
        """How ``apply``'s resolutions name the clerk's decision on it."""
        if self.finding is None:
            return (self.assignment_id, self.field)
        return (self.assignment_id, f"{FINDING_KEY}{self.field}")

    @property
    def label(self) -> str:
        return field_header(self.field) if self.finding else header_for_field(self.field)


FINDING_KEY = "finding:"
"""A 整改台账 conflict's field in its key: a finding's id never meets an assignment's."""


@dataclass(frozen=True)
class FileReporting:
    """A returned file in its round's 报送情况, as the round's page counts it: its unit's
    first return decides on time or ``days_late`` (against ``deadline``, the round's
    报送截止日期); a ``correction`` (更正版) supersedes the unit's earlier return."""

    deadline: date | None
    days_late: int
    correction: bool

    def to_json(self) -> dict[str, object]:
        """The facts, as ``round-status --json`` gives a unit's (``on_time``)."""
        return {
            "deadline": None if self.deadline is None else self.deadline.isoformat(),
            "on_time": self.days_late == 0,
            "days_late": self.days_late,
            "correction": self.correction,
        }


@dataclass(frozen=True)
class Rejected:
    sheet: str
    cell: str
    reason: Message
    field: str = ""
    """The field of a cell the clerk may correct in the preview (``status``, ``percent``),
    else empty (``importers.ledger.corrections``)."""
    code: str = ""
    """The 措施编号 of the cell's row as the ledger shows it (``3``, ``3-1``), so the unit
    finds the row on the 退回单's printed list; empty where the row has none."""


@dataclass(frozen=True)
class Ignored:
    """A cell the unit edited that is not written: a locked column, or text too long.

    Listed so the clerk can tell the unit; it does not keep the file out.
    """

    sheet: str
    cell: str
    reason: Message


@dataclass(frozen=True)
class Kept:
    """A text field the unit emptied (exported with text, returned empty): the office's text
    stays, as for an emptied status, unless the clerk chooses to clear it (``"clear"``)."""

    assignment_id: int
    code: str
    unit: str
    field: str
    sheet: str
    cell: str
    office: ExportedValue

    @property
    def key(self) -> tuple[int, str]:
        return (self.assignment_id, self.field)


@dataclass(frozen=True)
class Warned:
    """A row taken as returned that the clerk should look at: a percent that contradicts
    the status (未启动 80 %, 已完成 60 %).  It does not keep the file out."""

    sheet: str
    cell: str
    code: str
    unit: str
    reason: Message


@dataclass(frozen=True)
class ContactUpdate:
    """A unit's 联系人 or 联系电话 as its returned ledger gives it, new to the directory."""

    unit: str
    field: str
    """``"contact"`` or ``"phone"``."""
    old: str
    new: str
    sheet: str
    cell: str

    @property
    def label(self) -> str:
        return header_for_field(self.field)


@dataclass(frozen=True)
class FindingEdit:
    """A value a unit changed in its 整改台账 (``tracker.ledgers.finding_returns``)."""

    finding_id: int
    problem: str
    field: str
    """``status``, ``percent``, ``progress`` (the finding's note) or ``evidence``."""
    old: ExportedValue
    new: ExportedValue
    sheet: str
    cell: str

    @property
    def label(self) -> str:
        return field_header(self.field)


@dataclass(frozen=True)
class ExtensionRequest:
    """A unit's 申请延期: the deadline it asks for one assignment, and why."""

    assignment_id: int
    code: str
    unit: str
    deadline: date | None
    """The deadline the assignment has now."""
    requested: date
    reason: str
    sheet: str
    cell: str
    """Where the requested date is (``Q7``)."""
    deadline_text: str = ""
    """``deadline`` as the ledger prints it (the document's words, 2021年底), shown by the
    preview as the extension requests page shows it (``ledger_requests.worded_deadlines``)."""


CLEAR = "clear"
"""The clerk's choice, in ``apply``'s resolutions, to clear a field the unit emptied."""


@dataclass
class FilePreview:
    path: Path
    sha256: str = ""
    unit: str | None = None
    round_name: str | None = None
    keys_found: bool = False
    changed: list[FieldChange] = field(default_factory=list)
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    error: Message | None = None
    ignored: list[Ignored] = field(default_factory=list)
    kept: list[Kept] = field(default_factory=list)
    warnings: list[Warned] = field(default_factory=list)
    contacts: list[ContactUpdate] = field(default_factory=list)
    finding_edits: list[FindingEdit] = field(default_factory=list)
    """What the unit changed in its 整改台账: written with the file, history in the batch."""
    requests: list[ExtensionRequest] = field(default_factory=list)
    """申请延期 the unit typed (``tracker.ledgers.ledger_requests``)."""
    needs_unit: bool = False
    """No hidden sheet and no unit chosen: the clerk says whose file this is."""
    unit_suggestions: list[str] = field(default_factory=list)
    """For a file that needs a unit: likely units, best first (file name, then the rows)."""
    reporting: FileReporting | None = None
    """What the file is in its round's 报送情况 (``tracker.rounds.file_reporting``)."""
    master: bool = False
    """The office's 总台账: whatever it changes, no unit reports by it (not in 报送情况)."""
    resent: bool = False
    """The unit's ledger sent again as exported after its return: nothing new, no 更正版."""

    @property
    def file(self) -> str:
        return self.path.name

    @property
    def applicable(self) -> bool:
        return (
            self.error is None and not self.needs_unit and not self.rejected and not self.conflicts
        )

    @property
    def skip_reason(self) -> Message | None:
        return self.blocking(apply_valid=False)

    def blocking(self, *, apply_valid: bool, settled: bool = False) -> Message | None:
        """Why the file is not applied; with ``apply_valid`` rejected cells do not keep it
        out (their rows stay as the office has them, for the unit to correct), with
        ``settled`` (a preference for every conflict) conflicts do not either."""
        if self.error:
            return self.error
        if self.needs_unit:
            return Message(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "the hidden sheet is gone: choose the unit this file is from "
                    "(suggested: {units})",
                ),
                {"units": "、".join(self.unit_suggestions) or "—"},
            )
        if self.rejected and not apply_valid:
            rejected = QT_TRANSLATE_NOOP("messages", "{count} rejected rows")
            if len(self.rejected) == 1:
                rejected = QT_TRANSLATE_NOOP("messages", "{count} rejected row")
            return Message(rejected, {"count": len(self.rejected)})
        if self.conflicts and not settled:
            conflicts = QT_TRANSLATE_NOOP("messages", "{count} conflicts")
            if len(self.conflicts) == 1:
                conflicts = QT_TRANSLATE_NOOP("messages", "{count} conflict")
            return Message(conflicts, {"count": len(self.conflicts)})
        return None

    def to_json(self) -> dict[str, object]:
        return {
            "file": self.file,
            "unit": self.unit,
            "round": self.round_name,
            "keys_found": self.keys_found,
            "error": None if self.error is None else str(self.error),
            "needs_unit": self.needs_unit,
            "unit_suggestions": self.unit_suggestions,
            "changed": [
                {"code": c.code, "unit": c.unit, "field": c.label, "old": c.old, "new": c.new}
                for c in self.changed
            ],
            "unchanged": self.unchanged,
            "rejected": [
                {"sheet": r.sheet, "cell": r.cell, "code": r.code, "reason": str(r.reason)}
                for r in self.rejected
            ],
            "conflicts": [
                {
                    "code": c.code,
                    "unit": c.unit,
                    "field": c.label,
                    "exported": c.exported,
                    "office": c.office,
                    "returned": c.returned,
                }
                for c in self.conflicts
            ],
            "ignored": [
                {"sheet": i.sheet, "cell": i.cell, "reason": str(i.reason)} for i in self.ignored
            ],
            "warnings": [
                {
                    "sheet": w.sheet,
                    "cell": w.cell,
                    "code": w.code,
                    "unit": w.unit,
                    "reason": str(w.reason),
                }
                for w in self.warnings
            ],
            "contacts": [
                {"unit": c.unit, "field": c.label, "old": c.old, "new": c.new}
                for c in self.contacts
            ],
            "findings": [
                {"finding": e.finding_id, "field": e.field, "old": e.old, "new": e.new}
                for e in self.finding_edits
            ],
            "extension_requests": [
                {
                    "code": r.code,
                    "unit": r.unit,
                    "deadline": None if r.deadline is None else r.deadline.isoformat(),
                    "requested": r.requested.isoformat(),
                    "reason": r.reason,
                    "cell": f"{r.sheet}!{r.cell}",
                }
                for r in self.requests
            ],
            "reporting": None if self.reporting is None else self.reporting.to_json(),
            "emptied_kept": [
                {
                    "code": k.code,
                    "unit": k.unit,
                    "field": header_for_field(k.field),
                    "sheet": k.sheet,
                    "cell": k.cell,
                    "kept": k.office,
                }
                for k in self.kept
            ],
        }


@dataclass
class ApplyResult:
    applied: list[str] = field(default_factory=list)
    skipped: list[tuple[str, Message]] = field(default_factory=list)
    """(file name, why it was not applied)."""
    changes: int = 0
    contacts: int = 0
    """Directory entries (联系人, 联系电话) the files updated."""
    extensions: int = 0
    """Extension requests the files recorded, pending the office's decision."""
    batches: list[int] = field(default_factory=list)
    """The import batch of each file applied (what ``LedgerImporter.undo_apply`` takes)."""
    versions: dict[int, int] = field(default_factory=dict)
    """Assignment id → its version after the apply, for every assignment it changed."""
    requests: list[ExtensionRequest] = field(default_factory=list)
    """The 申请延期 of the files applied, for the office to approve or refuse."""
    reporting: dict[str, FileReporting] = field(default_factory=dict)
    """File name → what it now is in its round's 报送情况, read back after the write."""
