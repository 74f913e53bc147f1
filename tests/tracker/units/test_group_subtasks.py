"""A group named in two sub-tasks of one measure has two tasks, each rolled up on its own."""

from __future__ import annotations

from dataclasses import replace

from importers.policy import ParsedTask
from tests.tracker.conftest import sample_document, source
from tracker.progress.progress_service import Change
from tracker.records import GroupStats
from tracker.services import Services
from tracker.statuses import Status
from tracker.units.group_rollup import GroupState, group_tallies

GROUP = "各市、县（区）"


def test_a_group_in_two_sub_tasks_is_two_tasks_in_the_window_the_database_and_the_totals(
    services: Services,
) -> None:
    doc = sample_document()
    doc.measures[0] = replace(
        doc.measures[0],
        tasks=[
            ParsedTask("推进企业开办全程网办", ["自治区市场监管厅"], ["自治区市场监管厅", GROUP]),
            ParsedTask("各市县落实", ["自治区公安厅"], ["自治区公安厅", GROUP]),
        ],
    )
    services.documents.import_parsed(doc, source())
    services.groups.set_members(GROUP, ["银川市", "吴忠市"], create=True)
    shares = {(r.code, r.unit): r.id for r in services.overview.assignments() if r.group}
    assert sorted(shares) == [
        ("1-1", "吴忠市"),
        ("1-1", "银川市"),
        ("1-2", "吴忠市"),
        ("1-2", "银川市"),
    ]
    services.progress.record(shares[("1-1", "银川市")], Change(status=Status.DONE))
    services.progress.record(shares[("1-1", "吴忠市")], Change(status=Status.DONE))
    services.progress.record(
        shares[("1-2", "银川市")], Change(status=Status.IN_PROGRESS, percent=40)
    )
    tasks = services.groups.tasks(GROUP)
    assert [t.code for t in tasks] == ["1-1", "1-2"]
    assert [t.state for t in tasks] == [
        GroupState(Status.DONE, 100, False, 2, 2, 0),
        GroupState(Status.IN_PROGRESS, 20, True, 2, 0, 2),
    ]
    window = group_tallies(services.overview.assignments())
    assert window == {(t.measure_id, t.code, GROUP): t.state for t in tasks}
    [totals] = services.overview.summary().groups
    assert totals == GroupStats(GROUP, ("吴忠市", "银川市"), 2, 1, 1, 4)
