"""The right-click menu on a row: edit progress, 销号/撤销销号, measure text and history,
a chaser for the row's unit, copy."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from tests.ui.assignments.test_editing import select
from tests.ui.conftest import row_of
from tracker.services import Services
from ui.reports.report_preview import ReportDialog
from ui.window.detail_pane import DetailPane
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_the_menu_offers_what_a_clerk_does_to_a_row(window: MainWindow) -> None:
    texts = [a.text() for a in window.table.context_menu.actions() if not a.isSeparator()]
    assert texts == [
        "Edit progress…",
        "Tick off",
        "Undo tick off",
        "Measure text and history…",
        "Chaser for this unit…",
        "Request an extension…",
        "Copy rows",
        "Paste…",
    ]


def test_measure_text_and_history_of_the_row(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str, str]] = []

    def look(dialog: QDialog) -> int:
        pane = dialog.findChild(DetailPane)
        assert pane.history.toPlainText()  # the history of this unit's part
        shown.append((dialog.windowTitle(), pane.heading.text(), pane.text.toPlainText()[:6]))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", look)
    select(window, ("2", "宁夏税务局"))
    window.table.setCurrentIndex(
        window.model.index(window.model.row_of(row_of(window, "2", "宁夏税务局").id), 0)
    )
    window.actions_.row_detail.trigger()
    [(title, heading, text)] = shown
    assert title == "2　宁夏税务局"
    assert heading.startswith("2．")
    assert text == services.overview.measure(row_of(window, "2", "宁夏税务局").measure_id).text[:6]


def test_chaser_for_the_rows_unit(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[tuple[str, str]] = []

    def look(dialog: ReportDialog) -> int:
        opened.append((dialog.kind.currentData(), dialog.unit.currentText()))
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ReportDialog, "exec", look)
    select(window, ("2", "宁夏税务局"))
    window.table.setCurrentIndex(
        window.model.index(window.model.row_of(row_of(window, "2", "宁夏税务局").id), 0)
    )
    window.actions_.chaser.trigger()
    assert opened == [("chaser", "宁夏税务局")]
