"""Issue 13's "done means", on both seeds: 各市、县（区） answered by Ningxia's five cities."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from db.models import LedgerExport, Unit
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from tracker.units.group_rollup import group_tallies

pytestmark = pytest.mark.needs_shared
GROUP = "各市、县（区）"
CITIES = ("银川市", "石嘴山市", "吴忠市", "固原市", "中卫市")
ROUND = "2021年7月"


@pytest.fixture
def fanned(services: Services, seed_000: Path, seed_003: Path) -> Services:
    for seed in (seed_000, seed_003):
        services.documents.import_file(seed)
    services.groups.set_members(GROUP, CITIES, create=True)
    services.rounds.create(ROUND, date(2021, 7, 1))
    return services


def _ledger_rows(services: Services) -> dict[str, int]:
    with services.store.reading() as session:
        return dict(
            session.execute(
                select(Unit.name, LedgerExport.rows).join(Unit, LedgerExport.unit_id == Unit.id)
            ).all()
        )


def _file_rows(path: Path) -> int:
    """The task rows of a written ledger: a number in 序号, on every document's sheet."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return sum(
            isinstance(first, int)
            for sheet in book.worksheets
            if not sheet.title.startswith("_")
            for (first,) in sheet.iter_rows(min_col=1, max_col=1, values_only=True)
        )
    finally:
        book.close()


def test_one_ledger_per_city_with_its_share_of_the_105_group_tasks(
    fanned: Services, tmp_path: Path
) -> None:
    [task_count] = {len(fanned.groups.tasks(GROUP))}
    assert task_count == 105
    written = fanned.ledger_export.export_units(ROUND, tmp_path)
    # 45 named units plus the 3 cities new to the seeds; no file for the group (its members
    # answer) nor for the 4 other collectives, which have no member yet (issue 16)
    assert len(written) == 48
    rows = _ledger_rows(fanned)
    assert GROUP not in rows
    # 银川市 and 石嘴山市 are named by one measure each on their own: 105 shares + 1
    assert {city: rows[city] for city in CITIES} == {
        "银川市": 106,
        "石嘴山市": 106,
        "吴忠市": 105,
        "固原市": 105,
        "中卫市": 105,
    }
    files = {path.name.split("_")[0]: path for path in written}
    assert GROUP not in files
    assert {city: _file_rows(files[city]) for city in CITIES} == {
        "银川市": 106,
        "石嘴山市": 106,
        "吴忠市": 105,
        "固原市": 105,
        "中卫市": 105,
    }
    summary = fanned.overview.summary()
    # 490 tasks, the group's 105 answered by 525 shares: 490 - 105 + 525
    assert (summary.assignments, [u.unit for u in summary.units].count(GROUP)) == (910, 0)


def _mark_first_rows(path: Path, count: int, status: str) -> Path:
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "序号")
    columns = {sheet.cell(header, c).value: c for c in range(1, sheet.max_column + 1)}
    for row in range(header + 1, header + 1 + count):
        sheet.cell(row, columns["完成状态"]).value = status
    out = path.with_name("returned_" + path.name)
    book.save(out)
    return out


def test_a_citys_returned_ledger_changes_only_its_own_rows(
    fanned: Services, tmp_path: Path
) -> None:
    [sent] = fanned.ledger_export.export_units(ROUND, tmp_path, units=["吴忠市"])
    back = _mark_first_rows(sent, 3, "已办结")
    importer = fanned.ledger_import
    [preview] = importer.preview([back])
    assert (preview.unit, preview.rejected) == ("吴忠市", [])
    assert len(preview.changed) == 6  # 完成状态 and, with 已完成, 完成进度 100 (three rows)
    assert sorted({(c.label, c.old, c.new) for c in preview.changed}) == [
        ("完成状态", "未启动", "已完成"),
        ("完成进度(%)", None, 100),
    ]
    importer.apply([back], expected=[preview])
    done = [(r.unit, r.code) for r in fanned.overview.assignments() if r.status is Status.DONE]
    assert [unit for unit, _ in done] == ["吴忠市"] * 3
    first_code = done[0][1]
    first = next(t for t in fanned.groups.tasks(GROUP) if t.code == first_code)
    assert (first.state.status, first.state.percent, first.state.finished) == (
        Status.IN_PROGRESS,
        20,
        1,
    )


