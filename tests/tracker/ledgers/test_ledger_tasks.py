"""Ledgers per sub-task: one row per (task, unit), keyed by the assignment; a ledger from
before a measure was split says so instead of guessing."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl

from tests.tracker.conftest import sample_document, source
from tests.tracker.documents.test_tasks import split_first
from tests.tracker.ledgers.test_ledgers import ROUND, _edit, _export
from tracker.progress.task_rollup import measure_rollups, task_rollups
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status

POLICE = "自治区公安厅"


def _rows(path: Path) -> list[tuple[str, str, str, str]]:
    """(措施编号, 具体内容's first characters, 牵头单位, 责任单位) of every data row."""
    ws = openpyxl.load_workbook(path).worksheets[0]
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "序号")
    columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
    names = ("措施编号", "具体内容", "牵头单位", "责任单位")
    found = [name for name in names if name in columns]
    assert found == list(names), list(columns)
    return [
        tuple(str(ws.cell(r, columns[n]).value or "")[:10] for n in names)  # type: ignore[misc]
        for r in range(header + 1, ws.max_row + 1)
        if ws.cell(r, columns["措施编号"]).value
    ]


def test_a_units_ledger_has_a_row_per_task_and_comes_back_per_task(
    services: Services, tmp_path: Path
) -> None:
    services.documents.import_parsed(split_first(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    services.progress.assign("1-1", POLICE)
    sent = _export(services, POLICE, tmp_path)
    assert _rows(sent)[:2] == [
        ("1-1", "推进企业开办全程网办", "自治区市场监管厅", POLICE),
        ("1-2", "各市县落实", POLICE, POLICE),
    ]
    back = _edit(sent, {"1-1/完成状态": "推进中", "1-2/完成状态": "已完成"})
    [preview] = services.ledger_import.preview([back])
    assert [(c.code, c.label, c.new) for c in preview.changed] == [
        ("1-1", "完成状态", "推进中"),
        ("1-2", "完成状态", "已完成"),
        ("1-2", "完成进度(%)", 100),
    ]
    services.ledger_import.apply([back], expected=[preview])
    rows = [r for r in services.overview.assignments() if r.measure_id == 1]
    assert [(r.code, r.unit, r.status) for r in rows] == [
        ("1-1", "自治区市场监管厅", Status.NOT_STARTED),
        ("1-1", POLICE, Status.IN_PROGRESS),
        ("1-2", POLICE, Status.DONE),
        ("1-2", "各市、县（区）", Status.NOT_STARTED),
    ]
    tasks = task_rollups(rows)
    assert [(c, t.status, t.tasks_finished) for c, t in tasks.items()] == [
        ("1-1", Status.IN_PROGRESS, 0),
        ("1-2", Status.IN_PROGRESS, 0),
    ]
    [measure] = measure_rollups(rows).values()
    assert (measure.status, measure.overdue, measure.tasks, measure.tasks_finished) == (
        Status.IN_PROGRESS,
        True,  # 2021-06-30 passed on 2021-07-01 with parts unfinished
        2,
        0,
    )


def test_a_ledger_from_before_the_split_is_refused_naming_the_new_tasks(
    services: Services, tmp_path: Path
) -> None:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    sent = _export(services, POLICE, tmp_path)
    services.documents.import_parsed(split_first(), source(sha="b" * 64), accept_revision=True)
    back = _edit(sent, {"1/完成状态": "推进中", "2/完成状态": "推进中"})
    [preview] = services.ledger_import.preview([back])
    assert [str(r.reason) for r in preview.rejected] == [
        "measure 1 has been split into sub-tasks since this ledger was made "
        "(自治区公安厅 now answers 1-2): not imported; send 自治区公安厅 a new ledger"
    ]
    assert [(c.code, c.new) for c in preview.changed] == [("2", "推进中")]


def test_the_return_notice_lists_each_rejected_cells_measure_number(
    services: Services, tmp_path: Path
) -> None:
    """The 退回单's list is read on paper: each rejected cell names its row's 措施编号 as the
    ledger shows it, a sub-task's (1-2) as a whole measure's (2)."""
    services.documents.import_parsed(split_first(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    back = _edit(
        _export(services, POLICE, tmp_path), {"1-2/完成状态": "差不多了", "2/完成进度(%)": "一半"}
    )
    [preview] = services.ledger_import.preview([back])
    assert [(r.code, r.cell) for r in preview.rejected] == [("1-2", "J4"), ("2", "K5")]
    notice = services.ledger_import.return_notice(preview, tmp_path / "退回")
    listed = openpyxl.load_workbook(notice)["退回说明"]
    assert [[c.value for c in row] for row in listed.iter_rows(min_row=2, max_row=4)] == [
        ["序号", "措施编号", "工作表", "单元格", "退回原因"],
        [
            1,
            "1-2",
            "台账",
            "J4",
            "无法识别的完成状态“差不多了”；只能填写：未启动、推进中、已完成、已销号、长期坚持",
        ],
        [2, "2", "台账", "K5", "完成进度“一半”不是数字"],
    ]
    assert "A1:E1" in {r.coord for r in listed.merged_cells.ranges}
