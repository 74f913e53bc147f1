"""Properties: no text crashes the parser; page breaks inside a measure change nothing."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from importers.policy import ParsedDocument, parse_lines, parse_text
from importers.policy.markers import read_marker
from importers.policy.repair import repair_lines
from importers.policy.sources import SourceTable
from importers.policy.textnorm import normalize_line

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "policy"
SEED_LIKE = [
    "straight_responsibility.txt",
    "restart_per_part.txt",
    "cn_numbered_cooperate.txt",
    "paren_measures.txt",
]

POLICY_ALPHABET = st.sampled_from(
    [
        *"一二三十、（）()〔〕[]“”《》1234567890.．。，：；:; \n\t",
        *("责任单位：", "完成时限：", "牵头单位：", "配合单位：", "负责", "牵头", "会同有关部门"),
        *("按职责分工", "自治区", "财政厅", "各市、县〔区〕", "等相关部门", "2021年", "6月底"),
        *("年底前", "长期坚持", "关于", "的通知", "国发〔2019〕3号", "2019年1月12日"),
        "排在第一位的部门为牵头部门",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_parses(text: str) -> None:
    document = parse_text(text)
    assert isinstance(document, ParsedDocument)
    document.to_json()


@settings(max_examples=300, deadline=None)
@given(st.lists(POLICY_ALPHABET, max_size=200).map("".join))
def test_policy_shaped_noise_parses(text: str) -> None:
    document = parse_text(text)
    for measure in document.measures:
        assert measure.code
        assert len(set(measure.units)) == len(measure.units)
        assert set(measure.lead_units) <= set(measure.units) or not measure.units
    assert len({m.code for m in document.measures}) == len(document.measures)


TABLE_CELLS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(
        [
            *("序号", "重点任务", "牵头单位", "责任单位", "完成时限", "一、甲组", "1"),
            *("推进改革。", "省财政厅、审计厅", "长期坚持", "2021年底", "尽快", ""),
        ]
    ),
)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(TABLE_CELLS, min_size=1, max_size=6), max_size=6),
        max_size=3,
    )
)
def test_any_tables_parse(tables: list[list[list[str]]]) -> None:
    sources = [SourceTable(1, tuple(tuple(row) for row in rows)) for rows in tables]
    document = parse_lines(["关于甲的通知", "1.甲。（省财政厅负责）"], sources)
    assert len({m.code for m in document.measures}) == len(document.measures)


def without_marker(line: str) -> str:
    text = normalize_line(line)
    marker = read_marker(text)
    return (marker.rest if marker else text).replace(" ", "")


def measure_lines(lines: list[str], document: ParsedDocument) -> list[list[int]]:
    """For each measure, the 0-based indexes of the source lines that hold its text."""
    starts = sorted(p.line for p in repair_lines(lines) if read_marker(p.text))
    spans = []
    for measure in document.measures:
        following = [s for s in starts if s > measure.line]
        end = following[0] if following else len(lines) + 1
        text = measure.text.replace(" ", "")
        spans.append(
            [
                number - 1
                for number in range(measure.line, end)
                if without_marker(lines[number - 1]) and without_marker(lines[number - 1]) in text
            ]
        )
    return spans


def summary(document: ParsedDocument) -> list[tuple[object, ...]]:
    return [(m.code, m.units, m.lead_units, m.deadline, m.standing) for m in document.measures]


@functools.cache
def baseline(path: Path) -> tuple[list[str], list[tuple[object, ...]], list[list[int]]]:
    """The document's lines, what it parses to, and the source lines of each measure."""
    lines = path.read_text(encoding="utf-8").splitlines()
    document = parse_text("\n".join(lines))
    spans = [span for span in measure_lines(lines, document) if span]
    return lines, summary(document), spans


def split_inside_a_measure(path: Path, data: st.DataObject) -> list[str]:
    """The document with one of its measures cut by a page break, and blank lines added."""
    lines, _, spans = baseline(path)
    span = data.draw(st.sampled_from(spans), label="measure")
    index = data.draw(st.sampled_from(span), label="line")
    line = lines[index].rstrip()
    cut = data.draw(st.integers(1, max(1, len(line) - 1)), label="cut")
    gap = data.draw(st.sampled_from(["\n", "\n\n", "\n\n\n", "\n \n\f\n"]), label="page break")
    changed = [*lines[:index], *f"{line[:cut]}{gap}{line[cut:]}".split("\n"), *lines[index + 1 :]]
    blanks = data.draw(st.lists(st.integers(0, len(changed)), max_size=5), label="blank lines")
    for position in sorted(blanks, reverse=True):
        changed.insert(position, "")
    return changed


@pytest.mark.parametrize("name", SEED_LIKE)
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_page_break_inside_a_measure_changes_nothing(name: str, data: st.DataObject) -> None:
    path = FIXTURES / name
    changed = split_inside_a_measure(path, data)
    assert summary(parse_text("\n".join(changed))) == baseline(path)[1]


@pytest.mark.needs_shared
@pytest.mark.parametrize("seed", ["seed_000", "seed_003"])
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_page_break_inside_a_seed_measure_changes_nothing(
    seed: str, data: st.DataObject, request: pytest.FixtureRequest
) -> None:
    path: Path = request.getfixturevalue(seed)
    changed = split_inside_a_measure(path, data)
    assert summary(parse_text("\n".join(changed))) == baseline(path)[1]
