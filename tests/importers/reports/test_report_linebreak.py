"""Chinese line breaking: numbers, dates and percentages whole, no mark on the wrong side."""

from __future__ import annotations

from importers.reports.linebreak import breaks, unbreakable


def _lines(text: str, chars: int) -> list[str]:
    """``text`` broken into lines ``chars`` one-point characters wide."""
    return [text[a:b] for a, b, _ in breaks(text, [1.0] * len(text), [float(chars)])]


def test_a_number_with_its_unit_moves_whole() -> None:
    assert _lines("已逾期1799天", 6) == ["已逾期", "1799天"]


def test_a_date_is_never_split() -> None:
    assert _lines("截至2021年12月31日完成", 11) == ["截至", "2021年12月31日", "完成"]


def test_a_percentage_is_never_split() -> None:
    assert _lines("完成率为16.3%整", 6) == ["完成率为", "16.3%整"]


def test_closing_marks_never_start_a_line_and_nothing_overflows() -> None:
    assert _lines("推进企业开办，压缩时间", 6) == ["推进企业开", "办，压缩时间"]
    assert all(len(line) <= 6 for line in _lines("一二三四五，。六七八九", 6))
    assert _lines("一二三四五，。六七八九", 6) == ["一二三四", "五，。六七八", "九"]


def test_an_opening_quote_never_ends_a_line() -> None:
    assert _lines("探索实施“一业一证”改革", 5) == ["探索实施", "“一业一", "证”改革"]


def test_a_token_wider_than_the_line_is_cut_where_it_overflows() -> None:
    assert _lines("12345678", 3) == ["123", "456", "78"]


def test_hard_breaks_end_a_line() -> None:
    text = "一二\n三四"
    hard = [c == "\n" for c in text]
    assert [(a, b) for a, b, _ in breaks(text, [1.0] * 5, [10.0], hard)] == [(0, 3), (3, 5)]


def test_unbreakable_places() -> None:
    assert unbreakable("“6.3%”，好") == [True, True, True, True, True, True, True, False]
