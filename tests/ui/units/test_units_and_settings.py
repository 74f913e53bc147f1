"""The units directory (merge, alias, contact, checked) and the settings dialog."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog

from tests.tracker.conftest import sample_document, source
from tests.ui.conftest import shown
from tracker.database_settings import OFFICE_NAME
from tracker.records import UnitInfo
from tracker.services import Services
from ui.settings import window_settings as keys
from ui.settings.settings_dialog import SettingsDialog
from ui.units.merge_preview import MergePreviewDialog
from ui.units.unit_model import UnitTableModel
from ui.units.units_dialog import ContactDialog, UnitsDialog
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def names(dialog: UnitsDialog) -> list[tuple[str, str, str, str]]:
    """(unit, aliases, assigned, to check) as the dialog shows them, top to bottom."""
    proxy = dialog.proxy
    return [
        tuple(proxy.index(r, c).data() for c in (0, 2, 5, 8))  # type: ignore[misc]
        for r in range(proxy.rowCount())
    ]


@pytest.fixture
def duplicate(services: Services) -> Services:
    """A second document naming 自治区公安厅 as 自治区公安局: a new unit to merge."""
    document = sample_document("宁政办〔2021〕10号")
    document.measures = [
        dataclasses.replace(document.measures[1], units=["自治区公安局"], lead_units=[])
    ]
    services.documents.import_parsed(document, source("补充.txt", "b" * 64))
    return services


def test_the_unit_model_passes_qts_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = UnitTableModel()
    qtmodeltester.check(model)
    unit = UnitInfo(1, "自治区财政厅", "部门", ("财政厅",), "王芳", "0951-1234567", True, 3, 2, 1)
    model.set_units([unit, dataclasses.replace(unit, id=2, name="宁夏税务局", needs_review=False)])
    assert model.data(model.index(0, 1)) == "Department"
    assert model.data(model.index(0, 2)) == "财政厅"
    assert model.data(model.index(0, 8)) == "yes"
    model.set_units([])


def test_merging_a_new_name_into_the_right_unit(
    qtbot,
    window: MainWindow,
    duplicate: Services,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    window.rows.reload()
    dialog = UnitsDialog(duplicate.units, duplicate.groups, window)
    qtbot.addWidget(dialog)
    dialog.search.setText("公安")
    assert names(dialog) == [("自治区公安厅", "", "2", "yes"), ("自治区公安局", "", "1", "yes")]
    dialog.select("自治区公安局")
    assert dialog.merge_button.isEnabled()
    offered: list[list[str]] = []

    def choose(_parent, _title, _label, items, *_args):  # type: ignore[no-untyped-def]
        offered.append(list(items))
        return "自治区公安厅", True

    questions: list[str] = []

    def confirm(preview: MergePreviewDialog) -> int:
        questions.append(preview.summary.text())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(choose))
    monkeypatch.setattr(MergePreviewDialog, "exec", confirm)
    dialog.merge_button.click()

    assert "自治区公安局" not in offered[0] and "自治区公安厅" in offered[0]
    assert questions[0].startswith("Merge 自治区公安局 into 自治区公安厅?")
    assert names(dialog) == [("自治区公安厅", "自治区公安局", "3", "yes")]
    assert dialog.changed
    assert dialog.selected() is not None and dialog.selected().name == "自治区公安厅"

    window.rows.reload()
    window.filters.choose_unit("自治区公安厅")
    assert shown(window) == [("1", "自治区公安厅"), ("2", "自治区公安厅"), ("2", "自治区公安厅")]


def test_alias_contact_and_checked(
    qtbot,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    dialog = UnitsDialog(services.units, services.groups)
    qtbot.addWidget(dialog)
    dialog.select("宁夏税务局")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a: ("税务局", True)))
    dialog.alias_button.click()

    def fill(self: ContactDialog) -> int:
        self.person.setText(" 李强 ")
        self.phone.setText("0951-5555555")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ContactDialog, "exec", fill)
    dialog.contact_button.click()
    assert dialog.checked_button.isEnabled()
    dialog.checked_button.click()
    assert not dialog.checked_button.isEnabled()
    [unit] = [u for u in services.units.list() if u.name == "宁夏税务局"]
    assert (unit.aliases, unit.contact_person, unit.phone, unit.needs_review) == (
        ("税务局",),
        "李强",
        "0951-5555555",
        False,
    )


def test_settings_change_what_counts_as_due_soon(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.counts.text() == "6 assignments shown · 3 overdue · 2 due soon"
    assert window.filters.days.value() == 15

    def answer(self: SettingsDialog) -> int:
        assert self.due_soon.value() == 15
        self.due_soon.setValue(8)  # 2021-07-10 is 9 days away: no longer due soon
        self.language.setCurrentIndex(self.language.findData("en"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    window.actions_.settings.trigger()
    assert services.store.due_soon_days == 8
    assert keys.LANGUAGE.value(window.settings) == "en"
    assert window.counts.text() == "6 assignments shown · 3 overdue · 0 due soon"
    assert window.filters.days.value() == 8


def test_settings_keep_the_office_name_and_the_database_to_open(
    window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    chosen = tmp_path / "共享" / "督办.sqlite3"

    def answer(self: SettingsDialog) -> int:
        assert self.office.text() == "协调小组办公室"
        self.office.setText("自治区推进政府职能转变和“放管服”改革协调小组办公室")
        monkeypatch.setattr(
            "ui.settings.settings_dialog.QFileDialog.getSaveFileName",
            lambda *args, **kwargs: (str(chosen), ""),
        )
        self._choose_file()
        assert self.database_note.isVisibleTo(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    window.actions_.settings.trigger()
    assert (
        services.store.stored_setting(OFFICE_NAME.name)
        == "自治区推进政府职能转变和“放管服”改革协调小组办公室"
    )
    assert keys.database_choice(window.settings) == str(chosen)
