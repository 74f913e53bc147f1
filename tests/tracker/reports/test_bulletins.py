"""Issued bulletins: 第X期 per year, stored whole, reprinted identically; 主送 and name settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from importers.reports.model import Masthead, Paragraph
from importers.reports.serial import from_json, to_json
from tests.tracker.conftest import sample_document, source
from tracker.database_settings import BULLETIN_RECIPIENTS
from tracker.errors import NotFoundError
from tracker.progress.history_entries import Provenance
from tracker.progress.progress_service import Change
from tracker.reports.bulletins import BulletinService
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock


@pytest.fixture
def office(tmp_path: Path) -> Services:
    s = Services.open(
        tmp_path / "o.sqlite3", clock=Clock(date(2021, 7, 5)), user="测试员", create=True
    )
    s.documents.import_parsed(sample_document(), source())
    RoundService(s.store).create("2021年第3季度", date(2021, 9, 30))
    return s


def _masthead(report: object) -> Masthead:
    return next(b for b in report.blocks if isinstance(b, Masthead))  # type: ignore[attr-defined]


def test_bulletins_are_numbered_per_year_and_reprinted_identically(office: Services) -> None:
    reports, bulletins = office.reports, BulletinService(office.store)
    draft = reports.bulletin()
    assert _masthead(draft).number == "第1期" and bulletins.next_number() == 1
    first = bulletins.issue(draft, "2021年第3季度")
    assert (first.year, first.number, first.round_name) == (2021, 1, "2021年第3季度")
    assert _masthead(reports.bulletin()).number == "第2期"
    assert bulletins.issue(reports.bulletin()).number == 2
    # Later progress changes the figures of a new draft, never the issued bulletin.
    row = office.overview.assignments()[0]
    office.progress.record(row.id, Change(status=Status.DONE, note="已全面完成。"))
    assert to_json(bulletins.reprint(2021, 1)) == to_json(draft)
    assert [b.number for b in bulletins.issued()] == [2, 1]
    office.store.clock = Clock(date(2022, 1, 4))
    assert bulletins.next_number() == 1  # a new year starts again at 第1期
    with pytest.raises(NotFoundError, match=r"no bulletin No\. 7 of 2021"):
        bulletins.reprint(2021, 7)


def test_the_clerks_paragraphs_and_recipients_are_printed(office: Services) -> None:
    office.settings.set(BULLETIN_RECIPIENTS, "各市、县（区）人民政府，自治区各有关部门")
    reports = office.reports
    text = reports.bulletin_text(3)
    text.achievements = ["自治区公安厅：企业开办实现全程网办。"]
    text.next_steps = ["请各单位抓紧整改。"]
    report = reports.bulletin(text=text)
    paragraphs = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    assert paragraphs[0] == "各市、县（区）人民政府，自治区各有关部门："
    assert "自治区公安厅：企业开办实现全程网办。" in paragraphs
    assert "请各单位抓紧整改。" in paragraphs
    assert _masthead(report).number == "第3期"
    assert from_json(to_json(report)) == report


def test_unit_notes_of_the_round_become_the_default_achievements(office: Services) -> None:
    with office.store.reading() as session:
        round_id = RoundService(office.store).find(session, "2021年第3季度").id
    row = next(r for r in office.overview.assignments() if r.unit == "自治区公安厅")
    office.progress.record(
        row.id,
        Change(status=Status.DONE, note="企业开办时间压缩至1个工作日；"),
        source=Provenance("台账", round_id),
    )
    data = office.reports.bulletin_data()
    assert [(n.unit, n.note, n.finished) for n in data.notes] == [
        ("自治区公安厅", "企业开办时间压缩至1个工作日；", True)
    ]
    report = office.reports.bulletin()
    paragraphs = [b.text for b in report.blocks if isinstance(b, Paragraph)]
    assert "自治区公安厅：企业开办时间压缩至1个工作日。" in paragraphs


def test_cli_issues_reprints_and_sets_the_recipients(run, office: Services, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = str(tmp_path / "o.sqlite3")
    office.close()
    base = ["--db", db, "--today", "2021-07-05"]
    code, out, _ = run(
        *base, "report-settings", "--recipients", "各有关单位", "--phone", "0951-1234567"
    )
    assert code == 0 and "recipients: 各有关单位" in out and "phone: 0951-1234567" in out
    code, out, _ = run(*base, "report-settings", "--fonts")
    assert code == 0 and "正文（3号仿宋）：" in out
    for n in (1, 2):
        code, out, err = run(
            *base, "report", "--kind", "bulletin", "--out", str(tmp_path / f"{n}.pdf")
        )
        assert (code, err) == (0, "") and out.splitlines()[-1] == f"issued: 2021 No. {n}"
    code, out, err = run(
        *base,
        "report",
        "--kind",
        "bulletin",
        "--reprint",
        "1",
        "--out",
        str(tmp_path / "again.docx"),
    )
    assert (code, err) == (0, "") and "issued" not in out
    code, _, err = run(
        *base, "report", "--kind", "bulletin", "--reprint", "9", "--out", str(tmp_path / "x.pdf")
    )
    assert code == 2 and "no bulletin No. 9 of 2021" in err


def test_cli_lists_the_achievements_and_prints_those_picked(
    run, office: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with office.store.reading() as session:
        round_id = RoundService(office.store).find(session, "2021年第3季度").id
    row = next(r for r in office.overview.assignments() if r.unit == "自治区公安厅")
    office.progress.record(
        row.id,
        Change(status=Status.DONE, note="企业开办一日办结"),
        source=Provenance("台账", round_id),
    )
    office.close()
    base = ["--db", str(tmp_path / "o.sqlite3"), "--today", "2021-07-05"]
    code, out, err = run(*base, "report", "--kind", "bulletin", "--list-achievements")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        "  1 [x] 截至2021年7月5日，1个单位完成任务1项：自治区公安厅（1项），完成率50.0%。",
        "  2 [x] 自治区公安厅：企业开办一日办结。",
    ]
    own = tmp_path / "成效.txt"
    own.write_text("银川市：政务服务事项全部网上可办。\n", encoding="utf-8")
    pdf = str(tmp_path / "b.pdf")
    code, out, err = run(
        *base,
        "report",
        "--kind",
        "bulletin",
        "--pick",
        "2",
        "--achievements",
        str(own),
        "--out",
        pdf,
    )
    assert (code, err) == (0, "") and out.splitlines()[-1] == "issued: 2021 No. 1"
    again = Services.open(tmp_path / "o.sqlite3")
    reprinted = BulletinService(again.store).reprint(2021, 1)
    again.close()
    paragraphs = [b.text for b in reprinted.blocks if isinstance(b, Paragraph)]
    start = paragraphs.index("自治区公安厅：企业开办一日办结。")
    assert paragraphs[start + 1] == "银川市：政务服务事项全部网上可办。"
    assert not any(p.startswith("截至2021年7月5日，1个单位") for p in paragraphs)
    code, _, err = run(*base, "report", "--kind", "bulletin", "--pick", "3", "--out", pdf)
    assert code == 2 and "--pick 3: choose numbers from 1 to 2" in err
    code, _, err = run(*base, "report", "--kind", "unit", "--list-achievements")
    assert code == 2 and "only a bulletin has achievements to pick" in err
