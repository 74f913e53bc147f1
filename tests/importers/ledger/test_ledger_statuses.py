"""Status words units write, normalized to the five statuses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from importers.ledger.statuses import (
    STATUSES,
    SYNONYMS,
    UNIT_STATUSES,
    UnknownStatusError,
    normalize_status,
)


def test_the_allowed_statuses_in_order() -> None:
    assert STATUSES == ("未启动", "推进中", "已完成", "已销号", "长期坚持")
    assert UNIT_STATUSES == ("未启动", "推进中", "已完成", "长期坚持")


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("已完成", "已完成"),
        ("完成", "已完成"),
        ("已办结", "已完成"),
        ("推进中", "推进中"),
        ("正在推进", "推进中"),
        ("进行中", "推进中"),
        ("持续推进中", "推进中"),
        ("未启动", "未启动"),
        ("未开展", "未启动"),
        ("尚未启动", "未启动"),
        ("长期坚持", "长期坚持"),
        ("持续推进", "推进中"),
        ("已销号", "已销号"),
        ("  已完成\n", "已完成"),
        ("推进 中", "推进中"),
        ("\u3000未启动\u3000", "未启动"),
    ],
)
def test_synonyms(word: str, status: str) -> None:
    assert normalize_status(word) == status


@pytest.mark.parametrize("empty", [None, "", "   ", "\n"])
def test_empty_is_none(empty: str | None) -> None:
    assert normalize_status(empty) is None


def test_unknown_word_names_value_and_allowed() -> None:
    with pytest.raises(UnknownStatusError) as caught:
        normalize_status(" 差不多 ")
    assert caught.value.value == "差不多"
    assert (
        str(caught.value)
        == 'unknown status "差不多"; allowed: 未启动、推进中、已完成、已销号、长期坚持'
    )


def test_every_synonym_maps_to_an_allowed_status() -> None:
    assert set(SYNONYMS.values()) == set(STATUSES)


@given(st.text(max_size=8))
def test_result_is_always_allowed_or_an_error(word: str) -> None:
    try:
        result = normalize_status(word)
    except UnknownStatusError:
        return
    assert result is None or result in STATUSES
