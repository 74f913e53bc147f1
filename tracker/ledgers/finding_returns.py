"""The 整改台账 of a unit's ledger: its open findings out, the unit's edits back, undone.

Its own module so the ledger import (``ledger_import``, ``ledger_undo``) only calls in:
the lines exported per unit, a returned sheet compared with the database (changes,
rejected and ignored cells, each naming its cell), the changes written through
``InspectionService.record`` with the file's batch (one transaction with the main
sheet), and an import's finding entries taken back when the import is undone.

What a unit changed is what differs from the values sent (the sheet's hidden columns).
The main sheet's rules hold: a value the office changed since the export too is a
``Conflict`` the clerk settles (or ``prefer``), a row with a rejected cell is taken
not at all, an emptied cell keeps the office's value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Finding, FindingEntry, Inspection, Unit
from importers.ledger.finding_sheet import REPORTED
from importers.ledger.model import ExportedValue, FindingLine, LedgerFile, ReturnedFinding
from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.errors import InvalidInputError
from tracker.inspections.finding_records import FindingChange
from tracker.inspections.inspection_service import InspectionService
from tracker.ledgers.ledger_checks import rejected_rows
from tracker.ledgers.ledger_records import Conflict, FilePreview, FindingEdit, Ignored, Rejected
from tracker.statuses import Status

KEY_PREFIX = "F"
FIELDS = ("status", "percent", "progress", "evidence")
_COLUMN = {
    "status": "status",
    "percent": "percent",
    "progress": "note",
    "evidence": "unit_evidence",
}
"""Sheet field → the finding's attribute (佐证材料: the unit's, never the office's closing)."""


def finding_lines(session: Session) -> dict[int, list[FindingLine]]:
    """Per unit id, its open findings as 整改台账 lines, oldest inspection first."""
    found = session.execute(
        select(Finding, Inspection.name)
        .join(Inspection, Finding.inspection_id == Inspection.id)
        .where(Finding.status != Status.TICKED_OFF.value)
        .order_by(Inspection.held_on, Inspection.id, Finding.id)
    )
    lines: dict[int, list[FindingLine]] = defaultdict(list)
    for finding, inspection in found:
        lines[finding.unit_id].append(
            FindingLine(
                key=f"{KEY_PREFIX}{finding.id}",
                inspection=inspection,
                problem=finding.problem,
                requirement=finding.requirement,
                deadline=finding.deadline,
                status=finding.status,
                percent=finding.percent,
                progress=finding.note,
                evidence=finding.unit_evidence,
            )
        )
    return lines


def compare_findings(
    session: Session, read: LedgerFile, owner: str | None, preview: FilePreview
) -> None:
    """Add what the file's 整改台账 changes to ``preview`` (edits, conflicts, rejected and
    ignored cells), by the main sheet's rules: a row with a rejected cell is not taken."""
    if not read.findings:
        return
    unit_id = session.scalar(select(Unit.id).where(Unit.name == owner)) if owner else None
    held_back = rejected_rows(read)
    for row in read.findings:
        finding = _finding(session, row.key)
        where = f"A{row.row}"
        if row.key is None or row.exported is None:
            preview.ignored.append(Ignored(row.sheet, where, _message(NO_KEY)))
        elif finding is None:
            preview.ignored.append(Ignored(row.sheet, where, _message(NO_FINDING, key=row.key)))
        elif unit_id is not None and finding.unit_id != unit_id:
            preview.rejected.append(
                Rejected(row.sheet, where, _message(NOT_THEIRS, key=row.key, unit=owner or ""))
            )
        elif (row.sheet, row.row) not in held_back:  # else it stays as the office has it
            _compare_row(read, finding, row, row.exported, preview)


