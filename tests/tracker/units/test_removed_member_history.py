"""A member taken out of a group keeps its history (issue 13): ``tracker-cli history``
shows it, ending with the entry saying it left — it answered "not assigned"."""

from __future__ import annotations

from collections.abc import Callable

from tests.tracker.conftest import TODAY, sample_document, source
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock

GROUP = "各市、县（区）"


def test_the_history_of_a_member_taken_out_is_shown(
    db_url: str, run: Callable[..., tuple[int, str, str]]
) -> None:
    services = Services.open(db_url, clock=Clock(TODAY), user="测试员", create=True)
    services.documents.import_parsed(sample_document(), source())
    services.groups.set_members(GROUP, ["银川市", "吴忠市"], create=True)
    [share] = [r for r in services.overview.assignments() if (r.code, r.unit) == ("1", "吴忠市")]
    services.progress.record(share.id, Change(status=Status.IN_PROGRESS, note="已部署"))
    services.groups.remove_members(GROUP, ["吴忠市"])
    services.close()
    code, out, err = run("--db", db_url, "history", "1", "吴忠市")
    assert (code, err) == (0, "")
    assert [line.split("  ", 2)[2] for line in out.splitlines()] == [
        "各市、县（区）的成员分担（2021-07-01分解）  - → 未启动  ",
        "手工  未启动 → 推进中  已部署",
        "退出各市、县（区）  推进中 → 推进中  已部署",
    ]
    code, _, err = run("--db", db_url, "history", "1", "固原市", "--json")
    assert (code, err) == (2, "tracker-cli: error: unknown unit '固原市'\n")
