"""Reports: bad input refused with a message naming the file, nothing stored; a bulletin
number is given once even when two clerks issue at the same moment."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tracker.cli.report_commands import _paragraphs
from tracker.errors import UserError
from tracker.reports.bulletins import BulletinService
from tracker.reports.report_service import ReportRequest, save_report
from tracker.rounds.round_service import RoundService
from tracker.services import Services


def _bulletins(services: Services) -> list[int]:
    return [b.number for b in BulletinService(services.store).issued()]


def test_an_unreadable_achievements_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "成效.txt"
    bad.write_bytes("成效".encode("gbk"))
    with pytest.raises(UserError, match=r"cannot read 成效\.txt"):
        _paragraphs(str(bad))
    with pytest.raises(UserError, match=r"cannot read 没有\.txt"):
        _paragraphs(str(tmp_path / "没有.txt"))


def test_a_bulletin_that_cannot_be_written_is_not_issued(
    services: Services, tmp_path: Path
) -> None:
    RoundService(services.store).create("2021年第3季度", date(2021, 9, 30))
    reports = services.reports
    with pytest.raises(UserError, match=r"must end in \.pdf or \.docx"):
        save_report(reports.build(ReportRequest("bulletin")), tmp_path / "通报.xlsx")
    target = tmp_path / "no-such-folder" / "通报.pdf"
    with pytest.raises(UserError, match="cannot write"):
        save_report(reports.build(ReportRequest("bulletin")), target)
    assert _bulletins(services) == []  # the dialog and the CLI issue only after writing


def test_two_clerks_issuing_at_once_get_two_numbers(services: Services) -> None:
    RoundService(services.store).create("2021年第3季度", date(2021, 9, 30))
    reports, bulletins = services.reports, BulletinService(services.store)
    first, second = reports.bulletin(), reports.bulletin()  # both drafts say 第1期
    original = bulletins.next_number
    calls = iter([1, 1, 2])  # the second clerk read "1" before the first one stored it
    bulletins.next_number = lambda year=None: next(calls)  # type: ignore[method-assign]
    assert bulletins.issue(first).number == 1
    assert bulletins.issue(second).number == 2  # the unique (year, number) refused 1
    bulletins.next_number = original  # type: ignore[method-assign]
    assert _bulletins(services) == [2, 1]
    assert "第2期" in bulletins.reprint(2021, 2).text_blocks()


def test_a_past_rounds_ledger_shows_that_rounds_values(services: Services) -> None:
    """On SQLite and PostgreSQL: the printed ledger replays the history up to its round."""
    from importers.reports.model import Table
    from tests.tracker.conftest import sample_document, source
    from tracker.progress.history_entries import Provenance
    from tracker.progress.progress_service import Change
    from tracker.statuses import Status

    services.documents.import_parsed(sample_document(), source())
    rounds = RoundService(services.store)
    first = rounds.create("第1轮", date(2030, 1, 1)).id
    second = rounds.create("第2轮", date(2030, 2, 1)).id
    row = next(r for r in services.overview.assignments() if r.code == "1")
    services.progress.record(
        row.id, Change(status=Status.DONE, note="第一轮已完成。"), source=Provenance("台账", first)
    )
    services.progress.record(
        row.id, Change(status=Status.TICKED_OFF, note="已销号。"), source=Provenance("台账", second)
    )
    reports = services.reports

    def shown(round_name: str) -> tuple[str, str]:
        report = reports.build(ReportRequest("ledger", unit=row.unit, round_name=round_name))
        table = next(b for b in report.blocks if isinstance(b, Table))
        found = next(r for r in table.rows if r[1] == "1")
        return found[7], found[9]

    assert shown("第1轮") == ("已完成", "第一轮已完成。")
    assert shown("第2轮") == ("已销号", "已销号。")
