"""All Chinese (issue 18 item 1): the window, its menus, toolbar, tabs and every dialog its
menus open, in zh_CN, show no Latin word beyond a short list (PDF, Excel, Word…).

Every modal dialog is walked where it would wait for the clerk (``QDialog.exec`` patched),
then closed; message boxes and file choosers are answered without a click.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
    QWidget,
)

from tests.ui.conftest import make_window
from tests.ui.ledger_fixtures import returned_ledgers
from tests.ui.visible_text import WORD, english_left, latin_words
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from ui.app import install_translation
from ui.settings.guide_dialog import GuideDialog

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise"),
]

SEED = Path(__file__).resolve().parents[4] / "shared" / "seeds" / "000_ddced08bac396bed.txt"
SKIPPED = ("quit", "open_demo")
"""Actions not triggered: one closes the window, the other swaps the database for the demo."""


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translation(app, "zh_CN")
    assert translators
    yield
    for translator in translators:
        app.removeTranslator(translator)


class Walk:
    """What the walk met: each English text with where it was seen."""

    def __init__(self, data_words: frozenset[str]) -> None:
        self.data_words = data_words
        self.english: dict[str, str] = {}
        self.dialogs: list[str] = []

    def look_at(self, where: str, widget: QWidget) -> None:
        for text in english_left(widget, self.data_words):
            self.english.setdefault(text, where)

    def message(self, where: str, text: str) -> None:
        if latin_words(text, self.data_words):
            self.english.setdefault(text, where)


def _patch_modal_loops(
    monkeypatch: pytest.MonkeyPatch, walk: Walk, ledgers: list[Path], folder: Path
) -> None:
    def exec_(self: QDialog) -> int:
        name = type(self).__name__
        walk.dialogs.append(name)
        self.show()
        walk.look_at(name, self)
        self.hide()
        self.deleteLater()  # (a dialog left behind would trouble the next test's window)
        return QDialog.DialogCode.Rejected.value

    def box(kind: str, answer: QMessageBox.StandardButton):  # type: ignore[no-untyped-def]
        def show(_parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
            walk.message(f"QMessageBox.{kind}", f"{title} {text}")
            return answer

        return staticmethod(show)

    def open_file(_parent, _title, _start="", filters="", *args, **kwargs):  # type: ignore[no-untyped-def]
        walk.message("QFileDialog", f"{_title} {filters}")
        return (str(SEED) if "*.txt" in filters else "", "")

    def open_files(_parent, _title, _start="", filters="", *args, **kwargs):  # type: ignore[no-untyped-def]
        walk.message("QFileDialog", f"{_title} {filters}")
        return ([str(p) for p in ledgers], "")

    def save_file(_parent, _title, _start="", filters="", *args, **kwargs):  # type: ignore[no-untyped-def]
        walk.message("QFileDialog", f"{_title} {filters}")
        return ("", "")

    def choose_folder(_parent, title, *args, **kwargs):  # type: ignore[no-untyped-def]
        walk.message("QFileDialog", title)
        return str(folder)

    def ask(_parent, title, label, *args, **kwargs):  # type: ignore[no-untyped-def]
        walk.message("QInputDialog", f"{title} {label}")
        return ("", False)

    monkeypatch.setattr(QDialog, "exec", exec_)
    for name in ("getItem", "getText", "getInt"):
        monkeypatch.setattr(QInputDialog, name, staticmethod(ask))
    no = QMessageBox.StandardButton.No
    for kind in ("warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, kind, box(kind, QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", box("question", no))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(open_files))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(choose_folder))


def test_every_text_the_window_and_its_dialogs_show_is_chinese(
    chinese: None,
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if not SEED.exists():
        pytest.skip("the shared seeds are not next to the repository")
    ledgers = list(returned_ledgers(services, tmp_path / "ledgers").values())
    RoundService(services.store).create("2021年第3季度", date(2021, 9, 30))
    empty_folder = tmp_path / "空文件夹"
    empty_folder.mkdir()
    brought = [SEED.read_text(encoding="utf-8"), *(p.name for p in [SEED, *ledgers])]
    walk = Walk(frozenset(WORD.findall(" ".join(brought))))
    _patch_modal_loops(monkeypatch, walk, ledgers, empty_folder)
    window = make_window(qtbot, services, private_settings, tmp_path)
    window.show()
    qtbot.waitUntil(lambda: window.rows.index is not None)
    window.table.selectRow(0)
    walk.look_at("main window", window)
    for tab in range(window.tabs.count()):
        window.tabs.setCurrentIndex(tab)
        qtbot.wait(50)
        walk.look_at(f"tab {window.tabs.tabText(tab)}", window)
    window.tabs.setCurrentIndex(0)

    actions = window.actions_
    for name in vars(actions):
        if name in SKIPPED:
            continue
        action = getattr(actions, name)
        if action.isEnabled():
            action.trigger()
            qtbot.wait(10)
    guide = window.findChild(GuideDialog, "guide_dialog")
    assert guide is not None
    walk.look_at("GuideDialog", guide)
    guide.close()
    guide.deleteLater()
    qtbot.wait(10)
    shutil.rmtree(empty_folder)

    assert walk.english == {}, "\n".join(f"{w}: {t!r}" for t, w in walk.english.items())
    assert {
        "ReportDialog",
        "RoundsDialog",
        "LedgerExportDialog",
        "LedgerImportDialog",
        "ImportPreviewDialog",
        "UnitsDialog",
        "SettingsDialog",
    } <= set(walk.dialogs)
