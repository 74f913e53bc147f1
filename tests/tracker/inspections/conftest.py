"""An office with the sample document and one inspection holding three findings."""

from __future__ import annotations

from datetime import date

import pytest

from tests.tracker.conftest import sample_document, source
from tracker.inspections.finding_records import NewFinding
from tracker.services import Services

INSPECTION = "2021年营商环境专项督查"


def finding(unit: str, deadline: date, measure: str | None = None, n: int = 1) -> NewFinding:
    return NewFinding(
        inspection=INSPECTION,
        unit=unit,
        problem=f"问题{n}",
        requirement=f"整改要求{n}",
        deadline=deadline,
        measure=measure,
    )


@pytest.fixture
def inspected(services: Services) -> Services:
    """Today is 2021-07-01 (15 days 临期): one finding overdue, one due soon, one later."""
    services.documents.import_parsed(sample_document(), source())
    services.inspections.create_inspection(INSPECTION, date(2021, 6, 1), "第一督查组")
    services.inspections.add_finding(finding("自治区市场监管厅", date(2021, 6, 30), "1", 1))
    services.inspections.add_finding(finding("自治区公安厅", date(2021, 7, 10), None, 2))
    services.inspections.add_finding(finding("自治区市场监管厅", date(2021, 9, 30), "2", 3))
    return services
