"""The filter bar's "Round" combo: only the assignments whose progress changed in that round."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tests.ui.conftest import shown
from tests.ui.ledger_fixtures import ROUND, returned_ledgers
from tracker.progress.history_entries import Provenance
from tracker.progress.progress_service import Change
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.fixture
def imported(window: MainWindow, services: Services, tmp_path: Path) -> MainWindow:
    """The tax office's and the police's ledgers taken back in ROUND (the police's conflict
    settled for the unit); the market regulator's, with a rejected cell, not."""
    ledgers = returned_ledgers(services, tmp_path)
    importer = services.ledger_import
    [police] = importer.preview([ledgers["police"]])
    [conflict] = police.conflicts
    result = importer.apply(
        [ledgers["tax"], ledgers["police"]],
        resolutions={(conflict.assignment_id, "progress"): "unit"},
    )
    assert result.changes == 3
    RoundService(services.store).create("2021年第3季度", date(2021, 9, 30))
    window.rows.reload()
    return window


def choose_round(qtbot, window: MainWindow, name: str | None) -> None:  # type: ignore[no-untyped-def]
    combo = window.filters.round
    combo.setCurrentIndex(combo.findData(name))
    qtbot.waitUntil(lambda: not window.counts.text().startswith("Reading the round"))


def test_the_round_combo_offers_every_round_latest_first(imported: MainWindow) -> None:
    combo = imported.filters.round
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "All rounds",
        "2021年第3季度",
        ROUND,
    ]


def test_a_round_narrows_the_table_to_what_changed_in_it(qtbot, imported: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert len(shown(imported)) == 6
    choose_round(qtbot, imported, ROUND)
    assert shown(imported) == [("1", "自治区公安厅"), ("2", "自治区公安厅"), ("2", "宁夏税务局")]
    assert imported.counts.text().startswith("3 assignments shown")

    imported.filters.choose_unit("宁夏税务局")  # with the other filters
    assert shown(imported) == [("2", "宁夏税务局")]
    imported.filters.choose_unit(None)

    choose_round(qtbot, imported, "2021年第3季度")  # nothing changed in it yet
    assert shown(imported) == []

    choose_round(qtbot, imported, None)
    assert len(shown(imported)) == 6


def test_the_round_is_read_again_after_a_reload(
    qtbot,  # type: ignore[no-untyped-def]
    imported: MainWindow,
    services: Services,
) -> None:
    choose_round(qtbot, imported, ROUND)
    assert len(shown(imported)) == 3
    [chosen] = [r for r in RoundService(services.store).list() if r.name == ROUND]
    [market_1] = [
        r for r in imported.rows.index.rows if (r.code, r.unit) == ("1", "自治区市场监管厅")
    ]
    origin = Provenance("台账", round_id=chosen.id)
    services.progress.record(market_1.id, Change(note="已电话催办"), source=origin)
    imported.rows.reload()
    qtbot.waitUntil(lambda: len(shown(imported)) == 4)
    assert ("1", "自治区市场监管厅") in shown(imported)
    assert imported.filters.round.currentData() == ROUND  # the choice is kept


def test_show_all_clears_the_round(qtbot, imported: MainWindow) -> None:  # type: ignore[no-untyped-def]
    choose_round(qtbot, imported, ROUND)
    imported.actions_.reset_filters.trigger()
    assert imported.filters.round.currentIndex() == 0
    assert len(shown(imported)) == 6


def test_a_new_round_appears_in_the_combo(imported: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from ui.ledgers import ledger_actions

    def create(_parent, rounds: RoundService, _show_status) -> bool:  # type: ignore[no-untyped-def]
        rounds.create("2021年第4季度", date(2021, 12, 31))
        return True

    monkeypatch.setattr(ledger_actions, "show_rounds", create)
    imported.actions_.rounds.trigger()
    assert imported.filters.round.itemText(1) == "2021年第4季度"


def test_the_navigator_and_the_menus_open_a_rounds_reporting_status(
    qtbot, imported: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from ui.ledgers import round_actions

    root = imported.navigator.nav_model.rounds_root
    assert [root.child(r).text() for r in range(root.rowCount())] == ["2021年第3季度", ROUND]
    opened: list[object] = []
    monkeypatch.setattr(
        round_actions,
        "show_round_status",
        lambda _parent, _services, name=None: opened.append(name),
    )
    monkeypatch.setattr(
        round_actions, "show_chasers", lambda _parent, _services: opened.append("chasers")
    )
    imported.navigator.activated.emit(root.child(1).index())
    imported.actions_.round_status.trigger()
    imported.actions_.chasers.trigger()
    assert opened == [ROUND, None, "chasers"]
