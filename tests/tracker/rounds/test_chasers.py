"""Chasers for many units at once: whom, what they say, numbers per year that two clerks
never share, one file per unit and one combined file; the CLI."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import ChaserNumber
from tests.tracker.rounds.test_round_status import ROUND, round_office  # noqa: F401 (fixture)
from tracker.database_settings import CHASER_LAST, REPORT_CONTACT, REPORT_PHONE
from tracker.errors import InvalidInputError
from tracker.reports.chasers import ChaserRequest, chaser_identity, combined
from tracker.services import Services
from tracker.store import Clock

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def chasing(round_office: Services) -> Services:  # noqa: F811
    """The round's office on 12 July, its contact set."""
    round_office.store.clock = Clock(date(2021, 7, 12))
    round_office.settings.set(REPORT_CONTACT, "张明")
    round_office.settings.set(REPORT_PHONE, "0951-5012345")
    return round_office


def test_targets_not_reported_overdue_and_listed(chasing: Services) -> None:
    service = chasing.chasers
    # 各市、县（区） has overdue task 1 but no member yet: nobody to send a chaser to
    assert service.targets(ChaserRequest(not_reported=True)) == ["自治区政府办公厅"]
    assert service.targets(ChaserRequest(overdue=True)) == [
        "自治区市场监管厅",
        "自治区公安厅",
        "宁夏税务局",
    ]
    assert service.targets(ChaserRequest(units=("税务局",), not_reported=True, overdue=True)) == [
        "宁夏税务局",
        "自治区政府办公厅",
        "自治区市场监管厅",
        "自治区公安厅",
    ]
    with pytest.raises(InvalidInputError, match="say whom to chase"):
        service.targets(ChaserRequest())


def test_drafts_say_what_each_unit_owes(chasing: Services) -> None:
    service = chasing.chasers
    chasing.ledger_import.undo_last()  # 市场监管厅's late return undone: its ledger is missing
    drafts = service.drafts(ChaserRequest(not_reported=True, reply_by=date(2021, 7, 16)))
    assert [(c.unit, c.label) for c in drafts] == [
        ("自治区市场监管厅", "〔2021〕第1号"),
        ("自治区政府办公厅", "〔2021〕第2号"),
    ]
    market = drafts[0].report.text_blocks()
    assert market[:4] == [
        "催办单",
        "〔2021〕第1号",
        "自治区市场监管厅：",
        "按照2021年第2季度调度安排，你单位应于2021年7月10日前报送工作台账，截至2021年7月12日"
        "尚未报送。你单位承担的任务中已逾期1项（见下表）。请高度重视，于2021年7月16日前将工作台账"
        "及办理进展、下步计划书面报送协调小组办公室（填写所附回执）。",
    ]
    assert "联系人：张明\u3000\u3000联系电话：0951-5012345" in market
    table = next(b for b in drafts[0].report.blocks if hasattr(b, "rows"))
    assert table.rows == (  # type: ignore[attr-defined]
        (
            "1",
            "宁政办〔2021〕9号",
            "1",
            "推进企业开办全程网办",
            "2021年6月底",
            "逾期12天",
            "未启动",
        ),
    )
    office = drafts[1].report
    standing = next(b for b in office.blocks if hasattr(b, "rows"))
    assert standing.rows == (  # type: ignore[attr-defined]
        ("1", "宁政办〔2021〕9号", "4", "持续优化服务", "长期坚持", "长期坚持", "长期坚持"),
    )
    # 公安厅 reported, but is chased for its overdue task with its status and percent.
    [police] = service.drafts(ChaserRequest(units=("自治区公安厅",)))
    rows = next(b for b in police.report.blocks if hasattr(b, "rows")).rows  # type: ignore[attr-defined]
    assert [r[5:] for r in rows] == [("逾期12天", "未启动"), ("逾期2天", "未启动50%")]
    assert police.report.text_blocks()[3].startswith("根据督办台账记录，截至2021年7月12日，")
    with pytest.raises(InvalidInputError, match="no chaser needed"):  # before the deadline
        chasing.store.clock = Clock(date(2021, 7, 9))
        service.drafts(ChaserRequest(units=("自治区政府办公厅",)))
    chasing.store.clock = Clock(date(2021, 7, 12))
    with pytest.raises(InvalidInputError) as refused:  # overdue, but nobody to send it to
        service.drafts(ChaserRequest(units=("各市、县（区）",)))
    assert str(refused.value) == (
        "no chaser for 各市、县（区）: a collective with no member units yet has nobody to "
        "send it to; add its members in the units directory first"
    )


def test_numbers_are_taken_per_year_and_never_twice(chasing: Services) -> None:
    service = chasing.chasers
    first = service.drafts(ChaserRequest(not_reported=True))
    second = service.drafts(ChaserRequest(units=("自治区公安厅",)))  # also drafted as 第1号
    assert [c.number for c in second] == [1]
    assert [c.number for c in service.take_numbers(second)] == [1]
    taken = service.take_numbers(first, ROUND)  # 第1号 went meanwhile: 2
    assert [(c.unit, c.label) for c in taken] == [("自治区政府办公厅", "〔2021〕第2号")]
    assert chaser_identity(taken[0].report) == ("自治区政府办公厅", 2021, 2)
    chasing.store.clock = Clock(date(2022, 1, 4))
    assert service.next_number() == 1  # a new year starts again
    with chasing.store.reading() as session:
        rows = session.execute(
            select(ChaserNumber.year, ChaserNumber.number, ChaserNumber.unit_name).order_by(
                ChaserNumber.number
            )
        ).all()
    assert [tuple(r) for r in rows] == [
        (2021, 1, "自治区公安厅"),
        (2021, 2, "自治区政府办公厅"),
    ]


