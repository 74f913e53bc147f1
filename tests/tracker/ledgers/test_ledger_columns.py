"""The ledgers' 配合单位 and 时间节点 come from what the document's import stored."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.tracker.conftest import sample_document, source
from tracker.rounds.round_service import RoundService
from tracker.services import Services

ROUND = "2021年第2季度"


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def _cells(ws: object, *letters: str) -> list[tuple[object, ...]]:
    rows = range(4, ws.max_row + 1)  # type: ignore[attr-defined]
    return [tuple(ws[f"{c}{r}"].value for c in letters) for r in rows]  # type: ignore[index]


def test_a_units_ledger_names_the_lead_and_the_supporting_units_and_the_steps(
    office: Services, tmp_path: Path
) -> None:
    [path] = office.ledger_export.export_units(ROUND, tmp_path, units=["自治区公安厅"])
    ws = openpyxl.load_workbook(path).worksheets[0]
    assert _cells(ws, "B", "E", "F", "G", "I") == [
        ("1", "自治区市场监管厅", "自治区公安厅、各市、县（区）", "自治区公安厅", None),
        ("2", "自治区公安厅", "宁夏税务局", "自治区公安厅", "2021年7月10日前完成"),
    ]


def test_the_master_prints_them_once_per_measure(office: Services, tmp_path: Path) -> None:
    path = office.ledger_export.export_master(ROUND, tmp_path)
    ws = openpyxl.load_workbook(path).worksheets[1]
    assert _cells(ws, "A", "B", "F", "G", "I") == [
        (1, "1", "自治区公安厅、各市、县（区）", "自治区市场监管厅", None),
        (None, None, None, "自治区公安厅", None),
        (None, None, None, "各市、县（区）", None),
        (2, "2", "宁夏税务局", "自治区公安厅", "2021年7月10日前完成"),
        (None, None, None, "宁夏税务局", None),
        (3, "4", None, "自治区政府办公厅", None),
    ]
