"""Comparing a returned ledger with what the office holds now.

For every fill-in field of every row three values meet: what was exported
(kept in the workbook's hidden sheet), what the database holds now, and what
the unit returned.  The unit changed a field when its value differs from the
exported one; if the office changed the same field since the export (and to
something else), that is a conflict and nothing is overwritten.  Where the
hidden keys are gone, rows are matched by 措施编号 + 责任单位 and the database
value stands in for the exported one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from importers.ledger.columns import header_for_field
from importers.ledger.model import ExportedValue, LedgerFile, ReturnedRow
from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.ledgers.ledger_checks import MAX_TEXT, TEXT_FIELDS, FileChecks, find_target, reject
from tracker.ledgers.ledger_records import (
    CLEAR,
    Conflict,
    ContactUpdate,
    ExtensionRequest,
    FieldChange,
    FilePreview,
    Ignored,
    Kept,
    Rejected,
    Warned,
)
from tracker.ledgers.ledger_requests import OverdueDay, check_requests
from tracker.ledgers.ledger_returns import FILL_IN, as_exported, fill_in_values, taken_back
from tracker.ledgers.ledger_rules import ReturnedContacts, status_rules
from tracker.ledgers.ledger_snapshot import Current, Snapshot
from tracker.statuses import Status

FIELDS = ("status", "percent", "progress", "problems", "next_steps", "evidence", "delay_reason")


@dataclass
class Comparison:
    """A file's rows compared with the office's values, kept for the apply that follows.

    The apply compares again inside its transaction, in case the database
    changed since the preview; when the file, its owner and every value it is
    compared with are the same, so is the outcome, and the rows are not
    compared a second time.
    """

    read: LedgerFile
    owner: str | None
    snapshot: Snapshot
    changed: list[FieldChange]
    unchanged: int
    rejected: list[Rejected]
    conflicts: list[Conflict]
    ignored: list[Ignored]
    kept: list[Kept]
    warnings: list[Warned]
    contacts: list[ContactUpdate]
    superseded: frozenset[int] = frozenset()
    requests: list[ExtensionRequest] = field(default_factory=list)
    overdue: OverdueDay | None = None
    """The day (and deadlines) the rows were judged overdue by: the round's as-of day."""
    resent: bool = False
    """Sent again as exported after the unit's return: nothing new, not a 更正版."""

    def fill(self, preview: FilePreview) -> None:
        """Put the outcome in ``preview``, after what it holds (the reader's errors)."""
        preview.changed.extend(self.changed)
        preview.unchanged = self.unchanged
        preview.rejected.extend(self.rejected)
        preview.conflicts.extend(self.conflicts)
        preview.ignored.extend(self.ignored)
        preview.kept.extend(self.kept)
        preview.warnings.extend(self.warnings)
        preview.contacts.extend(self.contacts)
        preview.requests.extend(self.requests)
        preview.resent = self.resent

    def holds_for(
        self,
        read: LedgerFile,
        owner: str | None,
        snapshot: Snapshot,
        superseded: frozenset[int] = frozenset(),
        overdue: OverdueDay | None = None,
    ) -> bool:
        return (
            self.read is read
            and self.owner == owner
            and self.superseded == superseded
            and self.overdue == overdue
            and self.snapshot.same_as(snapshot)
        )


def compare_file(
    path: Path,
    read: LedgerFile,
    owner: str | None,
    snapshot: Snapshot,
    superseded: frozenset[int],
    overdue: OverdueDay,
) -> Comparison:
    """Every row of the file at ``path`` compared with the office's values (``owner``'s)."""
    rows = FilePreview(path=path)
    resent = bool(superseded) and as_exported(read)
    checks = FileChecks(read, frozenset() if resent else superseded, overdue)
    contacts = ReturnedContacts()
    for row in read.rows:
        compare_row(rows, read, row, snapshot, owner, checks, contacts)
    return Comparison(
        read,
        owner,
        snapshot,
        rows.changed,
        rows.unchanged,
        rows.rejected,
        rows.conflicts,
        rows.ignored,
        rows.kept,
        rows.warnings,
        contacts.updates(snapshot.contacts),
        superseded,
        rows.requests,
        overdue,
        resent,
    )


