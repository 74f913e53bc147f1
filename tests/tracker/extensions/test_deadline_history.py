"""A round's figures judge each task by the deadline in force on the round's as-of day: an
extension approved later changes none of them (issue 12 item 7) — the bulletin, the
master's 汇总, ``status --round``, the printed ledger and the scores — while a round as of
a day after the approval, and today's views, see the new deadline."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from importers.policy import ParsedTask
from importers.reports.model import Table
from tests.tracker.conftest import sample_document, source
from tracker.database_settings import DUE_SOON_DAYS
from tracker.extensions.deadline_history import DeadlineThen, deadlines_as_of
from tracker.reports.report_bulletin import BulletinData
from tracker.rounds.round_status import round_summary_sheet
from tracker.services import Services
from tracker.store import Clock

POLICE = "自治区公安厅"
TAX = "宁夏税务局"
JULY, AUGUST = "2021年7月", "2021年8月"


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create(JULY, date(2021, 7, 31))
    services.store.clock = Clock(date(2021, 8, 20))
    return services


def _summary(office: Services, name: str) -> list[tuple[str, int, int]]:
    """The master's 汇总 as exported under the round: (unit, tasks, overdue) per line."""
    chosen = office.rounds.chosen(name)
    with office.store.reading() as session:
        from db.models import Round

        sheet = round_summary_sheet(
            session,
            session.get_one(Round, chosen.id),
            office.store.clock.today(),
            office.store.setting(DUE_SOON_DAYS),
        )
    return [(s.unit, s.assigned, s.overdue) for s in sheet["summary"]]


def _printed_deadlines(office: Services, name: str) -> list[tuple[str, str, str]]:
    [table] = [b for b in office.reports.ledger(POLICE, round_name=name).blocks]
    assert isinstance(table, Table)
    return [(row[1], row[5], row[6]) for row in table.rows]


def _figures(office: Services, name: str) -> tuple[BulletinData, object, object]:
    return (
        office.reports.bulletin_data(name),
        _summary(office, name),
        office.round_status.figures(name),
    )


def test_an_extension_approved_after_a_round_changes_none_of_its_figures(
    office: Services,
) -> None:
    before = _figures(office, JULY)
    data = before[0]
    assert (data.day, data.now.overdue, data.now.due_soon) == (date(2021, 7, 31), 5, 0)
    assert [(i.code, i.unit, i.deadline) for i in data.overdue if i.unit == POLICE] == [
        ("1", POLICE, date(2021, 6, 30)),
        ("2", POLICE, date(2021, 7, 10)),
    ]
    assert before[1] == [
        ("自治区市场监管厅", 1, 1),
        (POLICE, 2, 2),
        ("各市、县（区）", 1, 1),
        (TAX, 1, 1),
        ("自治区政府办公厅", 1, 0),
    ]
    printed = _printed_deadlines(office, JULY)
    assert printed == [("1", POLICE, "2021年6月底"), ("2", POLICE, "2021年7月10日")]

    made = office.extensions.request_by_code("1", POLICE, date(2021, 12, 31), "系统改造未完成")
    office.extensions.approve(made.id)  # on 20 August, after the round as of 31 July

    assert _figures(office, JULY) == before  # the bulletin, the 汇总, status --round
    assert _printed_deadlines(office, JULY) == printed
    assert office.overview.summary().overdue == 4  # today: the unit's new deadline
    assert [u.overdue for u in office.overview.summary().units if u.unit == POLICE] == [1]
    with office.store.reading() as session:
        assert deadlines_as_of(session, date(2021, 7, 31)) == {
            made.assignment_id: DeadlineThen(None, date(2021, 6, 30), "2021年6月底")
        }
        assert deadlines_as_of(session, date(2021, 8, 20)) == {}  # decided that day: in force

    office.rounds.create(AUGUST, date(2021, 8, 31))
    office.store.clock = Clock(date(2021, 9, 5))
    august = office.reports.bulletin_data(AUGUST)
    assert (august.now.overdue, august.before and august.before.overdue) == (4, 5)
    assert [(i.code, i.unit) for i in august.overdue if i.unit == POLICE] == [("2", POLICE)]
    assert _summary(office, AUGUST)[1] == (POLICE, 2, 1)
    assert office.round_status.figures(AUGUST).overdue == 4
    assert _printed_deadlines(office, AUGUST) == [
        ("1", POLICE, "2021-12-31（原 2021年6月底）"),
        ("2", POLICE, "2021年7月10日"),
    ]
    assert _figures(office, JULY)[1:] == before[1:]  # July still as published


