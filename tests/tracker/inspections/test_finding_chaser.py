"""A chaser (催办单) lists the unit's open findings after its late tasks."""

from __future__ import annotations

from pathlib import Path

from importers.reports.model import Paragraph, Table
from tracker.inspections.finding_records import FindingChange
from tracker.reports.report_service import ReportRequest, save_report
from tracker.services import Services
from tracker.statuses import Status


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