def compare_row(
    preview: FilePreview,
    read: LedgerFile,
    row: ReturnedRow,
    snapshot: Snapshot,
    owner: str | None,
    checks: FileChecks,
    contacts: ReturnedContacts | None = None,
) -> None:
    """One returned row against the database: changed fields, conflicts, or why it is rejected.

    Runs for every row of every file, twice (preview and apply): cell addresses
    and messages are made only for the rows that need them.  A row is believed
    only when it names the assignment its hidden key (or its 措施编号 + 责任单位)
    leads to, belongs to the file's unit, was in the ledger as sent out, and is
    the only row of the file for that assignment (or says the same as the others).
    """
    target = find_target(preview, read, row, snapshot, checks)
    if target is None:
        return
    if owner is not None and target["unit"] != owner:
        reject(
            preview,
            read,
            row,
            "unit",
            QT_TRANSLATE_NOOP(
                "messages", "this row belongs to {unit}; the ledger was exported for {owner}"
            ),
            unit=target["unit"],
            owner=owner,
        )
        return
    if row.key is None and checks.entries and not checks.exported(target["assignment_id"]):
        reject(
            preview,
            read,
            row,
            "measure_code",
            QT_TRANSLATE_NOOP(
                "messages",
                "measure {code} of {unit} was not in this ledger as it was sent out "
                "(措施编号 or 责任单位 edited, or the row copied in); not imported",
            ),
            code=row.measure_code,
            unit=row.unit,
        )
        return
    if (row.sheet, row.row) in checks.rejected_rows:
        return  # a rejected cell: the row stays as the office has it, for the unit to correct
    if contacts is not None:
        unit = target["unit"]
        contacts.note(read, row, unit, snapshot.contacts.get(unit, ("", "")))
    returned = fill_in_values(row)
    earlier = checks.first_seen(target["assignment_id"], row, returned)
    if earlier is not None:
        if earlier[2] != returned:
            reject(
                preview,
                read,
                row,
                "measure_code",
                QT_TRANSLATE_NOOP(
                    "messages",
                    "measure {code} of {unit} is also in {other} with other values; "
                    "keep one of the two rows",
                ),
                code=target["code"],
                unit=target["unit"],
                other=f"{earlier[0]}!{read.cell(earlier[0], 'measure_code', earlier[1])}",
            )
        else:
            preview.unchanged += 1  # the same row again (a copy, a summary): said once
        return
    office: tuple[ExportedValue, ...] = (
        target["status"],
        target["percent"],
        target["progress"],
        target["problems"],
        target["next_steps"],
        target["evidence"],
        target["delay_reason"],
    )
    base = office
    exported = row.exported
    sent: tuple[ExportedValue, ...] | None = None
    if read.meta is not None and exported is not None:
        sent = tuple(map(exported.get, FILL_IN))
    if target["assignment_id"] not in checks.superseded:
        base, sent = sent or office, None
    # else the unit's own earlier return is the base; a value put back as sent takes it back
    ticked_off = Status.TICKED_OFF.value
    if row.status == ticked_off != base[0]:
        reject(
            preview,
            read,
            row,
            "status",
            QT_TRANSLATE_NOOP(
                "messages",
                "a unit cannot tick off ({status}) its own measure; only the office can",
            ),
            status=ticked_off,
        )
        return
    deadline = checks.changed_deadline(row)
    if deadline is not None:
        preview.ignored.append(
            Ignored(
                row.sheet,
                read.cell(row.sheet, "deadline", row.row),
                Message(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "{column} is set by the office: {old} → {new} ignored",
                    ),
                    {
                        "column": header_for_field("deadline"),
                        "old": deadline[0] or "—",
                        "new": deadline[1] or "—",
                    },
                ),
            )
        )
    if checks.changed_content(row):
        preview.ignored.append(
            Ignored(
                row.sheet,
                read.cell(row.sheet, "content", row.row),
                Message(
                    QT_TRANSLATE_NOOP(
                        "messages", "{column} is set by the office: the unit's edit is ignored"
                    ),
                    {"column": header_for_field("content")},
                ),
            )
        )
    check_requests(preview, read, row, target, checks.overdue)
    if returned == base:
        preview.unchanged += 1  # most rows: every field as exported
        return
    ruled = status_rules(preview, read, row, target, returned, base)
    if ruled is None:
        return
    _compare_fields(preview, read, row, target, ruled, base, office, sent)


