"""The tick-off (销号) question: Enter after typing the reason confirms it — the button box
had no parent when 销号 was made default, so Qt made the first button, Cancel, the default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from tests.ui.conftest import row_of
from ui.assignments.progress_dialogs import TickOffDialog
from ui.window.main_window import MainWindow


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_enter_in_the_reason_ticks_off(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = TickOffDialog([row_of(window, "1", "自治区公安厅")], True, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.confirm.isDefault()
    dialog.note.setFocus()
    dialog.note.setText("材料齐全")
    QTest.keyClick(dialog.note, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
