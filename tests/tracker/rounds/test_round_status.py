"""报送情况 of a round: sent, returned (on time, late, unchanged), not reported; the CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from tests.tracker.conftest import sample_document, source
from tests.tracker.ledgers.test_ledgers import _edit
from tracker.errors import InvalidInputError
from tracker.rounds.round_status import reporting_text
from tracker.services import Services
from tracker.store import Clock

ROUND = "2021年第2季度"
Run = Callable[..., tuple[int, str, str]]


def returned(services: Services, path: Path, day: date) -> None:
    """The clerk imports a returned ledger on ``day``."""
    services.store.clock = Clock(day)
    importer = services.ledger_import
    importer.apply([path], ROUND, expected=importer.preview([path], ROUND))


@pytest.fixture
def round_office(services: Services, tmp_path: Path) -> Services:
    """Ledgers sent on 1 July to 4 units (各市、县（区） has no member yet: none to it); back:
    公安厅 (one change) and 税务局 (unchanged) on 8 July, 市场监管厅 (unchanged) on 12 July
    — after the 10 July deadline."""
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    written = services.ledger_export.export_units(ROUND, tmp_path / "out")
    files = {p.name.split("_")[0]: p for p in written}
    police = _edit(files["自治区公安厅"], {"2/完成进度(%)": 50})
    returned(services, police, date(2021, 7, 8))
    returned(services, files["宁夏税务局"], date(2021, 7, 8))
    returned(services, files["自治区市场监管厅"], date(2021, 7, 12))
    return services


def test_who_reported_on_time_late_or_not(round_office: Services) -> None:
    status = round_office.round_status.status(ROUND)
    assert (status.round, status.as_of, status.deadline) == (
        ROUND,
        date(2021, 6, 30),
        date(2021, 7, 10),
    )
    assert [(u.unit, u.state, u.changes, u.returns) for u in status.units] == [
        ("自治区政府办公厅", "未报送", 0, 0),
        ("自治区市场监管厅", "逾期报送", 0, 1),
        ("自治区公安厅", "按时报送", 1, 1),
        ("宁夏税务局", "按时报送", 0, 1),  # unchanged, yet reported
    ]  # 各市、县（区）, a collective with no member, owes nothing (issue 16)
    assert status.not_reported == ["自治区政府办公厅"]
    assert status.late == ["自治区市场监管厅"]
    police = status.units[2]
    assert police.sent_at is not None and police.sent_at.date() == date(2021, 7, 1)
    assert police.returned_at is not None and police.returned_at.date() == date(2021, 7, 8)
    assert police.file == "returned_自治区公安厅_2021年第2季度_工作台账.xlsx"
    assert police.imported_by == "测试员"
    assert reporting_text(status) == (
        "本轮共向4个单位发出工作台账（报送截止日期：2021年7月10日），已报送3个，"
        "其中按时报送2个、逾期报送1个（自治区市场监管厅）；"
        "未报送1个：自治区政府办公厅。"
    )


def test_the_bulletin_names_who_did_not_report_and_who_reported_late(
    round_office: Services,
) -> None:
    """三、存在问题's "未按时报送" names the units not reported, then the late ones."""
    from tracker.reports.report_service import ReportRequest

    report = round_office.reports.build(ReportRequest(kind="bulletin", round_name=ROUND))
    [said] = [t for t in report.text_blocks() if "未按时报送工作进展" in t]
    assert said == (
        "一是部分单位未按时报送工作进展。自治区政府办公厅本期未报送；自治区市场监管厅逾期报送。"
    )


def test_the_units_returns_and_an_undone_one(round_office: Services) -> None:
    service = round_office.round_status
    [police] = service.returns(ROUND, "自治区公安厅")
    assert (police.file, police.changes, police.undone_at) == (
        "returned_自治区公安厅_2021年第2季度_工作台账.xlsx",
        1,
        None,
    )
    round_office.ledger_import.undo_last()  # 市场监管厅's return, undone
    status = service.status(ROUND)
    assert status.not_reported == ["自治区市场监管厅", "自治区政府办公厅"]  # sent first
    assert status.late == []
    assert service.returns(ROUND, "自治区市场监管厅")[0].undone_at is not None


def test_deadline_set_later_and_checked(round_office: Services) -> None:
    rounds = round_office.rounds
    with pytest.raises(InvalidInputError, match="before the round's as-of date"):
        rounds.set_deadline(ROUND, date(2021, 6, 1))
    assert rounds.set_deadline(ROUND, date(2021, 7, 12)) == ROUND
    status = round_office.round_status.status(ROUND)
    assert status.late == [] and len(status.on_time) == 3
    rounds.set_deadline(ROUND, None)
    status = round_office.round_status.status(ROUND)
    assert status.deadline is None and status.late == []
    assert reporting_text(status) == (
        "本轮共向4个单位发出工作台账，已报送3个；未报送1个：自治区政府办公厅。"
    )


def test_a_round_without_ledgers_has_no_reporting(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create(ROUND, date(2021, 6, 30))
    status = services.round_status.status()
    assert status.units == [] and reporting_text(status) == "本轮未发放工作台账，无报送统计。"


def test_round_status_cli(round_office: Services, run: Run, db_url: str) -> None:
    code, out, err = run("--db", db_url, "round-status", ROUND, "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["round", "as_of", "deadline", "units", "not_reported", "late"]
    assert (data["round"], data["as_of"], data["deadline"]) == (ROUND, "2021-06-30", "2021-07-10")
    assert data["not_reported"] == ["自治区政府办公厅"]
    assert data["late"] == ["自治区市场监管厅"]
    first, late, police, _ = data["units"]
    assert first == {
        "unit": "自治区政府办公厅",
        "sent_at": first["sent_at"],
        "returned_at": None,
        "file": None,
        "on_time": None,
        "changes": 0,
    }
    assert first["sent_at"].startswith("2021-07-01 ")
    assert (late["on_time"], late["changes"], late["returned_at"][:10]) == (False, 0, "2021-07-12")
    assert (police["on_time"], police["changes"], police["file"]) == (
        True,
        1,
        "returned_自治区公安厅_2021年第2季度_工作台账.xlsx",
    )
    code, out, _ = run("--db", db_url, "round-status")
    lines = out.splitlines()
    assert lines[0] == f"{ROUND}  as of 2021-06-30  deadline 2021-07-10"
    assert lines[1].startswith("  未报送  自治区政府办公厅  sent 2021-07-01 ")
    assert lines[-1] == "4 units: 2 on time, 1 late, 1 not reported"


def test_new_round_and_deadline_cli(services: Services, run: Run, db_url: str) -> None:
    code, out, err = run(
        "--db", db_url, "new-round", "第一轮", "--as-of", "2021-06-30", "--deadline", "2021-07-10"
    )
    assert (code, out, err) == (
        0,
        "round 第一轮 (as of 2021-06-30, due back by 2021-07-10) created\n",
        "",
    )
    code, out, _ = run("--db", db_url, "round-deadline", "第一轮", "2021-07-15")
    assert (code, out) == (0, "round 第一轮: reporting deadline 2021-07-15\n")
    code, out, _ = run("--db", db_url, "rounds", "--json")
    assert json.loads(out)[0]["deadline"] == "2021-07-15"
    code, out, _ = run("--db", db_url, "round-deadline", "第一轮", "--clear")
    assert (code, out) == (0, "round 第一轮: reporting deadline none\n")
    code, _, err = run("--db", db_url, "round-deadline", "第一轮", "2021-06-01")
    assert code == 2 and "before the round's as-of date 2021-06-30" in err
