"""No database where the window looks: never an empty one made silently; the clerk decides."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QFileDialog

from tests.tracker.conftest import TODAY, sample_document, source
from tracker.services import Services
from tracker.store import Clock
from ui import app as app_module
from ui.settings import window_settings as keys
from ui.window.first_run import MissingDatabasePage
from ui.window.main_window import MainWindow

pytestmark = [
    pytest.mark.qt_log_level_fail("WARNING"),
    pytest.mark.qt_log_ignore("propagateSizeHints"),
]


def opening(qtbot, target: Path, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window whose start-up tried to open ``target``: the page it shows then."""
    window = MainWindow(None, settings)
    qtbot.addWidget(window)
    window.show()
    failures: list[BaseException] = []
    app_module.open_in_background(window, str(target), failures)
    qtbot.waitUntil(lambda: isinstance(window.pages.currentWidget(), MissingDatabasePage))
    assert failures == []  # not a failure: the window stays, waiting for the clerk
    return window


def test_a_missing_file_is_named_and_not_created(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    private_settings: QSettings,
) -> None:
    missing = tmp_path / "搬走了" / "台账.sqlite3"
    window = opening(qtbot, missing, private_settings)
    page = window.pages.currentWidget()
    assert isinstance(page, MissingDatabasePage)
    assert page.intro.text().startswith(f"There is no database at\n{missing}\n\n")
    assert window.location.text() == str(missing)
    assert not window.attached
    assert not window.actions_.import_document.isEnabled()  # waits for a database
    assert not missing.exists() and not missing.parent.exists()


def test_create_makes_the_new_database_and_opens_the_first_run_page(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    private_settings: QSettings,
) -> None:
    missing = tmp_path / "新建" / "台账.sqlite3"
    window = opening(qtbot, missing, private_settings)
    page = window.pages.currentWidget()
    assert isinstance(page, MissingDatabasePage)
    qtbot.mouseClick(page.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.first_run)
    assert window.attached and window.menuBar().isEnabled()
    assert missing.is_file()
    assert window.services.documents.list() == []
    window.close()


def test_choose_opens_the_file_where_it_is_now_and_remembers_it(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    private_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    moved = tmp_path / "新位置.sqlite3"
    services = Services.open(moved, clock=Clock(TODAY), create=True)
    services.documents.import_parsed(sample_document(), source())
    services.close()
    missing = tmp_path / "旧位置.sqlite3"
    window = opening(qtbot, missing, private_settings)
    page = window.pages.currentWidget()
    assert isinstance(page, MissingDatabasePage)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(moved), "")), raising=True
    )
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.attached and len(window.model.rows()) == 6)
    assert keys.DATABASE.value(window.settings) == str(moved)
    assert not missing.exists()
    window.close()


def test_a_chosen_file_that_cannot_be_opened_keeps_the_page(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    private_settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    garbage = tmp_path / "乱码.sqlite3"
    garbage.write_bytes(b"not a database" * 100)
    window = opening(qtbot, tmp_path / "无.sqlite3", private_settings)
    page = window.pages.currentWidget()
    assert isinstance(page, MissingDatabasePage)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(garbage), "")), raising=True
    )
    qtbot.mouseClick(page.choose_button, Qt.MouseButton.LeftButton)
    assert messages == [
        (
            "warning",
            f"The file {garbage} is not a database of this application, or it is damaged; "
            "nothing was changed. Restore it from a backup, or open another file.",
        )
    ]
    assert window.pages.currentWidget() is page and not window.attached
    assert keys.DATABASE.value(window.settings) == ""


def test_switching_to_a_missing_file_keeps_the_current_database(
    window: MainWindow, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    before = window.services
    missing = tmp_path / "不存在.sqlite3"
    assert not window.commands.open_database(str(missing), remember=True)
    assert [kind for kind, _ in messages] == ["warning"]
    assert messages[0][1].startswith(f"The database file {missing} does not exist")
    assert window.services is before and not missing.exists()
    assert keys.DATABASE.value(window.settings) == ""


def test_the_window_never_tells_the_clerk_to_run_a_command(
    window: MainWindow, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    """The CLI's 'run "tracker-cli init"' was shown in the window's message box too."""
    missing = tmp_path / "不存在.sqlite3"
    empty = tmp_path / "空的.sqlite3"
    empty.write_bytes(b"")
    assert not window.commands.open_database(str(missing), remember=False)
    assert not window.commands.open_database(str(empty), remember=False)
    assert [text for _kind, text in messages] == [
        f"The database file {missing} does not exist (never created, moved or deleted). If the "
        "file was moved, open it where it is now (File → Open database…).",
        f"The database {empty} is empty (it has no tables yet); nothing was changed. Open "
        "another database file (File → Open database…).",
    ]
    assert not missing.exists() and empty.read_bytes() == b""


def test_no_command_for_selected_rows_is_offered_without_a_database(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    private_settings: QSettings,
) -> None:
    """The toolbar's 销号 and 编辑进展 were on beside the page saying there is no database,
    and 销号 then answered that every selected task was ticked off already."""
    window = opening(qtbot, tmp_path / "台账.sqlite3", private_settings)
    actions = window.actions_
    assert {a.text(): a.isEnabled() for a in actions.selection_actions()} == {
        "Edit progress…": False,
        "Tick off": False,
        "Undo tick off": False,
        "Measure text and history…": False,
        "Chaser for this unit…": False,
        "Request an extension…": False,
    }
