"""GUI fixtures: private settings, a fresh database with a hand-built document, the window.

Each test gets its own SQLite file and its own QSettings folder, so nothing
leaks between tests or into the developer's real settings.  Dialogs that would
block (message boxes, file choosers) are patched by the tests that open them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from tests.tracker.conftest import TODAY, sample_document, source
from tracker.records import AssignmentRow
from tracker.services import Services
from tracker.store import Clock
from ui.window.main_window import MainWindow


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> QSettings:
    """Point QSettings' user scope at a temporary folder for this test."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    return QSettings(str(folder / "test.ini"), QSettings.Format.IniFormat)


@pytest.fixture(autouse=True)
def application_theme(qapp: QApplication) -> Iterator[None]:
    """The application's style, palette, style sheet and default locale as each test found
    them.  ``ui.app.launch`` themes the one QApplication every test shares (Fusion,
    ``resources/theme.qss``) and a Chinese start sets the default locale.  Left so, a
    later test's never-shown board had, under the sheet, a header viewport 0 px high,
    where a click on a section is pressed but never released as a click (the board's
    group column did not expand after tests/ui/window had run)."""
    style, palette, sheet, locale = (
        qapp.style().name(),
        qapp.palette(),
        qapp.styleSheet(),
        QLocale(),
    )
    yield
    if qapp.styleSheet() != sheet:
        qapp.setStyleSheet(sheet)
    if style and qapp.style().name() != style:
        qapp.setStyle(style)
    if qapp.palette() != palette:
        qapp.setPalette(palette)
    if QLocale() != locale:
        QLocale.setDefault(locale)


@pytest.fixture(autouse=True)
def unexpected_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog no test asked for fails the test instead of waiting for a click forever."""

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def show(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise AssertionError(f"unexpected dialog {name}: {args[2:3]}")

        return staticmethod(show)

    for cls, names in (
        (QMessageBox, ("warning", "critical", "information", "question", "about")),
        (QInputDialog, ("getItem", "getText", "getInt")),
        (QFileDialog, ("getOpenFileName", "getSaveFileName")),
    ):
        for name in names:
            monkeypatch.setattr(cls, name, refuse(f"{cls.__name__}.{name}"))
    monkeypatch.setattr(QDialog, "exec", refuse("QDialog.exec"))  # our own dialogs too


@pytest.fixture
def empty_services(tmp_path: Path) -> Iterator[Services]:
    opened = Services.open(
        tmp_path / "督办台账.sqlite3", clock=Clock(TODAY), user="测试员", create=True
    )
    yield opened
    opened.close()


@pytest.fixture
def services(empty_services: Services) -> Services:
    empty_services.documents.import_parsed(sample_document(), source())
    return empty_services


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box the code under test would show: (kind, text); none blocks."""
    shown: list[tuple[str, str]] = []

    def fake(kind: str):  # type: ignore[no-untyped-def]
        def show(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return show

    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(fake(kind)))
    return shown


def make_window(qtbot, services: Services, settings: QSettings, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(services, settings)
    window.commands.demo_path = tmp_path / "demo.sqlite3"
    qtbot.addWidget(window)
    return window


@pytest.fixture
def window(qtbot, services: Services, private_settings: QSettings, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window(qtbot, services, private_settings, tmp_path)


def shown(window: MainWindow) -> list[tuple[str, str]]:
    """The table's rows as (measure code, unit), top to bottom."""
    return [(r.code, r.unit) for r in window.model.rows()]


def row_of(window: MainWindow, code: str, unit: str) -> AssignmentRow:
    [row] = [r for r in window.model.rows() if (r.code, r.unit) == (code, unit)]
    return row
