"""A chaser (催办单) lists the unit's open findings after its late tasks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from importers.reports.model import Paragraph, Table
from tests.tracker.inspections.conftest import finding
from tracker.errors import InvalidInputError
from tracker.inspections.finding_records import FindingChange
from tracker.reports.chasers import ChaserRequest
from tracker.reports.report_service import ReportRequest, save_report
from tracker.services import Services
from tracker.statuses import Status

Run = Callable[..., tuple[int, str, str]]


def test_the_chaser_lists_the_units_open_findings(inspected: Services, tmp_path: Path) -> None:
    inspected.inspections.record(3, FindingChange(status=Status.IN_PROGRESS, percent=30))
    report = inspected.reports.build(ReportRequest("chaser", unit="市场监管厅"))
    [reminder] = [b for b in report.blocks if isinstance(b, Paragraph) and "督查" in b.text]
    assert reminder.text == (
        "另，督查发现你单位的问题尚有2个未整改销号（其中逾期1个）（见下表），"
        "请一并抓紧整改，并在回执中反馈整改进展及佐证材料。"
    )
    tables = [b for b in report.blocks if isinstance(b, Table)]
    assert tables[1].rows == (
        ("1", "2021年营商环境专项督查", "问题1", "整改要求1", "2021-06-30", "逾期1天", "—"),
        ("2", "2021年营商环境专项督查", "问题3", "整改要求3", "2021-09-30", "推进中（30%）", "—"),
    )
    assert save_report(report, tmp_path / "催办单.pdf") == 2  # two A4 pages


def test_closed_findings_leave_the_chaser(inspected: Services) -> None:
    for finding_id in (1, 3):
        inspected.inspections.close(finding_id, "整改报告")
    report = inspected.reports.build(ReportRequest("chaser", unit="市场监管厅"))
    assert not any(isinstance(b, Paragraph) and "督查" in b.text for b in report.blocks)
    assert len([b for b in report.blocks if isinstance(b, Table)]) == 2  # tasks and 回执


def test_a_unit_with_only_overdue_findings_is_chased_for_them(
    inspected: Services, tmp_path: Path, run: Run, db_url: str
) -> None:
    """政府办公厅's only task is 长期坚持 (never overdue); its finding is 11 days late."""
    inspected.inspections.add_finding(finding("自治区政府办公厅", date(2021, 6, 20), None, 4))
    request = ChaserRequest(overdue=True, reply_by=date(2021, 7, 6))
    assert inspected.chasers.targets(request) == [  # not 各市、县（区）: no member (issue 16)
        "自治区市场监管厅",
        "自治区公安厅",
        "自治区政府办公厅",
    ]
    office = inspected.chasers.drafts(request)[-1]
    assert (office.unit, office.label) == ("自治区政府办公厅", "〔2021〕第3号")
    assert office.report.text_blocks()[2:4] == [
        "自治区政府办公厅：",
        "根据督办台账记录，截至2021年7月1日，督查发现你单位的问题尚有1个未整改销号"
        "（其中逾期1个）（见下表）。请高度重视，抓紧整改，并于2021年7月6日前将整改进展及"
        "佐证材料书面反馈协调小组办公室（填写所附回执）。",
    ]
    [listed, _receipt] = [b for b in office.report.blocks if isinstance(b, Table)]
    assert listed.rows == (
        ("1", "2021年营商环境专项督查", "问题4", "整改要求4", "2021-06-20", "逾期11天", "—"),
    )
    one = inspected.reports.build(
        ReportRequest("chaser", unit="政府办公厅", reply_by=date(2021, 7, 6))
    )
    assert one.text_blocks()[3] == office.report.text_blocks()[3]  # one unit's chaser alike

    out = tmp_path / "chasers"
    code, printed, err = run(
        "--db", db_url, "--today", "2021-07-01", "report", "--kind", "chaser", "--overdue",
        "--reply-by", "2021-07-06", "--out", str(out),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert printed.splitlines()[2:] == [
        str(out / "催办单_2021_003_自治区政府办公厅.pdf"),
        str(out / "催办单_2021_001-003_合订.pdf"),
        "3 chasers: 〔2021〕第1号–〔2021〕第3号",
    ]


def test_a_finding_due_soon_alone_is_not_chased_as_overdue(inspected: Services) -> None:
    """--overdue picks units by what is overdue; a finding 临期 adds no unit."""
    inspected.inspections.add_finding(finding("自治区政府办公厅", date(2021, 7, 10), None, 4))
    assert "自治区政府办公厅" not in inspected.chasers.targets(ChaserRequest(overdue=True))


def test_a_unit_with_overdue_findings_and_no_task_is_chased_too(inspected: Services) -> None:
    inspected.progress.unassign("4", "自治区政府办公厅")
    inspected.inspections.add_finding(finding("自治区政府办公厅", date(2021, 6, 20), None, 4))
    one = inspected.reports.build(
        ReportRequest("chaser", unit="政府办公厅", reply_by=date(2021, 7, 6))
    )
    assert one.text_blocks()[2:4] == [
        "自治区政府办公厅：",
        "根据督办台账记录，截至2021年7月1日，督查发现你单位的问题尚有1个未整改销号"
        "（其中逾期1个）（见下表）。请高度重视，抓紧整改，并于2021年7月6日前将整改进展及"
        "佐证材料书面反馈协调小组办公室（填写所附回执）。",
    ]
    drafts = inspected.chasers.drafts(ChaserRequest(overdue=True))
    assert [c.unit for c in drafts][-1] == "自治区政府办公厅"
    inspected.inspections.close(4, "整改报告")
    with pytest.raises(InvalidInputError, match="has no assignment to report on"):
        inspected.reports.build(ReportRequest("chaser", unit="政府办公厅"))
