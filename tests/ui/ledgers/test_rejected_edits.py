"""A rejected cell corrected in the import preview (issue 12, 4): typed in the Rejected tab,
checked like the cell, and applied with the other changes when valid."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from tests.ui.ledgers.test_ledger_import_cases import import_dialog, police_ledger, table, tabs
from tracker.services import Services
from ui.ledgers.ledger_import_dialog import LedgerImportDialog
from ui.ledgers.rejected_edits import CORRECTION

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
POLICE = "自治区公安厅"


def type_correction(qtbot, dialog: LedgerImportDialog, row: int, text: str) -> None:  # type: ignore[no-untyped-def]
    """The clerk types ``text`` into the row's "Corrected value" cell and presses Enter."""
    view = dialog.reject_view
    if not dialog.isVisible():
        dialog.show()
        qtbot.waitExposed(dialog)
    index = dialog.rejects.index(row, CORRECTION)
    view.setCurrentIndex(index)
    view.edit(index)
    [editor] = [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()]
    editor.setText(text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # committed on the next turn of the event loop
    qtbot.waitUntil(lambda: view.state() != QAbstractItemView.State.EditingState)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_the_clerk_corrects_a_bad_status_and_percent_and_they_are_applied(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    back = police_ledger(
        services, tmp_path, {"J4": "差不多了", "L4": "已对接", "J5": "推进中", "K5": 0.5}, "回.xlsx"
    )
    dialog = import_dialog(qtbot, services, [back])
    assert tabs(dialog)[:2] == ["Changes (0)", "Rejected (2)"]
    assert dialog.details.currentIndex() == 1
    assert table(dialog.rejects) == [
        [
            "台账!J4",
            "Status",
            'unknown status "差不多了"; allowed: 未启动、推进中、已完成、已销号、长期坚持',
            "",
        ],
        [
            "台账!K5",
            "Progress",
            "percent 0.5 is ambiguous (the cell is not formatted as a percent, so it may mean"
            " 0.5% or 50%); write a whole number 0–100, e.g. 80 for 80%",
            "",
        ],
    ]
    assert not dialog.apply_button.isEnabled()
    type_correction(qtbot, dialog, 1, "八十")  # still not a number: stays, with why
    assert table(dialog.rejects)[1] == [
        "台账!K5",
        "Progress",
        'percent "八十" is not a number',
        "八十",
    ]
    type_correction(qtbot, dialog, 1, "80")
    type_correction(qtbot, dialog, 0, "持续推进")
    assert tabs(dialog)[:2] == ["Changes (4)", "Rejected (0)"]
    assert dialog.corrections == {back: {"台账!J4": "持续推进", "台账!K5": "80"}}
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert messages == [("information", "1 file imported with 4 changes.")]
    rows = {r.code: r for r in services.overview.assignments() if r.unit == POLICE}
    assert [(rows[c].status, rows[c].percent, rows[c].note) for c in ("1", "2")] == [
        ("推进中", None, "已对接"),
        ("推进中", 80, ""),
    ]


def test_a_row_without_a_value_to_correct_says_the_unit_must(
    qtbot, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    back = police_ledger(services, tmp_path, {"A7": None, "B7": "备注", "J7": "推进中"}, "回.xlsx")
    dialog = import_dialog(qtbot, services, [back])
    [row] = table(dialog.rejects)
    assert (row[0], row[1], row[3]) == ("台账!G7", "", "(the unit must correct it)")  # 责任单位
    assert not dialog.rejects.flags(dialog.rejects.index(0, CORRECTION)) & (
        Qt.ItemFlag.ItemIsEditable
    )
