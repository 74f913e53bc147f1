"""The master ledger's group headings: the members' rows under a line naming the group."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from importers.ledger.metadata import META_SHEET
from importers.ledger.reader import read_ledger
from tests.tracker.conftest import sample_document, source
from tracker.progress.progress_service import Change
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status

ROUND = "2021年第2季度"
GROUP = "各市、县（区）"
CITIES = ("银川市", "石嘴山市", "吴忠市", "固原市", "中卫市")


@pytest.fixture
def office(services: Services) -> Services:
    """The five cities answer 各市、县（区）'s task (measure 1, past its deadline): 银川市
    and 石嘴山市 done, 吴忠市 at 50 %, the other two not started."""
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    services.groups.set_members(GROUP, list(CITIES), create=True)
    ids = {(r.code, r.unit): r.id for r in services.overview.assignments()}
    for city in CITIES[:2]:
        services.progress.record(ids[("1", city)], Change(status=Status.DONE, percent=100))
    services.progress.record(ids[("1", "吴忠市")], Change(status=Status.IN_PROGRESS, percent=50))
    return services


def test_the_members_sit_under_a_heading_with_the_groups_state(
    office: Services, tmp_path: Path
) -> None:
    master = office.ledger_export.export_master(ROUND, tmp_path)
    book = openpyxl.load_workbook(master)
    ws = book.worksheets[1]
    lines = [
        (ws.cell(r, 1).value, ws.cell(r, 2).value, ws.cell(r, 7).value)
        for r in range(4, ws.max_row + 1)
    ]
    # the measure's cells are merged down its units' rows; the heading splits them in two
    assert lines[:9] == [
        (1, "1", "自治区市场监管厅"),
        (None, None, "自治区公安厅"),
        (f"{GROUP}（5个）· 2/5 完成 · 3 逾期", None, None),
        (1, "1", "银川市"),
        (None, None, "石嘴山市"),
        (None, None, "吴忠市"),
        (None, None, "固原市"),
        (None, None, "中卫市"),
        (2, "2", "自治区公安厅"),
    ]
    merged = {str(r) for r in ws.merged_cells.ranges}
    assert {"A6:T6", "A4:A5", "B4:B5", "A7:A11", "D7:D11"} <= merged
    assert ws.cell(6, 1).font.bold and ws.cell(6, 1).protection.locked
    headings = [line for line in lines if line[2] is None]
    assert len(headings) == 1  # the sample gives the group one task
    # the hidden sheet keys the data rows only: a city's row is found where it is
    meta = book[META_SHEET].iter_rows(values_only=True)
    keyed = [int(row[2]) for row in meta if row[0] == "row" and row[1] == ws.title]
    assert keyed[:8] == [4, 5, 7, 8, 9, 10, 11, 12]


def test_the_master_reads_back_without_its_headings(office: Services, tmp_path: Path) -> None:
    master = office.ledger_export.export_master(ROUND, tmp_path)
    read = read_ledger(master)
    assert read.errors == []
    rows = [(r.measure_code, r.unit) for r in read.rows]
    assert rows[:8] == [("1", "自治区市场监管厅"), ("1", "自治区公安厅")] + [
        ("1", city) for city in CITIES
    ] + [("2", "自治区公安厅")]
    assert len(rows) == len(office.overview.assignments())


def test_no_group_no_heading(services: Services, tmp_path: Path) -> None:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    ws = openpyxl.load_workbook(services.ledger_export.export_master(ROUND, tmp_path)).worksheets[1]
    numbers = [ws.cell(r, 1).value for r in range(4, ws.max_row + 1)]
    assert numbers == [1, None, None, 2, None, 3]  # 序号 per measure, merged down its rows
    assert not any(m.min_row > 3 and m.max_col == 20 for m in ws.merged_cells.ranges)
