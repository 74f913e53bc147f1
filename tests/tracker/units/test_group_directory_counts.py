"""The units directory's counts of a group (the units dialog's 分工/未完成/逾期, the
navigator's order, ``tracker-cli units``) are its members' shares — with a city whose
counties answer directly, the counties' shares too, as ``status --json`` and the
bulletin's 成员合计 count them."""

from __future__ import annotations

from tests.tracker.conftest import sample_document, source
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status

GROUP = "各市、县（区）"


def test_a_group_counts_the_shares_of_a_city_whose_counties_answer_directly(
    services: Services,
) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.groups.set_members("银川市", ("兴庆区", "金凤区", "西夏区"), create=True)
    services.groups.set_members(
        GROUP, ["银川市", "吴忠市", "石嘴山市"], create=True, report_directly=True
    )
    [share] = [r for r in services.overview.assignments() if (r.code, r.unit) == ("1", "兴庆区")]
    services.progress.record(share.id, Change(status=Status.DONE))
    counts = {u.name: (u.assigned, u.open, u.overdue) for u in services.units.list()}
    [group] = [g for g in services.overview.summary().groups if g.name == GROUP]
    assert group.shares == 5
    assert {name: counts[name] for name in (GROUP, "银川市", "兴庆区", "吴忠市")} == {
        GROUP: (5, 4, 4),
        "银川市": (3, 2, 2),
        "兴庆区": (1, 0, 0),
        "吴忠市": (1, 1, 1),
    }
