"""The list of returned files in the import preview: what will happen to each, in words.

It is what the clerk scans first — for 40 returned ledgers, which can go in as they
are, which need a decision and which must go back to the unit — so its status column
says that in words, and its 报送 column what each file is in its round's 报送情况:
报送 on time, N days late, or a 更正版 of the unit's earlier return (the facts of the
round's page, ``tracker.rounds.file_reporting``; after Apply, as read back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt

from ui.ledgers.ledger_preview_models import (
    ATTENTION_COLOUR,
    ERROR_COLOUR,
    READY_COLOUR,
    Choices,
)
from ui.messages import translated
from ui.record_model import Column, Index, RecordTableModel

if TYPE_CHECKING:
    from tracker.ledgers.ledger_records import FilePreview, FileReporting

translate = QCoreApplication.translate
REJECTED, CONFLICTS, STATUS, REPORTING = 5, 6, 7, 8
"""The columns whose colour says something."""


def unit_label(preview: FilePreview) -> str:
    """The file's unit; 总台账 for the office's master ledger, which has none."""
    if preview.master:
        return translate("LedgerPreview", "Master ledger")
    return preview.unit or "—"


def reporting_label(reporting: FileReporting | None, master: bool = False) -> str:
    """按时报送, 逾期N天报送, with 更正版 before it for a corrected version; — for none
    (不计入报送情况 for the master ledger)."""
    if master:
        return translate("LedgerPreview", "Not counted in reporting")
    if reporting is None:
        return "—"
    days = reporting.days_late
    if days == 0:
        when = translate("LedgerPreview", "Reported on time")
    elif days == 1:
        when = translate("LedgerPreview", "Reported %n day late", None, days)
    else:
        when = translate("LedgerPreview", "Reported %n days late", None, days)
    if reporting.correction:
        return translate("LedgerPreview", "Corrected version · {0}").format(when)
    return when


def reporting_tip(reporting: FileReporting | None) -> str | None:
    if reporting is None:
        return None
    if reporting.correction:
        return translate(
            "LedgerPreview",
            "Supersedes the unit's earlier return in this round; "
            "its first return decides on time or late",
        )
    if reporting.deadline is None:
        return translate("LedgerPreview", "The round has no reporting deadline")
    return translate("LedgerPreview", "Due back by {0}").format(f"{reporting.deadline:%Y-%m-%d}")


def open_conflicts(preview: FilePreview, choices: Choices) -> int:
    return sum(1 for c in preview.conflicts if c.key not in choices)


def file_status(
    preview: FilePreview, choices: Choices, outcome: str | None = None, apply_valid: bool = False
) -> str:
    """What will happen to this file, in the clerk's words."""
    if outcome is not None:
        return outcome
    if preview.error:
        return translate("LedgerPreview", "Cannot import: {0}").format(translated(preview.error))
    if preview.needs_unit:
        return translate("LedgerPreview", "Choose the unit: the hidden sheet is gone")
    if preview.rejected and not apply_valid:
        return translate("LedgerPreview", "Fix the rejected cells first")
    undecided = open_conflicts(preview, choices)
    if undecided:
        if undecided == 1:
            return translate("LedgerPreview", "Decide %n conflict", None, undecided)
        return translate("LedgerPreview", "Decide %n conflicts", None, undecided)
    news = preview.changed or preview.finding_edits or preview.conflicts
    if not (news or preview.requests or preview.contacts) and preview.master:
        return translate("LedgerPreview", "Master ledger: nothing new, not counted in reporting")
    if not (news or preview.requests or preview.contacts):  # (a request alone is news)
        return translate("LedgerPreview", "Nothing new: recorded as reported")
    rejected = len(preview.rejected)
    if rejected == 1:
        return translate("LedgerPreview", "Ready: the valid rows; %n rejected row stays", None, 1)
    if rejected:
        return translate(
            "LedgerPreview", "Ready: the valid rows; %n rejected rows stay", None, rejected
        )
    return translate("LedgerPreview", "Ready to apply")


def changes(preview: FilePreview) -> int:
    """The values a file changes: on its main sheets and in its 整改台账."""
    return len(preview.changed) + len(preview.finding_edits)


class FileListModel(RecordTableModel["FilePreview"]):
    """One row per returned file."""

    def __init__(self, parent: QObject | None = None) -> None:
        self.choices: Choices = {}
        self.outcomes: dict[str, str] = {}
        """file name → what the last apply did with it."""
        self.reported: dict[str, FileReporting] = {}
        """file name → what the apply made it in its round's 报送情况 (read back)."""
        self.apply_valid = False
        """The clerk chose to apply the valid rows of files with rejected cells."""
        super().__init__(
            [
                Column(translate("LedgerPreview", "File"), lambda p: p.file, lambda p: str(p.path)),
                Column(translate("LedgerPreview", "Unit"), unit_label),
                Column(translate("LedgerPreview", "Round"), lambda p: p.round_name or "—"),
                Column(translate("LedgerPreview", "Changes"), changes, None, True),
                Column(translate("LedgerPreview", "Unchanged"), lambda p: p.unchanged, None, True),
                Column(
                    translate("LedgerPreview", "Rejected"), lambda p: len(p.rejected), None, True
                ),
                Column(
                    translate("LedgerPreview", "Conflicts"), lambda p: len(p.conflicts), None, True
                ),
                Column(translate("LedgerPreview", "Status"), self.status),
                Column(
                    translate("LedgerPreview", "Reporting"),
                    lambda p: reporting_label(self.reporting(p), p.master),
                    lambda p: reporting_tip(self.reporting(p)),
                ),
            ],
            parent,
        )

    def reporting(self, preview: FilePreview) -> FileReporting | None:
        return self.reported.get(preview.file, preview.reporting)

    def status(self, preview: FilePreview) -> str:
        return file_status(preview, self.choices, self.outcomes.get(preview.file), self.apply_valid)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            preview = self.record(index.row())
            if index.column() == REJECTED and preview.rejected:
                return ERROR_COLOUR
            reporting = self.reporting(preview)
            if index.column() == REPORTING and reporting and reporting.days_late:
                return ATTENTION_COLOUR
            if index.column() == CONFLICTS and open_conflicts(preview, self.choices):
                return ATTENTION_COLOUR
            if index.column() == STATUS:
                if preview.file in self.outcomes:
                    return READY_COLOUR
                if preview.error or (preview.rejected and not self.apply_valid):
                    return ERROR_COLOUR
                if preview.needs_unit or open_conflicts(preview, self.choices):
                    return ATTENTION_COLOUR
                return READY_COLOUR
        return super().data(index, role)
