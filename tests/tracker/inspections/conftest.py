"""An office with the sample document and one inspection holding three findings; the
ledger 市场监管厅 was sent with two of them in its 整改台账 (``sent``), edited by ``edit``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
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


ROUND = "2021年第2季度"


@pytest.fixture
def sent(inspected: Services, tmp_path: Path) -> Path:
    """市场监管厅's ledger, with its two open findings (F1 overdue, F3 due in September)."""
    inspected.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    written = inspected.ledger_export.export_units(ROUND, tmp_path / "out", ["市场监管厅"])
    return written[0]


def edit(path: Path, cells: dict[str, object], main: dict[str, object] | None = None) -> Path:
    wb = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        wb["整改台账"][ref] = value
    for ref, value in (main or {}).items():
        wb.worksheets[0][ref] = value
    wb.save(path)
    return path
