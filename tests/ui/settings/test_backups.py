"""文件 → 备份数据库… / 从备份恢复…, the list of backups, the retention setting, the daily backup."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from db.backup_files import BackupInfo
from tests.reliability.test_backups import BAD_FILES
from tests.ui.conftest import row_of
from tracker.backups.backup_service import BackupService
from tracker.database_settings import BACKUP_KEEP_COPIES
from tracker.services import Services
from tracker.statuses import Status
from ui.settings import backup_dialog
from ui.settings.backup_dialog import BackupDialog, BackupListModel
from ui.settings.settings_dialog import SettingsDialog
from ui.window.main_window import MainWindow


def _wait_loaded(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.model.rowCount() == 6, timeout=5000)


def _wait_daily(qtbot: QtBot, services: Services) -> list[BackupInfo]:
    service = BackupService(services.store)
    qtbot.waitUntil(lambda: any(b.reason == "daily" for b in service.list_backups()))
    return service.list_backups()


def test_the_list_model_shows_date_size_and_what_came_after(qtbot: QtBot, tmp_path: Path) -> None:
    backups = [
        BackupInfo(
            tmp_path / "a-20261204-153000-导入台账前.sqlite3",
            datetime(2026, 12, 4, 15, 30),
            "ledger-apply",
            "0003",
            163_840,
        ),
        BackupInfo(
            tmp_path / "a-20261203-090000-每日.sqlite3",
            datetime(2026, 12, 3, 9),
            "daily",
            "0003",
            5 * 1024 * 1024 + 200_000,
        ),
    ]
    model = BackupListModel(backups)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    assert model.rowCount(model.index(0, 0)) == 0
    table = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    assert table == [
        [
            "2026-12-04 15:30:00",
            "160 KB",
            "importing ledgers",
            "a-20261204-153000-导入台账前.sqlite3",
        ],
        ["2026-12-03 09:00:00", "5.2 MB", "the daily backup", "a-20261203-090000-每日.sqlite3"],
    ]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["Made", "Size", "Made before", "File"]
    assert model.index(1, 3).data(Qt.ItemDataRole.ToolTipRole) == str(backups[1].path)
    assert model.data(QModelIndex()) is None


def test_the_file_menu_offers_backup_and_restore(window: MainWindow) -> None:
    [file_menu] = [a.menu() for a in window.menuBar().actions() if a.text() == "&File"]
    texts = [a.text() for a in file_menu.actions()]
    assert "Back up the database…" in texts and "Restore from a backup…" in texts
    assert texts.index("Restore from a backup…") == texts.index("Back up the database…") + 1


def test_a_backup_by_hand_goes_where_the_clerk_says(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    _wait_loaded(qtbot, window)
    _wait_daily(qtbot, services)
    service = BackupService(services.store)
    asked: list[str] = []

    def save_as(_parent, _title, suggested, _filter, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return suggested, ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    window.actions_.backup_database.trigger()
    [suggested] = asked
    assert Path(suggested).parent == service.folder
    assert Path(suggested).name.startswith("督办台账-") and suggested.endswith("-手动.sqlite3")
    manual = [b for b in service.list_backups() if b.reason == "manual"]
    assert [b.path for b in manual] == [Path(suggested)]
    assert messages == [
        (
            "information",
            f"The database was backed up to {suggested} ({backup_dialog.size_text(manual[0].size)}).",
        )
    ]


def test_restore_replaces_the_database_and_the_window_shows_it(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    _wait_loaded(qtbot, window)
    _wait_daily(qtbot, services)
    service = BackupService(services.store)
    saved = service.backup()
    assert window.progress_actions.set_status([row_of(window, "1", "自治区公安厅")], Status.DONE)
    qtbot.waitUntil(lambda: row_of(window, "1", "自治区公安厅").status == Status.DONE)
    assert window.progress_actions.stack.count() == 1
    listed: list[list[str]] = []

    def choose(self: BackupDialog) -> int:
        listed.append([b.reason for b in self.model.backups])
        self.view.selectRow(0)
        self._restore_selected()
        return QDialog.DialogCode.Accepted

    questions: list[str] = []

    def confirm(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        questions.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(BackupDialog, "exec", choose)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(confirm))
    window.actions_.restore_backup.trigger()
    assert listed == [["manual", "daily"]]
    assert questions == [
        f"Replace the database with the backup {saved.path}?\n\nThe database as it is now is "
        "backed up first, so this restore can itself be undone from the list of backups."
    ]
    [safety] = [b for b in service.list_backups() if b.reason == "restore"]
    assert messages == [
        (
            "information",
            f"Restored {saved.path}.\n\nThe database as it was just before is kept in {safety.path}.",
        )
    ]
    qtbot.waitUntil(lambda: row_of(window, "1", "自治区公安厅").status == Status.NOT_STARTED)
    assert window.progress_actions.stack.count() == 0


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_file_that_is_no_backup_is_refused_with_its_name(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
    tmp_path: Path,
    kind: str,
) -> None:
    """Every file of the reliability suite's bad backups (garbage, truncated, another
    program's, empty, newer, orphaned rows, missing, a folder, a ledger), chosen in the
    restore dialog: one warning naming it, nothing restored, no safety copy."""
    _wait_loaded(qtbot, window)
    _wait_daily(qtbot, services)
    make, expected = BAD_FILES[kind]
    bad = make(tmp_path)
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), ""))
    )

    def browse(self: BackupDialog) -> int:
        self._browse()
        return QDialog.DialogCode.Accepted if self.chosen else QDialog.DialogCode.Rejected

    monkeypatch.setattr(BackupDialog, "exec", browse)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    before = [(r.code, r.unit, r.status) for r in services.overview.assignments()]
    window.actions_.restore_backup.trigger()
    assert messages == [("warning", expected.format(file=bad))]
    assert [(r.code, r.unit, r.status) for r in services.overview.assignments()] == before
    assert [b.reason for b in BackupService(services.store).list_backups()] == ["daily"]


def test_cancelling_the_confirmation_restores_nothing(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wait_loaded(qtbot, window)
    _wait_daily(qtbot, services)
    monkeypatch.setattr(BackupDialog, "exec", lambda self: (self._restore_selected(), 1)[1])
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel)
    )
    window.actions_.restore_backup.trigger()
    assert [b.reason for b in BackupService(services.store).list_backups()] == ["daily"]


def test_the_daily_backup_is_made_when_the_database_opens(
    qtbot: QtBot, window: MainWindow, services: Services
) -> None:
    [daily] = _wait_daily(qtbot, services)
    assert daily.path.parent == Path(services.store.engine.url.database or "").parent / "备份"
    assert daily.path.name.endswith("-每日.sqlite3")


def test_settings_keep_the_retention(
    qtbot: QtBot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    _wait_loaded(qtbot, window)

    def answer(self: SettingsDialog) -> int:
        assert (self.keep_copies.value(), self.keep_days.value()) == (30, 30)
        self.keep_copies.setValue(12)
        self.keep_days.setValue(90)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    window.actions_.settings.trigger()
    assert BackupService(services.store).retention() == (12, 90)
    assert services.settings.get(BACKUP_KEEP_COPIES) == 12


def test_a_backup_can_be_deleted_from_the_list(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = BackupService(services.store)
    kept = service.backup("daily")
    dropped = service.backup("manual")
    dialog = BackupDialog(service)
    qtbot.addWidget(dialog)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert [b.path for b in dialog.model.backups] == [dropped.path, kept.path]
    assert dialog.delete_button.isEnabled()  # the newest is selected
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes]
    questions: list[str] = []

    def confirm(_parent, _title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", staticmethod(confirm))
    dialog.delete_button.click()  # cancelled: nothing goes
    assert dropped.path.exists() and dialog.model.rowCount() == 2
    dialog.delete_button.click()
    assert questions == [f"Delete the backup {dropped.path.name}? It cannot be brought back."] * 2
    assert not dropped.path.exists() and not Path(f"{dropped.path}.json").exists()
    assert [b.path for b in dialog.model.backups] == [kept.path]
    assert not dialog.delete_button.isEnabled()  # (the selection went with the reset)


def test_a_backups_folder_that_cannot_be_made_still_opens_the_save_dialog(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    messages: list[tuple[str, str]],
) -> None:
    """The folder was made before asking, and an OSError there (a read-only share, a file
    in its place) went to the crash apology instead of letting the clerk choose elsewhere."""
    import shutil

    _wait_loaded(qtbot, window)
    _wait_daily(qtbot, services)
    service = BackupService(services.store)
    shutil.rmtree(service.folder)
    service.folder.write_text("a file where the folder would go")
    asked: list[str] = []
    elsewhere = service.folder.parent / "别处.sqlite3"

    def save_as(_parent, _title, suggested, _filter, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(suggested)
        return str(elsewhere), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    info = backup_dialog.back_up_now(window, services.backups)
    assert len(asked) == 1 and Path(asked[0]).parent == service.folder
    assert info is not None and info.path == elsewhere and elsewhere.is_file()
    assert [kind for kind, _ in messages] == ["information"]
