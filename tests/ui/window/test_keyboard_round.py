"""A whole round with the keyboard only (issue 18 item 6): ledgers out, ledgers back, a report.

Every step is a key press where the focus is — the window's shortcuts, Tab through a
dialog, Enter for its main button, Escape to close — with the real modal dialogs and
message boxes.  Only the operating system's file choosers are stood in for (they are
the system's own, keyboard-driven dialogs): they answer with the file the clerk would
type.  A watcher waits for each dialog to come up and presses its keys.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from tests.tracker.ledgers.test_ledgers import _edit
from tests.ui.conftest import row_of
from tracker.services import Services
from ui.ledgers.ledger_export_dialog import LedgerExportDialog
from ui.ledgers.ledger_import_dialog import LedgerImportDialog
from ui.ledgers.rounds_dialog import RoundsDialog
from ui.reports.report_preview import ReportDialog
from ui.window.main_window import MainWindow

REAL_EXEC = QDialog.exec
REAL_QUESTION = QMessageBox.question
REAL_INFORMATION = QMessageBox.information
Key = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def focus() -> QWidget:
    """The widget with the keyboard focus.  A closed dialog hands the activation back to
    the window below it through the window manager, which the offscreen platform has not:
    that is done here."""
    if QApplication.focusWidget() is None:
        below = QApplication.activeModalWidget() or next(
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, MainWindow) and w.isVisible()  # earlier tests' windows linger
        )
        below.activateWindow()
        QApplication.processEvents()
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    QTest.keyClick(focus(), key, modifiers)


def type_text(text: str) -> None:
    """Typed: Latin letters key by key, Chinese committed by the input method, as with 拼音."""
    if text.isascii():
        QTest.keyClicks(focus(), text)
        return
    typed = QInputMethodEvent()
    typed.setCommitString(text)
    QApplication.sendEvent(focus(), typed)


def tab_to(target: QWidget, most: int = 30) -> None:
    """Tab until ``target`` has the focus (the dialog's Tab order reaches it)."""
    passed = []
    for _ in range(most):
        if QApplication.focusWidget() is target:
            return
        passed.append(type(QApplication.focusWidget()).__name__)
        press(Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target!r}, only {passed}")


class Clerk:
    """Waits for each expected dialog to be the active modal window, then does its keys."""

    def __init__(self) -> None:
        self.steps: list[tuple[type[QWidget], Callable[[QWidget], None]]] = []
        self.done: list[str] = []
        self.failure: BaseException | None = None
        """What went wrong in a dialog: then every dialog is closed, and the test fails."""
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._look)
        self.timer.start()

    def then(self, kind: type[QWidget], keys: Callable[[QWidget], None]) -> None:
        self.steps.append((kind, keys))

    def _look(self) -> None:
        shown = QApplication.activeModalWidget()
        if self.failure is not None:
            if isinstance(shown, QDialog):
                shown.reject()
            return
        if not self.steps or not isinstance(shown, self.steps[0][0]) or not shown.isVisible():
            return
        if QApplication.focusWidget() is None or QApplication.focusWidget().window() is not shown:
            shown.activateWindow()
            return
        kind, keys = self.steps.pop(0)
        self.done.append(kind.__name__)
        # (from a timer of its own: the keys may open the next dialog, whose loop then runs
        # inside them, and a timer is not fired again while its own call has not returned)
        QTimer.singleShot(0, lambda: self._keys(keys, shown))

    def _keys(self, keys: Callable[[QWidget], None], shown: QWidget) -> None:
        try:
            keys(shown)
        except BaseException as exc:
            self.failure = exc

    def check(self) -> None:
        if self.failure is not None:
            raise self.failure


@pytest.fixture
def clerk(monkeypatch: pytest.MonkeyPatch) -> Clerk:
    """Real modal dialogs and message boxes, driven by the clerk's keys."""
    monkeypatch.setattr(QDialog, "exec", REAL_EXEC)
    monkeypatch.setattr(QMessageBox, "question", REAL_QUESTION)
    monkeypatch.setattr(QMessageBox, "information", REAL_INFORMATION)
    return Clerk()


