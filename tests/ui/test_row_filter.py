"""Filtering the rows in memory gives exactly what the database query gives."""

from __future__ import annotations

import pytest

from tests.tracker.conftest import TODAY
from tracker import progress
from tracker.overview import AssignmentFilter
from tracker.services import Services
from tracker.statuses import Status
from ui import progress_commands
from ui.row_filter import in_memory, pick

FILTERS = [
    AssignmentFilter(),
    AssignmentFilter(document="1"),
    AssignmentFilter(unit="自治区公安厅"),
    AssignmentFilter(status=Status.STANDING),
    AssignmentFilter(overdue=True),
    AssignmentFilter(overdue=True, unit="自治区公安厅"),
    AssignmentFilter(due_within_days=9),
    AssignmentFilter(due_within_days=8),
    AssignmentFilter(due_within_days=0),
]


@pytest.mark.parametrize("wanted", FILTERS, ids=repr)
def test_memory_and_database_agree(services: Services, wanted: AssignmentFilter) -> None:
    everything = services.overview.assignments()
    assert in_memory(wanted)
    assert pick(everything, wanted, TODAY) == services.overview.assignments(wanted)


def test_a_text_search_goes_to_the_database() -> None:
    assert not in_memory(AssignmentFilter(search="网办"))
    assert not in_memory(AssignmentFilter(ids=(1, 2)))


def test_the_window_records_manual_edits_under_the_services_name() -> None:
    assert progress_commands.MANUAL == progress.MANUAL
