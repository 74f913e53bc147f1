"""A 问题清单 taken in: read, checked line by line (preview), then written as one whole.

``preview_list`` reads the file (``importers.findings``) and checks every line against
the database — the inspection (recorded, or new with its 督查日期), the unit, the
measure, the deadline, a finding recorded already — without writing anything; each
problem is a ``CellError`` naming the sheet and cell.  ``apply_list`` writes a preview
without errors in one transaction (new inspections, findings, their first history
entries); a list with any error is refused whole, so the database is never half-filled.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import select

from db.models import Finding, Inspection
from importers.findings import FindingListError, ListedFinding, read_finding_list
from importers.ledger.model import CellError
from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.documents.measure_lookup import measure_named
from tracker.errors import InvalidInputError, UserError
from tracker.inspections.finding_records import NewFinding
from tracker.inspections.finding_rules import check_deadline, check_rectifying_unit

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from db.models import Finding as FindingModel
    from tracker.store import Store
    from tracker.units.unit_service import UnitService


class FindingWriter(Protocol):
    """What a list's import needs of ``InspectionService`` (which imports this module)."""

    store: Store
    units: UnitService

    def write_finding(self, session: Session, new: NewFinding, source: str) -> FindingModel: ...


LIST_SOURCE = "问题清单 {file}"


@dataclass(frozen=True)
class PlannedInspection:
    name: str
    held_on: date
    team: str


@dataclass(frozen=True)
class PlannedFinding:
    sheet: str
    row: int
    finding: NewFinding


@dataclass(frozen=True)
class FindingListPreview:
    file_name: str
    findings: list[PlannedFinding]
    inspections: list[PlannedInspection]
    """The inspections the list names that are not recorded yet: created with it."""
    errors: list[CellError]

    @property
    def ready(self) -> bool:
        return bool(self.findings) and not self.errors


def preview_list(
    service: FindingWriter, path: Path, inspection: str | None = None
) -> FindingListPreview:
    """Read and check ``path``; ``inspection`` names the inspection of lines without one."""
    try:
        listed = read_finding_list(path)
    except FindingListError as exc:
        raise UserError.from_message(exc.as_message()) from None
    errors = list(listed.errors)
    planned: list[PlannedFinding] = []
    new: dict[str, PlannedInspection] = {}
    with service.store.reading() as session:
        known = {i.name: i.held_on for i in session.scalars(select(Inspection))}
        recorded = _recorded(session)
        for line in listed.rows:
            checked = _check(service, session, line, inspection, known, new, recorded, errors)
            if checked is not None:
                planned.append(PlannedFinding(line.sheet, line.row, checked))
    return FindingListPreview(listed.file_name, planned, list(new.values()), errors)


def apply_list(service: FindingWriter, preview: FindingListPreview) -> int:
    """Write a clean preview in one transaction; the number of findings written."""
    if preview.errors:
        errors = QT_TRANSLATE_NOOP(
            "messages", "{file} has {count} errors; nothing was imported (first: {first})"
        )
        if len(preview.errors) == 1:
            errors = QT_TRANSLATE_NOOP(
                "messages", "{file} has {count} error; nothing was imported (first: {first})"
            )
        raise InvalidInputError(
            errors,
            file=preview.file_name,
            count=len(preview.errors),
            first=str(preview.errors[0]),
        )
    source = LIST_SOURCE.format(file=preview.file_name)
    with service.store.transaction() as session:
        for planned in preview.inspections:
            session.add(
                Inspection(
                    name=planned.name,
                    held_on=planned.held_on,
                    team=planned.team,
                    created_at=service.store.clock.now(),
                    created_by=service.store.user,
                )
            )
        session.flush()
        for line in preview.findings:
            service.write_finding(session, line.finding, source)
    return len(preview.findings)


def _recorded(session: Session) -> set[tuple[str, int, str]]:
    """(inspection, unit id, problem) of every finding recorded: a list imported twice."""
    rows = session.execute(
        select(Inspection.name, Finding.unit_id, Finding.problem).join(Finding.inspection)
    )
    return {(name, unit_id, problem) for name, unit_id, problem in rows}


def _check(
    service: FindingWriter,
    session: Session,
    line: ListedFinding,
    default: str | None,
    known: dict[str, date],
    new: dict[str, PlannedInspection],
    recorded: set[tuple[str, int, str]],
    errors: list[CellError],
) -> NewFinding | None:
    """The finding ``line`` makes, or None after listing what is wrong with it."""

    def refuse(field: str, problem: Message) -> None:
        errors.append(CellError(line.sheet, line.cells.get(field, f"A{line.row}"), problem))

    name = line.inspection or (default or "").strip()
    held_on = known.get(name) or (new[name].held_on if name in new else line.held_on)
    if not name:
        refuse("inspection", Message(NO_INSPECTION, {}))
        return None
    if held_on is None:
        refuse("inspection", Message(NO_DATE, {"inspection": name}))
        return None
    if name not in known and name not in new:
        new[name] = PlannedInspection(name, held_on, line.team)
    assert line.deadline is not None  # (the reader lists a line without one as an error)
    try:
        unit = service.units.named(line.unit)
        check_rectifying_unit(session, unit.id)
    except UserError as exc:
        refuse("unit", exc.as_message())
        return None
    for field in ("deadline", "measure"):
        try:
            if field == "deadline":
                check_deadline(line.deadline, held_on, name)
            elif line.measure:
                measure_named(session, line.measure, None)
        except UserError as exc:
            refuse(field, exc.as_message())
            return None
    if (name, unit.id, line.problem) in recorded:
        refuse("problem", Message(RECORDED, {"inspection": name, "unit": unit.name}))
        return None
    recorded.add((name, unit.id, line.problem))
    return NewFinding(
        inspection=name,
        unit=unit.name,
        problem=line.problem,
        requirement=line.requirement,
        deadline=line.deadline,
        measure=line.measure or None,
    )


NO_INSPECTION = QT_TRANSLATE_NOOP(
    "messages", "no inspection named: add a 督查名称 column, or choose the inspection"
)
NO_DATE = QT_TRANSLATE_NOOP(
    "messages", "the inspection {inspection} is not recorded yet: give its 督查日期"
)
RECORDED = QT_TRANSLATE_NOOP(
    "messages", "this problem of {unit} is recorded for {inspection} already"
)