def test_a_round_export_import_report_with_the_keyboard_only(
    qtbot, window: MainWindow, services: Services, tmp_path: Path, clerk: Clerk, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.rows.index is not None)
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    sent, back, reports = tmp_path / "sent", tmp_path / "back", tmp_path / "reports"

    # 1. Ledgers out: Ctrl+Shift+E.  No round yet: Enter answers Yes, a round is created
    #    with Enter and the rounds list closed with Escape; in the export dialog Tab to the
    #    folder, type it, Enter exports; Escape closes the "Open the folder?" box.
    def new_round(dialog: QWidget) -> None:
        assert isinstance(dialog, RoundsDialog)
        tab_to(dialog.name)
        press(Key.Key_A, CTRL)
        type_text("2021年第2季度")
        press(Key.Key_Return)
        assert dialog.created is not None and dialog.created.name == "2021年第2季度"
        press(Key.Key_Escape)

    def export(dialog: QWidget) -> None:
        assert isinstance(dialog, LedgerExportDialog)
        tab_to(dialog.folder)
        press(Key.Key_A, CTRL)
        type_text(str(sent))
        press(Key.Key_Return)

    clerk.then(QMessageBox, lambda _box: press(Key.Key_Return))  # Create a round now? Yes
    clerk.then(RoundsDialog, new_round)
    clerk.then(LedgerExportDialog, export)
    clerk.then(QMessageBox, lambda _box: press(Key.Key_Escape))  # Open the folder? Close
    press(Key.Key_E, CTRL | SHIFT)
    clerk.check()
    assert clerk.done == ["QMessageBox", "RoundsDialog", "LedgerExportDialog", "QMessageBox"]
    assert sorted(p.name for p in sent.iterdir()) == [  # none to 各市、县（区）: no member yet
        "宁夏税务局_2021年第2季度_工作台账.xlsx",
        "总台账_2021年第2季度.xlsx",
        "自治区公安厅_2021年第2季度_工作台账.xlsx",
        "自治区市场监管厅_2021年第2季度_工作台账.xlsx",
        "自治区政府办公厅_2021年第2季度_工作台账.xlsx",
    ]
    tax = sent / "宁夏税务局_2021年第2季度_工作台账.xlsx"

    # 2. A unit sends its ledger back; Ctrl+L, the file chosen, the preview: Tab to Apply,
    #    Enter; Enter closes the summary; Escape closes the preview.
    back.mkdir()
    returned = _edit(tax, {"2/进展情况": "已完成系统改造"}, back / tax.name)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileNames", staticmethod(lambda *_a, **_k: ([str(returned)], ""))
    )

    def apply(dialog: QWidget) -> None:
        assert isinstance(dialog, LedgerImportDialog)
        tab_to(dialog.apply_button)
        press(Key.Key_Return)

    clerk.then(LedgerImportDialog, apply)
    clerk.then(QMessageBox, lambda _box: press(Key.Key_Return))  # 1 file imported…
    clerk.then(LedgerImportDialog, lambda _dialog: press(Key.Key_Escape))
    press(Key.Key_L, CTRL)
    clerk.check()
    assert clerk.done[4:] == ["LedgerImportDialog", "QMessageBox", "LedgerImportDialog"]
    assert row_of(window, "2", "宁夏税务局").note == "已完成系统改造"

    # 3. The report: Ctrl+P, Tab to "Save as PDF…", Enter; the file named; Escape closes.
    pdf = reports / "工作进展情况通报_2021年第2季度.pdf"
    reports.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: (str(pdf), ""))
    )
    saved: list[str] = []

    def report(dialog: QWidget) -> None:
        assert isinstance(dialog, ReportDialog)
        dialog.saved.connect(saved.append)
        tab_to(dialog.save_pdf)
        press(Key.Key_Return)
        qtbot.waitUntil(lambda: bool(saved), timeout=30_000)
        press(Key.Key_Escape)

    clerk.then(ReportDialog, report)
    press(Key.Key_P, CTRL)
    clerk.check()
    assert clerk.done[7:] == ["ReportDialog"]
    assert saved == [str(pdf)] and pdf.read_bytes().startswith(b"%PDF")
    assert not clerk.steps
    assert QApplication.activeModalWidget() is None
    assert focus().window() is window  # back at the table, ready for the next key
