"""The one place calamine's cell values become our types."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.ledger.cells import CellValueError, RawValue, is_empty, text, to_date, to_percent


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ""),
        ("", ""),
        ("  张三 ", "张三"),
        (" 第一行\n第二行 ", "第一行\n第二行"),
        ("a\r\nb\rc", "a\nb\nc"),
        (13912345678.0, "13912345678"),
        (12, "12"),
        (2.3, "2.3"),
        (True, "TRUE"),
        (date(2021, 6, 30), "2021-06-30"),
        (datetime(2021, 6, 30), "2021-06-30"),
        (datetime(2021, 6, 30, 8, 5), "2021-06-30 08:05:00"),
        (time(8, 5), "08:05:00"),
        ("=1+1", "=1+1"),
    ],
)
def test_text(raw: RawValue, expected: str) -> None:
    assert text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (date(2021, 6, 30), date(2021, 6, 30)),
        (datetime(2021, 6, 30, 12, 0), date(2021, 6, 30)),
        ("2021-06-30", date(2021, 6, 30)),
        ("2021/6/30", date(2021, 6, 30)),
        ("2021年6月30日", date(2021, 6, 30)),
        (" 2021 年 6 月 30 日 ", date(2021, 6, 30)),
        ("2021.6.30", date(2021, 6, 30)),
        ("2021-06-30 00:00:00", date(2021, 6, 30)),
        (44377.0, date(2021, 6, 30)),
        (44377, date(2021, 6, 30)),
        ("2021年6月底前", None),
        ("长期坚持", None),
        ("2021/2/30", None),
        (80.0, None),
        ("", None),
        (None, None),
    ],
)
def test_to_date(raw: RawValue, expected: date | None) -> None:
    assert to_date(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        ("", None),
        ("  ", None),
        (80, 80),
        (80.0, 80),
        ("80", 80),
        ("80%", 80),
        (" 80 ％ ", 80),
        (0.8, 80),
        ("0.8", 80),
        (0.335, 34),
        ("12.5%", 13),
        (0, 0),
        (1, 1),
        (100, 100),
        ("100%", 100),
    ],
)
def test_to_percent(raw: RawValue, expected: int | None) -> None:
    assert to_percent(raw) == expected


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (150, "percent 150 is outside 0–100"),
        ("150%", "percent 150 is outside 0–100"),
        (-5, "percent -5 is outside 0–100"),
        (100.7, "percent 100.7 is outside 0–100"),
        ("过半", 'percent "过半" is not a number'),
        ("80 percent", 'percent "80 percent" is not a number'),
        (True, 'percent "TRUE" is not a number'),
        (date(2021, 1, 1), 'percent "2021-01-01" is not a number'),
        ("nan", 'percent "nan" is not a number'),
    ],
)
def test_bad_percent(raw: RawValue, reason: str) -> None:
    with pytest.raises(CellValueError) as caught:
        to_percent(raw)
    assert str(caught.value) == reason


@given(st.integers(min_value=0, max_value=100))
def test_percent_whole_numbers_in_any_spelling(n: int) -> None:
    assert to_percent(n) == n
    assert to_percent(float(n)) == n
    assert to_percent(f"{n}%") == n
    if n >= 1:
        assert to_percent(str(n)) == n


@given(st.integers(min_value=1, max_value=99))
def test_percent_formatted_cells_are_fractions(n: int) -> None:
    assert to_percent(n / 100) == n


@given(st.text())
def test_text_is_stripped_and_idempotent(value: str) -> None:
    once = text(value)
    assert once == once.strip()
    assert text(once) == once
    assert is_empty(value) == (once == "")