def test_the_old_settings_counter_is_followed_on(chasing: Services) -> None:
    chasing.settings.set(CHASER_LAST.of(year=2021), 7)
    assert chasing.chasers.next_number() == 8


def test_two_clerks_at_once_never_share_a_number(chasing: Services, db_url: str) -> None:
    clerks = [
        Services.open(db_url, clock=Clock(date(2021, 7, 12)), user=f"clerk{n}") for n in (1, 2)
    ]
    drafts = [c.chasers.drafts(ChaserRequest(not_reported=True)) for c in clerks]
    barrier = threading.Barrier(2)
    taken: list[list[int]] = [[], []]
    errors: list[BaseException] = []

    def work(n: int) -> None:
        try:
            barrier.wait()
            for _ in range(5):
                got = clerks[n].chasers.take_numbers(drafts[n])
                taken[n] += [c.number for c in got]
        except BaseException as exc:  # handed to the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for c in clerks:
        c.close()
    assert errors == []
    assert sorted(taken[0] + taken[1]) == list(range(1, 11))  # 2 clerks × 5 × 1 chaser


def test_save_all_one_file_each_and_the_combined_one(chasing: Services, tmp_path: Path) -> None:
    service = chasing.chasers
    chasing.ledger_import.undo_last()  # 市场监管厅's return undone: two units to chase
    issued = service.take_numbers(service.drafts(ChaserRequest(not_reported=True)))
    seen: list[tuple[int, int]] = []
    written = service.save_all(issued, tmp_path, ".docx", lambda d, t: seen.append((d, t)) or True)
    assert [p.name for p in written] == [
        "催办单_2021_001_自治区市场监管厅.docx",
        "催办单_2021_002_自治区政府办公厅.docx",
        "催办单_2021_001-002_合订.docx",
    ]
    assert seen == [(0, 3), (1, 3), (2, 3), (3, 3)]
    whole = combined(issued).text_blocks()
    assert whole.count("催办单") == 2 and "〔2021〕第2号" in whole
    stopped = service.save_all(issued, tmp_path / "stop", ".pdf", lambda d, t: d < 1)
    assert [p.name for p in stopped] == ["催办单_2021_001_自治区市场监管厅.pdf"]


def test_chasers_cli(chasing: Services, run: Run, db_url: str, tmp_path: Path) -> None:
    out = tmp_path / "催办"
    chasing.ledger_import.undo_last()  # 市场监管厅's return undone: two units to chase
    code, printed, err = run(
        "--db", db_url, "--today", "2021-07-12", "report", "--kind", "chaser",
        "--not-reported", "--round", ROUND, "--reply-by", "2021-07-16", "--out", str(out),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert printed.splitlines() == [
        str(out / "催办单_2021_001_自治区市场监管厅.pdf"),
        str(out / "催办单_2021_002_自治区政府办公厅.pdf"),
        str(out / "催办单_2021_001-002_合订.pdf"),
        "2 chasers: 〔2021〕第1号–〔2021〕第2号",
    ]
    code, printed, _ = run(
        "--db", db_url, "--today", "2021-07-12", "report", "--kind", "chaser",
        "--unit", "公安厅", "--out", str(tmp_path / "one.pdf"),
    )  # fmt: skip
    assert (code, printed) == (0, f"{tmp_path / 'one.pdf'}  (2 pages)\n")
    with chasing.store.reading() as session:
        numbers = session.scalars(select(ChaserNumber.number).order_by(ChaserNumber.id)).all()
    assert list(numbers) == [1, 2, 3]
    code, _, err = run(
        "--db", db_url, "report", "--kind", "chaser", "--overdue", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 2 and "go into a folder" in err


def test_a_unit_past_the_deadline_without_its_ledger_is_told_so(chasing: Services) -> None:
    """Chased by name or for its overdue tasks, after the round's 报送截止日期 (10 July), a
    unit that has not returned its ledger reads that it is missing, in the batch and in
    its chaser alone; before the deadline it has nothing to be chased for."""
    missing = (
        "按照2021年第2季度调度安排，你单位应于2021年7月10日前报送工作台账，截至2021年7月12日"
        "尚未报送。你单位承担的任务中其他未完成1项（见下表）。请高度重视，于2021年7月16日前将"
        "工作台账及办理进展、下步计划书面报送协调小组办公室（填写所附回执）。"
    )
    request = ChaserRequest(units=("自治区政府办公厅",), reply_by=date(2021, 7, 16))
    [office] = chasing.chasers.drafts(request)
    assert office.report.text_blocks()[3] == missing
    alone = chasing.reports.chaser("自治区政府办公厅", date(2021, 7, 16))
    assert alone.text_blocks()[3] == missing
    police = chasing.reports.chaser("自治区公安厅", date(2021, 7, 16))  # it reported
    assert police.text_blocks()[3].startswith("根据督办台账记录，截至2021年7月12日，")
    chasing.store.clock = Clock(date(2021, 7, 10))
    with pytest.raises(InvalidInputError, match="no chaser needed"):
        chasing.chasers.drafts(request)
    with pytest.raises(InvalidInputError, match="nothing overdue or due soon"):
        chasing.reports.chaser("自治区政府办公厅")
