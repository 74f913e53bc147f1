"""File → Export the current list with the 考核得分 tab in front exports the scores shown
(totals and lines), not the assignment list behind it; printing is greyed there, its
tooltip pointing to the bulletin; back on the list, both work on the list again."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QFileDialog

from tracker.services import Services
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_export_the_current_list_exports_the_scores_shown(
    window: MainWindow, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.rounds.create("2021年第3季度", date(2021, 9, 30))
    window.rows.reload()
    offered: list[str] = []

    def answer(_parent, _title, start, _filters):  # type: ignore[no-untyped-def]
        offered.append(Path(start).name)
        return str(tmp_path / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    actions = window.actions_
    window.actions_.scores.trigger()
    assert (actions.print_list.isEnabled(), actions.print_list.toolTip()) == (
        False,
        "The scores are printed in a bulletin (its 考核得分 section); export them to Excel from here",
    )
    assert actions.export_list.toolTip() == "Export the scores shown: the totals and every line"
    actions.export_list.trigger()
    assert offered == ["2021年第3季度考核得分.xlsx"]
    book = load_workbook(tmp_path / offered[0])
    assert book.sheetnames == ["得分汇总", "得分明细"]
    assert book["得分汇总"]["A1"].value == "2021年第3季度考核得分（未发布）"
    assert [c.value for c in book["得分汇总"][3]] == [1, "自治区政府办公厅", 80, None]

    window.tabs.setCurrentIndex(0)  # the assignment list: its own export again
    assert actions.print_list.isEnabled() and actions.export_list.toolTip() == (
        "Export the current list to Excel"
    )
    actions.export_list.trigger()
    assert offered[1] == "All_assignments_2021-07-01.xlsx"
