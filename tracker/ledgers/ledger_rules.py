"""What a returned row's status and percent mean, and the contacts a unit sends back.

A unit's status word and its percent are read as the office would read them:
长期坚持 belongs to a measure without a fixed deadline (for one with a deadline it
is rejected: the unit means 推进中 or has not read the deadline); 已完成 means
100 % unless the unit typed less, which the preview warns about; a percent that
contradicts the status (未启动 80 %) is a warning.  联系人 and 联系电话 are the
unit's, not a row's: what the unit typed (most rows agree) updates its
directory entry when it differs from it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from importers.ledger.model import ExportedValue, LedgerFile, ReturnedRow
from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.statuses import Status
from tracker.ledgers.ledger_checks import reject
from tracker.ledgers.ledger_records import ContactUpdate, FilePreview, Warned

if TYPE_CHECKING:
    from tracker.ledgers.ledger_snapshot import Current

CONTACT_FIELDS = ("contact", "phone")
NOT_STARTED, IN_PROGRESS, DONE, STANDING = (
    Status.NOT_STARTED.value,
    Status.IN_PROGRESS.value,
    Status.DONE.value,
    Status.STANDING.value,
)

Values = tuple[ExportedValue, ...]
"""(status, percent, progress, problems, next steps) of a row."""


def status_rules(
    preview: FilePreview,
    read: LedgerFile,
    row: ReturnedRow,
    target: Current,
    returned: Values,
    base: Values,
) -> Values | None:
    """``returned`` as the office takes it (已完成 → 100 %), or ``None`` if rejected.

    Called only for a row that differs from what was sent out; a warning is given
    only when the unit changed the status or the percent.
    """
    status, percent = returned[0], returned[1]
    if status == STANDING and base[0] != STANDING and target["deadline"] is not None:
        reject(
            preview,
            read,
            row,
            "status",
            QT_TRANSLATE_NOOP(
                "messages",
                "{status} is only for a measure without a fixed deadline; "
                "this one is due {deadline}",
            ),
            status=STANDING,
            deadline=target["deadline"].isoformat(),
        )
        return None
    if status == DONE and base[0] != DONE and (percent is None or percent == base[1]):
        percent = 100  # done means done, unless the unit typed less
        returned = (status, percent, *returned[2:])
    if status == base[0] and percent == base[1]:
        return returned
    shown_status = status if status is not None else target["status"]
    shown_percent = percent if percent is not None else target["percent"]
    if _contradicts(shown_status, shown_percent):
        preview.warnings.append(
            Warned(
                row.sheet,
                read.cell(row.sheet, "percent", row.row),
                target["code"],
                target["unit"],
                Message(
                    QT_TRANSLATE_NOOP(
                        "messages", "the status {status} does not agree with {percent}%"
                    ),
                    {"status": shown_status, "percent": shown_percent},
                ),
            )
        )
    return returned


def _contradicts(status: ExportedValue, percent: ExportedValue) -> bool:
    if not isinstance(percent, int):
        return False
    return (
        (status == NOT_STARTED and percent > 0)
        or (status == IN_PROGRESS and percent == 100)
        or (status == DONE and percent < 100)
    )


@dataclass
class ReturnedContacts:
    """The 联系人 and 联系电话 each unit typed in one file, counted over its rows."""

    typed: dict[tuple[str, str], Counter[str]] = field(default_factory=dict)
    """(unit, field) → value typed → rows."""
    first_cell: dict[tuple[str, str, str], tuple[str, str]] = field(default_factory=dict)
    """(unit, field, value) → (sheet, cell) where it was first typed."""

    def note(
        self, read: LedgerFile, row: ReturnedRow, unit: str, directory: tuple[str, str]
    ) -> None:
        """Count the row's contact cells the unit changed from what was sent out (or, for
        a file without its hidden sheet, from the directory)."""
        typed = (row.contact, row.phone)
        if not any(typed):
            return  # most rows: nothing typed there
        exported = row.exported
        for name, value, known in zip(CONTACT_FIELDS, typed, directory, strict=True):
            sent = exported.get(name) if exported is not None else known
            if not value or value == sent:
                continue
            self.typed.setdefault((unit, name), Counter())[value] += 1
            where = (unit, name, value)
            if where not in self.first_cell:
                self.first_cell[where] = (row.sheet, read.cell(row.sheet, name, row.row))

    def updates(self, directory: dict[str, tuple[str, str]]) -> list[ContactUpdate]:
        """What the directory gets: per unit and field, the value most rows typed (the
        first typed among equals), where it differs from the directory's."""
        found = []
        for (unit, name), counts in self.typed.items():
            value = counts.most_common(1)[0][0]
            old = directory.get(unit, ("", ""))[CONTACT_FIELDS.index(name)]
            if value != old:
                sheet, cell = self.first_cell[(unit, name, value)]
                found.append(ContactUpdate(unit, name, old, value, sheet, cell))
        return found
