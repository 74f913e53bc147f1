"""The sub-task review with the keyboard alone: Enter in "Add a unit from the directory…"
adds the unit to the task and does nothing else — it opened the "Split task…" dialog (the
review's first button took the Enter the field passed on), and must never import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from importers.policy import parse_text
from tests.tracker.conftest import source
from tests.ui.documents.test_task_review import TEXT, units_shown
from tracker.services import Services
from ui.documents.import_preview import ImportPreviewDialog
from ui.documents.task_review import SplitTaskDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_enter_in_the_unit_field_adds_the_unit_and_nothing_else(
    services: Services, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(
        "ui.documents.task_review.QMessageBox.warning", lambda _p, _t, text: opened.append(text)
    )
    monkeypatch.setattr(
        SplitTaskDialog, "exec", lambda _d: opened.append("split") or QDialog.DialogCode.Rejected
    )
    doc = parse_text(TEXT)
    src = source("方案.txt", "f" * 64)
    dialog = ImportPreviewDialog(doc, src, services.documents.plan(doc, src), ["自治区民政厅"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.tabs.setCurrentWidget(dialog.review)
    review = dialog.review
    review.new_unit.setFocus()
    review.new_unit.setText("自治区民政厅")
    QTest.keyClick(review.new_unit, Qt.Key.Key_Return)
    assert units_shown(review) == [
        "自治区发展改革委 — lead",
        "自治区财政厅 — supporting",
        "各有关部门 (collective) — supporting",
        "自治区民政厅 — supporting",
    ]
    assert (opened, dialog.isVisible(), dialog.result()) == ([], True, 0)
    assert review.new_unit.text() == "" and dialog.focusWidget() is review.new_unit
    QTest.keyClick(review.new_unit, Qt.Key.Key_Enter)  # an empty field: the clerk is told
    assert (opened, dialog.isVisible(), len(review.history)) == (["type the unit's name"], True, 2)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_enter_presses_import_the_previews_default_wherever_the_focus_is(
    services: Services, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """导入 is the default button: Enter in the measures or the tasks table accepts the
    preview.  The button box had no parent when 导入 was made default, so Qt took the
    first button of the dialog, 拆分任务…, and Enter opened the split dialog on any tab."""
    opened: list[str] = []
    monkeypatch.setattr(
        SplitTaskDialog, "exec", lambda _d: opened.append("split") or QDialog.DialogCode.Rejected
    )
    doc = parse_text(TEXT)
    src = source("方案.txt", "f" * 64)
    for widget in ("measure_view", "review"):
        dialog = ImportPreviewDialog(doc, src, services.documents.plan(doc, src), [])
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert dialog.confirm is not None and dialog.confirm.isDefault()
        target = dialog.measure_view if widget == "measure_view" else dialog.review.view
        dialog.tabs.setCurrentWidget(
            dialog.measure_view if widget == "measure_view" else dialog.review
        )
        target.setFocus()
        QTest.keyClick(target, Qt.Key.Key_Return)
        assert (opened, dialog.result()) == ([], QDialog.DialogCode.Accepted)
