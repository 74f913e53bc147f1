"""Taking back a ledger import: every file of one apply, in one transaction.

``undo_import`` undoes the latest apply still standing, after the checks that
make it safe: no value the import wrote was changed since (a clerk's edit, a
later import: undo that first), contacts changed again since are left as they
are.  Given the batches of one apply (``expected``), it undoes that apply only:
one already undone is nothing to do, and one with a later import still standing
is refused, naming the later files — so the window's undo history never undoes
an import it did not make.  It reports the files and each touched assignment's
version afterwards, so the window's own later undos expect the right version.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Row, Table, select
from sqlalchemy.orm import Session

from db.models import Assignment, ImportBatch, Measure, ProgressEntry, Unit
from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import InvalidInputError
from tracker.extensions.extension_service import undo_requests
from tracker.ledgers.finding_returns import undo_findings
from tracker.ledgers.ledger_write import PROGRESS_COLUMNS, write_changes
from tracker.progress.history_entries import Provenance
from tracker.progress.progress_service import Change
from tracker.statuses import Status
from tracker.store import Store
from tracker.units.unit_contacts import undo_contacts

UNDO_SOURCE = "撤销导入"


@dataclass
class UndoneImport:
    files: list[str] = field(default_factory=list)
    """The files whose changes were taken back (none: the apply was undone already)."""
    versions: dict[int, int] = field(default_factory=dict)
    """Assignment id → its version after the undo, for every assignment it touched."""


def assignment_versions(session: Session, ids: Collection[int]) -> dict[int, int]:
    """The stored version of each of ``ids`` (read from the database, not the session)."""
    if not ids:
        return {}
    session.flush()
    rows = session.execute(
        select(Assignment.id, Assignment.version).where(Assignment.id.in_(list(ids)))
    )
    return {assignment_id: version for assignment_id, version in rows}


def _latest(session: Session) -> list[ImportBatch]:
    """The batches of the latest apply still standing (one per file)."""
    latest = session.scalars(
        select(ImportBatch)
        .where(ImportBatch.undone_at.is_(None))
        .order_by(ImportBatch.imported_at.desc(), ImportBatch.id.desc())
    ).first()
    if latest is None:
        return []
    return list(
        session.scalars(
            select(ImportBatch).where(
                ImportBatch.undone_at.is_(None), ImportBatch.imported_at == latest.imported_at
            )
        )
    )


def undo_import(store: Store, expected: Collection[int] | None = None) -> UndoneImport:
    """Undo the latest apply (or, with ``expected``, that apply's batches only)."""
    with store.transaction() as session:
        batches = _latest(session)
        if expected is not None:
            wanted = set(expected)
            standing = session.scalars(
                select(ImportBatch.id).where(
                    ImportBatch.id.in_(wanted), ImportBatch.undone_at.is_(None)
                )
            ).all()
            if not standing:
                return UndoneImport()  # undone already (from the menu, the CLI, another clerk)
            if {b.id for b in batches} != wanted:
                later = sorted(b.file_name for b in batches if b.id not in wanted)
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "a later ledger import ({files}) is still in force; undo it first",
                    ),
                    files="、".join(later),
                )
        if not batches:
            raise InvalidInputError(
                QT_TRANSLATE_NOOP("messages", "there is no ledger import to undo")
            )
        batch_ids = [b.id for b in batches]
        entries = session.execute(
            select(_ENTRIES)
            .where(_ENTRIES.c.batch_id.in_(batch_ids))
            .order_by(_ENTRIES.c.id.desc())
        ).all()
        _write_back(session, entries, _stored(session, batch_ids), store)
        undo_requests(session, batch_ids)
        undo_contacts(
            session,
            batch_ids,
            source=UNDO_SOURCE,
            user=store.user,
            now=store.clock.now(),
        )
        undo_findings(session, batch_ids, UNDO_SOURCE, store.user, store.clock.now())
        for batch in batches:
            batch.undone_at = store.clock.now()
        versions = assignment_versions(session, {e.assignment_id for e in entries})
        return UndoneImport([b.file_name for b in batches], versions)


_ENTRIES = cast(Table, ProgressEntry.__table__)
_TEXTS = ("problems", "next_steps", "evidence", "delay_reason")
"""Fields an older history entry may not have recorded (None): any value matches then."""


def _stored(session: Session, batch_ids: list[int]) -> dict[int, dict[str, Any]]:
    """The current values and version of every assignment the batches changed, by id."""
    touched = select(ProgressEntry.assignment_id).where(ProgressEntry.batch_id.in_(batch_ids))
    rows = session.execute(
        select(Assignment.id, *(getattr(Assignment, name) for name in _COLUMNS)).where(
            Assignment.id.in_(touched)
        )
    )
    return {row[0]: dict(zip(_COLUMNS, row[1:], strict=True)) for row in rows}


_COLUMNS = (*PROGRESS_COLUMNS, "version")


def _write_back(
    session: Session, entries: Sequence[Row[Any]], state: dict[int, dict[str, Any]], store: Store
) -> None:
    """Each entry's old values written back, newest entry first, in bulk (``write_changes``).

    Entries of one assignment are taken back one after the other: a bulk write holds
    at most one change per assignment, and all of one round (the history's round).
    A value changed since the import (no longer the entry's new value) stops the undo.
    """
    now = store.clock.now()
    pending: dict[int, Change] = {}
    round_id: int | None = None
    for entry in entries:
        if entry.assignment_id in pending or entry.round_id != round_id:
            origin = Provenance(UNDO_SOURCE, round_id)
            write_changes(session, pending, state, origin, now, store.user)
            pending, round_id = {}, entry.round_id
        if not _matches_new(state[entry.assignment_id], entry):
            raise _changed_since(session, entry.assignment_id)
        pending[entry.assignment_id] = Change(
            status=Status(entry.old_status) if entry.old_status else None,
            percent=entry.old_percent,
            clear_percent=entry.old_percent is None,
            note=entry.old_note,
            problems=entry.old_problems,
            next_steps=entry.old_next_steps,
            evidence=entry.old_evidence,
            delay_reason=entry.old_delay_reason,
        )
    write_changes(session, pending, state, Provenance(UNDO_SOURCE, round_id), now, store.user)


def _changed_since(session: Session, assignment_id: int) -> InvalidInputError:
    code, unit = session.execute(
        select(Measure.code, Unit.name)
        .join(Assignment, Assignment.measure_id == Measure.id)
        .join(Unit, Assignment.unit_id == Unit.id)
        .where(Assignment.id == assignment_id)
    ).one()
    return InvalidInputError(
        QT_TRANSLATE_NOOP(
            "messages",
            "measure {code} of {unit} was changed after the import; undo that change first",
        ),
        code=code,
        unit=unit,
    )


def _matches_new(current: dict[str, Any], e: Row[Any]) -> bool:
    """Whether the assignment still holds what the entry wrote."""
    if (current["status"], current["percent"], current["note"]) != (
        e.new_status,
        e.new_percent,
        e.new_note,
    ):
        return False
    new = e._mapping
    return all(new[f"new_{t}"] is None or new[f"new_{t}"] == current[t] for t in _TEXTS)
