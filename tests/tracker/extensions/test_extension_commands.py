"""``tracker-cli extensions``: pending by default, --all, --approve, --refuse, --undo, --json."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from tests.tracker.conftest import sample_document, source
from tracker.services import Services

Run = Callable[..., tuple[int, str, str]]


def test_list_approve_refuse_and_undo_from_the_command_line(
    services: Services, run: Run, db_url: str
) -> None:
    services.documents.import_parsed(sample_document(), source())
    first = services.extensions.request_by_code(
        "1", "自治区公安厅", date(2021, 12, 31), "系统改造未完成"
    )
    second = services.extensions.request_by_code("2", "宁夏税务局", date(2021, 9, 30), "")
    stamp = f"{first.requested_at:%Y-%m-%d %H:%M}"
    assert run("--db", db_url, "extensions") == (
        0,
        f"#{first.id}  待审批  1  自治区公安厅  2021-06-30 → 2021-12-31  系统改造未完成  [手工]\n"
        f"#{second.id}  待审批  2  宁夏税务局  2021-07-10 → 2021-09-30  [手工]\n"
        "2 pending\n",
        "",
    )
    code, out, _ = run("--db", db_url, "--user", "王芳", "extensions", "--approve", str(first.id))
    assert (code, out) == (
        0,
        f"#{first.id} approved: 1 自治区公安厅 deadline 2021-06-30 → 2021-12-31\n",
    )
    code, out, err = run("--db", db_url, "extensions", "--refuse", str(second.id))
    assert (code, out) == (2, "")
    assert "say why the request is refused" in err
    code, out, _ = run(
        "--db",
        db_url,
        "--user",
        "李明",
        "extensions",
        "--refuse",
        str(second.id),
        "--reason",
        "理由不充分",
    )
    assert out == f"#{second.id} refused: 2 宁夏税务局 (理由不充分); deadline stays 2021-07-10\n"
    code, out, _ = run("--db", db_url, "extensions", "--all")
    decided = services.extensions.list(pending_only=False)
    approved_at, refused_at = (f"{e.decided_at:%Y-%m-%d %H:%M}" for e in decided)
    assert out == (
        f"#{first.id}  已批准  1  自治区公安厅  2021-06-30 → 2021-12-31  系统改造未完成  [手工]\n"
        f"      已批准 {approved_at} 王芳\n"
        f"#{second.id}  已驳回  2  宁夏税务局  2021-07-10 → 2021-09-30  [手工]\n"
        f"      已驳回 {refused_at} 李明：理由不充分\n"
        "0 pending, 2 in all\n"
    )
    for code, unit, expected in (
        (
            "1",
            "自治区公安厅",
            f"{approved_at}  王芳  延期申请已批准  deadline 2021-06-30 → 2021-12-31",
        ),
        (
            "2",
            "宁夏税务局",
            f"{refused_at}  李明  延期申请已驳回（申请延至2021-09-30）：理由不充分  deadline unchanged",
        ),
    ):
        assert run("--db", db_url, "history", code, unit)[1].splitlines()[-1] == expected
    code, out, _ = run("--db", db_url, "extensions", "--undo", str(first.id), "--json")
    assert json.loads(out) == {
        "id": first.id,
        "code": "1",
        "title": "推进企业开办全程网办",
        "unit": "自治区公安厅",
        "measure_deadline": "2021-06-30",
        "unit_deadline": "2021-06-30",
        "requested_deadline": "2021-12-31",
        "reason": "系统改造未完成",
        "source": "手工",
        "round": None,
        "requested_at": stamp,
        "state": "待审批",
        "decided_at": None,
        "decided_by": None,
        "decision_note": "",
    }
    code, out, _ = run("--db", db_url, "extensions", "--json")
    assert [(r["id"], r["state"]) for r in json.loads(out)["requests"]] == [(first.id, "待审批")]
    assert json.loads(out)["pending"] == 1


def test_a_request_the_office_types_on_the_command_line(
    services: Services, run: Run, db_url: str
) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create("2021年7月", date(2021, 7, 31))
    asked = ("--db", db_url, "--user", "王芳", "extensions", "--request")
    code, out, err = run(
        *asked, "1", "--unit", "公安厅", "--until", "2021-12-31", "--reason", "系统改造未完成",
        "--round", "2021年7月",
    )  # fmt: skip
    [made] = services.extensions.list()
    assert (code, out, err) == (
        0,
        f"#{made.id} requested (2021年7月): 1 自治区公安厅 deadline 2021-06-30 → 2021-12-31, "
        "waits for a decision\n",
        "",
    )
    assert (made.source, made.requested_by, made.reason, made.round, made.state.value) == (
        "命令行", "王芳", "系统改造未完成", "2021年7月", "待审批",
    )  # fmt: skip
    assert run("--db", db_url, "extensions")[1] == (
        f"#{made.id}  待审批  1  自治区公安厅  2021-06-30 → 2021-12-31  系统改造未完成  [命令行]\n"
        "1 pending\n"
    )
    code, out, _ = run(*asked, "2", "--unit", "宁夏税务局", "--until", "2021-09-30", "--json")
    second = json.loads(out)
    assert (code, second["code"], second["unit"], second["unit_deadline"]) == (
        0, "2", "宁夏税务局", "2021-07-10",
    )  # fmt: skip
    assert (second["requested_deadline"], second["reason"], second["round"]) == (
        "2021-09-30", "", None,
    )  # fmt: skip

    refused = {
        ("1", "自治区公安厅", "2021-06-01"): "the requested deadline 2021-06-01 is not later "
        "than the current one 2021-06-30",
        ("4", "自治区政府办公厅", "2021-12-31"): "measure 4 has no fixed deadline: "
        "there is nothing to extend",
        ("2", "自治区市场监管厅", "2021-12-31"): "自治区市场监管厅 is not assigned measure 2",
    }
    for (measure, unit, until), why in refused.items():
        assert run(*asked, measure, "--unit", unit, "--until", until) == (
            2, "", f"tracker-cli: error: {why}\n",
        )  # fmt: skip
    assert run(*asked, "1", "--unit", "自治区公安厅") == (
        2, "", "tracker-cli: error: a request needs the unit (--unit) and the new date (--until)\n",
    )  # fmt: skip
    assert len(services.extensions.list()) == 2
