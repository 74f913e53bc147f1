"""A member added after the round's ledgers went out has tasks but no ledger: the group's
listing (CLI and window) names it and the round, so the clerk sends its ledger — nothing
else would (it is not among the units the round sent a ledger to, so not 未报送 either)."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

from tests.tracker.conftest import TODAY, sample_document, source
from tracker.services import Services
from tracker.store import Clock
from tracker.units.groups import LateMembers

GROUP = "各市、县（区）"
ROUND = "2021年第2季度"


def test_a_member_added_after_the_ledgers_went_out_is_named(
    db_url: str, run: Callable[..., tuple[int, str, str]], tmp_path: Path
) -> None:
    services = Services.open(db_url, clock=Clock(TODAY), user="测试员", create=True)
    services.documents.import_parsed(sample_document(), source())
    services.groups.set_members(GROUP, ["银川市"], create=True)
    assert services.groups.without_ledger(GROUP) is None  # no round has sent any
    services.rounds.create(ROUND, date(2021, 6, 30), date(2021, 7, 10))
    services.ledger_export.export_units(ROUND, tmp_path / "out")
    assert services.groups.without_ledger(GROUP) is None
    services.groups.set_members("石嘴山市", ["大武口区", "惠农区"], create=True)
    services.groups.set_members(
        GROUP, ["银川市", "吴忠市", "石嘴山市"], create=True, report_directly=True
    )
    assert services.groups.without_ledger(GROUP) == LateMembers(
        ROUND, ("吴忠市", "大武口区", "惠农区")
    )
    services.close()
    code, out, err = run("--db", db_url, "group", GROUP)
    assert (code, err) == (0, "")
    assert out.splitlines()[-2:] == [
        f"  no ledger of {ROUND} yet: 吴忠市、大武口区、惠农区",
        f"  (send it: tracker-cli export-ledger --round {ROUND} --unit UNIT --out DIR)",
    ]
    folder = str(tmp_path / "late")
    code, _, err = run("--db", db_url, "export-ledger", "--unit", "吴忠市", "--out", folder)
    assert (code, err) == (0, "")
    code, out, err = run("--db", db_url, "group", GROUP, "--json")
    assert json.loads(out)["without_ledger"] == {"round": ROUND, "units": ["大武口区", "惠农区"]}
