"""Rounds, ledger export and the returned-ledger preview: main paths, errors, cancel, models."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QMessageBox

from tests.ui.ledger_fixtures import ROUND, returned_ledgers
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from ui.ledgers.file_list_model import REJECTED, STATUS
from ui.ledgers.ledger_export_dialog import LedgerExportDialog
from ui.ledgers.ledger_import_dialog import LedgerImportDialog, preview_files
from ui.ledgers.ledger_preview_models import CHOICE, OFFICE, UNIT
from ui.ledgers.rounds_dialog import RoundsDialog, suggested_name

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_rounds_dialog_lists_and_creates_rounds(
    qtbot, services: Services, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    rounds = RoundService(services.store)
    rounds.create(ROUND, date(2021, 6, 30))
    dialog = RoundsDialog(rounds, date(2021, 9, 1))
    qtbot.addWidget(dialog)
    QAbstractItemModelTester(dialog.model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert dialog.name.text() == suggested_name(date(2021, 9, 1)) == "2021年第3季度"
    dialog.as_of.setDate(date(2021, 9, 30))
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.deadline.date().toPython() == date(2021, 10, 10)  # as of + 10 days
    assert [
        [dialog.model.index(r, c).data() for c in range(6)] for r in range(dialog.model.rowCount())
    ] == [
        [ROUND, "2021-06-30", "", "0", "0", "0"],
        ["2021年第3季度", "2021-09-30", "2021-10-10", "0", "0", "0"],
    ]
    assert dialog.created is not None and dialog.name.text() == ""
    assert not dialog.create_button.isEnabled()  # no name, no round

    dialog.name.setText(ROUND)  # a name used before: the service's message, nothing created
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, text in messages if "already exists" in text] == ["warning"]
    assert dialog.model.rowCount() == 2


@pytest.mark.qt_log_ignore("propagateSizeHints")  # (shown offscreen)
def test_the_rounds_names_are_shown_whole(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    rounds = RoundService(services.store)
    rounds.create("2021年第4季度", date(2021, 12, 31), deadline=date(2022, 1, 10))
    dialog = RoundsDialog(rounds, date(2022, 1, 5))
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    assert (dialog.width(), table.model().index(0, 0).data()) == (560, "2021年第4季度")
    assert table.columnWidth(0) >= table.sizeHintForColumn(0)  # not 2021年第4…


def export_dialog(qtbot, services: Services, folder: Path) -> LedgerExportDialog:  # type: ignore[no-untyped-def]
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    units = [u.name for u in services.units.list() if u.assigned]
    dialog = LedgerExportDialog(
        services.ledger_export, services.rounds.list(), units, folder=str(folder)
    )
    qtbot.addWidget(dialog)
    return dialog


def test_export_chosen_units_and_the_master_then_offer_the_folder(
    qtbot, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = export_dialog(qtbot, services, tmp_path / "out")
    opened: list[Path] = []
    dialog.open_folder = lambda p: opened.append(p) or True
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(
            lambda _p, _t, text, *_a: asked.append(text) or QMessageBox.StandardButton.Open
        ),
    )
    dialog.some_units.setChecked(True)
    dialog.unit_list.item(1).setCheckState(Qt.CheckState.Checked)
    chosen = dialog.unit_list.item(1).text()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None
    assert sorted(p.name for p in dialog.outcome.written) == sorted(
        [f"{chosen}_{ROUND}_工作台账.xlsx", f"总台账_{ROUND}.xlsx"]
    )
    assert all(p.exists() for p in dialog.outcome.written)
    assert opened == [tmp_path / "out"]
    assert "2 ledgers were written" in asked[0]
    assert [r.exports for r in RoundService(services.store).list()] == [2]


def test_export_needs_a_unit_or_the_master(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    dialog = export_dialog(qtbot, services, tmp_path)
    dialog.some_units.setChecked(True)
    dialog.master.setChecked(False)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert messages == [("warning", "Tick at least one unit, or the master ledger.")]
    assert dialog.outcome is None


def test_export_error_is_a_message_naming_the_problem(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    dialog = export_dialog(qtbot, services, blocker / "sub")
    dialog.master.setChecked(False)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.outcome is None
    [(kind, text)] = messages
    assert kind == "warning" and text.startswith("cannot create the folder ") and "a file" in text


@pytest.fixture
def ledgers(services: Services, tmp_path: Path) -> dict[str, Path]:
    return returned_ledgers(services, tmp_path)


def import_dialog(qtbot, services: Services, paths: list[Path]) -> LedgerImportDialog:  # type: ignore[no-untyped-def]
    dialog = LedgerImportDialog(services.ledger_import, paths)
    qtbot.addWidget(dialog)
    for model in (dialog.files, dialog.changes, dialog.rejects, dialog.conflicts):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert dialog.load()
    return dialog


def table(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_preview_lists_files_changes_rejects_and_conflicts(
    qtbot, services: Services, ledgers: dict[str, Path]
) -> None:  # type: ignore[no-untyped-def]
    folder = ledgers["tax"].parent
    dialog = import_dialog(qtbot, services, [folder])  # a folder: every ledger in it
    rows = {r[0]: r[1:] for r in table(dialog.files)}
    assert rows == {
        ledgers["tax"].name: [
            "宁夏税务局",
            ROUND,
            "1",
            "0",
            "0",
            "0",
            "Ready to apply",
            "Reported on time",
        ],
        ledgers["police"].name: [
            "自治区公安厅",
            ROUND,
            "1",
            "1",
            "0",
            "1",
            "Decide 1 conflict",
            "Reported on time",
        ],
        ledgers["market"].name: [
            "自治区市场监管厅",
            ROUND,
            "0",
            "0",
            "1",
            "0",
            "Fix the rejected cells first",
            "Reported on time",
        ],
    }
    names = [p.file for p in dialog.previews()]
    dialog.file_view.selectRow(names.index(ledgers["market"].name))
    [[cell, field, reason, correction]] = table(dialog.rejects)
    assert (field, correction) == ("", "(the unit must correct it)")
    assert cell.startswith(dialog.previews()[names.index(ledgers["market"].name)].rejected[0].sheet)
    assert "tick off" in reason
    assert dialog.details.currentIndex() == 1  # the rejects tab is shown
    dialog.file_view.selectRow(names.index(ledgers["police"].name))
    assert table(dialog.changes) == [["2", "自治区公安厅", "Progress", "— → 60%"]]
    assert table(dialog.conflicts) == [
        [
            "1",
            "自治区公安厅",
            "Progress report",
            "—",
            "办公室已电话核实",
            "已上线试运行",
            "Undecided",
        ]
    ]
    assert dialog.details.currentIndex() == 2
    assert dialog.summary.text() == "3 files read; 1 can be applied now with 1 change."


def test_apply_with_a_decided_conflict_then_undo(
    qtbot, services: Services, ledgers: dict[str, Path], messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    dialog = import_dialog(qtbot, services, [ledgers["tax"], ledgers["police"]])
    dialog.file_view.selectRow(1)
    editor = dialog.conflict_view.indexWidget(dialog.conflicts.index(0, CHOICE))
    assert editor is not None  # the decision is a combo box, always open
    editor.setCurrentIndex(editor.findData(UNIT))
    editor.activated.emit(editor.currentIndex())
    assert dialog.files.choices == {
        (dialog.previews()[1].conflicts[0].assignment_id, "progress"): UNIT
    }
    assert dialog.files.index(1, STATUS).data() == "Ready to apply"
    applied: list[bool] = []
    dialog.applied.connect(lambda: applied.append(True))
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert applied == [True]
    assert messages == [("information", "2 files imported with 3 changes.")]
    assert [r[STATUS] for r in table(dialog.files)] == ["Imported", "Imported"]
    assert not dialog.apply_button.isEnabled()
    # (it said "2 files read; 0 can be applied now with 0 changes.": as if nothing went in)
    assert dialog.summary.text() == "2 files read; 2 imported with 3 changes."
    notes = {(r.code, r.unit): (r.note, r.percent) for r in services.overview.assignments()}
    assert notes[("1", "自治区公安厅")] == ("已上线试运行", None)
    assert notes[("2", "自治区公安厅")][1] == 60
    assert notes[("2", "宁夏税务局")][0] == "已完成系统改造"
    assert sorted(services.ledger_import.undo_last()) == sorted(
        [ledgers["tax"].name, ledgers["police"].name]
    )


def test_the_files_imported_still_show_their_unit_changes_and_return_notice(
    qtbot, services: Services, ledgers: dict[str, Path], tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """After Apply the list keeps what each imported file brought (its unit, its counts,
    its changes below), its status 'Imported' in the colour of done, not of an error; a
    file whose valid rows went in can still have its 退回单 written."""
    from PySide6.QtWidgets import QFileDialog

    from ui.ledgers.ledger_preview_models import ERROR_COLOUR, READY_COLOUR

    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *_a: None))
    dialog = import_dialog(qtbot, services, [ledgers["tax"], ledgers["market"]])
    dialog.apply_valid.setChecked(True)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert [r[1:] for r in table(dialog.files)] == [
        ["宁夏税务局", ROUND, "1", "0", "0", "0", "Imported", "Reported on time"],
        ["自治区市场监管厅", ROUND, "0", "0", "1", "0", "Imported", "Reported on time"],
    ]
    assert [dialog.files.index(r, STATUS).data(Qt.ItemDataRole.ForegroundRole) for r in (0, 1)] == [
        READY_COLOUR,
        READY_COLOUR,
    ]
    assert dialog.files.index(1, REJECTED).data(Qt.ItemDataRole.ForegroundRole) == ERROR_COLOUR
    dialog.file_view.selectRow(0)
    assert table(dialog.changes) == [["2", "宁夏税务局", "Progress report", "— → 已完成系统改造"]]
    dialog.file_view.selectRow(1)
    assert dialog.notice_button.isEnabled()
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", staticmethod(lambda *_a: str(tmp_path))
    )
    qtbot.mouseClick(dialog.notice_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / f"自治区市场监管厅_{ROUND}_退回单.xlsx").is_file()
    assert not dialog.apply_button.isEnabled()


def test_keeping_the_office_value_applies_the_rest_of_the_file(
    qtbot, services: Services, ledgers: dict[str, Path], messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    dialog = import_dialog(qtbot, services, [ledgers["police"]])
    dialog.decide_all(OFFICE)
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert messages == [("information", "1 file imported with 1 change.")]
    [row] = [
        r for r in services.overview.assignments() if (r.code, r.unit) == ("1", "自治区公安厅")
    ]
    assert row.note == "办公室已电话核实"


def test_a_file_that_changed_since_the_preview_is_refused_with_a_message(
    qtbot, services: Services, ledgers: dict[str, Path], messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    from tracker.progress.progress_service import Change

    dialog = import_dialog(qtbot, services, [ledgers["tax"]])
    [row] = [r for r in services.overview.assignments() if (r.code, r.unit) == ("2", "宁夏税务局")]
    services.progress.record(row.id, Change(note="办公室改了"))  # meanwhile, in the office
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert [kind for kind, _ in messages] == ["warning"]
    assert "preview again" in messages[0][1]
    assert dialog.outcome is None


def test_an_unreadable_file_shows_its_error_in_the_list(
    qtbot, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    broken = tmp_path / "坏文件.xlsx"
    broken.write_bytes(b"this is no workbook")
    dialog = import_dialog(qtbot, services, [broken])
    [row] = table(dialog.files)
    assert row[0] == "坏文件.xlsx"
    assert row[7].startswith("Cannot import: ") and "坏文件.xlsx" in row[7]
    assert not dialog.apply_button.isEnabled()


class StopAfter:
    """A reporter that says 'cancelled' once ``files`` files were read."""

    def __init__(self, files: int) -> None:
        self.files = files
        self.calls: list[tuple[int, int]] = []
        self.cancelled = False

    def __call__(self, done: int, total: int) -> bool:
        self.calls.append((done, total))
        self.cancelled = done >= self.files
        return not self.cancelled


def test_preview_cancel_stops_between_files(services: Services, ledgers: dict[str, Path]) -> None:
    reporter = StopAfter(1)
    previews = preview_files(
        services.ledger_import,
        [ledgers["tax"].parent],
        None,
        reporter,  # type: ignore[arg-type]
    )
    assert len(previews) == 1
    assert reporter.calls == [(0, 3), (1, 3)]  # one preview call, asked before each file
