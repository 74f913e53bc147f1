"""The units directory: kinds, aliases, contacts, groups, suggestions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.tracker.conftest import sample_document, source
from tracker.errors import InvalidInputError
from tracker.services import Services
from tracker.units.unit_service import classify_unit, suggestions


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("自治区财政厅", "部门"),
        ("各市、县（区）", "集体"),
        ("银川市人民政府", "地方"),
        ("石嘴山市", "地方"),
        ("人民银行银川中心支行", "其他"),
        ("国网宁夏电力公司", "其他"),
        ("银川海关", "其他"),
        ("宁夏税务局", "部门"),
    ],
)
def test_kinds(name: str, kind: str) -> None:
    assert classify_unit(name) == kind


def test_suggestions_ignore_the_level_prefix() -> None:
    known = ["自治区财政厅", "自治区高级法院", "银川市人民政府"]
    assert suggestions("自治区商务厅", known) == ()
    assert suggestions("自治区高级人民法院", known) == ("自治区高级法院",)
    assert suggestions("银川市", known) == ("银川市人民政府",)


def test_alias_contact_and_groups(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.units.add_alias("自治区公安厅", "公安厅")
    services.units.update_contact("公安厅", " 王五 ", "0951-1234567")
    police = next(u for u in services.units.list() if u.name == "自治区公安厅")
    assert (police.aliases, police.contact_person, police.phone) == (
        ("公安厅",),
        "王五",
        "0951-1234567",
    )
    with pytest.raises(InvalidInputError, match="merge"):
        services.units.add_alias("自治区公安厅", "宁夏税务局")
    services.units.mark_reviewed("自治区公安厅")
    assert not next(u for u in services.units.list() if u.name == "自治区公安厅").needs_review


def _suggestions_by_difflib_alone(name: str, known: list[str], limit: int = 3) -> tuple[str, ...]:
    """The rule ``suggestions`` implements, with difflib's full ratio for every pair."""
    import difflib
    import re

    level = re.compile(r"^(自治区|省|市|县|区|国家|中央|国务院)")
    kind = re.compile(r"(厅|局|委|办|院|部|委员会)$")
    core = level.sub("", name)
    stem = kind.sub("", core)
    scored = []
    for other in known:
        other_core = level.sub("", other)
        ratio = max(
            difflib.SequenceMatcher(None, core, other_core).ratio(),
            difflib.SequenceMatcher(None, stem, kind.sub("", other_core)).ratio()
            if len(stem) >= 2
            else 0.0,
        )
        if ratio >= 0.7 or (len(core) >= 2 and (core in other or other in name)):
            scored.append((-ratio, other))
    return tuple(other for _, other in sorted(scored)[:limit])


_NAME = st.text(
    alphabet="自治区市县公安财政厅局委办发展改革人民政府银川石嘴山", min_size=1, max_size=9
)


@given(name=_NAME, known=st.lists(_NAME, max_size=12, unique=True))
@settings(max_examples=300, deadline=None)
def test_suggestions_rule_out_pairs_without_changing_the_answer(
    name: str, known: list[str]
) -> None:
    assert suggestions(name, known) == _suggestions_by_difflib_alone(name, known)
