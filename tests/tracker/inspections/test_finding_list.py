"""A 问题清单 imported: every line checked first, bad cells named, nothing written on error."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.tracker.inspections.conftest import INSPECTION
from tracker.errors import InvalidInputError, UserError
from tracker.inspections.finding_import import PlannedInspection
from tracker.services import Services
from tracker.statuses import Derived

HEADER = [
    "序号",
    "督查名称",
    "督查日期",
    "督查组",
    "责任单位",
    "措施编号",
    "问题描述",
    "整改要求",
    "整改时限",
]
Run = Callable[..., tuple[int, str, str]]


def problem_list(path: Path, lines: list[list[object]], title: bool = True) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "问题清单"
    if title:
        sheet.append(["2021年第二季度督查问题清单"])
    sheet.append(HEADER)
    for line in lines:
        sheet.append(line)
    book.save(path)
    return path


GOOD = [
    [
        1,
        "第二轮督查",
        "2021-06-15",
        "第二督查组",
        "公安厅",
        "2",
        "审批超时",
        "压缩时限",
        date(2021, 8, 31),
    ],
    [2, "第二轮督查", None, None, "宁夏税务局", None, "公示不全", "补齐公示", "2021-06-30"],
    [None] * 9,
    [3, INSPECTION, None, None, "自治区市场监管厅", "1", "台账不全", "补建台账", "2021-07-05"],
]


def test_a_clean_list_is_previewed_then_written_whole(inspected: Services, tmp_path: Path) -> None:
    path = problem_list(tmp_path / "问题清单.xlsx", GOOD)
    preview = inspected.inspections.preview_list(path)
    assert preview.errors == []
    assert preview.inspections == [PlannedInspection("第二轮督查", date(2021, 6, 15), "第二督查组")]
    assert [(p.sheet, p.row, p.finding.unit, p.finding.measure) for p in preview.findings] == [
        ("问题清单", 3, "自治区公安厅", "2"),
        ("问题清单", 4, "宁夏税务局", None),
        ("问题清单", 6, "自治区市场监管厅", "1"),
    ]
    assert len(inspected.inspections.findings()) == 3  # the preview wrote nothing
    assert inspected.inspections.apply_list(preview) == 3
    rows = inspected.inspections.findings()
    assert [(r.id, r.inspection, r.unit, r.deadline, r.state) for r in rows[3:]] == [
        (6, INSPECTION, "自治区市场监管厅", date(2021, 7, 5), Derived.DUE_SOON),
        (4, "第二轮督查", "自治区公安厅", date(2021, 8, 31), Derived.NOT_STARTED),
        (5, "第二轮督查", "宁夏税务局", date(2021, 6, 30), Derived.OVERDUE),
    ]
    assert [h.source for h in inspected.inspections.history(4)] == ["问题清单 问题清单.xlsx"]
    again = inspected.inspections.preview_list(path)
    assert [str(e) for e in again.errors] == [
        "问题清单!G3: this problem of 自治区公安厅 is recorded for 第二轮督查 already",
        "问题清单!G4: this problem of 宁夏税务局 is recorded for 第二轮督查 already",
        f"问题清单!G6: this problem of 自治区市场监管厅 is recorded for {INSPECTION} already",
    ]


def test_bad_cells_are_named_and_nothing_is_written(inspected: Services, tmp_path: Path) -> None:
    lines = [
        [1, "第三轮督查", "2021-06-20", "", "不存在的局", "", "问题甲", "要求甲", "2021-08-01"],
        [2, "第三轮督查", "", "", "公安厅", "99", "问题乙", "要求乙", "2021-08-01"],
        [3, "第三轮督查", "", "", "公安厅", "", "", "要求丙", "九月底"],
        [4, "第三轮督查", "", "", "公安厅", "", "问题丁", "要求丁", "2021-06-01"],
        [5, "", "", "", "公安厅", "", "问题戊", "要求戊", "2021-08-01"],
        [6, "第三轮督查", "", "", "公安厅", "", "问题己", "要求己", "2021-08-01"],
    ]
    path = problem_list(tmp_path / "清单.xlsx", lines, title=False)
    preview = inspected.inspections.preview_list(path)
    assert [str(e) for e in preview.errors] == [
        "问题清单!G4: 问题描述 is empty",
        "问题清单!I4: 整改时限 '九月底' is not a date (e.g. 2021-09-30)",
        "问题清单!E2: unknown unit '不存在的局'",
        "问题清单!F3: no measure '99'",
        "问题清单!I5: the deadline 2021-06-01 is before the inspection 第三轮督查 (2021-06-20)",
        "问题清单!B6: no inspection named: add a 督查名称 column, or choose the inspection",
    ]
    assert [p.row for p in preview.findings] == [7]
    assert not preview.ready
    with pytest.raises(
        InvalidInputError, match=re.escape("清单.xlsx has 6 errors; nothing was imported")
    ):
        inspected.inspections.apply_list(preview)
    assert len(inspected.inspections.findings()) == 3
    assert [i.name for i in inspected.inspections.inspections()] == [INSPECTION]


def test_a_file_that_is_no_problem_list_is_refused(inspected: Services, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["序号", "名称"])  # type: ignore[union-attr]
    book.save(tmp_path / "别的表.xlsx")
    with pytest.raises(UserError, match=re.escape("别的表.xlsx: no sheet has the columns")):
        inspected.inspections.preview_list(tmp_path / "别的表.xlsx")
    (tmp_path / "假.xlsx").write_bytes(b"not a workbook at all")
    with pytest.raises(UserError, match=re.escape("假.xlsx: not a spreadsheet")):
        inspected.inspections.preview_list(tmp_path / "假.xlsx")
    with pytest.raises(UserError) as missing:
        inspected.inspections.preview_list(tmp_path / "缺失.xlsx")
    assert str(missing.value) == "缺失.xlsx: cannot open the file: No such file or directory"


def test_import_findings_from_the_cli(
    inspected: Services, db_url: str, tmp_path: Path, run: Run
) -> None:
    path = problem_list(tmp_path / "问题清单.xlsx", GOOD)
    db = ("--db", db_url, "--today", "2021-07-01")
    code, out, _ = run(*db, "import-findings", str(path), "--dry-run")
    assert (code, out.splitlines()[0], out.splitlines()[-1]) == (
        0,
        "new inspection: 第二轮督查 (2021-06-15)",
        "3 findings to import (dry run: nothing written).",
    )
    assert run(*db, "import-findings", str(path))[1].splitlines()[-1] == (
        "3 findings imported from 问题清单.xlsx."
    )
    code, out, err = run(*db, "import-findings", str(path))
    assert (code, out.count("\n"), err.splitlines()[-1]) == (
        2,
        0,
        "3 errors; nothing was imported.",
    )
    assert len(inspected.inspections.findings(open_only=True)) == 6
