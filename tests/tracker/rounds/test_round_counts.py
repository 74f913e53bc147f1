"""Which assignments a round counts (from the document's date of issue or effective date),
and the 汇总 sheet, the bulletin and ``status --round`` agreeing on them."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.tracker.conftest import sample_document, source
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock

ROUND = "2021年第2季度"
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def imported_late(services: Services) -> Services:
    """A document issued on 19 May, typed in on 1 July; a round as of 30 June."""
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    return services


def summary_sheet(path: Path) -> list[list[object]]:
    sheet = openpyxl.load_workbook(path, read_only=True)["汇总"]
    return [list(row) for row in sheet.iter_rows(min_row=3, values_only=True)]


def test_a_first_round_after_the_import_counts_every_task(imported_late: Services) -> None:
    data = imported_late.reports.bulletin_data(ROUND)
    assert (data.now.measures, data.now.assigned, data.now.overdue) == (3, 6, 0)
    assert data.now.by_status[Status.NOT_STARTED] == 5
    assert data.now.by_status[Status.STANDING] == 1


def test_an_effective_date_after_the_round_leaves_the_document_out(
    imported_late: Services, run: Run, db_url: str
) -> None:
    code, out, _ = run("--db", db_url, "doc-effective", "宁政办〔2021〕9号", "2021-07-01")
    assert (code, out) == (0, "宁政办〔2021〕9号: rounds count its tasks from 2021-07-01\n")
    assert imported_late.documents.list()[0].effective_on == date(2021, 7, 1)
    code, out, _ = run("--db", db_url, "status", "--round", ROUND, "--json")
    assert json.loads(out)["assignments"] == 0
    imported_late.rounds.create("2021年7月", date(2021, 7, 31))
    code, out, _ = run("--db", db_url, "status", "--round", "--json")  # the latest round
    assert json.loads(out)["assignments"] == 6
    code, out, _ = run("--db", db_url, "doc-effective", "宁政办〔2021〕9号", "--clear")
    assert out == "宁政办〔2021〕9号: rounds count its tasks from 2021-05-19 (date of issue)\n"
    code, out, _ = run("--db", db_url, "status", "--round", ROUND, "--json")
    assert json.loads(out)["assignments"] == 6


def test_a_unit_assigned_by_hand_counts_from_that_day(imported_late: Services) -> None:
    imported_late.progress.assign("3", "自治区公安厅")  # on 1 July
    service = imported_late.reports
    assert service.bulletin_data(ROUND).now.assigned == 6
    imported_late.rounds.create("2021年7月", date(2021, 7, 31))
    assert service.bulletin_data("2021年7月").now.assigned == 7


def test_summary_sheet_bulletin_and_status_agree(
    imported_late: Services, run: Run, db_url: str, tmp_path: Path
) -> None:
    store = imported_late.store
    exporter = imported_late.ledger_export
    written = {p.name.split("_")[0]: p for p in exporter.export_units(ROUND, tmp_path / "out")}
    store.clock = Clock(date(2021, 7, 8))
    importer = imported_late.ledger_import
    files = [written["宁夏税务局"]]
    importer.apply(files, ROUND, expected=importer.preview(files, ROUND))
    # Done, recorded by hand (in no round) on 8 July: after the round's day, not in it.
    police = {
        r.code: r.id for r in imported_late.overview.assignments() if r.unit == "自治区公安厅"
    }
    imported_late.progress.record(police["1"], Change(status=Status.DONE, percent=100))
    store.clock = Clock(date(2021, 7, 20))  # the export day: m1 (30 June) long overdue now
    master = exporter.export_master(ROUND, tmp_path / "master")
    rows = summary_sheet(master)
    assert rows[0] == [
        "序号",
        "单位",
        "任务数",
        "未启动",
        "推进中",
        "已完成",
        "已销号",
        "长期坚持",
        "逾期",
        "完成率",
        "报送情况",
    ]
    assert rows[1:7] == [
        [1, "自治区市场监管厅", 1, 1, 0, 0, 0, 0, 0, 0, "未报送"],
        [2, "自治区公安厅", 2, 2, 0, 0, 0, 0, 0, 0, "未报送"],
        [3, "各市、县（区）", 1, 1, 0, 0, 0, 0, 0, 0, "尚无成员单位"],  # sent nothing (issue 16)
        [4, "宁夏税务局", 1, 1, 0, 0, 0, 0, 0, 0, "按时报送"],
        [5, "自治区政府办公厅", 1, 0, 0, 0, 0, 1, 0, 0, "未报送"],
        ["合计", None, 6, 5, 0, 0, 0, 1, 0, 0, None],
    ]
    assert rows[7][0] == (
        "报送情况：本轮共向4个单位发出工作台账（报送截止日期：2021年7月10日），已报送1个，"
        "其中按时报送1个、逾期报送0个；未报送3个：自治区市场监管厅、自治区公安厅、"
        "自治区政府办公厅。"
    )
    assert rows[8][0] == (  # its task still counts in the totals above (合计 6)
        "另有1项任务由尚无成员单位的集体承担（各市、县（区）1项），已计入任务总数，"
        "未发工作台账，未列入单位排名和报送统计。"
    )
    _code, out, _ = run(
        "--db", db_url, "--today", "2021-07-20", "status", "--round", ROUND, "--json"
    )
    status = json.loads(out)
    assert (status["assignments"], status["overdue"], status["by_status"]["未启动"]) == (6, 0, 5)
    assert {u["unit"]: (u["assigned"], u["overdue"]) for u in status["units"]} == {
        r[1]: (r[2], r[8]) for r in rows[1:6]
    }
    # Each sheet says which day it shows: the 汇总 the round's, the data rows the export's
    # (公安厅's measure 1 done on 8 July is 已完成 there, 未启动 in the 汇总).
    book = openpyxl.load_workbook(master, read_only=True)
    data_sheet = book[book.sheetnames[1]]
    top = [list(row) for row in data_sheet.iter_rows(max_row=2, values_only=True)]
    assert (book["汇总"]["C2"].value, book["汇总"]["F2"].value) == (
        f"调度轮次：{ROUND}",
        "调度截至：2021年6月30日",
    )
    assert (top[0][0], top[1][6], top[1][12]) == (
        "优化营商环境若干措施工作台账",
        f"调度轮次：{ROUND}",
        "数据截至：2021年7月20日（导出时）",
    )
    assert [(r[6], r[9]) for r in data_sheet.iter_rows(min_row=4, values_only=True)] == [
        ("自治区市场监管厅", "未启动"),
        ("自治区公安厅", "已完成"),  # done on 8 July, after the round's day
        ("各市、县（区）", "未启动"),
        ("自治区公安厅", "未启动"),
        ("宁夏税务局", "未启动"),
        ("自治区政府办公厅", "长期坚持"),
    ]
    data = imported_late.reports.bulletin_data(ROUND)
    assert (data.now.assigned, data.now.overdue, data.now.by_status[Status.NOT_STARTED]) == (
        6,
        0,
        5,
    )
    assert data.not_reported == ["自治区市场监管厅", "自治区公安厅", "自治区政府办公厅"]
    assert [(u.unit, u.now.assigned) for u in data.memberless] == [("各市、县（区）", 1)]
    assert data.reporting == rows[7][0].removeprefix("报送情况：")
    # Today's figures differ, and plain ``status`` still gives them.
    _, out, _ = run("--db", db_url, "--today", "2021-07-20", "status", "--json")
    today = json.loads(out)
    assert (today["overdue"], today["by_status"]["已完成"]) == (4, 1)
