"""Short unit names from the directory's aliases (issue 18 item 2)."""

from __future__ import annotations

from tracker.units.short_names import is_abbreviation, short_name


def test_an_alias_whose_characters_follow_the_name_in_order_is_its_short_name() -> None:
    assert short_name("自治区住房和城乡建设厅", ["住建厅"]) == "住建厅"
    assert short_name("自治区公安厅", ["公安厅", "区公安厅"]) == "公安厅"


def test_other_aliases_are_not_short_names() -> None:
    assert short_name("自治区住房和城乡建设厅", ["自治区建委"]) is None  # an old name
    assert short_name("自治区公安厅", ["公安局"]) is None  # 局 is not in the name
    assert short_name("自治区公安厅", ["厅"]) is None  # too short to tell units apart
    assert short_name("宁夏税务局", ["宁夏税务"]) is None  # hardly shorter
    assert short_name("自治区公安厅", []) is None


def test_is_abbreviation_keeps_the_order_of_the_characters() -> None:
    assert is_abbreviation("住建厅", "自治区住房和城乡建设厅")
    assert not is_abbreviation("建住厅", "自治区住房和城乡建设厅")
