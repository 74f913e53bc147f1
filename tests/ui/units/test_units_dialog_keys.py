"""The units directory with the keyboard: Enter in 查找单位… takes the clerk to the matches —
it opened "Merge into…" for the selected unit (the first button was the dialog's default);
Enter in the table closes the directory, its Close button being the default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QInputDialog

from tracker.services import Services
from ui.units.units_dialog import UnitsDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_enter_in_the_search_goes_to_the_matches_not_to_merge(
    qtbot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    monkeypatch.setattr(
        QInputDialog, "getItem", staticmethod(lambda *a: asked.append(a[2]) or ("", False))
    )
    dialog = UnitsDialog(services.units, services.groups)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.table.selectRow(0)
    dialog.search.setFocus()
    dialog.search.setText("公安")
    QTest.keyClick(dialog.search, Qt.Key.Key_Return)
    assert (asked, dialog.isVisible()) == ([], True)
    assert dialog.focusWidget() is dialog.table
    assert dialog.selected() is not None and dialog.selected().name == "自治区公安厅"
    QTest.keyClick(dialog.table, Qt.Key.Key_Return)
    assert (asked, dialog.isVisible()) == ([], False)
