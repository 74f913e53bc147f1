"""A rejected cell corrected in the preview (issue 12, 4): read again with the reader's rules,
applied with the other rows when valid, still rejected with why when not."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.tracker.conftest import sample_document, source
from tests.tracker.ledgers.test_ledgers import ROUND, _edit, _export
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status

POLICE = "自治区公安厅"


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def _police(office: Services) -> dict[str, tuple[Status, int | None, str]]:
    return {
        r.code: (r.status, r.percent, r.note)
        for r in office.overview.assignments()
        if r.unit == POLICE
    }


def test_a_corrected_status_is_read_again_and_applied_with_its_row(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(
        _export(office, POLICE, tmp_path),
        {"1/完成状态": "差不多了", "1/进展情况": "甲稿", "2/进展情况": "乙稿"},
    )
    importer = office.ledger_import
    [preview] = importer.preview([back])
    [rejected] = preview.rejected
    assert (rejected.cell, rejected.field) == ("J4", "status")
    key = f"{rejected.sheet}!J4"
    wrong = {back: {key: "快好了"}}
    [still] = importer.preview([back], corrections=wrong)
    assert [(r.cell, str(r.reason)) for r in still.rejected] == [
        ("J4", 'unknown status "快好了"; allowed: 未启动、推进中、已完成、已销号、长期坚持')
    ]
    right = {back: {key: "持续推进"}}
    [fixed] = importer.preview([back], corrections=right)
    assert fixed.rejected == [] and fixed.applicable
    assert [(c.code, c.label, c.old, c.new) for c in fixed.changed] == [
        ("1", "完成状态", "未启动", "推进中"),
        ("1", "进展情况", "", "甲稿"),
        ("2", "进展情况", "", "乙稿"),
    ]
    result = importer.apply([back], expected=[fixed], corrections=right)
    assert (result.applied, result.changes) == ([back.name], 3)
    assert _police(office) == {
        "1": (Status.IN_PROGRESS, None, "甲稿"),
        "2": (Status.NOT_STARTED, None, "乙稿"),
    }


def test_a_corrected_percent_passes_the_cells_checks(office: Services, tmp_path: Path) -> None:
    back = _edit(_export(office, POLICE, tmp_path), {"2/完成进度(%)": 0.5, "2/完成状态": "推进中"})
    importer = office.ledger_import
    [preview] = importer.preview([back])
    [rejected] = preview.rejected
    assert (rejected.field, preview.changed) == ("percent", [])
    key = f"{rejected.sheet}!{rejected.cell}"
    [text] = importer.preview([back], corrections={back: {key: "八十"}})
    assert [str(r.reason) for r in text.rejected] == ['percent "八十" is not a number']
    [fixed] = importer.preview([back], corrections={back: {key: "50%"}})
    assert [(c.code, c.label, c.new) for c in fixed.changed] == [
        ("2", "完成状态", "推进中"),
        ("2", "完成进度(%)", 50),
    ]
    importer.apply([back], expected=[fixed], corrections={back: {key: "50%"}})
    assert _police(office)["2"] == (Status.IN_PROGRESS, 50, "")


def test_a_corrected_extension_date_becomes_the_request(office: Services, tmp_path: Path) -> None:
    back = _edit(_export(office, POLICE, tmp_path), {"1/申请延期至": "年底", "1/延期理由": "改造"})
    importer = office.ledger_import
    [preview] = importer.preview([back])
    [rejected] = preview.rejected
    assert (rejected.field, str(rejected.reason)) == (
        "extension_to",
        '申请延期至 "年底" is not a date; write it as 2021-12-31 or 2021年12月31日',
    )
    key = f"{rejected.sheet}!{rejected.cell}"
    [still] = importer.preview([back], corrections={back: {key: "明年"}})
    assert [str(r.reason) for r in still.rejected] == [
        '申请延期至 "明年" is not a date; write it as 2021-12-31 or 2021年12月31日'
    ]
    fixed = {back: {key: "2021-12-31"}}
    [preview] = importer.preview([back], corrections=fixed)
    assert preview.rejected == [] and [r.requested for r in preview.requests] == [
        date(2021, 12, 31)
    ]
    assert importer.apply([back], expected=[preview], corrections=fixed).extensions == 1
    assert [e.requested_deadline for e in office.extensions.list()] == [date(2021, 12, 31)]
