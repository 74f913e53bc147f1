"""Status rules: derived states, a measure's status, and their SQL twins agreeing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.tracker.conftest import TODAY, sample_document, source
from tracker.database_settings import DUE_SOON_DAYS
from tracker.progress.overview import AssignmentFilter
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import (
    Derived,
    Status,
    derive,
    is_due_soon,
    is_overdue,
    measure_status,
    parse_status,
)
from tracker.store import Clock


def test_derived_states() -> None:
    today = date(2021, 7, 1)
    assert derive(Status.IN_PROGRESS, date(2021, 6, 30), today, 15) is Derived.OVERDUE
    assert derive(Status.IN_PROGRESS, date(2021, 7, 1), today, 15) is Derived.DUE_SOON
    assert derive(Status.IN_PROGRESS, date(2021, 7, 16), today, 15) is Derived.DUE_SOON
    assert derive(Status.IN_PROGRESS, date(2021, 7, 17), today, 15) is Derived.IN_PROGRESS
    assert derive(Status.DONE, date(2021, 6, 30), today, 15) is Derived.DONE
    assert derive(Status.TICKED_OFF, date(2021, 6, 30), today, 15) is Derived.TICKED_OFF
    assert derive(Status.STANDING, date(2021, 6, 30), today, 15) is Derived.STANDING
    assert derive(Status.NOT_STARTED, None, today, 15) is Derived.NOT_STARTED


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], None),
        ([Status.TICKED_OFF, Status.TICKED_OFF], Status.TICKED_OFF),
        ([Status.TICKED_OFF, Status.DONE], Status.DONE),
        ([Status.NOT_STARTED, Status.NOT_STARTED], Status.NOT_STARTED),
        ([Status.NOT_STARTED, Status.DONE], Status.IN_PROGRESS),
        ([Status.STANDING, Status.DONE], Status.STANDING),
        ([Status.STANDING, Status.NOT_STARTED], Status.IN_PROGRESS),
    ],
)
def test_a_measures_status_follows_its_least_advanced_unit(
    statuses: list[Status], expected: Status | None
) -> None:
    assert measure_status(statuses) == expected


def test_parse_status_names_the_allowed_words() -> None:
    assert parse_status(" 推进中 ") is Status.IN_PROGRESS
    with pytest.raises(ValueError, match="未启动、推进中、已完成、已销号、长期坚持"):
        parse_status("差不多")


@settings(max_examples=30, deadline=None)
@given(
    offsets=st.lists(st.integers(-40, 40), min_size=1, max_size=1),
    status=st.sampled_from(list(Status)),
    days=st.integers(0, 30),
)
def test_sql_filters_agree_with_the_python_rules(
    tmp_path_factory: pytest.TempPathFactory, offsets: list[int], status: Status, days: int
) -> None:
    folder = tmp_path_factory.mktemp("db")
    services = Services.open(folder / "t.sqlite3", clock=Clock(TODAY), create=True)
    try:
        doc = sample_document()
        deadline = TODAY + timedelta(days=offsets[0])
        doc.measures[1].deadline = deadline
        services.documents.import_parsed(doc, source())
        services.progress.record_by_code("2", "宁夏税务局", Change(status=status))
        services.settings.set(DUE_SOON_DAYS, days)
        overdue = {
            (r.code, r.unit) for r in services.overview.assignments(AssignmentFilter(overdue=True))
        }
        soon = {
            (r.code, r.unit)
            for r in services.overview.assignments(AssignmentFilter(due_within_days=days))
        }
        key = ("2", "宁夏税务局")
        assert (key in overdue) == is_overdue(status, deadline, TODAY)
        assert (key in soon) == is_due_soon(status, deadline, TODAY, days)
        [row] = [r for r in services.overview.assignments() if (r.code, r.unit) == key]
        assert row.state == derive(status, deadline, TODAY, days)
    finally:
        services.close()
