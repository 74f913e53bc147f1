"""The state of every assignment as of a round, replayed from the history — exactly.

Runs on every configured database (SQLite, and PostgreSQL where set up): the
replay is one window-function query.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from db.models import ProgressEntry, Round
from tests.tracker.conftest import sample_document, source
from tracker.progress.history_entries import Provenance
from tracker.progress.progress_service import Change
from tracker.reports.report_data import previous_round, statuses_as_of, statuses_as_of_rounds
from tracker.reports.report_format import percent, points, signed, tenths
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock

TODAY = date(2021, 12, 20)


@pytest.fixture
def office(db_url: str) -> Iterator[Services]:
    opened = Services.open(db_url, clock=Clock(TODAY), user="测试员", create=True)
    opened.documents.import_parsed(sample_document(), source())
    with opened.store.transaction() as session:  # the document came in on 1 June
        session.execute(update(ProgressEntry).values(changed_at=datetime(2021, 6, 1, 9)))
    yield opened
    opened.close()


def record(
    services: Services, assignment_id: int, status: Status, when: datetime, round_id: int | None
) -> None:
    """A change as if made at ``when`` (the service stamps the real time)."""
    services.progress.record(
        assignment_id, Change(status=status), source=Provenance("测试", round_id)
    )
    with services.store.transaction() as session:
        last = session.scalars(
            select(ProgressEntry)
            .where(ProgressEntry.assignment_id == assignment_id)
            .order_by(ProgressEntry.id.desc())
        ).first()
        assert last is not None
        last.changed_at = when


def ids(services: Services) -> dict[tuple[str, str], int]:
    return {(r.code, r.unit): r.id for r in services.overview.assignments()}


def as_of(services: Services, name: str) -> dict[int, Status]:
    with services.store.reading() as session:
        chosen = session.scalars(select(Round).where(Round.name == name)).one()
        return statuses_as_of(session, chosen)


def test_state_as_of_each_round(office: Services) -> None:
    rounds = RoundService(office.store)
    q3 = rounds.create("2021年第3季度", date(2021, 9, 30))
    q4 = rounds.create("2021年第4季度", date(2021, 12, 31))
    a = ids(office)
    police1, market1, police2, tax2 = (
        a[("1", "自治区公安厅")],
        a[("1", "自治区市场监管厅")],
        a[("2", "自治区公安厅")],
        a[("2", "宁夏税务局")],
    )
    # In round Q3, though the ledger came back late (after Q3's as_of): counts for Q3.
    record(office, police1, Status.DONE, datetime(2021, 10, 15, 10), q3.id)
    # Round Q4, though stamped before Q3's as_of: not in Q3.
    record(office, market1, Status.IN_PROGRESS, datetime(2021, 9, 1, 10), q4.id)
    # Outside any round: by date; 23:30 on the as_of day still counts.
    record(office, police2, Status.IN_PROGRESS, datetime(2021, 9, 30, 23, 30), None)
    record(office, police2, Status.DONE, datetime(2021, 10, 1, 0, 5), None)
    # Ticked off in Q4 after being done in Q3.
    record(office, tax2, Status.DONE, datetime(2021, 9, 29, 8), q3.id)
    record(office, tax2, Status.TICKED_OFF, datetime(2021, 12, 10, 8), q4.id)

    q3_state = as_of(office, "2021年第3季度")
    q4_state = as_of(office, "2021年第4季度")
    everyone = set(a.values())
    assert set(q3_state) == set(q4_state) == everyone
    changed = {police1, market1, police2, tax2}
    assert {k: v for k, v in q3_state.items() if k in changed} == {
        police1: Status.DONE,
        market1: Status.NOT_STARTED,
        police2: Status.IN_PROGRESS,
        tax2: Status.DONE,
    }
    assert {k: v for k, v in q4_state.items() if k in changed} == {
        police1: Status.DONE,
        market1: Status.IN_PROGRESS,
        police2: Status.DONE,
        tax2: Status.TICKED_OFF,
    }
    untouched = everyone - changed
    standing = a[("4", "自治区政府办公厅")]
    assert all(
        q3_state[i] is q4_state[i] is (Status.STANDING if i == standing else Status.NOT_STARTED)
        for i in untouched
    )
    with office.store.reading() as session:
        q4_row = session.get(Round, q4.id)
        assert q4_row is not None
        before = previous_round(session, q4_row)
        assert before is not None and before.name == "2021年第3季度"
        assert previous_round(session, before) is None
        # The bulletin asks for both rounds in one pass: the same answers as one at a time.
        assert statuses_as_of_rounds(session, [q4_row, before]) == [q4_state, q3_state]
        assert statuses_as_of_rounds(session, []) == []


def test_assignments_made_after_a_round_are_not_in_it(office: Services) -> None:
    rounds = RoundService(office.store)
    early = rounds.create("2021年第1季度", date(2021, 3, 31))
    later = rounds.create("2021年第2季度", date(2021, 6, 30))
    assert as_of(office, early.name) == {}
    assert len(as_of(office, later.name)) == len(ids(office)) == 6


def test_rounds_on_the_same_day_follow_their_creation_order(office: Services) -> None:
    rounds = RoundService(office.store)
    first = rounds.create("第一轮", date(2021, 9, 30))
    second = rounds.create("第二轮", date(2021, 9, 30))
    police1 = ids(office)[("1", "自治区公安厅")]
    record(office, police1, Status.DONE, datetime(2021, 9, 1), second.id)
    assert as_of(office, first.name)[police1] is Status.NOT_STARTED
    assert as_of(office, second.name)[police1] is Status.DONE


def test_figures_are_rounded_half_up_and_changes_are_signed() -> None:
    assert [tenths(1, 16), tenths(1, 8), tenths(2, 3), tenths(0, 5)] == [63, 125, 667, 0]
    assert [percent(1, 16), percent(6, 429), percent(3, 3), percent(1, 0)] == [
        "6.3%",
        "1.4%",
        "100.0%",
        "—",
    ]
    assert [points((6, 429), (4, 429)), points((0, 5), (1, 5)), points((1, 2), (2, 4))] == [
        "+0.5",
        "-20.0",
        "0.0",
    ]
    assert points((1, 2), None) == "—"
    assert [signed(3), signed(-2), signed(0), signed(None)] == ["+3", "-2", "0", "—"]


def test_the_change_written_last_wins_over_a_skewed_clock(office: Services) -> None:
    q3 = RoundService(office.store).create("2021年第3季度", date(2021, 9, 30))
    police1 = ids(office)[("1", "自治区公安厅")]
    record(office, police1, Status.IN_PROGRESS, datetime(2021, 9, 20, 10), q3.id)
    # Written afterwards by a client whose clock was a day behind.
    record(office, police1, Status.DONE, datetime(2021, 9, 19, 10), q3.id)
    assert as_of(office, q3.name)[police1] is Status.DONE
