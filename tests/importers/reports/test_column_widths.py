"""Column widths from content: a ``fit`` column as wide as its widest text, the others
sharing what is left, the table always the text block's width."""

from __future__ import annotations

import pytest

from importers.reports.column_widths import FIT_LIMIT, SLACK, column_widths, estimate, widest
from importers.reports.model import Column, Table


def by_count(text: str, header: bool) -> float:
    """10 points a character, 12 in the header's font."""
    return len(text) * (12.0 if header else 10.0)


def test_a_fitted_column_is_its_widest_text_and_the_rest_share_what_is_left() -> None:
    table = Table(
        (Column("序号", 1, fit=True), Column("任务", 1, "left"), Column("进展", 3, "left")),
        (("9", "短", "短"), ("10", "长长长长长长", "x"), ("3-12", "", "")),
    )
    assert widest(table, 0, by_count) == 40.0  # "3-12" (40) against the header (24)
    widths = column_widths(table, 400.0, by_count, padding=3.0)
    fitted = 40.0 + 2 * 3.0 + SLACK
    assert widths == [fitted, (400 - fitted) / 4, (400 - fitted) * 3 / 4]
    assert sum(widths) == pytest.approx(400.0)


def test_a_header_wider_than_the_cells_sets_the_width() -> None:
    table = Table((Column("完成时限", 1, fit=True), Column("内容", 1)), (("6月", "x"),))
    assert column_widths(table, 300.0, by_count, padding=3.0)[0] == 48.0 + 6.0 + SLACK


def test_a_fitted_column_takes_no_more_than_its_limit() -> None:
    sentence = "2022年6月底前完成初步方案，年底前全面完成并形成长效机制"
    table = Table((Column("完成时限", 1, fit=True), Column("内容", 3)), ((sentence, "x"),))
    assert column_widths(table, 400.0, by_count, padding=3.0) == [
        400.0 * FIT_LIMIT,
        400.0 * (1 - FIT_LIMIT),
    ]


def test_every_column_fitted_shares_the_room_left() -> None:
    table = Table((Column("序号", 1, fit=True), Column("编号", 1, fit=True)), (("1", "41"),))
    assert column_widths(table, 100.0, by_count, padding=0.0) == [
        24.0 + SLACK + (100.0 - 48.0 - 2 * SLACK) / 2,
        24.0 + SLACK + (100.0 - 48.0 - 2 * SLACK) / 2,
    ]


def test_the_word_processor_estimate() -> None:
    # 逾期 (2 em) 11 (1 em) 天 (1 em), and Chinese meeting a digit twice (½ em)
    assert estimate("逾期11天", 10.5) == 10.5 * 4.5
    assert estimate("3-12", 10.0) == 20.0
    assert estimate("序号", 12.0) == 24.0
