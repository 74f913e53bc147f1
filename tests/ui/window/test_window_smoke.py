"""``督办台账 --smoke`` (``ui.window.window_smoke``): the smoke test with the real window.

The frozen build runs this in CI; here it is checked to start the window on the
smoke database, see the database attached and the title translated, and to exit 1
naming the step that failed.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, QTranslator
from PySide6.QtWidgets import QApplication

from tracker.services import Services
from ui import app as app_module
from ui.settings import window_settings as keys
from ui.window import window_smoke
from ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.qt_log_ignore("propagateSizeHints"),  # the offscreen platform's note on show()
]


@pytest.fixture(autouse=True)
def quiet_start(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """No log file or crash hook of the real user; Chinese translators removed afterwards."""
    monkeypatch.setattr(app_module, "setup_logging", lambda: tmp_path / "tracker.log")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    yield
    for translator in qapp.findChildren(QTranslator):
        qapp.removeTranslator(translator)
        translator.deleteLater()
    for widget in qapp.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.close()


def test_the_window_opens_on_the_database_and_returns_its_title(tmp_path: Path) -> None:
    keys.LANGUAGE.set(keys.app_settings(), "en")
    database = tmp_path / "窗口.sqlite3"
    Services.open(database, create=True).close()

    assert window_smoke.window_smoke(database) == "Measure Tracker"
    icon = QApplication.windowIcon()  # the window's icon, the installer's drawing
    assert icon.availableSizes() == [QSize(256, 256)]
    assert icon.pixmap(256).toImage().pixelColor(128, 40).name() == "#c0392b"


def test_a_database_that_does_not_open_is_a_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys.LANGUAGE.set(keys.app_settings(), "en")

    def broken(_target: object) -> Services:
        raise RuntimeError("no database here")

    monkeypatch.setattr(Services, "open", broken)
    with pytest.raises(window_smoke.WindowSmokeFailure) as caught:
        window_smoke.window_smoke(tmp_path / "none.sqlite3")
    assert str(caught.value) == "the database did not open: no database here"


def test_smoke_runs_every_step_then_the_chinese_window(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert window_smoke.main(["督办台账", "--smoke"]) == 0

    assert capsys.readouterr().out.splitlines()[-2:] == ["window: 督办台账", "smoke test passed"]


def test_a_failed_step_is_named_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "没有.txt"
    assert window_smoke.main(["督办台账", "--smoke", "--document", str(missing)]) == 1

    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"督办台账: smoke test failed: document: no such file: {missing}\n"
