"""``tracker-cli inspection`` / ``finding`` / ``findings`` end to end."""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.tracker.conftest import sample_document, source
from tracker.services import Services

Run = Callable[..., tuple[int, str, str]]


def test_an_inspection_tracked_to_closure_from_the_cli(
    services: Services, db_url: str, run: Run
) -> None:
    services.documents.import_parsed(sample_document(), source())
    db = ("--db", db_url, "--today", "2021-07-01", "--user", "督查科")
    assert run(*db, "inspection", "new", "专项督查", "--date", "2021-06-01", "--team", "一组") == (
        0,
        "Inspection 专项督查 of 2021-06-01 recorded.\n",
        "",
    )
    add = (*db, "finding", "add", "--inspection", "专项督查")
    assert run(
        *add, "--unit", "公安厅", "--measure", "2", "--problem", "办理超时",
        "--require", "压缩办理时限", "--deadline", "2021-07-10",
    ) == (0, "Finding 1 recorded for 自治区公安厅, due 2021-07-10.\n", "")  # fmt: skip
    assert run(
        *add, "--unit", "宁夏税务局", "--problem", "公示不全",
        "--require", "补齐公示", "--deadline", "2021-06-20",
    )[0] == 0  # fmt: skip
    assert run(*db, "finding", "progress", "2", "--status", "推进中", "--percent", "60") == (
        0,
        "",
        "",
    )
    code, out, _ = run(*db, "findings", "--json")
    assert code == 0
    assert [
        (f["id"], f["unit"], f["measure"], f["state"], f["percent"]) for f in json.loads(out)
    ] == [
        (1, "自治区公安厅", "2", "临期", None),
        (2, "宁夏税务局", None, "逾期", 60),
    ]
    assert run(*db, "finding", "close", "2") == (
        2,
        "",
        "tracker-cli: error: closing a finding needs its evidence (what shows it rectified)\n",
    )
    assert run(*db, "finding", "close", "2", "--evidence", "公示截图") == (
        0,
        "Finding 2 closed (整改销号).\n",
        "",
    )
    assert run(*db, "findings", "--open") == (
        0,
        "   1  自治区公安厅  临期  2021-07-10  -%  办理超时\n1 finding\n",
        "",
    )
    assert run(*db, "findings", "--unit", "宁夏税务局", "--open") == (0, "0 findings\n", "")
    code, out, _ = run(*db, "finding", "history", "2", "--json")
    assert [
        (h["source"], h["new_status"], h["changed_by"], h["evidence"]) for h in json.loads(out)
    ] == [
        ("命令行", "未启动", "督查科", ""),
        ("命令行", "推进中", "督查科", ""),
        ("整改销号", "已销号", "督查科", "公示截图"),
    ]
    code, out, _ = run(*db, "inspection", "list", "--json")
    assert json.loads(out) == [
        {
            "id": 1,
            "name": "专项督查",
            "held_on": "2021-06-01",
            "team": "一组",
            "findings": 2,
            "open": 1,
        }
    ]
    assert run(*db, "inspection", "list") == (
        0,
        "2021-06-01  专项督查  一组  findings 2, open 1\n",
        "",
    )
    assert run(*db, "finding", "close", "9", "--evidence", "x") == (
        2,
        "",
        "tracker-cli: error: no finding 9\n",
    )
