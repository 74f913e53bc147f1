"""The unit's 佐证材料 is never lost: kept apart from the office's closing evidence, with
history, through a closing (整改销号), a reopening and the undo of a ledger import."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import openpyxl

from tests.tracker.inspections.conftest import edit
from tracker.inspections.finding_records import FindingChange
from tracker.services import Services

Run = Callable[..., tuple[int, str, str]]


def evidence(services: Services, finding_id: int) -> tuple[str, str, str]:
    row = services.inspections.finding(finding_id)
    return row.status.value, row.unit_evidence, row.evidence


def test_the_units_evidence_outlives_closing_and_reopening(inspected: Services, sent: Path) -> None:
    edit(sent, {"F4": "已完成", "I4": "整改报告.pdf"})
    inspected.ledger_import.apply([sent])
    assert evidence(inspected, 1) == ("已完成", "整改报告.pdf", "")
    inspected.inspections.close(1, "现场核查照片")
    assert evidence(inspected, 1) == ("已销号", "整改报告.pdf", "现场核查照片")
    inspected.inspections.reopen(1)
    assert evidence(inspected, 1) == ("已完成", "整改报告.pdf", "")
    assert [
        (h.source, h.new_status, h.unit_evidence, h.evidence)
        for h in inspected.inspections.history(1)
    ] == [
        ("手工", "未启动", "", ""),
        (f"台账 {sent.name}", "已完成", "整改报告.pdf", ""),
        ("整改销号", "已销号", "整改报告.pdf", "现场核查照片"),
        ("撤销销号", "已完成", "整改报告.pdf", ""),
    ]


def test_the_next_ledger_sends_the_units_evidence_and_an_undo_restores_the_earlier(
    inspected: Services, sent: Path, tmp_path: Path
) -> None:
    inspected.inspections.record(3, FindingChange(evidence="第一批材料"))
    edit(sent, {"I5": "第二批材料"})
    [preview] = inspected.ledger_import.preview([sent])
    [conflict] = preview.conflicts  # the office typed the unit's evidence since the export
    assert (conflict.field, conflict.office, conflict.returned) == (
        "evidence",
        "第一批材料",
        "第二批材料",
    )
    inspected.ledger_import.apply([sent], prefer="unit")
    assert evidence(inspected, 3) == ("未启动", "第二批材料", "")
    inspected.ledger_import.undo_last()
    assert evidence(inspected, 3) == ("未启动", "第一批材料", "")
    inspected.inspections.close(3, "验收意见")
    inspected.inspections.reopen(3)
    again = inspected.ledger_export.export_units(
        "2021年第2季度", tmp_path / "again", ["市场监管厅"]
    )
    sheet = openpyxl.load_workbook(again[0])["整改台账"]
    assert [sheet["C5"].value, sheet["I5"].value] == ["问题3", "第一批材料"]


def test_the_command_line_shows_both(
    inspected: Services, sent: Path, db_url: str, run: Run
) -> None:
    edit(sent, {"I4": "整改报告.pdf"})
    inspected.ledger_import.apply([sent])
    inspected.inspections.close(1, "现场核查照片")
    db = ("--db", db_url, "--today", "2021-07-01")
    code, out, _ = run(*db, "findings", "--json")
    assert code == 0
    assert [(f["id"], f["unit_evidence"], f["evidence"]) for f in json.loads(out)] == [
        (1, "整改报告.pdf", "现场核查照片"),
        (2, "", ""),
        (3, "", ""),
    ]
    code, out, _ = run(*db, "finding", "history", "1")
    assert [line.split("  ", 2)[2] for line in out.splitlines()] == [
        "手工  - → 未启动  ",
        f"台账 {sent.name}  未启动 → 未启动    unit's evidence: 整改报告.pdf",
        "整改销号  未启动 → 已销号    evidence: 现场核查照片",
    ]
