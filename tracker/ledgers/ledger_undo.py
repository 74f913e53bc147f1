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

from collections.abc import Collection
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, ImportBatch, ProgressEntry
from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import InvalidInputError
from tracker.extensions.extension_service import undo_requests
from tracker.ledgers.finding_returns import undo_findings
from tracker.progress.history_entries import Provenance
from tracker.progress.progress_service import Change, ProgressService
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


def undo_import(
    store: Store, progress: ProgressService, expected: Collection[int] | None = None
) -> UndoneImport:
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
        entries = list(
            session.scalars(
                select(ProgressEntry)
                .where(ProgressEntry.batch_id.in_([b.id for b in batches]))
                .order_by(ProgressEntry.id.desc())
            )
        )
        for entry in entries:
            assignment = session.get(Assignment, entry.assignment_id)
            assert assignment is not None
            if not _matches_new(assignment, entry):
                raise InvalidInputError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "measure {code} of {unit} was changed after the import; "
                        "undo that change first",
                    ),
                    code=assignment.measure.code,
                    unit=assignment.unit.name,
                )
            change = Change(
                status=Status(entry.old_status) if entry.old_status else None,
                percent=entry.old_percent,
                clear_percent=entry.old_percent is None,
                note=entry.old_note,
                problems=entry.old_problems,
                next_steps=entry.old_next_steps,
                evidence=entry.old_evidence,
                delay_reason=entry.old_delay_reason,
            )
            progress.record(
                assignment.id,
                change,
                session=session,
                source=Provenance(UNDO_SOURCE, entry.round_id),
            )
        undo_requests(session, [b.id for b in batches])
        undo_contacts(
            session,
            [b.id for b in batches],
            source=UNDO_SOURCE,
            user=store.user,
            now=store.clock.now(),
        )
        batch_ids = [b.id for b in batches]
        undo_findings(session, batch_ids, UNDO_SOURCE, store.user, store.clock.now())
        for batch in batches:
            batch.undone_at = store.clock.now()
        versions = assignment_versions(session, {e.assignment_id for e in entries})
        return UndoneImport([b.file_name for b in batches], versions)


def _matches_new(a: Assignment, e: ProgressEntry) -> bool:
    return (a.status, a.percent, a.note, a.problems, a.next_steps, a.evidence, a.delay_reason) == (
        e.new_status,
        e.new_percent,
        e.new_note,
        e.new_problems if e.new_problems is not None else a.problems,
        e.new_next_steps if e.new_next_steps is not None else a.next_steps,
        e.new_evidence if e.new_evidence is not None else a.evidence,
        e.new_delay_reason if e.new_delay_reason is not None else a.delay_reason,
    )
