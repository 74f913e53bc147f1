"""A finding is rectified by one unit: never recorded for a group (各市、县（区）), whose
members answer it one by one, nor for a collective with no member units yet — such a
finding would be sent in the group's own ledger, which issue 13 says nobody gets, and
no chaser could go to it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from tests.tracker.inspections.conftest import INSPECTION, finding
from tests.tracker.inspections.test_finding_list import problem_list
from tracker.errors import InvalidInputError
from tracker.services import Services

GROUP = "各市、县（区）"


def cities(services: Services) -> None:
    """银川市 (its counties answer directly) and 石嘴山市 are the group's members."""
    services.groups.set_members(GROUP, ["银川市", "石嘴山市"], create=True)
    services.groups.set_members("银川市", ["兴庆区", "金凤区"], create=True)
    services.groups.set_members_report_directly(GROUP, True)


def test_a_group_is_refused_naming_the_units_that_answer_for_it(inspected: Services) -> None:
    cities(inspected)
    with pytest.raises(
        InvalidInputError,
        match=re.escape(
            "a finding is rectified by one unit, and 各市、县（区） is a group: "
            "record it for each member that must rectify it (兴庆区、金凤区、石嘴山市)"
        ),
    ):
        inspected.inspections.add_finding(finding(GROUP, date(2021, 8, 31), "1", 4))
    inspected.groups.set_members_report_directly(GROUP, False)
    with pytest.raises(InvalidInputError, match=re.escape("(银川市、石嘴山市)")):
        inspected.inspections.add_finding(finding(GROUP, date(2021, 8, 31), "1", 4))
    made = inspected.inspections.add_finding(finding("石嘴山市", date(2021, 8, 31), "1", 4))
    assert (made.id, made.unit) == (4, "石嘴山市")
    assert [r.unit for r in inspected.inspections.findings()] == [
        "自治区市场监管厅",
        "自治区公安厅",
        "自治区市场监管厅",
        "石嘴山市",
    ]


def test_a_collective_without_members_is_refused(inspected: Services) -> None:
    with pytest.raises(
        InvalidInputError,
        match=re.escape(
            "a finding is rectified by one unit, and 各市、县（区） is a collective with no "
            "member units yet: record it for the unit that must rectify it"
        ),
    ):
        inspected.inspections.add_finding(finding(GROUP, date(2021, 8, 31), None, 4))
    assert len(inspected.inspections.findings()) == 3


def test_a_list_naming_a_group_is_refused_at_its_cell(inspected: Services, tmp_path: Path) -> None:
    cities(inspected)
    lines = [
        [1, INSPECTION, None, None, GROUP, "1", "材料重复提交", "清理材料", "2021-08-31"],
        [2, INSPECTION, None, None, "兴庆区", "1", "材料重复提交", "清理材料", "2021-08-31"],
    ]
    preview = inspected.inspections.preview_list(problem_list(tmp_path / "清单.xlsx", lines))
    assert [str(e) for e in preview.errors] == [
        "问题清单!E3: a finding is rectified by one unit, and 各市、县（区） is a group: "
        "record it for each member that must rectify it (兴庆区、金凤区、石嘴山市)"
    ]
    assert [(p.row, p.finding.unit) for p in preview.findings] == [(4, "兴庆区")]


def test_the_window_offers_only_units_that_can_rectify(inspected: Services) -> None:
    offered = inspected.inspections.unit_names()
    assert GROUP not in offered
    assert {"自治区市场监管厅", "自治区公安厅"} <= set(offered)
    cities(inspected)
    offered = inspected.inspections.unit_names()
    assert [u for u in offered if u in (GROUP, "银川市", "兴庆区", "金凤区", "石嘴山市")] == [
        "石嘴山市",
        "兴庆区",
        "金凤区",
    ]
