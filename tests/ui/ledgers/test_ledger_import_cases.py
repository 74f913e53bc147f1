"""The returned-ledger preview's new cases: ignored edits, emptied texts kept (or cleared),
the unit of a file whose hidden sheet is gone, two rows for one assignment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from tests.ui.ledger_fixtures import ROUND
from tracker.inspections.finding_records import NewFinding
from tracker.progress.progress_service import Change
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.store import Clock
from ui.ledgers.file_list_model import STATUS
from ui.ledgers.ledger_import_dialog import LedgerImportDialog
from ui.ledgers.ledger_preview_models import CLEAR, KEPT_CHOICE

pytestmark = pytest.mark.qt_log_level_fail("WARNING")
POLICE = "自治区公安厅"


def police_ledger(services: Services, folder: Path, cells: dict[str, object], name: str) -> Path:
    """The police's ledger, exported and then edited as the unit would."""
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    [sent] = services.ledger_export.export_units(ROUND, folder / "sent", units=[POLICE])
    wb = openpyxl.load_workbook(sent)
    for ref, value in cells.items():
        wb["台账"][ref] = value
    out = folder / name
    wb.save(out)
    return out


def import_dialog(qtbot, services: Services, paths: list[Path]) -> LedgerImportDialog:  # type: ignore[no-untyped-def]
    dialog = LedgerImportDialog(services.ledger_import, paths)
    qtbot.addWidget(dialog)
    for model in (
        dialog.files,
        dialog.changes,
        dialog.rejects,
        dialog.conflicts,
        dialog.ignored,
        dialog.kept,
    ):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert dialog.load()
    dialog.file_view.selectRow(0)
    return dialog


def table(model) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def tabs(dialog: LedgerImportDialog) -> list[str]:
    return [dialog.details.tabText(i) for i in range(dialog.details.count())]


