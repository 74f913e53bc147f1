"""A chaser's table fills its pages: only the signature and date with the last row or two
go over to the next page, never half a page of items, and the 回执 follows under its cut
line where the page has room for it whole (issue 12, 3).  Read back per page."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from importers.reports.pdf import write_pdf
from tests.tracker.reports.test_chaser_layout import LONG
from tests.ui.factories import make_row
from tracker.inspections.finding_records import FindingRow
from tracker.records import AssignmentRow
from tracker.reports.report_lists import chaser
from tracker.statuses import Derived, Status

TODAY, REPLY_BY = date(2022, 1, 11), date(2022, 1, 16)
OFFICE = "协调小组办公室"


def items(count: int) -> list[AssignmentRow]:
    """``count`` overdue items, every other one with a long text (a row of six lines)."""
    return [
        replace(
            make_row(i),
            code=str(i + 1),
            title=LONG if i % 2 else "实施包容审慎监管",
            state=Derived.OVERDUE,
            deadline=date(2021, 11, 30),
            deadline_text="2021年11月底",
        )
        for i in range(count)
    ]


def findings(count: int) -> list[FindingRow]:
    return [
        FindingRow(
            i, "2021年第三季度督查", date(2021, 9, 1), "自治区市场监管厅", None, LONG,
            "限期整改到位", date(2021, 12, 31), Status.IN_PROGRESS, 50, "", "", "", None, 1,
            Derived.OVERDUE,
        )
        for i in range(1, count + 1)
    ]  # fmt: skip


def pages(path: Path) -> list[tuple[list[int], bool, bool]]:
    """Per page: the item numbers printed (first column), whether the signature and
    whether the 回执 is on it."""
    out = []
    for page in PdfReader(path).pages:
        text = page.extract_text()
        numbers = [int(n) for n in re.findall(r"(?m)^ ?(\d+)\n宁政办", text)]
        out.append((numbers, OFFICE in text.replace(" ", ""), "沿此线剪下" in text))
    return out


def rows(first: int, last: int) -> list[int]:
    return list(range(first, last + 1))


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (3, [(rows(1, 3), True, False), ([], False, True)]),  # no room left for the 回执
        (8, [(rows(1, 6), False, False), (rows(7, 8), True, True)]),
        (12, [(rows(1, 6), False, False), (rows(7, 12), True, False), ([], False, True)]),
        (
            30,
            [
                (rows(1, 6), False, False),
                (rows(7, 15), False, False),
                (rows(16, 23), False, False),
                (rows(24, 29), False, False),  # the last row alone goes with the signature
                ([30], True, True),  # and the 回执 under it, where there is room
            ],
        ),
    ],
)
def test_the_items_fill_each_page_before_the_signature(
    tmp_path: Path, count: int, expected: list[tuple[list[int], bool, bool]]
) -> None:
    out = tmp_path / "催办单.pdf"
    write_pdf(chaser("自治区市场监管厅", items(count), TODAY, REPLY_BY, OFFICE), out)
    assert pages(out) == expected


def test_the_findings_after_the_items_keep_their_last_row_with_the_signature(
    tmp_path: Path,
) -> None:
    """The items' last rows are no longer tied to the signature across the findings' table
    (which was moved whole with them, and failed once taller than a page)."""
    out = tmp_path / "催办单.pdf"
    report = chaser("自治区市场监管厅", items(8), TODAY, REPLY_BY, OFFICE, findings=findings(12))
    assert write_pdf(report, out) == 5
    assert pages(out) == [
        (rows(1, 5), False, False),
        (rows(6, 8), False, False),  # then the reminder and the findings
        ([], False, False),
        ([], False, False),
        ([], True, True),  # the last finding or two, the signature, the 回执
    ]
