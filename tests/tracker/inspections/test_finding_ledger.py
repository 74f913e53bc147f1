"""整改台账: a unit's open findings go out as a second sheet of its ledger; what the unit
changes there comes back through the same preview, is applied with the main sheet in one
transaction with history, and undoing the import undoes both."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest

from importers.messages import Message
from tests.tracker.inspections.conftest import ROUND, edit, finding
from tracker.errors import InvalidInputError
from tracker.inspections.finding_records import FindingChange
from tracker.ledgers.ledger_records import FindingEdit, Rejected
from tracker.services import Services
from tracker.statuses import Status


def test_the_unit_ledger_carries_its_open_findings(sent: Path) -> None:
    ws = openpyxl.load_workbook(sent)["整改台账"]
    assert [[c.value for c in row][:10] for row in ws.iter_rows(min_row=4)] == [
        [1, "2021年营商环境专项督查", "问题1", "整改要求1", datetime(2021, 6, 30),
         "未启动", None, None, None, "F1"],
        [2, "2021年营商环境专项督查", "问题3", "整改要求3", datetime(2021, 9, 30),
         "未启动", None, None, None, "F3"],
    ]  # fmt: skip


def test_a_police_ledger_has_its_one_finding_and_a_closed_one_is_left_out(
    inspected: Services, tmp_path: Path
) -> None:
    inspected.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    inspected.inspections.close(1, "整改报告")
    written = inspected.ledger_export.export_units(ROUND, tmp_path / "out")
    keys = {}
    for path in written:
        wb = openpyxl.load_workbook(path)
        if "整改台账" in wb.sheetnames:
            keys[path.name.split("_")[0]] = [
                r[9].value for r in wb["整改台账"].iter_rows(min_row=4)
            ]
    assert keys == {"自治区市场监管厅": ["F3"], "自治区公安厅": ["F2"]}


def test_edits_are_previewed_applied_with_history_and_undone(
    inspected: Services, sent: Path
) -> None:
    edit(
        sent,
        {"F4": "已完成", "G4": 100, "H4": "已全部整改", "I4": "整改报告.pdf", "G5": "40%"},
        main={"K4": 60},  # the main sheet's 完成进度 of measure 1
    )
    [preview] = inspected.ledger_import.preview([sent])
    assert preview.rejected == [] and preview.ignored == []
    assert preview.finding_edits == [
        FindingEdit(1, "问题1", "status", "未启动", "已完成", "整改台账", "F4"),
        FindingEdit(1, "问题1", "percent", None, 100, "整改台账", "G4"),
        FindingEdit(1, "问题1", "progress", "", "已全部整改", "整改台账", "H4"),
        FindingEdit(1, "问题1", "evidence", "", "整改报告.pdf", "整改台账", "I4"),
        FindingEdit(3, "问题3", "percent", None, 40, "整改台账", "G5"),
    ]
    assert [(c.code, c.field, c.new) for c in preview.changed] == [("1", "percent", 60)]
    result = inspected.ledger_import.apply([sent], expected=[preview])
    assert (result.applied, result.changes) == ([sent.name], 6)
    first = inspected.inspections.finding(1)
    assert (first.status, first.percent, first.note, first.unit_evidence, first.evidence) == (
        Status.DONE, 100, "已全部整改", "整改报告.pdf", "",
    )  # fmt: skip
    assert inspected.inspections.finding(3).percent == 40
    [*_, entry] = inspected.inspections.history(1)
    assert (entry.source, entry.old_status, entry.new_status, entry.new_percent) == (
        f"台账 {sent.name}", "未启动", "已完成", 100,
    )  # fmt: skip
    assert (entry.unit_evidence, entry.evidence) == ("整改报告.pdf", "")

    assert inspected.ledger_import.undo_last() == [sent.name]
    first = inspected.inspections.finding(1)
    assert (first.status, first.percent, first.note, first.unit_evidence) == (
        Status.NOT_STARTED, None, "", "",
    )  # fmt: skip
    assert inspected.inspections.finding(3).percent is None
    [row] = [r for r in inspected.overview.assignments() if r.unit == "自治区市场监管厅"]
    assert row.percent is None  # the main sheet's change undone with it
    assert [h.source for h in inspected.inspections.history(1)][-2:] == [
        f"台账 {sent.name}",
        "撤销导入",
    ]


def test_closing_is_the_offices(inspected: Services, sent: Path) -> None:
    edit(sent, {"F4": "已销号", "H5": "已启动整改"})
    [preview] = inspected.ledger_import.preview([sent])
    assert preview.rejected == [
        Rejected(
            "整改台账",
            "F4",
            Message(
                "整改状态 {status} is not for a unit to set; the office closes a finding (整改销号)",
                {"status": "已销号"},
            ),
        )
    ]
    assert preview.finding_edits == [
        FindingEdit(3, "问题3", "progress", "", "已启动整改", "整改台账", "H5")
    ]
    assert inspected.ledger_import.apply([sent]).applied == []  # a rejected cell keeps it out
    result = inspected.ledger_import.apply([sent], apply_valid=True)
    assert result.changes == 1 and inspected.inspections.finding(3).note == "已启动整改"


def test_an_undo_is_refused_after_the_office_changed_the_finding(
    inspected: Services, sent: Path
) -> None:
    edit(sent, {"G4": 30})
    inspected.ledger_import.apply([sent])
    inspected.inspections.record(1, FindingChange(percent=35))
    with pytest.raises(InvalidInputError, match="finding 1"):
        inspected.ledger_import.undo_last()
    assert inspected.inspections.finding(1).percent == 35


def test_a_ledger_without_the_sheet_still_imports(inspected: Services, sent: Path) -> None:
    wb = openpyxl.load_workbook(sent)
    del wb["整改台账"]
    wb.worksheets[0]["K4"] = 70
    wb.save(sent)
    [preview] = inspected.ledger_import.preview([sent])
    assert preview.finding_edits == [] and preview.rejected == []
    assert inspected.ledger_import.apply([sent]).changes == 1


def test_a_unit_with_findings_and_no_task_gets_the_sheet_alone(
    inspected: Services, tmp_path: Path
) -> None:
    inspected.progress.unassign("4", "自治区政府办公厅")
    inspected.inspections.add_finding(finding("自治区政府办公厅", date(2021, 7, 20), None, 4))
    inspected.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    written = inspected.ledger_export.export_units(ROUND, tmp_path / "out")
    assert [p.name.split("_")[0] for p in written] == [  # none to 各市、县（区）: no member
        "自治区市场监管厅",
        "自治区公安厅",
        "宁夏税务局",
        "自治区政府办公厅",
    ]
    office = openpyxl.load_workbook(written[-1])
    assert office.sheetnames == ["整改台账", "_台账元数据"]
    office["整改台账"]["G4"] = 60
    office.save(written[-1])
    [preview] = inspected.ledger_import.preview([written[-1]])
    assert (preview.unit, preview.error, preview.rejected) == ("自治区政府办公厅", None, [])
    assert preview.finding_edits == [FindingEdit(4, "问题4", "percent", None, 60, "整改台账", "G4")]
    assert inspected.ledger_import.apply([written[-1]]).changes == 1
    assert inspected.inspections.finding(4).percent == 60
