"""One undo history: a ledger import and its undo are steps on the same stack as hand edits."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog

from tests.ui.conftest import make_window, row_of
from tests.ui.ledger_fixtures import returned_ledgers
from tests.ui.ledgers.test_window_ledgers import drop
from tracker.progress.progress_service import Change
from tracker.services import Services
from ui.app import install_translation
from ui.assignments.assignment_model import PERCENT
from ui.ledgers.ledger_import_dialog import LedgerImportDialog
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
TAX = "2", "宁夏税务局"


@pytest.fixture(autouse=True)
def applied_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview dialog applies what is ready and closes (the clerk's click)."""

    def exec_(dialog: LedgerImportDialog) -> int:
        if dialog.apply_button.isEnabled():
            dialog.apply()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(LedgerImportDialog, "exec", exec_)


def edit_then_import(window: MainWindow, services: Services, tmp_path: Path) -> Path:
    """The clerk sets 税务局's percent by hand, then imports its ledger (a note on the same
    assignment)."""
    ledgers = returned_ledgers(services, tmp_path)
    window.model.setData(
        window.model.index(window.model.row_of(row_of(window, *TAX).id), PERCENT), 40
    )
    assert drop(window, [ledgers["tax"]])
    return ledgers["tax"]


def test_ctrl_z_after_an_import_undoes_the_import_then_the_hand_edit_and_redo_follows(
    window: MainWindow, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    edit_then_import(window, services, tmp_path)
    stack, undo, redo = window.progress_actions.stack, window.actions_.undo, window.actions_.redo
    assert (row_of(window, *TAX).percent, row_of(window, *TAX).note) == (40, "已完成系统改造")
    assert stack.count() == 2 and stack.undoText() == "Import ledgers (1 file)"
    assert undo.text() == "Undo Import ledgers (1 file)"  # the Edit menu names it
    undo.trigger()
    assert (row_of(window, *TAX).percent, row_of(window, *TAX).note) == (40, "")
    assert stack.undoText() == "Set progress of 2 / 宁夏税务局"
    undo.trigger()  # the hand edit before the import: its version is the window's own
    assert row_of(window, *TAX).percent is None and stack.index() == 0
    redo.trigger()
    redo.trigger()  # the same file again, with the same decisions
    assert (row_of(window, *TAX).percent, row_of(window, *TAX).note) == (40, "已完成系统改造")
    assert stack.index() == 2 and messages[1:] == []  # (the import's own summary only)
    history = [h.source for h in services.progress.history(row_of(window, *TAX).id)]
    ledger = "台账 宁夏税务局_2021年第2季度_工作台账.xlsx"
    assert history == ["导入 措施.txt", "手工", ledger, "撤销导入", "撤销", "重做", ledger]


def test_an_import_changed_since_is_refused_and_stays_on_the_stack(
    window: MainWindow, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    edit_then_import(window, services, tmp_path)
    services.progress.record(row_of(window, *TAX).id, Change(note="另一位同事改过"))
    stack = window.progress_actions.stack
    window.actions_.undo.trigger()
    assert stack.index() == 2 and stack.undoText() == "Import ledgers (1 file)"
    assert messages[-1][0] == "warning"
    assert (
        "measure 2 of 宁夏税务局 was changed after the import; undo that change first"
        in (messages[-1][1])
    )


def test_redo_of_an_import_whose_file_changed_is_refused(
    window: MainWindow, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    tax = edit_then_import(window, services, tmp_path)
    stack = window.progress_actions.stack
    window.actions_.undo.trigger()
    book = openpyxl.load_workbook(tax)
    sheet = book.worksheets[0]
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value == "已完成系统改造":
                cell.value = "改过的文件"
    book.save(tax)
    window.actions_.redo.trigger()
    assert stack.index() == 1 and stack.redoText() == "Import ledgers (1 file)"
    assert row_of(window, *TAX).note == ""
    assert "the database or the files changed since the preview; preview again" in (messages[-1][1])


def test_the_edit_menus_undo_last_import_takes_the_stacks_step(
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    tax = edit_then_import(window, services, tmp_path)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes)
    )
    window.actions_.undo_ledger_import.trigger()
    stack = window.progress_actions.stack
    assert stack.index() == 1 and stack.redoText() == "Import ledgers (1 file)"
    assert messages[-1] == ("information", f"Undone: {tax.name}")
    window.actions_.undo.trigger()  # on to the hand edit
    assert row_of(window, *TAX).percent is None


@pytest.fixture
def chinese() -> Iterator[None]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translation(app, "zh_CN")
    yield
    for translator in translators:
        app.removeTranslator(translator)


def test_the_edit_menu_names_the_import_in_chinese(
    chinese: None,
    services: Services,
    tmp_path: Path,
    private_settings: QSettings,
    messages: list[tuple[str, str]],
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    window = make_window(qtbot, services, private_settings, tmp_path)
    ledgers = returned_ledgers(services, tmp_path)
    assert drop(window, [ledgers["tax"]])
    assert window.actions_.undo.text() == "撤销 导入台账（1个文件）"
