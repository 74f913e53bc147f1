"""A clerk's corrections to the sub-tasks before import: split, merge, roles, units (issue 16)."""

from __future__ import annotations

from datetime import date

import pytest

from importers.policy import ParsedDocument, ParsedMilestone, parse_text
from tracker.documents.task_edits import (
    TaskRef,
    add_unit,
    merge_with_next,
    remove_unit,
    sentence_ends,
    set_lead,
    split_task,
    task_code,
)
from tracker.errors import InvalidInputError

TEXT = (
    "一、任务\n"
    "1.推进甲。建设甲平台（省发展改革委牵头，省财政厅、各有关部门配合）。"
    "2025年底前完成乙（省科技厅负责）。\n"
    "2.推进丙。做丙，2024年6月底前建成丁。2026年底前完成戊（省教育厅负责，省民政厅配合）\n"
)


@pytest.fixture
def document() -> ParsedDocument:
    return parse_text(TEXT)


def rows(document: ParsedDocument, measure: int) -> list[tuple[str, list[str], list[str]]]:
    """Each task of a measure as (text, leads, units)."""
    return [(t.text, t.lead_units, t.units) for t in document.measures[measure].tasks]


def test_sentence_ends_are_the_places_to_split(document: ParsedDocument) -> None:
    text = document.measures[1].tasks[0].text
    assert text == "推进丙。做丙，2024年6月底前建成丁。2026年底前完成戊"
    assert sentence_ends(text) == [4, 20]
    assert sentence_ends("只有一句。") == []


def test_split_at_a_sentence_gives_the_second_part_its_units(document: ParsedDocument) -> None:
    edited = split_task(
        document, TaskRef(1, 0), 20, first_units=["省教育厅"], second_units=["省民政厅"]
    )
    assert rows(edited, 1) == [
        ("推进丙。做丙，2024年6月底前建成丁", ["省教育厅"], ["省教育厅"]),
        ("2026年底前完成戊", ["省民政厅"], ["省民政厅"]),  # led by its only unit
    ]
    first, second = edited.measures[1].tasks
    assert (first.deadline, first.deadline_text) == (date(2024, 6, 30), "2024年6月底前")
    assert first.milestones == [ParsedMilestone(date(2024, 6, 30), "2024年6月底前建成丁")]
    assert (second.deadline, second.deadline_text) == (date(2026, 12, 31), "2026年底前")
    assert [m.date for m in second.milestones] == [date(2026, 12, 31)]
    measure = edited.measures[1]
    assert (measure.lead_units, measure.units) == (["省教育厅"], ["省教育厅", "省民政厅"])
    both = split_task(document, TaskRef(1, 0), 20, second_units=["省民政厅", "省教育厅", "省外办"])
    assert rows(both, 1)[1] == ("2026年底前完成戊", ["省教育厅"], ["省教育厅", "省民政厅"])
    assert [task_code(measure, i) for i in range(2)] == ["2-1", "2-2"]
    # the original is untouched (the preview keeps it for undo), the other measure shared
    assert rows(document, 1) == [
        (
            "推进丙。做丙，2024年6月底前建成丁。2026年底前完成戊",
            ["省教育厅"],
            ["省教育厅", "省民政厅"],
        )
    ]
    assert edited.measures[0] is document.measures[0]


def test_split_without_units_copies_them_and_keeps_the_deadline(
    document: ParsedDocument,
) -> None:
    edited = split_task(document, TaskRef(1, 0), 4)
    assert rows(edited, 1) == [
        ("推进丙", ["省教育厅"], ["省教育厅", "省民政厅"]),
        ("做丙，2024年6月底前建成丁。2026年底前完成戊", ["省教育厅"], ["省教育厅", "省民政厅"]),
    ]
    assert [t.deadline for t in edited.measures[1].tasks] == [date(2026, 12, 31)] * 2


def test_a_split_at_the_edge_is_refused(document: ParsedDocument) -> None:
    with pytest.raises(InvalidInputError) as error:
        split_task(document, TaskRef(1, 0), 0)
    assert error.value.message == "task 2 cannot be split there: both parts need some text"


def test_merge_two_adjacent_tasks(document: ParsedDocument) -> None:
    edited = merge_with_next(document, TaskRef(0, 0))
    assert rows(edited, 0) == [
        (
            "建设甲平台。2025年底前完成乙",
            ["省发展改革委", "省科技厅"],
            ["省发展改革委", "省科技厅", "省财政厅", "各有关部门"],
        )
    ]
    [task] = edited.measures[0].tasks
    assert (task.deadline, task.deadline_text) == (date(2025, 12, 31), "2025年底前")
    assert task_code(edited.measures[0], 0) == "1"
    with pytest.raises(InvalidInputError) as error:
        merge_with_next(edited, TaskRef(0, 0))
    assert error.value.message == "task 1 has no next task to merge with"


def test_split_then_merge_gives_the_task_back(document: ParsedDocument) -> None:
    edited = merge_with_next(split_task(document, TaskRef(1, 0), 20), TaskRef(1, 0))
    assert rows(edited, 1) == rows(document, 1)


def test_change_a_role(document: ParsedDocument) -> None:
    edited = set_lead(document, TaskRef(0, 0), "省财政厅", True)
    assert rows(edited, 0)[0] == (
        "建设甲平台",
        ["省发展改革委", "省财政厅"],
        ["省发展改革委", "省财政厅", "各有关部门"],
    )
    edited = set_lead(edited, TaskRef(0, 0), "省发展改革委", False)
    assert rows(edited, 0)[0] == (
        "建设甲平台",
        ["省财政厅"],
        ["省财政厅", "省发展改革委", "各有关部门"],
    )
    measure = edited.measures[0]
    assert measure.lead_units == ["省财政厅"]
    assert measure.units == ["省财政厅", "省发展改革委", "各有关部门", "省科技厅"]
    with pytest.raises(InvalidInputError) as error:
        set_lead(edited, TaskRef(0, 1), "省财政厅", True)
    assert error.value.message == "task 1-2 does not name 省财政厅"


def test_remove_and_add_units(document: ParsedDocument) -> None:
    edited = remove_unit(document, TaskRef(0, 0), "各有关部门")
    assert rows(edited, 0)[0][2] == ["省发展改革委", "省财政厅"]
    assert edited.measures[0].units == ["省发展改革委", "省财政厅", "省科技厅"]
    edited = add_unit(edited, TaskRef(0, 1), "  省教育厅 ")
    edited = add_unit(edited, TaskRef(0, 1), "省人力资源社会保障厅", lead=True)
    assert rows(edited, 0)[1] == (
        "2025年底前完成乙",
        ["省科技厅", "省人力资源社会保障厅"],
        ["省科技厅", "省人力资源社会保障厅", "省教育厅"],
    )
    with pytest.raises(InvalidInputError) as error:
        add_unit(edited, TaskRef(0, 1), "省教育厅")
    assert error.value.message == "task 1-2 already names 省教育厅"
    with pytest.raises(InvalidInputError) as error:
        add_unit(edited, TaskRef(0, 1), " ")
    assert error.value.message == "type the unit's name"


def test_removing_the_last_unit_leaves_the_measure_unassigned(document: ParsedDocument) -> None:
    edited = remove_unit(document, TaskRef(1, 0), "省教育厅")
    edited = remove_unit(edited, TaskRef(1, 0), "省民政厅")
    assert edited.measures[1].unassigned
    assert (edited.measures[1].lead_units, edited.measures[1].tasks[0].units) == ([], [])