def test_the_group_is_done_when_all_five_are_and_the_bulletin_ranks_the_cities(
    fanned: Services,
) -> None:
    task = fanned.groups.tasks(GROUP)[0]
    shares = {
        r.unit: r
        for r in fanned.overview.assignments()
        if r.measure_id == task.measure_id and r.unit in CITIES
    }
    assert list(shares) == list(CITIES)
    states: list[tuple[Status, int]] = []
    record: Callable[[int, Change], int] = fanned.progress.record
    for city in CITIES:
        record(shares[city].id, Change(status=Status.DONE))
        [state] = [
            t.state for t in fanned.groups.tasks(GROUP) if t.assignment_id == task.assignment_id
        ]
        states.append((state.status, state.percent))
    assert states == [
        (Status.IN_PROGRESS, 20),
        (Status.IN_PROGRESS, 40),
        (Status.IN_PROGRESS, 60),
        (Status.IN_PROGRESS, 80),
        (Status.DONE, 100),
    ]
    data = fanned.reports.bulletin_data(ROUND)
    ranked = [u.unit for u in data.units]
    assert GROUP not in ranked
    assert [
        (place, u.unit, u.now.assigned, u.now.finished, u.now.overdue)
        for place, u in enumerate(data.units, 1)
        if u.unit in CITIES
    ] == [  # after the 24 units with nothing overdue; 自治区有关部门 and 自治区市场监管领域相关部门
        # (2021年底, nothing overdue either) have no member, so they are not ranked (issue 16)
        (25, "中卫市", 105, 1, 16),
        (26, "吴忠市", 105, 1, 16),
        (27, "固原市", 105, 1, 16),
        (28, "石嘴山市", 106, 1, 16),
        (29, "银川市", 106, 1, 16),
    ]
    assert [u.unit for u in data.memberless] == [
        "自治区有关部门",
        "自治区相关部门",
        "自治区市场监管领域相关部门",
        "自治区政府相关部门",
    ]
    [line] = data.groups
    assert (line.unit, line.now.assigned, line.now.finished, line.now.overdue) == (
        GROUP,
        525,
        5,
        80,
    )


def test_the_master_heads_each_group_task_and_the_window_reads_the_same_state(
    fanned: Services, tmp_path: Path
) -> None:
    """The master's heading lines and the window's roll-up (from the rows it holds) say what
    the database's derivation says, task by task."""
    tasks = fanned.groups.tasks(GROUP)
    shares = {
        (r.measure_id, r.unit): r.id for r in fanned.overview.assignments() if r.group == GROUP
    }
    for city, count in (("银川市", 2), ("石嘴山市", 1)):
        for task in tasks[:count]:
            fanned.progress.record(shares[(task.measure_id, city)], Change(status=Status.DONE))
    tasks = fanned.groups.tasks(GROUP)
    window = group_tallies(fanned.overview.assignments())  # (measure, task code, group)
    assert {t.assignment_id: window[(t.measure_id, t.code, GROUP)] for t in tasks} == {
        t.assignment_id: t.state for t in tasks
    }
    assert [(t.state.finished, t.state.members) for t in tasks[:3]] == [(2, 5), (1, 5), (0, 5)]
    book = openpyxl.load_workbook(fanned.ledger_export.export_master(ROUND, tmp_path))
    headings = [
        str(sheet.cell(r, 1).value)
        for sheet in book.worksheets[1:]
        if sheet.sheet_state == "visible"
        for r in range(4, sheet.max_row + 1)
        if str(sheet.cell(r, 1).value).startswith(GROUP)
    ]
    assert len(headings) == 105
    assert headings[:3] == [
        f"{GROUP}（5个）· 2/5 完成",
        f"{GROUP}（5个）· 1/5 完成",
        f"{GROUP}（5个）· 0/5 完成",
    ]


@pytest.mark.parametrize("direct", [True, False])
def test_the_windows_roll_up_equals_the_databases_with_a_citys_counties(
    fanned: Services, direct: bool
) -> None:
    """银川市 has three counties; answering directly or through the city, the window's
    roll-up from its rows is the database's for each of the 105 tasks."""
    counties = ("兴庆区", "金凤区", "西夏区")
    fanned.groups.set_members("银川市", counties, create=True)
    fanned.groups.set_members_report_directly(GROUP, direct)
    tasks = fanned.groups.tasks(GROUP)
    rows = {(r.measure_id, r.unit): r.id for r in fanned.overview.assignments() if r.group}
    answering = counties if direct else ("银川市",)
    for task, (unit, status, percent) in zip(
        tasks,
        [
            (answering[0], Status.DONE, None),
            (answering[-1], Status.IN_PROGRESS, 30),
            ("吴忠市", Status.DONE, None),
            ("中卫市", Status.IN_PROGRESS, 70),
        ],
        strict=False,
    ):
        fanned.progress.record(rows[(task.measure_id, unit)], Change(status, percent))
    tasks = fanned.groups.tasks(GROUP)
    window = group_tallies(fanned.overview.assignments())
    assert len(tasks) == 105
    assert {t.assignment_id: window[(t.measure_id, t.code, GROUP)] for t in tasks} == {
        t.assignment_id: t.state for t in tasks
    }
    assert [(t.state.percent, t.state.finished, t.state.members) for t in tasks[:4]] == (
        [(7, 0, 5), (2, 0, 5), (20, 1, 5), (14, 0, 5)]
        if direct
        else [(20, 1, 5), (6, 0, 5), (20, 1, 5), (14, 0, 5)]
    )
