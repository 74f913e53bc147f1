"""The round's 报送情况 page, the rounds dialog's deadline, and the chasers for many units."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlalchemy import select

from db.models import ChaserNumber
from tests.tracker.ledgers.test_ledgers import _edit
from tracker.services import Services
from tracker.store import Clock
from ui.ledgers import rounds_dialog
from ui.ledgers.round_status_dialog import RoundStatusDialog, UnitReturnsDialog
from ui.ledgers.rounds_dialog import RoundsDialog
from ui.reports.chaser_batch_dialog import ChaserBatchDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
ROUND = "2021年第2季度"


@pytest.fixture
def reported(services: Services, tmp_path: Path) -> Services:
    """Ledgers sent on 1 July; 公安厅 back on 8 July, 市场监管厅 on 12 July (late)."""
    services.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    written = services.ledger_export.export_units(ROUND, tmp_path / "out")
    files = {p.name.split("_")[0]: p for p in written}
    for unit, day in (("自治区公安厅", 8), ("自治区市场监管厅", 12)):
        services.store.clock = Clock(date(2021, 7, day))
        path = _edit(files[unit], {"1/完成进度(%)": 10})
        importer = services.ledger_import
        importer.apply([path], ROUND, expected=importer.preview([path], ROUND))
    return services


def rows(dialog: RoundStatusDialog, columns: tuple[int, ...] = (0, 1, 6)) -> list[list[str]]:
    model = dialog.table.model()
    return [[model.index(r, c).data() for c in columns] for r in range(model.rowCount())]


def test_round_page_lists_not_reported_first_and_filters(
    qtbot, reported: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    chased: list[tuple[str, list[str]]] = []
    dialog = RoundStatusDialog(
        reported.round_status, [ROUND], ROUND, lambda r, u: chased.append((r, u))
    )
    qtbot.addWidget(dialog)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert rows(dialog) == [  # 各市、县（区） has no member: sent nothing, owes nothing
        ["宁夏税务局", "Not reported", ""],
        ["自治区政府办公厅", "Not reported", ""],
        ["自治区市场监管厅", "Reported late", "1"],
        ["自治区公安厅", "Reported on time", "1"],
    ]
    assert dialog.summary.text() == (
        "本轮共向4个单位发出工作台账（报送截止日期：2021年7月10日），已报送2个，"
        "其中按时报送1个、逾期报送1个（自治区市场监管厅）；"
        "未报送2个：宁夏税务局、自治区政府办公厅。"
    )
    dialog.state.setCurrentIndex(dialog.state.findData("逾期报送"))
    assert rows(dialog) == [["自治区市场监管厅", "Reported late", "1"]]
    dialog.state.setCurrentIndex(0)
    opened: list[str] = []
    monkeypatch.setattr(
        UnitReturnsDialog, "exec", lambda self: opened.append(self.model.records()[0].file)
    )
    dialog.table.doubleClicked.emit(dialog.table.model().index(3, 0))
    assert opened == ["returned_自治区公安厅_2021年第2季度_工作台账.xlsx"]
    qtbot.mouseClick(dialog.chase_button, Qt.MouseButton.LeftButton)
    assert chased == [(ROUND, ["宁夏税务局", "自治区政府办公厅"])]


def test_rounds_dialog_sets_a_deadline_and_opens_the_page(
    qtbot, reported: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    shown: list[str] = []
    rounds = reported.rounds
    dialog = RoundsDialog(rounds, date(2021, 7, 1), None, shown.append)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(rounds_dialog, "ask_date", lambda *_: date(2021, 7, 15))
    qtbot.mouseClick(dialog.deadline_button, Qt.MouseButton.LeftButton)
    assert rounds.list()[0].deadline == date(2021, 7, 15)
    assert dialog.model.index(0, 2).data() == "2021-07-15"
    qtbot.mouseClick(dialog.status_button, Qt.MouseButton.LeftButton)
    assert shown == [ROUND]


def test_chasers_for_the_units_not_reported(
    qtbot, reported: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, messages
) -> None:  # type: ignore[no-untyped-def]
    reported.store.clock = Clock(date(2021, 7, 12))
    names = [u.name for u in reported.units.list() if u.assigned and not u.memberless]
    dialog = ChaserBatchDialog(
        reported.chasers, reported.round_status, names, [ROUND], date(2021, 7, 12)
    )
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.not_reported, Qt.MouseButton.LeftButton)
    assert dialog.checked() == ["宁夏税务局", "自治区政府办公厅"]
    dialog.format.setCurrentIndex(dialog.format.findData(".docx"))
    # (the real folder chooser's wrapper: it remembers the folder as a report's)
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_: str(tmp_path / "催办"))
    )
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert [p.name for p in dialog.written] == [
        "催办单_2021_001_宁夏税务局.docx",
        "催办单_2021_002_自治区政府办公厅.docx",
        "催办单_2021_001-002_合订.docx",
    ]
    assert messages == [("information", f"3 files written to {tmp_path / '催办'}")]
    # Printed from the preview: the drafts' numbers (3, 4) are taken.
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    qtbot.mouseClick(dialog.preview, Qt.MouseButton.LeftButton)
    with reported.store.reading() as session:
        taken = session.scalars(select(ChaserNumber.number).order_by(ChaserNumber.id)).all()
    assert list(taken) == [1, 2, 3, 4]
    dialog.check([])
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert messages[-1] == ("warning", "Choose the units to chase first.")


def test_navigator_lists_rounds_and_opens_one(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.window.navigator import Navigator, RoundTarget

    navigator = Navigator()
    qtbot.addWidget(navigator)
    navigator.set_rounds(["第一轮", "第二轮"])
    root = navigator.nav_model.rounds_root
    assert [root.child(r).text() for r in range(root.rowCount())] == ["第二轮", "第一轮"]
    chosen: list[object] = []
    navigator.chosen.connect(chosen.append)
    with qtbot.waitSignal(navigator.round_requested) as opened:
        navigator.activated.emit(root.child(1).index())
    assert opened.args == ["第一轮"]
    navigator.setCurrentIndex(root.child(0).index())  # selecting a round filters nothing
    assert chosen == [] and navigator.current_target() == RoundTarget("第二轮")


def test_a_unit_that_sent_a_corrected_ledger_shows_both_files(
    qtbot, reported: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """公安厅's 更正版 on 9 July: its first return still decides on time, the file column
    says another came (double-click lists them), the changes add up."""
    first = tmp_path / "out" / "returned_自治区公安厅_2021年第2季度_工作台账.xlsx"
    corrected = _edit(first, {"1/完成进度(%)": 20}, tmp_path / "自治区公安厅_更正版.xlsx")
    reported.store.clock = Clock(date(2021, 7, 9))
    importer = reported.ledger_import
    importer.apply([corrected], ROUND, expected=importer.preview([corrected], ROUND))
    dialog = RoundStatusDialog(reported.round_status, [ROUND], ROUND)
    qtbot.addWidget(dialog)
    assert rows(dialog, (0, 1, 4, 6))[-1] == [
        "自治区公安厅",
        "Reported on time",
        "returned_自治区公安厅_2021年第2季度_工作台账.xlsx (+1 more)",
        "2",
    ]


def test_a_round_that_sent_no_ledger_says_so_and_chases_no_one(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    """As the bulletin and the 汇总 say it: nobody was sent a ledger, nobody is 未报送."""
    services.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    dialog = RoundStatusDialog(services.round_status, [ROUND], ROUND, lambda r, u: None)
    qtbot.addWidget(dialog)
    assert (dialog.summary.text(), rows(dialog)) == ("本轮未发放工作台账，无报送统计。", [])
    assert not dialog.chase_button.isEnabled()
