"""Measure numbers of any length: a task list running past 999 items is read whole."""

from __future__ import annotations

from importers.policy.markers import Style, chinese_number, read_marker
from importers.policy.parser import parse_text


def _long_document(count: int) -> str:
    lines = [
        "自治区人民政府办公厅关于印发重点任务清单的通知",
        "宁政办发〔2021〕1号",
        "一、重点任务",
    ]
    for number in range(1, count + 1):
        lines.append(
            f"{number}. 落实第{number}项重点任务。（责任单位：自治区财政厅。完成时限：2021年12月底）"
        )
    return "\n".join(lines)


def test_a_list_of_1200_measures_is_read_with_every_code() -> None:
    doc = parse_text(_long_document(1200))
    assert [m.code for m in doc.measures] == [str(n) for n in range(1, 1201)]
    assert doc.measures[1199].title == "落实第1200项重点任务"
    assert doc.measures[999].units == ["自治区财政厅"]
    assert doc.warnings == []


def test_arabic_markers_of_four_and_five_digits() -> None:
    assert read_marker("1000. 推进") is not None
    assert read_marker("1000. 推进").number == 1000  # type: ignore[union-attr]
    assert read_marker("（12345）推进").number == 12345  # type: ignore[union-attr]
    assert read_marker("2021.5.1 推进") is None  # a date, not a marker


def test_chinese_numbers_past_a_hundred() -> None:
    assert chinese_number("一千二百") == 1200
    assert chinese_number("一千零一") == 1001
    assert chinese_number("一百二十三") == 123
    marker = read_marker("（一百二十三）推进")
    assert marker is not None and (marker.style, marker.number) == (Style.CN_PAREN, 123)
