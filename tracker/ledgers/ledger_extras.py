"""What an applied ledger writes besides progress: the unit's 联系人/联系电话 into the
directory, and its requests for a later deadline (申请延期至, 延期理由) as pending
requests the office decides (``tracker.extensions``).

Each belongs to the file's import batch: undoing the import puts the contacts back
and removes the requests (``tracker.extensions.extension_service.undo_requests``).
A request the office has on file already (pending, same date) is not asked twice —
a unit resending its ledger, or a corrected one — and one that extends nothing (not
after the unit's deadline now, or a task without one; the preview warned) is left out.
Its own module so the importer's apply stays one loop over the files.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Assignment, ExtensionRequest, ImportBatch, Unit
from tracker.errors import InvalidInputError
from tracker.extensions.extension_service import PENDING, add_request
from tracker.ledgers.ledger_records import ApplyResult, FilePreview
from tracker.store import Store
from tracker.units.unit_contacts import set_contact


def write_extras(
    session: Session,
    preview: FilePreview,
    units: dict[str, Unit],
    batch: ImportBatch,
    source: str,
    store: Store,
    now: datetime,
    result: ApplyResult,
) -> None:
    """``preview``'s contacts and extension requests, written with ``batch``."""
    for contact in preview.contacts:
        result.contacts += set_contact(
            session,
            units[contact.unit],
            contact.field,
            contact.new,
            source=source,
            user=store.user,
            now=now,
            batch_id=batch.id,
        )
    for asked in preview.requests:
        same = select(ExtensionRequest.id).where(
            ExtensionRequest.assignment_id == asked.assignment_id,
            ExtensionRequest.requested_deadline == asked.requested,
            ExtensionRequest.state == PENDING,
        )
        assignment = session.get(Assignment, asked.assignment_id)
        if assignment is None or session.scalar(same) is not None:
            continue
        try:
            add_request(
                session, assignment, asked.requested, asked.reason, source,
                batch.round_id, batch.id, store,
            )  # fmt: skip
        except InvalidInputError:
            continue  # extends nothing: the preview warned
        result.extensions += 1
