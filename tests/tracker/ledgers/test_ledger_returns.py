"""Returns that fix themselves (issue 12, 4): the valid rows applied, the rejected ones kept,
conflicts settled by a preference, a corrected resubmission superseding its earlier return."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tests.tracker.conftest import sample_document, source
from tests.tracker.ledgers.test_ledgers import ROUND, _edit, _export
from tracker.cli import cli_main
from tracker.progress.progress_service import Change
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status

POLICE = "自治区公安厅"


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def _police(office: Services) -> dict[str, tuple[Status, str]]:
    return {r.code: (r.status, r.note) for r in office.overview.assignments() if r.unit == POLICE}


def test_the_valid_rows_are_applied_and_the_rejected_row_kept(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(
        _export(office, POLICE, tmp_path),
        {"1/完成状态": "差不多了", "1/进展情况": "甲稿", "2/进展情况": "乙稿"},
    )
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert [(r.cell, str(r.reason)) for r in preview.rejected] == [
        ("J4", 'unknown status "差不多了"; allowed: 未启动、推进中、已完成、已销号、长期坚持')
    ]
    # none of row 4's values is taken: the unit corrects the row and sends it again
    assert [(c.code, c.label, c.new) for c in preview.changed] == [("2", "进展情况", "乙稿")]
    refused = importer.apply([back], expected=[preview])
    assert [(f, str(r)) for f, r in refused.skipped] == [(back.name, "1 rejected row")]
    result = importer.apply([back], expected=[preview], apply_valid=True)
    assert (result.applied, result.skipped, result.changes) == ([back.name], [], 1)
    assert _police(office) == {"1": (Status.NOT_STARTED, ""), "2": (Status.NOT_STARTED, "乙稿")}


def test_a_preference_settles_every_conflict(office: Services, tmp_path: Path) -> None:
    sent = _export(office, POLICE, tmp_path)
    office.progress.record_by_code("1", POLICE, Change(note="办公室核实"))
    office.progress.record_by_code("2", POLICE, Change(note="办公室补记"))
    back = _edit(sent, {"1/进展情况": "单位甲", "2/进展情况": "单位乙"})
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert len(preview.conflicts) == 2
    result = importer.apply([back], expected=[preview], prefer="unit")
    assert (result.applied, result.changes) == ([back.name], 2)
    assert _police(office) == {
        "1": (Status.NOT_STARTED, "单位甲"),
        "2": (Status.NOT_STARTED, "单位乙"),
    }


def test_a_corrected_resubmission_supersedes_the_earlier_return(
    office: Services, tmp_path: Path
) -> None:
    sent = _export(office, POLICE, tmp_path)
    first = _edit(sent, {"1/完成状态": "推进中", "1/进展情况": "初稿", "2/进展情况": "乙初稿"})
    importer = office.ledger_import
    importer.apply([first], expected=importer.preview([first]))
    office.progress.record_by_code("2", POLICE, Change(note="办公室改过"))
    corrected = _edit(
        sent,
        {"1/完成状态": "推进中", "1/进展情况": "更正稿", "2/进展情况": "乙更正稿"},
        sent.with_name("更正版.xlsx"),
    )
    [preview] = importer.preview([corrected])
    # row 1: the unit's own earlier value is the base, the correction a change;
    # row 2: the office changed it since, so the correction is a conflict as before
    assert [(c.code, c.label, c.old, c.new) for c in preview.changed] == [
        ("1", "进展情况", "初稿", "更正稿")
    ]
    assert [(c.code, c.office, c.returned) for c in preview.conflicts] == [
        ("2", "办公室改过", "乙更正稿")
    ]
    result = importer.apply([corrected], expected=[preview], prefer="office")
    assert result.changes == 1
    assert _police(office) == {
        "1": (Status.IN_PROGRESS, "更正稿"),
        "2": (Status.NOT_STARTED, "办公室改过"),
    }


def test_import_ledger_apply_valid_and_prefer_from_the_command_line(
    office: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    sent = _export(office, POLICE, tmp_path)
    office.progress.record_by_code("2", POLICE, Change(note="办公室补记"))
    back = _edit(sent, {"1/完成进度(%)": "一半", "2/进展情况": "单位乙"})
    office.close()
    args = ["--db", db_url, "import-ledger", str(back), "--json"]
    assert cli_main.main([*args, "--dry-run"]) == 2
    capsys.readouterr()
    assert cli_main.main([*args, "--dry-run", "--apply-valid", "--prefer", "unit"]) == 0
    capsys.readouterr()
    assert cli_main.main([*args, "--apply-valid", "--prefer", "unit"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["applied"], report["skipped"]) == ([back.name], [])
    [file] = report["files"]
    assert [(r["cell"], r["code"]) for r in file["rejected"]] == [("K4", "1")]
    assert [c["returned"] for c in file["conflicts"]] == ["单位乙"]


def test_valid_rows_applied_from_the_command_line_remind_of_the_return_notice(
    office: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    """--apply-valid without --return-notices: the unit still has cells to correct, and
    the clerk is told how to send it its 退回单."""
    back = _edit(_export(office, POLICE, tmp_path), {"1/完成进度(%)": "一半", "2/完成进度(%)": 60})
    office.close()
    assert cli_main.main(["--db", db_url, "import-ledger", str(back), "--apply-valid"]) == 0
    assert capsys.readouterr().out.splitlines()[-2:] == [
        "applied 1 file, 1 change, 0 contacts updated",
        f"{back.name}: 1 rejected cell not taken; send its unit a 退回单 (--return-notices DIR)",
    ]


def test_the_return_notice_says_whom_the_unit_asks(office: Services, tmp_path: Path) -> None:
    """The office's contact and phone (the settings a chaser prints) close the 退回单's
    list, on a line that wraps to print whole."""
    import openpyxl

    from tracker.database_settings import REPORT_CONTACT, REPORT_PHONE

    office.settings.set(REPORT_CONTACT, "张晓明")
    office.settings.set(REPORT_PHONE, "0951-5012345")
    back = _edit(_export(office, POLICE, tmp_path), {"1/完成状态": "差不多了"})
    [preview] = office.ledger_import.preview([back])
    listed = openpyxl.load_workbook(office.ledger_import.return_notice(preview, tmp_path))[
        "退回说明"
    ]
    assert listed["A5"].value == (
        "以上1处填报有误，请在本表中按标注修改后，作为更正版重新报送。"
        "如有疑问，请联系协调小组办公室张晓明（电话：0951-5012345）。"
    )
    assert listed["A5"].alignment.wrap_text and listed.row_dimensions[5].height == 36


def test_the_return_notice_marks_the_rejected_cells_and_lists_them(
    office: Services, tmp_path: Path
) -> None:
    import openpyxl

    back = _edit(_export(office, POLICE, tmp_path), {"1/完成状态": "差不多了"})
    importer = office.ledger_import
    [preview] = importer.preview([back])
    notice = importer.return_notice(preview, tmp_path / "退回")
    assert notice.name == f"{POLICE}_{ROUND}_退回单.xlsx"
    wb = openpyxl.load_workbook(notice)
    assert wb.sheetnames[:2] == ["退回说明", "台账"]
    listed = wb["退回说明"]
    assert listed["A1"].value == f"{POLICE}工作台账退回单"
    reason = "无法识别的完成状态“差不多了”；只能填写：未启动、推进中、已完成、已销号、长期坚持"
    assert [[c.value for c in row] for row in listed.iter_rows(min_row=2, max_row=3)] == [
        ["序号", "措施编号", "工作表", "单元格", "退回原因"],
        [1, "1", "台账", "J4", reason],
    ]
    assert listed["A5"].value == "以上1处填报有误，请在本表中按标注修改后，作为更正版重新报送。"
    marked = wb["台账"]["J4"]
    assert (marked.value, marked.fill.fgColor.rgb, marked.comment.text) == (
        "差不多了",
        "00FFC7CE",
        reason,
    )
    assert "_台账元数据" in wb.sheetnames  # the unit corrects and resends this very file
    wb["台账"]["J4"] = "推进中"  # the unit corrects the marked cell and sends the file back
    corrected = tmp_path / "更正版.xlsx"
    wb.save(corrected)
    [again] = importer.preview([corrected])
    assert (again.rejected, [(c.code, c.new) for c in again.changed]) == ([], [("1", "推进中")])


def test_import_ledger_writes_the_return_notices(
    office: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    back = _edit(_export(office, POLICE, tmp_path), {"1/完成进度(%)": "一半"})
    office.close()
    folder = tmp_path / "退回"
    args = ["--db", db_url, "import-ledger", str(back), "--dry-run", "--return-notices"]
    assert cli_main.main([*args, str(folder)]) == 2
    assert capsys.readouterr().err == f"{folder / f'{POLICE}_{ROUND}_退回单.xlsx'}\n"


def test_the_untouched_ledger_sent_again_takes_nothing_back(
    office: Services, tmp_path: Path
) -> None:
    """The unit returned its filled ledger, then its untouched export comes in too: no
    cell changed against the export, so it is nothing new — not a 更正版 whose exported
    values would undo the return."""
    sent = _export(office, POLICE, tmp_path)
    first = _edit(
        sent,
        {"1/完成状态": "推进中", "1/完成进度(%)": 40, "1/进展情况": "初稿"},
        tmp_path / "a.xlsx",
    )
    importer = office.ledger_import
    importer.apply([first], expected=importer.preview([first]))
    [again] = importer.preview([sent])
    assert (again.changed, again.warnings, again.resent) == ([], [], True)
    assert again.reporting is not None and not again.reporting.correction
    result = importer.apply([sent], expected=[again])
    assert (result.applied, result.changes) == ([sent.name], 0)
    assert not result.reporting[sent.name].correction
    assert _police(office) == {"1": (Status.IN_PROGRESS, "初稿"), "2": (Status.NOT_STARTED, "")}
    [row] = [r for r in office.overview.assignments() if r.unit == POLICE and r.code == "1"]
    assert row.percent == 40


def test_a_correction_that_puts_back_an_exported_value_says_so(
    office: Services, tmp_path: Path
) -> None:
    """A real 更正版 (row 2 corrected) that leaves row 1's 完成状态 as exported takes the
    unit's earlier 推进中 back: a warning names the cell before it is applied (an emptied
    进展情况 is kept, as ever)."""
    sent = _export(office, POLICE, tmp_path)
    first = _edit(sent, {"1/完成状态": "推进中", "1/进展情况": "初稿"}, tmp_path / "a.xlsx")
    importer = office.ledger_import
    importer.apply([first], expected=importer.preview([first]))
    corrected = _edit(sent, {"2/进展情况": "乙更正稿"}, tmp_path / "更正版.xlsx")
    [preview] = importer.preview([corrected])
    assert [(c.code, c.label, c.old, c.new) for c in preview.changed] == [
        ("1", "完成状态", "推进中", "未启动"),
        ("2", "进展情况", "", "乙更正稿"),
    ]
    assert [(w.cell, w.code, str(w.reason)) for w in preview.warnings] == [
        (
            "J4",
            "1",
            "完成状态: takes back the value this unit sent in its earlier return "
            "(推进中 → 未启动, as exported)",
        )
    ]
    assert [(k.cell, k.office) for k in preview.kept] == [("L4", "初稿")]
    assert preview.reporting is not None and preview.reporting.correction
    importer.apply([corrected], expected=[preview])
    assert _police(office) == {
        "1": (Status.NOT_STARTED, "初稿"),
        "2": (Status.NOT_STARTED, "乙更正稿"),
    }


def test_import_ledger_says_the_master_ledger_is_not_counted(
    office: Services, tmp_path: Path, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    master = office.ledger_export.export_master(ROUND, tmp_path)
    office.close()
    assert cli_main.main(["--db", db_url, "import-ledger", str(master), "--dry-run"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:2] == [
        f"== {master.name}  unit: -  round: {ROUND}",
        "   master ledger (总台账): not counted in reporting (不计入报送情况)",
    ]