def test_ignored_edits_and_emptied_texts_are_shown_and_a_clear_is_applied(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    [police_1] = [r for r in services.overview.assignments() if (r.code, r.unit) == ("1", POLICE)]
    services.progress.record(police_1.id, Change(note="已对接", problems="缺经费"))
    back = police_ledger(
        services, tmp_path, {"H4": "2030年底", "L4": None, "M4": None, "J5": "推进中"}, "回.xlsx"
    )
    dialog = import_dialog(qtbot, services, [back])
    assert tabs(dialog) == [
        "Changes (1)",
        "Rejected (0)",
        "Conflicts (0)",
        "Ignored (1)",
        "Emptied, kept (2)",
        "Warnings (0)",  # measure 1 is due on the round's day: not overdue then
        "Contacts updated (0)",
        "Findings sheet (0)",
        "Extension requests (0)",
    ]
    assert table(dialog.ignored) == [
        ["台账!H4", "完成时限 is set by the office: 2021年6月底 → 2030年底 ignored"]
    ]
    assert table(dialog.kept) == [
        ["1", POLICE, "Progress report", "台账!L4", "已对接", "Emptied, kept"],
        ["1", POLICE, "Problems", "台账!M4", "缺经费", "Emptied, kept"],
    ]
    editor = dialog.kept_view.indexWidget(dialog.kept.index(1, KEPT_CHOICE))
    assert editor is not None  # the decision is a combo box, always open
    editor.setCurrentIndex(editor.findData(CLEAR))
    editor.activated.emit(editor.currentIndex())
    assert dialog.files.choices == {(police_1.id, "problems"): CLEAR}
    assert dialog.kept.index(1, KEPT_CHOICE).data() == "Clear it"
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert messages == [("information", "1 file imported with 2 changes.")]
    row = {(r.code, r.unit): r for r in services.overview.assignments()}
    assert row[("1", POLICE)].note == "已对接"
    assert row[("2", POLICE)].status == "推进中"
    assert services.progress.history(police_1.id)[-1].new_problems == ""


def test_a_file_without_its_hidden_sheet_waits_for_the_clerks_unit(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    back = police_ledger(services, tmp_path, {"J5": "推进中"}, "x.xlsx")
    wb = openpyxl.load_workbook(back)
    del wb["_台账元数据"]
    retyped = tmp_path / "公安厅重录.xlsx"
    wb.save(retyped)
    dialog = import_dialog(qtbot, services, [retyped])
    assert table(dialog.files)[0][1:] == [
        "—",
        ROUND,
        "1",
        "1",
        "0",
        "0",
        "Choose the unit: the hidden sheet is gone",
        "—",  # whose 报送情况 it counts in is not known yet
    ]
    assert not dialog.unit_page.isHidden()
    assert [dialog.unit_choice.itemText(i) for i in range(dialog.unit_choice.count())] == [POLICE]
    assert not dialog.apply_button.isEnabled()
    dialog.unit_choice.setCurrentText("不存在的单位")
    qtbot.mouseClick(dialog.use_unit_button, Qt.MouseButton.LeftButton)
    assert table(dialog.files)[0][7] == (
        "Cannot import: no measure is assigned to the unit '不存在的单位'"
    )
    assert not dialog.unit_page.isHidden()  # the clerk can choose again
    dialog.unit_choice.setCurrentText(POLICE)
    qtbot.mouseClick(dialog.use_unit_button, Qt.MouseButton.LeftButton)
    assert table(dialog.files)[0][1] == POLICE
    assert table(dialog.files)[0][7] == "Ready to apply"
    assert dialog.unit_label.text() == (
        f"The hidden sheet of this file is gone; its unit was chosen: {POLICE}."
    )
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert messages == [("information", "1 file imported with 1 change.")]
    assert {(r.code, r.unit): r.status for r in services.overview.assignments()}[
        ("2", POLICE)
    ] == "推进中"


def test_two_rows_for_one_assignment_are_shown_as_rejected_naming_both_cells(
    qtbot, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    back = police_ledger(
        services, tmp_path, {"B6": "1", "G6": POLICE, "J6": "已完成", "J4": "推进中"}, "重.xlsx"
    )
    dialog = import_dialog(qtbot, services, [back])
    assert table(dialog.rejects) == [
        [
            "台账!B6",
            "",
            "measure 1 of 自治区公安厅 is also in 台账!B4 with other values; "
            "keep one of the two rows",
            "(the unit must correct it)",
        ]
    ]
    assert dialog.unit_page.isHidden()
    assert dialog.details.currentIndex() == 1
    assert table(dialog.files)[0][7] == "Fix the rejected cells first"


def test_warnings_and_returned_contacts_are_shown_and_the_contacts_kept(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    back = police_ledger(
        services, tmp_path, {"K4": "80", "S4": "张三", "T4": "09515012345"}, "回.xlsx"
    )
    dialog = import_dialog(qtbot, services, [back])
    for model in (dialog.warnings, dialog.contacts):
        QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert tabs(dialog)[5:] == [
        "Warnings (1)",
        "Contacts updated (2)",
        "Findings sheet (0)",
        "Extension requests (0)",
    ]
    assert dialog.details.currentIndex() == 5  # the warning asks for a look
    assert table(dialog.warnings) == [
        ["台账!K4", "1", POLICE, "the status 未启动 does not agree with 80%"],
    ]
    assert table(dialog.contacts) == [
        [POLICE, "Contact person", "— → 张三", "台账!S4"],
        [POLICE, "Phone", "— → 09515012345", "台账!T4"],
    ]
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert messages == [
        (
            "information",
            "1 file imported with 1 change.\n2 contacts in the unit directory updated.",
        )
    ]
    [unit] = [u for u in services.units.list() if u.name == POLICE]
    assert (unit.contact_person, unit.phone) == ("张三", "09515012345")


def test_the_clerk_applies_the_valid_rows_of_a_file_with_a_rejected_cell(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    back = police_ledger(services, tmp_path, {"J4": "差不多了", "L5": "乙稿"}, "回.xlsx")
    dialog = import_dialog(qtbot, services, [back])
    assert table(dialog.files)[0][STATUS] == "Fix the rejected cells first"
    assert not dialog.apply_button.isEnabled()
    dialog.apply_valid.setChecked(True)
    assert table(dialog.files)[0][STATUS] == "Ready: the valid rows; 1 rejected row stays"
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert messages == [("information", "1 file imported with 1 change.")]
    rows = {(r.code, r.unit): r for r in services.overview.assignments()}
    assert (rows[("1", POLICE)].status, rows[("2", POLICE)].note) == ("未启动", "乙稿")


def test_the_return_notice_is_written_from_the_preview(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]], monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    back = police_ledger(services, tmp_path, {"J4": "差不多了"}, "回.xlsx")
    folder = tmp_path / "退回"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    dialog = import_dialog(qtbot, services, [back])
    assert dialog.notice_button.isEnabled()
    qtbot.mouseClick(dialog.notice_button, Qt.MouseButton.LeftButton)
    notice = folder / f"{POLICE}_{ROUND}_退回单.xlsx"
    assert messages == [("information", f"Return notice written: {notice}")]
    assert openpyxl.load_workbook(notice).sheetnames[0] == "退回说明"


def test_the_findings_sheet_edits_are_shown_and_applied(
    qtbot, services: Services, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    services.inspections.create_inspection("专项督查", date(2021, 6, 1))
    services.inspections.add_finding(
        NewFinding("专项督查", POLICE, "窗口未公示", "公示办事指南", date(2021, 7, 10))
    )
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    [sent] = services.ledger_export.export_units(ROUND, tmp_path / "sent", units=[POLICE])
    wb = openpyxl.load_workbook(sent)
    wb["整改台账"]["F4"], wb["整改台账"]["G4"] = "推进中", 50
    wb.save(tmp_path / "回.xlsx")
    dialog = import_dialog(qtbot, services, [tmp_path / "回.xlsx"])
    QAbstractItemModelTester(
        dialog.finding_edits, QAbstractItemModelTester.FailureReportingMode.Fatal
    )
    assert tabs(dialog)[0] == "Changes (0)" and tabs(dialog)[7] == "Findings sheet (2)"
    assert table(dialog.finding_edits) == [
        ["整改台账!F4", "窗口未公示", "整改状态", "未启动 → 推进中"],
        ["整改台账!G4", "窗口未公示", "完成进度(%)", "— → 50%"],
    ]
    assert table(dialog.files)[0][3] == "2"  # changes: the findings' count with the rest
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    finding = services.inspections.findings()[0]
    assert (finding.status.value, finding.percent) == ("推进中", 50)


def test_an_unchanged_ledger_is_taken_back_as_reported(
    qtbot, services: Services, tmp_path: Path, messages
) -> None:  # type: ignore[no-untyped-def]
    """A unit with nothing new sends its ledger back as it was: Apply records the return
    (0 changes), so the round's page no longer counts the unit as 未报送."""
    services.store.clock = Clock(date(2021, 7, 8))
    returned = police_ledger(services, tmp_path, {}, "police.xlsx")
    dialog = import_dialog(qtbot, services, [returned])
    assert table(dialog.files)[0][3:] == [
        "0",
        "2",
        "0",
        "0",
        "Nothing new: recorded as reported",
        "Reported on time",
    ]
    assert dialog.apply_button.isEnabled()
    qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)
    assert messages == [("information", "1 file imported with 0 changes.")]
    [police] = [u for u in services.round_status.status(ROUND).units if u.unit == POLICE]
    assert (police.state, police.file, police.changes) == ("按时报送", "police.xlsx", 0)


def test_every_field_a_unit_fills_in_is_named_in_the_preview() -> None:
    """The changes and rejected cells name a field by its label, never the code's name
    (未按期完成原因, 申请延期至 and 延期理由 were shown as delay_reason, extension_to…)."""
    from importers.ledger.columns import FILL_IN_FIELDS
    from ui.ledgers.ledger_preview_models import field_label

    assert [field_label(f) for f in FILL_IN_FIELDS] == [
        "Status",
        "Progress",
        "Progress report",
        "Problems",
        "Next steps",
        "Reason not done on time",
        "Evidence",
        "Extension requested to",
        "Reason for the extension",
        "Contact person",
        "Phone",
    ]
