"""The 整改台账 under the main sheet's safety rules: a value both the unit and the office
changed is a conflict the clerk settles (or ``--prefer``), a row with a rejected cell is
taken not at all (with ``apply_valid`` too), a rejected 整改状态 or 完成进度 may be
corrected by the clerk, and the 退回单 marks the rejected cells of the sheet."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl

from importers.messages import Message
from tests.tracker.inspections.conftest import edit
from tracker.inspections.finding_records import FindingChange
from tracker.ledgers.ledger_records import Conflict, FindingEdit, Rejected
from tracker.progress.progress_service import Change
from tracker.services import Services

Run = Callable[..., tuple[int, str, str]]
OFFICE_STATUS = "整改状态 {status} is not for a unit to set; the office closes a finding (整改销号)"


def test_a_value_both_changed_is_a_conflict_the_clerk_settles(
    inspected: Services, sent: Path
) -> None:
    inspected.inspections.record(3, FindingChange(percent=20))
    edit(sent, {"G5": 50, "H5": "已启动整改"})
    [preview] = inspected.ledger_import.preview([sent])
    unit_value = FindingEdit(3, "问题3", "percent", 20, 50, "整改台账", "G5")
    assert preview.conflicts == [
        Conflict(3, "问题3", "自治区市场监管厅", "percent", None, 20, 50, unit_value)
    ]
    assert preview.conflicts[0].key == (3, "finding:percent")
    assert preview.ignored == []
    assert preview.finding_edits == [
        FindingEdit(3, "问题3", "progress", "", "已启动整改", "整改台账", "H5")
    ]
    assert preview.to_json()["conflicts"] == [
        {
            "code": "问题3",
            "unit": "自治区市场监管厅",
            "field": "完成进度(%)",
            "exported": None,
            "office": 20,
            "returned": 50,
        }
    ]
    undecided = inspected.ledger_import.apply([sent])
    assert (undecided.applied, [str(m) for _, m in undecided.skipped]) == ([], ["1 conflict"])

    office = inspected.ledger_import.apply([sent], resolutions={(3, "finding:percent"): "office"})
    assert (office.applied, office.changes) == ([sent.name], 1)
    kept = inspected.inspections.finding(3)
    assert (kept.percent, kept.note) == (20, "已启动整改")

    assert inspected.ledger_import.undo_last() == [sent.name]
    unit = inspected.ledger_import.apply([sent], prefer="unit")
    assert (unit.applied, unit.changes) == ([sent.name], 2)
    taken = inspected.inspections.finding(3)
    assert (taken.percent, taken.note) == (50, "已启动整改")
    [*_, entry] = inspected.inspections.history(3)
    assert (entry.source, entry.old_percent, entry.new_percent) == (f"台账 {sent.name}", 20, 50)


def test_a_conflict_on_a_finding_never_meets_an_assignments(
    inspected: Services, sent: Path
) -> None:
    """Finding 1 and assignment 1 both conflict on 完成进度: one decision each."""
    inspected.inspections.record(1, FindingChange(percent=10))
    [first] = [r for r in inspected.overview.assignments() if r.unit == "自治区市场监管厅"]
    inspected.progress.record(first.id, Change(percent=15))
    edit(sent, {"G4": 30}, main={"K4": 35})
    [preview] = inspected.ledger_import.preview([sent])
    assert [(c.key, c.office, c.returned) for c in preview.conflicts] == [
        ((first.id, "percent"), 15, 35),
        ((1, "finding:percent"), 10, 30),
    ]
    result = inspected.ledger_import.apply(
        [sent], resolutions={(first.id, "percent"): "office", (1, "finding:percent"): "unit"}
    )
    assert result.changes == 1
    assert inspected.inspections.finding(1).percent == 30
    [row] = [r for r in inspected.overview.assignments() if r.unit == "自治区市场监管厅"]
    assert row.percent == 15


def test_prefer_on_the_command_line_settles_the_findings_conflicts(
    inspected: Services, sent: Path, db_url: str, run: Run
) -> None:
    inspected.inspections.record(3, FindingChange(percent=20))
    edit(sent, {"G5": 50})
    db = ("--db", db_url, "--today", "2021-07-01")
    code, out, _ = run(*db, "import-ledger", str(sent), "--dry-run", "--json")
    assert code == 2  # an open conflict keeps the file out
    [shown] = json.loads(out)["files"]
    assert [(c["code"], c["office"], c["returned"]) for c in shown["conflicts"]] == [
        ("问题3", 20, 50)
    ]
    code, out, _ = run(*db, "import-ledger", str(sent), "--prefer", "unit")
    lines = out.splitlines()
    assert (code, lines[1:3], lines[-1]) == (
        0,
        [
            "   reporting: 按时报送 (due back by 2021-07-10)",
            "   conflict 问题3 自治区市场监管厅 percent: exported None, office now 20, unit returned 50",
        ],
        "applied 1 file, 1 change, 0 contacts updated",
    )
    assert inspected.inspections.finding(3).percent == 50


def test_a_rejected_status_holds_back_its_whole_row(inspected: Services, sent: Path) -> None:
    edit(sent, {"F4": "已销号", "G4": 80, "H4": "整改中", "G5": 40})
    [preview] = inspected.ledger_import.preview([sent])
    assert preview.rejected == [
        Rejected("整改台账", "F4", Message(OFFICE_STATUS, {"status": "已销号"}))
    ]
    assert preview.finding_edits == [FindingEdit(3, "问题3", "percent", None, 40, "整改台账", "G5")]
    assert inspected.ledger_import.apply([sent]).applied == []  # a rejected cell keeps it out
    result = inspected.ledger_import.apply([sent], apply_valid=True)
    assert result.changes == 1
    first = inspected.inspections.finding(1)
    assert (first.status.value, first.percent, first.note) == ("未启动", None, "")
    assert inspected.inspections.finding(3).percent == 40


def test_a_cell_the_reader_rejects_holds_back_its_row_and_the_clerk_may_correct_it(
    inspected: Services, sent: Path
) -> None:
    edit(sent, {"F4": "差不多", "G4": 80, "G5": "八十"})
    [preview] = inspected.ledger_import.preview([sent])
    assert [(r.cell, r.field) for r in preview.rejected] == [("F4", "status"), ("G5", "percent")]
    assert preview.finding_edits == []  # neither row is taken
    typed = {sent: {"整改台账!F4": "推进中", "整改台账!G5": "80"}}
    [fixed] = inspected.ledger_import.preview([sent], corrections=typed)
    assert fixed.rejected == []
    assert fixed.finding_edits == [
        FindingEdit(1, "问题1", "status", "未启动", "推进中", "整改台账", "F4"),
        FindingEdit(1, "问题1", "percent", None, 80, "整改台账", "G4"),
        FindingEdit(3, "问题3", "percent", None, 80, "整改台账", "G5"),
    ]
    result = inspected.ledger_import.apply([sent], expected=[fixed], corrections=typed)
    assert result.changes == 3
    first = inspected.inspections.finding(1)
    assert (first.status.value, first.percent) == ("推进中", 80)


def test_the_return_notice_marks_the_findings_sheet(
    inspected: Services, sent: Path, tmp_path: Path
) -> None:
    edit(sent, {"F4": "已销号", "G5": "八十"})
    [preview] = inspected.ledger_import.preview([sent])
    notice = inspected.ledger_import.return_notice(preview, tmp_path / "back")
    wb = openpyxl.load_workbook(notice)
    marked = [
        (c.coordinate, c.fill.fgColor.rgb, c.comment.text if c.comment else None)
        for row in wb["整改台账"].iter_rows(min_row=4, max_col=9)
        for c in row
        if c.comment is not None
    ]
    assert marked == [  # (in the unit's Chinese)
        ("F4", "00FFC7CE", "整改状态“已销号”不能由单位填写；整改销号由督办部门办理"),
        ("G5", "00FFC7CE", "完成进度“八十”不是数字"),
    ]
    listed = [[c.value for c in r] for r in wb["退回说明"].iter_rows(min_row=3, max_row=4)]
    assert [r[1:4] for r in listed] == [[None, "整改台账", "G5"], [None, "整改台账", "F4"]]
