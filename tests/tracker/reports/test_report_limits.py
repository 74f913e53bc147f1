"""A bulletin's overdue list stays readable at any scale: the most urgent measures, then a count."""

from __future__ import annotations

from datetime import date, timedelta

from importers.reports.model import Paragraph, Table
from tracker.reports.report_bulletin import MAX_LISTED_MEASURES, items_blocks
from tracker.reports.report_data import Item
from tracker.statuses import Status


def _item(measure: int, unit: str, deadline: date) -> Item:
    return Item(
        assignment_id=measure * 10 + len(unit),
        document="宁政发〔2021〕1号",
        part="一",
        part_position=1,
        measure_id=measure,
        position=measure,
        code=str(measure),
        title=f"措施{measure}",
        unit=unit,
        role="责任",
        status=Status.IN_PROGRESS,
        deadline=deadline,
        deadline_text=None,
        overdue=True,
        due_soon=False,
    )


def test_a_long_overdue_list_names_the_oldest_and_counts_the_rest() -> None:
    day = date(2021, 12, 20)
    found = [
        _item(m, unit, day - timedelta(days=m))
        for m in range(1, MAX_LISTED_MEASURES + 31)
        for unit in ("自治区财政厅", "各市、县（区）")
    ]
    table, note = items_blocks(found, day, overdue=True)
    assert isinstance(table, Table) and isinstance(note, Paragraph)
    assert len(table.rows) == MAX_LISTED_MEASURES
    assert table.rows[0][2] == str(MAX_LISTED_MEASURES + 30)  # the oldest deadline first
    assert table.rows[0][5] == f"逾期{MAX_LISTED_MEASURES + 30}天"
    assert table.rows[0][6] == "自治区财政厅、各市、县（区）"
    assert (
        note.text
        == f"以上列出逾期最久的{MAX_LISTED_MEASURES}项措施；另有30项措施（60项任务）逾期，详见工作台账。"
    )


def test_a_short_list_is_printed_whole_in_document_order() -> None:
    day = date(2021, 12, 20)
    found = [_item(m, "自治区财政厅", day - timedelta(days=m)) for m in range(1, 4)]
    [table] = items_blocks(found, day, overdue=True)
    assert isinstance(table, Table)
    assert [row[2] for row in table.rows] == ["1", "2", "3"]