def _compare_row(
    read: LedgerFile,
    finding: Finding,
    row: ReturnedFinding,
    exported: dict[str, ExportedValue],
    preview: FilePreview,
) -> None:
    status = row.status
    if status is not None and status != exported.get("status") and status not in REPORTED:
        cell = read.cell(row.sheet, "status", row.row)
        preview.rejected.append(Rejected(row.sheet, cell, _message(OFFICE_STATUS, status=status)))
        return  # the whole row stays as the office has it, for the unit to correct
    for name in FIELDS:
        returned = getattr(row, name)
        sent = exported.get(name)
        if returned in (None, "") or returned == sent:
            continue  # untouched, or emptied: the office's value stays
        cell = read.cell(row.sheet, name, row.row)
        current = getattr(finding, _COLUMN[name])
        edit = FindingEdit(finding.id, finding.problem, name, current, returned, row.sheet, cell)
        if finding.status == Status.TICKED_OFF.value:
            preview.ignored.append(Ignored(row.sheet, cell, _message(CLOSED)))
        elif current != sent and current != returned:  # both changed it: the clerk decides
            unit, problem = finding.unit.name, finding.problem
            preview.conflicts.append(
                Conflict(finding.id, problem, unit, name, sent, current, returned, edit)
            )
        elif current != returned:
            preview.finding_edits.append(edit)


def _finding(session: Session, key: str | None) -> Finding | None:
    if key is None or not key.startswith(KEY_PREFIX) or not key[1:].isdigit():
        return None
    return session.get(Finding, int(key[1:]))


def apply_findings(
    session: Session,
    inspections: InspectionService,
    edits: Iterable[FindingEdit],
    source: str,
    batch_id: int,
) -> None:
    """Write one file's edits: per finding one change, one history entry, in ``session``."""
    by_finding: dict[int, dict[str, Any]] = defaultdict(dict)
    for edit in edits:
        by_finding[edit.finding_id][edit.field] = edit.new
    for finding_id, values in by_finding.items():
        status = values.get("status")
        change = FindingChange(
            status=Status(status) if isinstance(status, str) else None,
            percent=values.get("percent"),
            note=values.get("progress"),
            evidence=values.get("evidence"),
        )
        inspections.record(finding_id, change, source=source, session=session, batch_id=batch_id)


def undo_findings(
    session: Session, batches: Collection[int], source: str, user: str, now: datetime
) -> None:
    """Take back the finding entries of ``batches``, newest first; refused if a finding was
    changed after the import (that change is to be undone first)."""
    entries = session.scalars(
        select(FindingEntry)
        .where(FindingEntry.batch_id.in_(list(batches)))
        .order_by(FindingEntry.id.desc())
    ).all()
    for entry in entries:
        finding = session.get_one(Finding, entry.finding_id)
        now_values = (finding.status, finding.percent, finding.note, finding.unit_evidence)
        if now_values != (entry.new_status, entry.new_percent, entry.new_note, entry.unit_evidence):
            raise InvalidInputError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "finding {id} ({problem}) was changed after the import; undo that change first",
                ),
                id=finding.id,
                problem=finding.problem,
            )
        earlier = session.scalars(
            select(FindingEntry.unit_evidence)
            .where(FindingEntry.finding_id == finding.id, FindingEntry.id < entry.id)
            .order_by(FindingEntry.id.desc())
        ).first()
        old = {"status": entry.old_status, "percent": entry.old_percent, "note": entry.old_note}
        session.add(
            FindingEntry(
                finding_id=finding.id,
                changed_at=now,
                changed_by=user,
                source=source,
                evidence=finding.evidence,
                unit_evidence=earlier or "",
                **{f"old_{k}": getattr(finding, k) for k in old},
                **{f"new_{k}": v for k, v in old.items()},
            )
        )
        for name, value in old.items():
            setattr(finding, name, value)
        finding.unit_evidence = earlier or ""
        finding.updated_by, finding.updated_at = user, now
        session.flush()


NO_KEY = QT_TRANSLATE_NOOP(
    "messages",
    "this row cannot be tied to a finding (its hidden columns were removed); not read",
)
NO_FINDING = QT_TRANSLATE_NOOP("messages", "no finding {key} in the database; not read")
NOT_THEIRS = QT_TRANSLATE_NOOP("messages", "finding {key} is not one of {unit}'s findings")
OFFICE_STATUS = QT_TRANSLATE_NOOP(
    "messages",
    "整改状态 {status} is not for a unit to set; the office closes a finding (整改销号)",
)
CLOSED = QT_TRANSLATE_NOOP("messages", "the office closed this finding since; not changed")


def _message(template: str, **params: object) -> Message:
    return Message(template, params)
