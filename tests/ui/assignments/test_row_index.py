"""Filtering the rows in memory gives exactly what the database query gives."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.tracker.conftest import TODAY, sample_document, source
from tracker.errors import InvalidInputError
from tracker.progress import progress_service as progress
from tracker.progress.overview import AssignmentFilter
from tracker.progress.progress_service import Change
from tracker.progress.row_index import RowIndex, in_memory
from tracker.services import Services
from tracker.statuses import Status
from ui.assignments import progress_commands
from ui.window.filter_bar import Scope

FILTERS = [
    AssignmentFilter(),
    AssignmentFilter(document="1"),
    AssignmentFilter(document="2"),
    AssignmentFilter(unit="自治区公安厅"),
    AssignmentFilter(status=Status.STANDING),
    AssignmentFilter(overdue=True),
    AssignmentFilter(overdue=True, unit="自治区公安厅"),
    AssignmentFilter(overdue=True, document="2", unit="自治区公安厅"),
    AssignmentFilter(due_within_days=9),
    AssignmentFilter(due_within_days=8),
    AssignmentFilter(due_within_days=0),
    AssignmentFilter(search="网办"),  # a title
    AssignmentFilter(search="公安"),  # a unit's name, and measure 1's text
    AssignmentFilter(search="税务"),  # a unit's name only
    AssignmentFilter(search="2"),  # a code
    AssignmentFilter(search="零费用", unit="宁夏税务局"),
    AssignmentFilter(search="厅", overdue=True, document="1"),
    AssignmentFilter(search="没有这样的措施"),
]


@pytest.fixture
def two_documents(services: Services) -> Services:
    services.documents.import_parsed(sample_document("宁政办〔2021〕10号"), source(sha="b" * 64))
    return services


def select(services: Services, wanted: AssignmentFilter, scope: Scope | None = None) -> list[int]:
    index = RowIndex(services.overview.assignments(), TODAY)
    measures = services.overview.matching_measures(wanted.search)
    return [r.id for r in index.pick(index.select(wanted, scope, measures))]


def select_with_texts(services: Services, wanted: AssignmentFilter) -> list[int]:
    """The index holding the measures' texts searches them itself."""
    index = RowIndex(services.overview.assignments(), TODAY, services.overview.measure_texts())
    return [r.id for r in index.pick(index.select(wanted))]


@pytest.mark.parametrize("wanted", FILTERS, ids=repr)
def test_memory_and_database_agree(two_documents: Services, wanted: AssignmentFilter) -> None:
    assert in_memory(wanted)
    expected = [r.id for r in two_documents.overview.assignments(wanted)]
    assert select(two_documents, wanted) == expected
    assert select_with_texts(two_documents, wanted) == expected


def test_a_part_or_section_agrees_with_the_database(two_documents: Services) -> None:
    [first, second] = two_documents.documents.outline()
    part = second.parts[0]
    section = part.sections[0]
    for scope in (
        Scope(second.id, part.title, None, part.id),
        Scope(second.id, part.title, section.title, section.id),
    ):
        for wanted in (AssignmentFilter(), AssignmentFilter(unit="自治区公安厅")):
            narrowed = AssignmentFilter(unit=wanted.unit, heading_id=scope.heading_id)
            expected = [r.id for r in two_documents.overview.assignments(narrowed)]
            assert expected and select(two_documents, wanted, scope) == expected
    assert first.id != second.id


def test_edited_rows_are_refiled(two_documents: Services) -> None:
    overview = two_documents.overview
    index = RowIndex(overview.assignments(), TODAY)
    overdue = AssignmentFilter(overdue=True)
    row = index.pick(index.select(overdue))[0]
    two_documents.progress.record(row.id, Change(status=Status.DONE))
    index.replace(overview.assignments(AssignmentFilter(ids=(row.id,))))
    for wanted in (overdue, AssignmentFilter(status=Status.DONE), AssignmentFilter()):
        assert [r.id for r in index.pick(index.select(wanted))] == [
            r.id for r in overview.assignments(wanted)
        ]


def test_a_new_day_moves_deadlines(two_documents: Services) -> None:
    index = RowIndex(two_documents.overview.assignments(), TODAY)
    overdue = AssignmentFilter(overdue=True)
    before = len(index.select(overdue))
    later = TODAY + timedelta(days=30)  # measure 2's deadline (10 July) has passed too
    assert len(index.select(overdue, today=later)) == before + 4


def test_what_memory_cannot_answer_goes_to_the_database() -> None:
    assert in_memory(AssignmentFilter(search="网办"))
    assert not in_memory(AssignmentFilter(ids=(1, 2)))
    assert not in_memory(AssignmentFilter(measure_id=1))
    assert not in_memory(AssignmentFilter(round="第1轮"))


def test_the_window_records_manual_edits_under_the_services_name() -> None:
    assert progress_commands.MANUAL == progress.MANUAL


def test_negative_days_are_refused_in_memory_as_in_the_database(two_documents: Services) -> None:
    wanted = AssignmentFilter(due_within_days=-1)
    index = RowIndex(two_documents.overview.assignments(), TODAY)
    for ask in (lambda: index.select(wanted), lambda: two_documents.overview.assignments(wanted)):
        with pytest.raises(InvalidInputError, match="the number of days cannot be negative"):
            ask()


@pytest.mark.parametrize(
    ("needle", "expected"),
    [
        ("第2条", {("2", "自治区公安厅"), ("2", "宁夏税务局")}),
        ("第二条", {("2", "自治区公安厅"), ("2", "宁夏税务局")}),
        ("（2）", {("2", "自治区公安厅"), ("2", "宁夏税务局")}),
        ("税务", {("2", "宁夏税务局")}),
        ("宁税", {("2", "宁夏税务局")}),  # the unit's short name (an alias in the directory)
    ],
)
def test_search_by_number_as_a_clerk_says_it_and_by_short_name(
    services: Services, needle: str, expected: set[tuple[str, str]]
) -> None:
    services.units.add_alias("宁夏税务局", "宁税")
    wanted = AssignmentFilter(search=needle)
    from_database = services.overview.assignments(wanted)
    assert {(r.code, r.unit) for r in from_database} == expected
    aliases = {u.name: u.aliases for u in services.units.list() if u.aliases}
    index = RowIndex(
        services.overview.assignments(), TODAY, services.overview.measure_texts(), aliases
    )
    assert [r.id for r in index.pick(index.select(wanted))] == [r.id for r in from_database]
