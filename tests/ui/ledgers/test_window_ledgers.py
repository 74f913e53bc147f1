"""The window's ledger and report commands: drop files, menus, undo last import, print a report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox

from tests.ui.conftest import row_of
from tests.ui.ledger_fixtures import returned_ledgers
from tracker.services import Services
from ui.ledgers.ledger_import_dialog import LedgerImportDialog
from ui.reports.report_preview import ReportDialog
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def drop(window: MainWindow, paths: list[Path]) -> bool:
    """Drag ``paths`` over the window and drop them; True if the window accepted the drag."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = QPointF(window.rect().center())
    actions = Qt.DropAction.CopyAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    QApplication.sendEvent(window, QDropEvent(point, actions, mime, buttons, keys))
    return True


@pytest.fixture
def previews_shown(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """Instead of waiting for the clerk, the preview dialog applies what is ready and closes."""
    shown: list[list[str]] = []

    def exec_(dialog: LedgerImportDialog) -> int:
        shown.append([p.file for p in dialog.previews()])
        if dialog.apply_button.isEnabled():
            dialog.apply()
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(LedgerImportDialog, "exec", exec_)
    return shown


def test_dropping_returned_ledgers_opens_the_preview_and_the_table_follows(
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    previews_shown: list[list[str]],
    messages: list[tuple[str, str]],
) -> None:
    ledgers = returned_ledgers(services, tmp_path)
    assert drop(window, [ledgers["tax"]])
    assert previews_shown == [[ledgers["tax"].name]]
    assert messages == [("information", "1 file imported with 1 change.")]
    assert row_of(window, "2", "宁夏税务局").note == "已完成系统改造"  # the table was re-read


def test_dropping_a_folder_previews_every_ledger_in_it(
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    previews_shown: list[list[str]],
    messages: list[tuple[str, str]],
) -> None:
    ledgers = returned_ledgers(services, tmp_path)
    ledgers["market"].unlink()  # the reject would need a message; the folder keeps two
    ledgers["police"].unlink()
    (ledgers["tax"].parent / "说明.docx.txt").write_text("not a ledger")
    assert drop(window, [ledgers["tax"].parent])
    assert previews_shown == [[ledgers["tax"].name]]


def test_other_files_are_not_accepted(window: MainWindow, tmp_path: Path) -> None:
    picture = tmp_path / "photo.png"
    picture.write_bytes(b"png")
    assert not drop(window, [picture])


def test_dropping_several_policy_documents_previews_each_and_reloads_once(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.documents.import_flow

    first, second, third = (tmp_path / f"文件{n}.txt" for n in (1, 2, 3))
    for path in (first, second, third):
        path.write_text("一、总体要求", encoding="utf-8")
    asked: list[str] = []

    def import_policy_file(_parent, _documents, _units, path: Path) -> bool:  # type: ignore[no-untyped-def]
        asked.append(path.name)
        return path != second  # the clerk cancelled the second one

    reloads: list[int] = []
    monkeypatch.setattr(ui.documents.import_flow, "import_policy_file", import_policy_file)
    monkeypatch.setattr(window.rows, "reload", lambda: reloads.append(1))
    assert drop(window, [first, second, third])
    assert asked == ["文件1.txt", "文件2.txt", "文件3.txt"]
    assert reloads == [1]


def test_import_from_the_file_menu_and_undo_the_last_import(
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    previews_shown: list[list[str]],
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ledgers = returned_ledgers(services, tmp_path)
    monkeypatch.setattr(
        QFileDialog,
        "getOpenFileNames",
        staticmethod(lambda *_a, **_k: ([str(ledgers["tax"])], "")),
    )
    window.actions_.import_ledgers.trigger()
    assert row_of(window, "2", "宁夏税务局").note == "已完成系统改造"
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(
            lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes
        ),
    )
    window.actions_.undo_ledger_import.trigger()
    assert asked and asked[0].startswith("Undo the last ledger import?")
    assert messages[-1] == ("information", f"Undone: {ledgers['tax'].name}")
    assert row_of(window, "2", "宁夏税务局").note == ""


def test_undo_with_nothing_imported_says_so(
    window: MainWindow, messages: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes)
    )
    window.actions_.undo_ledger_import.trigger()
    assert messages == [("warning", "there is no ledger import to undo")]


def test_print_a_report_opens_the_report_dialog(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[ReportDialog] = []
    monkeypatch.setattr(ReportDialog, "exec", lambda d: opened.append(d) or 0)
    [action] = [
        a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Print a report…"
    ]
    action.trigger()
    assert len(opened) == 1 and opened[0].kind.count() == 4
    reply_by = opened[0].reply_by  # written as the rounds and chaser dialogs write a date
    assert reply_by.text() == reply_by.date().toString("yyyy-MM-dd")


def test_export_without_a_round_offers_to_create_one(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.No),
    )
    window.actions_.export_ledgers.trigger()
    assert len(asked) == 1 and "Create one now?" in asked[0]
