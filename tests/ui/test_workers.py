"""Background work: results come back, Cancel stops the work, errors become messages or crash logs."""

from __future__ import annotations

import sys
import threading
import time

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton

from tracker.errors import UserError
from ui.workers import Reporter, run_with_progress

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_the_work_runs_off_the_gui_thread_and_its_value_comes_back(qtbot) -> None:  # type: ignore[no-untyped-def]
    gui = threading.get_ident()
    outcome = run_with_progress(None, "working", lambda _r: threading.get_ident())
    assert outcome.ok and not outcome.cancelled
    assert outcome.value is not None and outcome.value != gui


def press_cancel_once_shown() -> None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.isVisible():
            [button] = widget.findChildren(QPushButton)
            button.click()  # as the clerk would
            return
    QTimer.singleShot(20, press_cancel_once_shown)


def test_cancel_stops_the_work_at_its_next_check(qtbot) -> None:  # type: ignore[no-untyped-def]
    done: list[int] = []

    def work(reporter: Reporter) -> int:
        for step in range(1000):
            if not reporter(step, 1000):
                return step
            done.append(step)
            time.sleep(0.01)
        return 1000

    QTimer.singleShot(0, press_cancel_once_shown)
    started = time.monotonic()
    outcome = run_with_progress(None, "counting", work)
    assert outcome.ok and outcome.cancelled
    assert outcome.value is not None and 0 < outcome.value < 1000
    assert time.monotonic() - started < 5
    assert len(done) == outcome.value


def test_a_user_error_becomes_a_message(qtbot, messages: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    def work(_r: Reporter) -> None:
        raise UserError("no round named '2020年'")

    outcome = run_with_progress(None, "working", work)
    assert not outcome.ok and isinstance(outcome.error, UserError)
    assert messages == [("warning", "no round named '2020年'")]


def test_a_bug_goes_to_the_crash_hook(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _k, exc, _t: hooked.append(exc))

    def work(_r: Reporter) -> None:
        raise ZeroDivisionError("a bug")

    outcome = run_with_progress(None, "working", work)
    assert isinstance(outcome.error, ZeroDivisionError)
    assert hooked == [outcome.error]
    assert QThread.currentThread() is QApplication.instance().thread()  # type: ignore[union-attr]
