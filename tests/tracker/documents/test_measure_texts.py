"""Searching measures in memory answers exactly what the database's LIKE answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.policy import parse_file
from tests.tracker.conftest import sample_document, source
from tracker.documents.measure_texts import MeasureTexts, fold
from tracker.queries import contains_pattern
from tracker.services import Services


def test_fold_lowers_ascii_letters_only() -> None:
    assert fold("ABC abc ＡＢＣ 营商") == "abc abc ＡＢＣ 营商"


def test_contains_pattern_takes_wildcards_literally() -> None:
    assert contains_pattern("50%") == "%50\\%%"
    assert contains_pattern("a_b\\c") == "%a\\_b\\\\c%"


def test_matching_by_code_title_and_text() -> None:
    texts = MeasureTexts(
        [
            (1, "1", "推进企业开办", "推进企业开办全程网办。（责任单位：自治区市场监管厅）"),
            (2, "2", "推广 APP 服务", "推广“我的宁夏”APP，覆盖率达到50%。"),
            (3, "10", "压实责任", "压实工作责任。"),
        ]
    )
    assert len(texts) == 3
    assert texts.matching("企业开办") == {1}
    assert texts.matching("app") == {2}  # ASCII letters ignore case
    assert texts.matching("50%") == {2}  # % is a character, not a wildcard
    assert texts.matching("5_%") == set()
    assert texts.matching("1") == {1}  # the code itself; "10" does not contain a match in text
    assert texts.matching("10") == {3}
    assert texts.matching("办推") == set()  # not across the title and the text
    assert texts.matching("  ") == set()


def test_same_answers_as_the_database(services: Services) -> None:
    services.documents.import_parsed(sample_document(), source())
    texts = services.overview.measure_texts()
    assert len(texts) == 4
    for needle in ("零费用", "责任单位", "3", "企业", "完成时限", "50%", "_", "不存在的词", " "):
        assert texts.matching(needle) == services.overview.matching_measures(needle), needle


@pytest.mark.needs_shared
def test_same_answers_as_the_database_on_the_seeds(
    services: Services, seed_000: Path, seed_003: Path
) -> None:
    for seed in (seed_000, seed_003):
        parsed, info = parse_file(seed)
        services.documents.import_parsed(parsed, info)
    texts = services.overview.measure_texts()
    assert len(texts) == 126
    needles = ["营商", "审批", "企业", "政务服务", "自治区", "年底", "1", "12", "3.2", "“"]
    for needle in needles:
        expected = services.overview.matching_measures(needle)
        assert texts.matching(needle) == expected, needle
    assert len(texts.matching("企业")) == len(services.overview.matching_measures("企业")) > 20


def test_measure_code_reads_a_number_as_a_clerk_writes_it() -> None:
    from tracker.documents.measure_texts import measure_code

    assert [
        measure_code(t)
        for t in (
            "第38条",
            "第 38 条",
            "第三十八条",
            "三十八条",
            "（38）",
            "38",
            "３８",
            "1.2",
            "第1.2项",
        )
    ] == ["38", "38", "38", "38", "38", "38", "38", "1.2", "1.2"]
    assert [measure_code(t) for t in ("三", "企业", "第二批")] == ["三", "企业", "第二批"]


def test_a_sub_tasks_code_names_its_measure() -> None:
    from tracker.documents.measure_texts import measure_code

    assert [measure_code(t) for t in ("3-1", "3 - 12", "３－２", "1.2-3", "3-", "-1")] == [
        "3",
        "3",
        "3",
        "1.2",
        "3-",
        "-1",
    ]
