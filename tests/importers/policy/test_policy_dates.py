"""Deadline wording → the last day it allows; dated phrases in a measure's text."""

from __future__ import annotations

from datetime import date

import pytest

from importers.policy.dates import enclosing_clause, find_dates, read_deadline


@pytest.mark.parametrize(
    ("wording", "deadline"),
    [
        ("2021年底", date(2021, 12, 31)),
        ("2021 年底", date(2021, 12, 31)),
        ("2021年末", date(2021, 12, 31)),
        ("2021年6月底", date(2021, 6, 30)),
        ("2021 年 6 月底", date(2021, 6, 30)),
        ("2021年11月底", date(2021, 11, 30)),
        ("2024年2月底", date(2024, 2, 29)),
        ("2021年2月", date(2021, 2, 28)),
        ("2021年12月31日", date(2021, 12, 31)),
        ("2021年上半年", date(2021, 6, 30)),
        ("2021年下半年", date(2021, 12, 31)),
        ("2021年第三季度", date(2021, 9, 30)),
        ("2021年一季度", date(2021, 3, 31)),
        ("2021年", date(2021, 12, 31)),
        ("二〇二一年五月十九日", date(2021, 5, 19)),
        ("2021年6月底前完成方案，2021年底前全面推开", date(2021, 12, 31)),
        ("2021.6", date(2021, 6, 30)),
        ("2021.06.15", date(2021, 6, 15)),
        ("2021-12-31", date(2021, 12, 31)),
        ("2021/9", date(2021, 9, 30)),
    ],
)
def test_deadline_wording(wording: str, deadline: date) -> None:
    result = read_deadline(wording)
    assert result.date == deadline
    assert result.readable and not result.standing


@pytest.mark.parametrize(
    "wording", ["长期坚持", "持续推进", "长期", "常态化推进", "每季度", "每月调度一次", "定期开展"]
)
def test_standing_tasks(wording: str) -> None:
    result = read_deadline(wording)
    assert result.date is None
    assert result.standing and result.readable


@pytest.mark.parametrize("wording", ["尽快", "每年2月底前", "2021年2月30日", "2021年13月底", ""])
def test_unreadable(wording: str) -> None:
    result = read_deadline(wording)
    assert result.date is None
    assert not result.readable and not result.standing


def test_within_a_year_is_by_its_end() -> None:
    assert [(p.wording, p.date, p.before) for p in find_dates("2023年内完成甲，2023年内蒙古")] == [
        ("2023年内", date(2023, 12, 31), True),
        ("2023年", date(2023, 12, 31), False),
    ]


def test_dated_phrases_in_text() -> None:
    text = (
        "于2018年12月31日前报送。从2019年起，各有关部门于每年2月底前报送名单，力争2020年底前完成。"
    )
    found = find_dates(text)
    assert [(d.wording, d.date, d.before, d.precise) for d in found] == [
        ("2018年12月31日前", date(2018, 12, 31), True, True),
        ("2019年", date(2019, 12, 31), False, False),
        ("2020年底前", date(2020, 12, 31), True, True),
    ]
    assert found[0].context == "于2018年12月31日前报送"
    assert found[2].context == "力争2020年底前完成"


def test_enclosing_clause() -> None:
    text = "推进改革，2020年6月底前开展清理工作；完善制度。"
    start = text.index("2020")
    assert enclosing_clause(text, start, start + 9) == "2020年6月底前开展清理工作"
    assert enclosing_clause("2020年底", 0, 7) == "2020年底"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("年底前，建成平台", [("年底前", date(2021, 12, 31))]),
        ("力争今年年底前完成", [("今年年底前", date(2021, 12, 31))]),
        ("今年底前上线", [("年底前", date(2021, 12, 31))]),
        ("各市于每年年底前报送", []),  # recurs
        ("当年年底前完成清算", []),  # that (other) year
        ("三年底前", []),
        (
            "2022年年底前完成，年末前验收",
            [("2022年年底前", date(2022, 12, 31)), ("年末前", date(2021, 12, 31))],
        ),
        ("年底完成", []),  # not "before"
        ("年内培育50家企业", [("年内", date(2021, 12, 31))]),
        ("严禁三年内有违法记录、5年内", []),
    ],
)
def test_a_bare_year_end_is_the_documents_year(text: str, found: list[tuple[str, date]]) -> None:
    assert [(d.wording, d.date) for d in find_dates(text, 2021)] == found
    assert all(d.before for d in find_dates(text, 2021))
    assert [d.wording for d in find_dates(text)] == [w for w, _ in found if w[0].isdigit()]


def test_year_end_deadline_in_a_document_printed_that_year() -> None:
    from importers.policy import parse_text

    document = parse_text(
        "一、任务\n"
        "1.建设平台。年底前，建成统一平台（省大数据局牵头，各市政府配合）。\n"
        "2.报送材料。每年年底前报送年度总结（省统计局负责）。\n"
        "山东省人民政府办公厅2019年3月15日印发\n"
    )
    assert document.issued_on == date(2019, 3, 15)
    first, second = document.measures
    assert (first.deadline, first.deadline_text) == (date(2019, 12, 31), "年底前")
    assert (first.tasks[0].deadline, second.deadline) == (date(2019, 12, 31), None)


def test_a_target_year_is_a_deadline() -> None:
    """``力争2025年…不低于…`` and ``争取2023年…``, like ``到2025年``: to be met by then."""
    found = find_dates("力争2025年每千人不低于3.5人，争取2023年建成，2019年基础上提速")
    assert [(d.wording, d.before) for d in found] == [
        ("2025年", True),
        ("2023年", True),
        ("2019年", False),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("6月底前完成", [("6月底前", date(2023, 6, 30), True)]),
        ("9月30日前建成", [("9月30日前", date(2023, 9, 30), True)]),
        ("今年6月底前完成", [("6月底前", date(2023, 6, 30), True)]),
        ("三季度末前完成", [("三季度末前", date(2023, 9, 30), True)]),
        ("上半年前完成试点", [("上半年前", date(2023, 6, 30), True)]),
        # Another year's, recurring, or no month at all: no date.
        ("每年2月底前报送", []),
        ("次年3月底前完成", []),
        ("每月10日前报送", []),
        ("用6个月时间完成", []),
        ("3月份开始", []),
        # A date in running text that is no deadline (上半年试点的基础上) is left alone.
        ("上半年在开发区试点的基础上", []),
        ("10月底完成", []),
    ],
)
def test_a_month_without_a_year_is_the_documents_year(
    text: str, found: list[tuple[str, date, bool]]
) -> None:
    assert [(p.wording, p.date, p.before) for p in find_dates(text, 2023)] == found
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("wording", "deadline"),
    [
        ("10月底", date(2023, 10, 31)),
        ("上半年", date(2023, 6, 30)),
        ("三季度末", date(2023, 9, 30)),
        ("第四季度", date(2023, 12, 31)),
        ("12月31日前", date(2023, 12, 31)),
    ],
)
def test_a_stated_deadline_without_a_year_is_in_the_documents_year(
    wording: str, deadline: date
) -> None:
    assert read_deadline(wording, 2023).date == deadline
    assert not read_deadline(wording).readable
