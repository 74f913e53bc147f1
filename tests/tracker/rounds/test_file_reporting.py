"""A returned file in its round's 报送情况 (issue 12, 1 and 4): the import preview and the
apply's result say on time, N days late, or 更正版 — by the round's page's rule."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.tracker.conftest import sample_document, source
from tests.tracker.ledgers.test_ledgers import _edit
from tracker.ledgers.ledger_records import FileReporting
from tracker.services import Services
from tracker.store import Clock

ROUND = "2021年第2季度"
DEADLINE = date(2021, 7, 10)
POLICE, MARKET = "自治区公安厅", "自治区市场监管厅"


@pytest.fixture
def sent(services: Services, tmp_path: Path) -> dict[str, Path]:
    """The round's ledgers, sent on 1 July and due back by 10 July."""
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create(ROUND, date(2021, 6, 30), DEADLINE)
    written = services.ledger_export.export_units(ROUND, tmp_path / "out")
    return {p.name.split("_")[0]: p for p in written}


def test_a_file_is_on_time_late_by_days_or_a_corrected_version(
    services: Services, sent: dict[str, Path]
) -> None:
    importer = services.ledger_import
    police = _edit(sent[POLICE], {"2/完成进度(%)": 50})
    services.store.clock = Clock(DEADLINE)  # the deadline day is on time
    [first] = importer.preview([police])
    assert first.reporting == FileReporting(DEADLINE, 0, False)
    result = importer.apply([police], expected=[first])
    assert result.reporting == {police.name: FileReporting(DEADLINE, 0, False)}

    services.store.clock = Clock(date(2021, 7, 13))
    again = _edit(sent[POLICE], {"2/完成进度(%)": 60}, sent[POLICE].with_name("更正版.xlsx"))
    market = _edit(sent[MARKET], {"1/进展情况": "已上线"})
    previews = importer.preview([again, market])
    assert [(p.unit, p.reporting) for p in previews] == [
        (POLICE, FileReporting(DEADLINE, 0, True)),  # its first return decides: on time
        (MARKET, FileReporting(DEADLINE, 3, False)),
    ]
    result = importer.apply([again, market], expected=previews)
    assert result.reporting == {
        again.name: FileReporting(DEADLINE, 0, True),
        market.name: FileReporting(DEADLINE, 3, False),
    }
    status = {u.unit: (u.state, u.days_late) for u in services.round_status.status(ROUND).units}
    assert (status[POLICE], status[MARKET]) == (("按时报送", 0), ("逾期报送", 3))


def test_a_second_file_of_a_unit_in_one_preview_is_a_corrected_version(
    services: Services, sent: dict[str, Path]
) -> None:
    services.store.clock = Clock(date(2021, 7, 11))
    first = _edit(sent[POLICE], {"2/完成进度(%)": 50})
    second = _edit(sent[POLICE], {"1/进展情况": "补报"}, sent[POLICE].with_name("更正版.xlsx"))
    previews = services.ledger_import.preview([first, second])
    assert [p.reporting for p in previews] == [
        FileReporting(DEADLINE, 1, False),
        FileReporting(DEADLINE, 1, True),
    ]


def test_a_file_that_cannot_go_in_has_no_reporting(
    services: Services, sent: dict[str, Path]
) -> None:
    importer = services.ledger_import
    importer.apply([sent[POLICE]], expected=importer.preview([sent[POLICE]]))
    [again] = importer.preview([sent[POLICE]])  # the very same file: already imported
    assert (again.error is not None, again.reporting) == (True, None)
