"""Synthetic assignment rows, built in memory (no database) for model tests."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tracker.records import AssignmentRow
from tracker.statuses import Derived, Status

UNITS = ["自治区市场监管厅", "自治区公安厅", "宁夏税务局", "自治区财政厅", "各市、县（区）"]
STATUSES = list(Status)


def make_row(i: int) -> AssignmentRow:
    """Row ``i`` of a large synthetic table; every field is a simple function of ``i``."""
    status = STATUSES[i % len(STATUSES)]
    deadline = None if i % 7 == 0 else date(2021, 1, 1) + timedelta(days=i % 365)
    state = Derived.OVERDUE if i % 11 == 0 else Derived(status.value)
    return AssignmentRow(
        id=i + 1,
        document_id=1 + i // 50_000,
        doc_label=f"宁政办〔2021〕{1 + i // 50_000}号",
        measure_id=i // 5 + 1,
        code=str(i // 5 + 1),
        measure_code=str(i // 5 + 1),
        title=f"措施{i // 5 + 1}：推进企业开办全程网办",
        part="营造公平竞争市场环境",
        section=None,
        unit=UNITS[i % len(UNITS)],
        role="牵头" if i % 5 == 0 else "责任",
        status=status,
        state=state,
        percent=None if i % 3 == 0 else i % 101,
        note=f"进展{i}",
        deadline=deadline,
        deadline_text=None if deadline is None else f"{deadline.year}年{deadline.month}月",
        updated_at=datetime(2021, 6, 1, 9, 0) + timedelta(minutes=i),
        updated_by="测试员",
        version=1,
    )


def make_rows(n: int) -> list[AssignmentRow]:
    return [make_row(i) for i in range(n)]
