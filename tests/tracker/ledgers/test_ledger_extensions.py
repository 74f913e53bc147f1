"""A returned ledger's 申请延期至 (issue 12 item 7): a pending request once applied (from that
file and round), asked once, gone when the import is undone unless approved."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.tracker.conftest import sample_document, source
from tests.tracker.ledgers.test_ledgers import ROUND, _edit, _export
from tracker.errors import InvalidInputError
from tracker.rounds.round_service import RoundService
from tracker.services import Services

POLICE = "自治区公安厅"


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def test_a_requested_date_becomes_a_pending_request_undone_with_its_import(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(
        _export(office, POLICE, tmp_path),
        {
            "1/申请延期至": date(2021, 12, 31),
            "1/延期理由": "系统改造未完成",
            "2/申请延期至": date(2021, 7, 1),  # not later than 2021-07-10: extends nothing
        },
    )
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert [(e.code, e.unit, e.deadline, e.requested, e.reason) for e in preview.requests] == [
        ("1", POLICE, date(2021, 6, 30), date(2021, 12, 31), "系统改造未完成"),
        ("2", POLICE, date(2021, 7, 10), date(2021, 7, 1), ""),
    ]
    assert preview.applicable
    result = importer.apply([back], expected=[preview])
    assert (result.applied, result.changes, result.extensions) == ([back.name], 0, 1)
    # the same file's request again (resent under another name): not asked twice
    again = _edit(back, {"2/进展情况": "再报"}, tmp_path / "again.xlsx")
    resent = importer.apply([again], expected=importer.preview([again]))
    assert (resent.applied, resent.changes, resent.extensions) == (["again.xlsx"], 1, 0)
    assert len(office.extensions.list()) == 1
    [pending] = office.extensions.list()
    assert (pending.code, pending.unit, pending.requested_deadline, pending.source, pending.round) == (
        "1", POLICE, date(2021, 12, 31), f"台账 {back.name}", ROUND,
    )  # fmt: skip
    assert importer.undo_last() == ["again.xlsx"]
    assert importer.undo_last() == [back.name]
    assert office.extensions.list(pending_only=False) == []


def test_an_approved_request_holds_its_import_until_the_approval_is_undone(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(_export(office, POLICE, tmp_path), {"1/申请延期至": date(2021, 12, 31)})
    importer = office.ledger_import
    importer.apply([back], expected=importer.preview([back]))
    [pending] = office.extensions.list()
    office.extensions.approve(pending.id)
    with pytest.raises(InvalidInputError, match="was approved; undo the approval first"):
        importer.undo_last()
    office.extensions.undo_decision(pending.id)
    assert importer.undo_last() == [back.name]
    assert office.extensions.list(pending_only=False) == []


def test_a_request_granted_already_is_not_asked_again(office: Services, tmp_path: Path) -> None:
    """The unit's corrected ledger (更正版) still carries the 申请延期至 the office has
    approved meanwhile: its deadline is that date now, so nothing is asked and nothing
    warned ("not after the deadline")."""
    back = _edit(_export(office, POLICE, tmp_path), {"1/申请延期至": date(2021, 12, 31)})
    importer = office.ledger_import
    importer.apply([back], expected=importer.preview([back]))
    [pending] = office.extensions.list()
    office.extensions.approve(pending.id)
    corrected = _edit(back, {"2/进展情况": "更正"}, tmp_path / "更正版.xlsx")
    [preview] = importer.preview([corrected])
    assert preview.requests == []
    assert [w.cell for w in preview.warnings if w.cell.startswith(("Q", "R"))] == []
    result = importer.apply([corrected], expected=[preview])
    assert (result.applied, result.changes, result.extensions) == (["更正版.xlsx"], 1, 0)
