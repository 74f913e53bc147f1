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

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, Measure, Unit
from importers.ledger.model import ExportedValue, LedgerFile, ReturnedRow
from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.ledger_records import Conflict, FieldChange, FilePreview, Rejected
from tracker.queries import in_force
from tracker.statuses import Status

FIELDS = ("status", "percent", "progress", "problems", "next_steps")


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
    version: int
    code: str
    document_id: int
    unit: str


class Snapshot:
    """The office's current values, read once per preview or apply, not once per file.

    Made from :func:`current_assignments` and the unit aliases by the importer,
    which keeps it with the session.  Rows are found by key (the assignment id)
    unless a unit's hidden sheet is gone, so the (code, unit) index is built
    only when a row first needs it.
    """

    def __init__(self, current: Iterable[Current], aliases: dict[str, str]) -> None:
        self.by_id = {c["assignment_id"]: c for c in current}
        self.aliases = aliases
        self._by_code: dict[tuple[str, str], list[Current]] | None = None

    @property
    def by_code(self) -> dict[tuple[str, str], list[Current]]:
        if self._by_code is None:
            self._by_code = defaultdict(list)
            for c in self.by_id.values():
                self._by_code[(c["code"], c["unit"])].append(c)
        return self._by_code

    def same_as(self, other: Snapshot) -> bool:
        return other is self or (other.by_id == self.by_id and other.aliases == self.aliases)


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

    def holds_for(self, read: LedgerFile, owner: str | None, snapshot: Snapshot) -> bool:
        return self.read is read and self.owner == owner and self.snapshot.same_as(snapshot)


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
            Assignment.version,
            Measure.code,
            Measure.document_id,
            Unit.name,
        )
        .join(Measure, Assignment.measure_id == Measure.id)
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
            "version": version,
            "code": code,
            "document_id": document_id,
            "unit": unit,
        }
        for batch in result.partitions(500)
        for (
            aid,
            status,
            percent,
            note,
            problems,
            next_steps,
            version,
            code,
            document_id,
            unit,
        ) in batch
    ]


def compare_row(
    preview: FilePreview, read: LedgerFile, row: ReturnedRow, snapshot: Snapshot, owner: str | None
) -> None:
    """One returned row against the database: changed fields, conflicts, or why it is rejected.

    Runs for every row of every file, twice (preview and apply): cell addresses
    and messages are made only for the rows that need them.
    """
    target: Current | None = None
    if row.key is not None and row.key.isdigit():
        target = snapshot.by_id.get(int(row.key))
    if target is None:
        unit_name = snapshot.aliases.get(row.unit, row.unit)
        candidates = snapshot.by_code.get((row.measure_code, unit_name), [])
        if row.doc_key and row.doc_key.isdigit():
            candidates = [c for c in candidates if c["document_id"] == int(row.doc_key)]
        if len(candidates) > 1:
            _reject(
                preview,
                read,
                row,
                "measure_code",
                QT_TRANSLATE_NOOP(
                    "messages",
                    "measure {code} of {unit} exists in several documents "
                    "and the ledger's hidden keys are gone",
                ),
                code=row.measure_code,
                unit=unit_name,
            )
            return
        if not candidates:
            _reject(
                preview,
                read,
                row,
                "measure_code",
                QT_TRANSLATE_NOOP("messages", "no assignment of measure {code!r} to {unit!r}"),
                code=row.measure_code,
                unit=unit_name,
            )
            return
        target = candidates[0]
    if owner is not None and target["unit"] != owner:
        _reject(
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
    office: tuple[ExportedValue, ...] = (
        target["status"],
        target["percent"],
        target["progress"],
        target["problems"],
        target["next_steps"],
    )
    base = office
    exported = row.exported
    if read.meta is not None and exported is not None:
        base = (
            exported.get("status"),
            exported.get("percent"),
            exported.get("progress"),
            exported.get("problems"),
            exported.get("next_steps"),
        )
    ticked_off = Status.TICKED_OFF.value
    if owner is not None and row.status == ticked_off != base[0]:
        _reject(
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
    returned = (row.status, row.percent, row.progress, row.problems, row.next_steps)
    if returned == base:
        preview.unchanged += 1  # most rows: every field as exported
        return
    any_change = False
    for name, new, old_exported, now in zip(FIELDS, returned, base, office, strict=True):
        if new is None and name in ("status", "percent"):
            continue  # an emptied status or percent cell is not an instruction
        if new == old_exported or _same(new, old_exported):
            continue
        if not _same(now, old_exported) and not _same(now, new):
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
        if _same(now, new):
            continue
        preview.changed.append(
            FieldChange(target["assignment_id"], target["code"], target["unit"], name, now, new)
        )
        any_change = True
    if not any_change:
        preview.unchanged += 1


def _reject(
    preview: FilePreview,
    read: LedgerFile,
    row: ReturnedRow,
    field_name: str,
    template: str,
    **params: object,
) -> None:
    cell = read.cell(row.sheet, field_name, row.row)
    preview.rejected.append(Rejected(row.sheet, cell, Message(template, params)))


def _same(a: ExportedValue, b: ExportedValue) -> bool:
    return (a if a is not None else "") == (b if b is not None else "")


def settle(preview: FilePreview, resolutions: Mapping[tuple[int, str], str]) -> None:
    """Turn the conflicts a clerk decided into changes (unit's value) or nothing (office's)."""
    still_open = []
    for c in preview.conflicts:
        choice = resolutions.get((c.assignment_id, c.field))
        if choice == "unit":
            preview.changed.append(
                FieldChange(c.assignment_id, c.code, c.unit, c.field, c.office, c.returned)
            )
        elif choice != "office":
            still_open.append(c)
    preview.conflicts = still_open