def _compare_fields(
    preview: FilePreview,
    read: LedgerFile,
    row: ReturnedRow,
    target: Current,
    returned: tuple[ExportedValue, ...],
    base: tuple[ExportedValue, ...],
    office: tuple[ExportedValue, ...],
    sent: tuple[ExportedValue, ...] | None = None,
) -> None:
    """The fields of a row that differs from what was sent out: changes, conflicts,
    emptied texts kept, over-long texts ignored; ``sent``: the values as exported of a
    row the unit's earlier return wrote, where putting one back takes it back (warned)."""
    any_change = False
    for i, (name, new, old_exported, now) in enumerate(
        zip(FIELDS, returned, base, office, strict=True)
    ):
        if new is None and name in ("status", "percent"):
            continue  # an emptied status or percent cell is not an instruction
        # None and "" compare equal (an empty cell read back either way); spelled out
        # inline, as this runs for every field of every changed row.
        new_text = "" if new is None else new
        exported_text = "" if old_exported is None else old_exported
        if new_text == exported_text:
            continue
        if not new and name in TEXT_FIELDS:
            if now:  # emptied by the unit: kept, unless the clerk chooses to clear it
                preview.kept.append(
                    Kept(
                        target["assignment_id"],
                        target["code"],
                        target["unit"],
                        name,
                        row.sheet,
                        read.cell(row.sheet, name, row.row),
                        now,
                    )
                )
            continue
        if isinstance(new, str) and len(new) >= MAX_TEXT:
            preview.ignored.append(
                Ignored(
                    row.sheet,
                    read.cell(row.sheet, name, row.row),
                    Message(
                        QT_TRANSLATE_NOOP(
                            "messages",
                            "{column}: the text fills a whole cell ({limit} characters) "
                            "and may have been cut; ignored",
                        ),
                        {"column": header_for_field(name), "limit": MAX_TEXT},
                    ),
                )
            )
            continue
        now_text = "" if now is None else now
        if now_text != exported_text and now_text != new_text:
            preview.conflicts.append(
                Conflict(
                    target["assignment_id"],
                    target["code"],
                    target["unit"],
                    name,
                    old_exported,
                    now,
                    new,
                )
            )
            continue
        if now_text == new_text:
            continue
        if sent is not None and new_text == ("" if sent[i] is None else sent[i]):
            cell = read.cell(row.sheet, name, row.row)
            reason = taken_back(name, now, new)
            preview.warnings.append(Warned(row.sheet, cell, target["code"], target["unit"], reason))
        preview.changed.append(
            FieldChange(target["assignment_id"], target["code"], target["unit"], name, now, new)
        )
        any_change = True
    if not any_change:
        preview.unchanged += 1


def settle(preview: FilePreview, resolutions: Mapping[tuple[int, str], str]) -> None:
    """Turn the clerk's decisions into changes: a conflict settled for the unit's value
    (``"unit"``) or the office's (``"office"``: nothing), an emptied text to be cleared
    (``"clear"``; otherwise the office's text is kept)."""
    for k in preview.kept:
        if resolutions.get(k.key) == CLEAR:
            cleared = FieldChange(k.assignment_id, k.code, k.unit, k.field, k.office, "")
            preview.changed.append(cleared)
    still_open = []
    for c in preview.conflicts:
        choice = resolutions.get(c.key)
        if choice == "unit" and c.finding is not None:
            preview.finding_edits.append(c.finding)
        elif choice == "unit":
            preview.changed.append(
                FieldChange(c.assignment_id, c.code, c.unit, c.field, c.office, c.returned)
            )
        elif choice != "office":
            still_open.append(c)
    preview.conflicts = still_open
