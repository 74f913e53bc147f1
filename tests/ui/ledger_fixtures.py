"""Returned ledgers for the GUI tests: one with a change, one with a conflict, one with a reject."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.tracker.ledgers.test_ledgers import _edit, _export
from tracker.progress.progress_service import Change
from tracker.rounds.round_service import RoundService
from tracker.services import Services

ROUND = "2021年第2季度"  # the name tests.tracker.ledgers.test_ledgers exports under


def returned_ledgers(services: Services, folder: Path) -> dict[str, Path]:
    """Export three units' ledgers, edit them as the units would; the office edits one field.

    - 宁夏税务局: 2/进展情况 changed → one clean change;
    - 自治区公安厅: 1/进展情况 changed by the unit *and* by the office → a conflict,
      plus 2/完成进度 60 → a clean change;
    - 自治区市场监管厅: 1/完成状态 已销号 → rejected (a unit cannot tick off).
    """
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    sent = folder / "sent"
    back = folder / "returned"
    back.mkdir(parents=True)
    tax = _export(services, "宁夏税务局", sent)
    police = _export(services, "自治区公安厅", sent)
    market = _export(services, "自治区市场监管厅", sent)
    [police_1] = [
        r for r in services.overview.assignments() if (r.code, r.unit) == ("1", "自治区公安厅")
    ]
    services.progress.record(police_1.id, Change(note="办公室已电话核实"))
    return {
        "tax": _edit(tax, {"2/进展情况": "已完成系统改造"}, back / tax.name),
        "police": _edit(
            police, {"1/进展情况": "已上线试运行", "2/完成进度(%)": 60}, back / police.name
        ),
        "market": _edit(market, {"1/完成状态": "已销号"}, back / market.name),
    }
