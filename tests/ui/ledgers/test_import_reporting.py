"""The import dialog says per file what it is in its round's 报送情况 (issue 12, 1 and 4):
on time, N days late against the 报送截止日期, or a 更正版 — before and after Apply."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.tracker.conftest import sample_document, source
from tests.tracker.ledgers.test_ledgers import _edit
from tests.ui.ledgers.test_ledger_dialogs import import_dialog, table
from tests.ui.test_plural_counts import chinese  # noqa: F401 (a fixture)
from tracker.services import Services
from tracker.store import Clock
from ui.ledgers.file_list_model import REPORTING, STATUS
from ui.ledgers.ledger_preview_models import ATTENTION_COLOUR

ROUND = "2021年第2季度"
POLICE, MARKET = "自治区公安厅", "自治区市场监管厅"


@pytest.fixture
def sent(services: Services, tmp_path: Path) -> Iterator[dict[str, Path]]:
    """Ledgers sent on 1 July, due back by 10 July; 公安厅 returned on 9 July."""
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    written = services.ledger_export.export_units(ROUND, tmp_path / "out")
    files = {p.name.split("_")[0]: p for p in written}
    services.store.clock = Clock(date(2021, 7, 9))
    first = _edit(files[POLICE], {"2/完成进度(%)": 50})
    importer = services.ledger_import
    importer.apply([first], expected=importer.preview([first]))
    services.store.clock = Clock(date(2021, 7, 13))
    yield files


def _reporting(dialog) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(r[1], r[STATUS], r[REPORTING]) for r in table(dialog.files)]


def test_the_list_says_late_by_days_and_corrected_version(
    qtbot, services: Services, sent: dict[str, Path], tmp_path: Path, messages: list
) -> None:  # type: ignore[no-untyped-def]
    market = _edit(sent[MARKET], {"1/进展情况": "已上线"})
    corrected = _edit(sent[POLICE], {"2/完成进度(%)": 60}, tmp_path / "公安厅更正版.xlsx")
    dialog = import_dialog(qtbot, services, [market, corrected])
    assert _reporting(dialog) == [
        (MARKET, "Ready to apply", "Reported 3 days late"),
        (POLICE, "Ready to apply", "Corrected version · Reported on time"),
    ]
    assert dialog.files.index(0, REPORTING).data(Qt.ItemDataRole.ToolTipRole) == (
        "Due back by 2021-07-10"
    )
    assert dialog.files.index(1, REPORTING).data(Qt.ItemDataRole.ToolTipRole) == (
        "Supersedes the unit's earlier return in this round; "
        "its first return decides on time or late"
    )
    assert dialog.files.index(0, REPORTING).data(Qt.ItemDataRole.ForegroundRole) == (
        ATTENTION_COLOUR
    )
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert _reporting(dialog) == [
        (MARKET, "Imported", "Reported 3 days late"),
        (POLICE, "Imported", "Corrected version · Reported on time"),
    ]
    units = {u.unit: u.state for u in services.round_status.status(ROUND).units}
    assert (units[MARKET], units[POLICE]) == ("逾期报送", "按时报送")  # the round's page agrees


@pytest.mark.usefixtures("chinese")
def test_the_list_in_chinese(
    qtbot, services: Services, sent: dict[str, Path], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    services.store.clock = Clock(date(2021, 7, 11))
    market = _edit(sent[MARKET], {"1/进展情况": "已上线"})
    tax = _edit(sent["宁夏税务局"], {"2/进展情况": "已改造"})
    corrected = _edit(sent[POLICE], {"2/完成进度(%)": 60}, tmp_path / "公安厅更正版.xlsx")
    dialog = import_dialog(qtbot, services, [market, tax, corrected])
    assert dialog.files.headerData(REPORTING, Qt.Orientation.Horizontal) == "报送"
    assert [r[REPORTING] for r in table(dialog.files)] == [
        "逾期1天报送",
        "逾期1天报送",
        "更正版 · 按时报送",
    ]


def test_the_master_ledger_and_an_untouched_ledger_sent_again(
    qtbot, services: Services, sent: dict[str, Path], tmp_path: Path, messages: list
) -> None:  # type: ignore[no-untyped-def]
    """The 总台账 from the export folder is nobody's return: it says so, and nobody becomes
    reported by it; 公安厅's untouched ledger after its return is nothing new, no 更正版."""
    master = services.ledger_export.export_master(ROUND, tmp_path / "master")
    dialog = import_dialog(qtbot, services, [master, sent[POLICE]])
    assert _reporting(dialog) == [
        ("Master ledger", "Master ledger: nothing new, not counted in reporting",
         "Not counted in reporting"),
        (POLICE, "Nothing new: recorded as reported", "Reported on time"),
    ]  # fmt: skip
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert [r[REPORTING] for r in table(dialog.files)] == [
        "Not counted in reporting",
        "Reported on time",
    ]
    assert messages[-1][-1] == "2 files imported with 0 changes."
    status = services.round_status.status(ROUND)
    assert [u.unit for u in status.units if u.state != "未报送"] == [POLICE]
    [police] = [r for r in services.overview.assignments() if r.unit == POLICE and r.code == "2"]
    assert police.percent == 50  # its return stands
