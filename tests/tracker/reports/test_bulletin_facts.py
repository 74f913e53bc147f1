"""二、主要成效 as a pick list: sentences from the round's facts, exact, and the notes."""

from __future__ import annotations

from datetime import date

from tracker.reports.report_bulletin import BulletinData, UnitLine
from tracker.reports.report_bulletin_facts import (
    AchievementChoice,
    achievement_choices,
    default_achievements,
)
from tracker.reports.report_data import Item, Tally
from tracker.reports.report_round_facts import DoneMeasure, ReportedNote, done_measures
from tracker.statuses import Status


def _tally(finished: int, assigned: int) -> Tally:
    by_status = {s: 0 for s in Status}
    by_status[Status.DONE] = finished
    by_status[Status.NOT_STARTED] = assigned - finished
    return Tally(1, assigned, by_status, 0, 0)


def _data(units: list[tuple[str, int, int, int | None]], before: bool = True) -> BulletinData:
    """``units`` as (name, finished now, assigned, finished the round before)."""
    lines = [
        UnitLine(name, _tally(now, assigned), None if old is None else _tally(old, assigned))
        for name, now, assigned, old in units
    ]
    total = _tally(sum(u[1] for u in units), sum(u[2] for u in units))
    return BulletinData(
        office="协调小组办公室",
        round_name="2021年第4季度",
        day=date(2021, 12, 20),
        issued=date(2021, 12, 20),
        previous_round="2021年第3季度" if before else None,
        now=total,
        before=total if before else None,
        parts=[],
        units=lines,
        overdue=[],
        due_soon=[],
        due_soon_days=15,
    )


def test_the_units_that_finished_tasks_this_round_are_named_with_their_counts() -> None:
    data = _data([("自治区公安厅", 5, 8, 2), ("银川市", 2, 2, 1), ("自治区财政厅", 1, 4, 1)])
    assert achievement_choices(data) == [
        AchievementChoice(
            "units", "本期2个单位新完成任务4项：自治区公安厅（3项）、银川市（1项）。", True
        ),
        AchievementChoice("complete", "银川市承担的任务已全部完成。", True),
    ]


def test_past_five_units_only_those_that_finished_more_than_one_are_the_most() -> None:
    units = [(f"单位{i}", n, 9, 0) for i, n in enumerate((4, 3, 1, 1, 1, 1, 1), start=1)]
    assert default_achievements(_data(units))[0] == (
        "本期7个单位新完成任务12项，其中单位1（4项）、单位2（3项）完成较多。"
    )
    ones = [(f"单位{i}", 1, 9, 0) for i in range(1, 8)]
    assert default_achievements(_data(ones))[0] == "本期7个单位新完成任务7项。"


def test_one_unit_gets_its_rate_and_without_a_round_before_the_counts_are_to_date() -> None:
    assert default_achievements(_data([("自治区公安厅", 3, 8, None)], before=False)) == [
        "截至2021年12月20日，1个单位完成任务3项：自治区公安厅（3项），完成率37.5%。"
    ]


def test_measures_finished_this_round_and_the_notes_are_offered_some_ticked() -> None:
    data = _data([("自治区公安厅", 0, 8, 0)])
    data.done_measures = [
        DoneMeasure(
            "宁政职转办〔2021〕1号", str(n), f"措施{n}", ("自治区公安厅", "银川市")[: n % 2 + 1]
        )
        for n in range(1, 13)
    ]
    data.notes = [
        ReportedNote("自治区公安厅", "1", "企业开办压缩至1个工作日；", True),
        ReportedNote("自治区公安厅", "2", "已印发细则", True),
        ReportedNote("银川市", "1", "已全面推开。", False),
    ]
    choices = achievement_choices(data)
    assert [(c.kind, c.ticked) for c in choices] == [
        *[("measure", n < 3) for n in range(10)],
        ("note", True),
        ("note", False),  # a second note of the same unit: offered, not ticked
        ("note", True),
    ]
    assert [c.text for c in choices[:2]] == [
        "宁政职转办〔2021〕1号第1项“措施1”的2个责任单位本期均已完成。",
        "自治区公安厅本期完成宁政职转办〔2021〕1号第2项“措施2”。",
    ]
    assert [c.text for c in choices[10:]] == [
        "自治区公安厅：企业开办压缩至1个工作日。",
        "自治区公安厅：已印发细则。",
        "银川市：已全面推开。",
    ]


def _item(measure: int, unit: str, status: Status) -> Item:
    return Item(
        measure, "文件", "部分", 1, measure, measure, str(measure), f"措施{measure}", unit,
        "", status, None, None, False, False,
    )  # fmt: skip


def test_a_measure_is_done_when_every_unit_finished_and_new_when_not_done_before() -> None:
    done, todo, off = Status.DONE, Status.IN_PROGRESS, Status.TICKED_OFF
    now = [_item(1, "甲", done), _item(1, "乙", off), _item(2, "甲", done), _item(2, "乙", todo)]
    now += [_item(3, "甲", done)]
    before = [_item(1, "甲", done), _item(1, "乙", todo), _item(3, "甲", done)]
    assert done_measures(now, before) == [DoneMeasure("文件", "1", "措施1", ("甲", "乙"))]
    assert [m.code for m in done_measures(now, None)] == ["1", "3"]