def test_two_approvals_each_hold_from_the_day_decided_and_an_undone_one_for_none(
    office: Services,
) -> None:
    extensions = office.extensions
    office.store.clock = Clock(date(2021, 7, 31))  # decided on the as-of day: it counts
    first = extensions.request_by_code("2", TAX, date(2021, 8, 15), "一")
    extensions.approve(first.id)
    office.store.clock = Clock(date(2021, 8, 20))
    second = extensions.request_by_code("2", TAX, date(2021, 10, 31), "二")
    extensions.approve(second.id)
    with office.store.reading() as session:
        assert deadlines_as_of(session, date(2021, 7, 30)) == {
            first.assignment_id: DeadlineThen(None, date(2021, 7, 10), "2021年7月10日")
        }
        assert deadlines_as_of(session, date(2021, 7, 31)) == {
            first.assignment_id: DeadlineThen(date(2021, 8, 15), date(2021, 7, 10), "2021年7月10日")
        }
    july = office.reports.bulletin_data(JULY)
    assert july.now.overdue == 4  # 税务局 on 2 judged by 15 August
    assert [(i.code, i.deadline) for i in july.due_soon if i.unit == TAX] == [
        ("2", date(2021, 8, 15))
    ]
    assert _summary(office, JULY)[3] == (TAX, 1, 0)

    extensions.undo_decision(second.id)
    extensions.undo_decision(first.id)  # both taken back: they never held
    with office.store.reading() as session:
        assert deadlines_as_of(session, date(2021, 7, 30)) == {}
    assert office.reports.bulletin_data(JULY).now.overdue == 5


def test_the_scores_of_a_round_judge_overdue_by_the_deadline_then(office: Services) -> None:
    made = office.extensions.request_by_code("1", POLICE, date(2021, 12, 31), "")
    before = office.assessment.scores(JULY)
    office.extensions.approve(made.id)
    after = office.assessment.scores(JULY)
    assert after == before
    [police] = [u for u in after.units if u.unit == POLICE]
    assert [(line.event, line.measure, line.day) for line in police.lines if line.day] == [
        ("overdue_support", "宁政办〔2021〕9号 1", date(2021, 6, 30)),
        ("overdue_lead", "宁政办〔2021〕9号 2", date(2021, 7, 10)),
    ]


def test_a_sub_task_is_judged_by_its_own_deadline_then(services: Services) -> None:
    """A measure of two sub-tasks (分工 1-1, 1-2), each with its deadline: the deadline a
    unit had before its extension is its sub-task's, not the measure's."""
    doc = sample_document()
    doc.measures[0] = replace(
        doc.measures[0],
        tasks=[
            ParsedTask(
                "推进企业开办全程网办",
                ["自治区市场监管厅"],
                ["自治区市场监管厅"],
                date(2021, 6, 30),
                "2021年6月底",
            ),
            ParsedTask("公安系统改造", [POLICE], [POLICE], date(2021, 7, 20), "2021年7月20日"),
        ],
    )
    services.documents.import_parsed(doc, source())
    services.rounds.create(JULY, date(2021, 7, 31))
    services.store.clock = Clock(date(2021, 8, 20))
    before = _figures(services, JULY)
    assert [(i.code, i.deadline) for i in before[0].overdue if i.unit == POLICE] == [
        ("1-2", date(2021, 7, 20)),
        ("2", date(2021, 7, 10)),
    ]
    made = services.extensions.request_by_code("1-2", POLICE, date(2021, 12, 31), "")
    assert made.unit_deadline == date(2021, 7, 20)
    services.extensions.approve(made.id)
    with services.store.reading() as session:
        assert deadlines_as_of(session, date(2021, 7, 31)) == {
            made.assignment_id: DeadlineThen(None, date(2021, 7, 20), "2021年7月20日")
        }
    assert _figures(services, JULY) == before
    assert _printed_deadlines(services, JULY)[0] == ("1-2", POLICE, "2021年7月20日")
    assert [(t.code, t.deadline, t.original) for t in services.extensions.tasks_of(POLICE)] == [
        ("1-2", date(2021, 12, 31), date(2021, 7, 20)),  # (the dialog's choices)
        ("2", date(2021, 7, 10), None),
    ]
    services.rounds.create(AUGUST, date(2021, 8, 31))
    assert _printed_deadlines(services, AUGUST)[0] == (
        "1-2", POLICE, "2021-12-31（原 2021年7月20日）",
    )  # fmt: skip
