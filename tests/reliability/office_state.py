"""The sample office the adversarial corpus is imported into, and its state: every table's
rows (for "nothing changed"), and each assignment's fill-in values (for "this value landed
here, and nowhere else")."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from db.models import Base
from tests.reliability.adversarial import ROUND
from tests.tracker.conftest import sample_document, source
from tracker.extensions.extension_records import ExtensionState
from tracker.rounds.round_service import RoundService
from tracker.services import Services

FIELDS = ("status", "percent", "note", "problems")


def prepared_office(services: Services) -> Services:
    """The office the corpus's ledgers were sent from: the sample document and the round."""
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def dump(services: Services) -> dict[str, list[str]]:
    """Every row of every table, each table's rows sorted: equal means row-identical."""
    with services.store.engine.connect() as conn:
        return {
            table.name: sorted(repr(tuple(row)) for row in conn.execute(table.select()))
            for table in Base.metadata.sorted_tables
        }


def assignment_values(services: Services) -> dict[tuple[str, str, str], object]:
    """(measure code, unit, field) → value for every assignment: its status, percent, note
    and problems, and ``asked``, the deadline of a pending extension request (ISO), if any."""
    values: dict[tuple[str, str, str], object] = {}
    with services.store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT m.code, u.name, a.status, a.percent, a.note, a.problems, "
                "(SELECT min(e.requested_deadline) FROM extension_requests e "
                " WHERE e.assignment_id = a.id AND e.state = :pending) "
                "FROM assignments a JOIN measures m ON m.id = a.measure_id "
                "JOIN units u ON u.id = a.unit_id"
            ),
            {"pending": ExtensionState.PENDING.value},
        ).all()
    for code, unit, *found, asked in rows:
        for name, value in zip(FIELDS, found, strict=True):
            values[(code, unit, name)] = value
        values[(code, unit, "asked")] = None if asked is None else str(asked)
    return values
