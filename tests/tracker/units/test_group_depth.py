"""Groups within groups nest at most ``MAX_LEVELS`` deep: the directory refuses a deeper
nesting, and the roll-ups, which recurse no deeper, log the group where a database
changed by other means (a cycle written into it) stops them."""

from __future__ import annotations

import logging

import pytest

from tracker.errors import InvalidInputError
from tracker.progress.summary_tally import GroupTotals
from tracker.services import Services
from tracker.statuses import Status
from tracker.units.group_rollup import MAX_LEVELS, SharePart, nested_roll_up


def test_the_directory_refuses_a_ninth_level(services: Services) -> None:
    groups = services.groups
    assert MAX_LEVELS == 8
    groups.set_members("第8层", ["甲村", "乙村"], create=True)
    for level in range(7, 0, -1):  # 第7层 holds 第8层, …, 第1层 holds 第2层: 8 levels
        groups.set_members(f"第{level}层", [f"第{level + 1}层"], create=True)
    with pytest.raises(InvalidInputError) as refused:
        groups.set_members("第0层", ["第1层"], create=True)
    assert str(refused.value) == "groups would nest 9 levels deep under 第0层; at most 8"
    with pytest.raises(InvalidInputError) as refused:  # deeper from below: the top is named
        groups.set_members("甲村", ["一组"], create=True)
    assert str(refused.value) == "groups would nest 9 levels deep under 第1层; at most 8"
    assert groups.members("甲村") == ()
    groups.set_members("丙组", ["第2层"], create=True)  # 8 levels again: allowed
    assert groups.members("丙组") == ("第2层",)


def test_a_cycle_in_the_database_stops_the_roll_up_with_a_log_entry(
    caplog: pytest.LogCaptureFixture,
) -> None:
    done = SharePart(Status.DONE, 100, False)
    with caplog.at_level(logging.WARNING, logger="tracker.units.group_rollup"):
        states = nested_roll_up({"甲": [done], "乙": [done]}, {"甲": {"乙"}, "乙": {"甲"}})
    assert (states["甲"].status, states["甲"].members) == (Status.DONE, 2)
    assert [r.getMessage() for r in caplog.records] == [
        "groups nested more than 8 levels deep at 乙: the shares below are not counted "
        "(a cycle in the directory?)"
    ]


def test_the_totals_of_a_cycle_stop_with_a_log_entry_naming_the_group(
    caplog: pytest.LogCaptureFixture,
) -> None:
    totals = GroupTotals()
    totals.add("兴庆区", "银川市", 1, Status.DONE, False, "各市、县（区）")
    totals.add("银川市", "各市、县（区）", 1, Status.IN_PROGRESS, True, "银川市")
    with caplog.at_level(logging.WARNING, logger="tracker.units.group_rollup"):
        stats = totals.stats()
    assert [(s.name, s.tasks, s.done, s.overdue, s.shares) for s in stats] == [
        ("各市、县（区）", 1, 0, 1, 8),
        ("银川市", 1, 0, 1, 8),
    ]
    assert {r.getMessage().split(": ")[0] for r in caplog.records} == {
        "groups nested more than 8 levels deep at 各市、县（区）",
        "groups nested more than 8 levels deep at 银川市",
    }
