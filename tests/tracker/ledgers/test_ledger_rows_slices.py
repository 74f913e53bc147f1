"""The ledger's rows loaded a slice at a time, the young objects collected between slices."""

from __future__ import annotations

import gc
from typing import Any

import pytest

from tests.tracker.conftest import sample_document, source
from tracker.ledgers import ledger_rows as rows_module
from tracker.ledgers.ledger_rows import ledger_rows
from tracker.memory import collected_in_slices, collector_paused
from tracker.services import Services


def test_each_slice_is_followed_by_a_young_collection() -> None:
    seen: list[tuple[str, int]] = []

    def noted(phase: str, info: dict[str, Any]) -> None:
        seen.append((phase, info["generation"]))

    items: list[int] = []
    gc.callbacks.append(noted)
    try:
        with collector_paused():
            for item in collected_in_slices([[1, 2], [3], [4, 5, 6]]):
                items.append(item)
                seen.append(("item", item))
    finally:
        gc.callbacks.remove(noted)
    assert items == [1, 2, 3, 4, 5, 6]
    assert seen == [
        ("item", 1),
        ("item", 2),
        ("start", 0),
        ("stop", 0),
        ("item", 3),
        ("start", 0),
        ("stop", 0),
        ("item", 4),
        ("item", 5),
        ("item", 6),
        ("start", 0),
        ("stop", 0),
    ]


def _rows(services: Services) -> list[tuple[int, str, str, str, str]]:
    with services.store.transaction() as session:
        return [
            (r.assignment.id, r.document.short_title, r.measure.code, r.unit.name, r.milestones)
            for r in ledger_rows(session)
        ]


def test_rows_in_slices_of_two_are_the_rows_in_one_go(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    services.documents.import_parsed(sample_document(), source())
    whole = _rows(services)
    monkeypatch.setattr(rows_module, "ROWS_A_SLICE", 2)
    assert _rows(services) == whole
    doc = "优化营商环境若干措施"
    assert whole == [
        (1, doc, "1", "自治区市场监管厅", ""),
        (2, doc, "1", "自治区公安厅", ""),
        (3, doc, "1", "各市、县（区）", ""),
        (4, doc, "2", "自治区公安厅", "2021年7月10日前完成"),
        (5, doc, "2", "宁夏税务局", "2021年7月10日前完成"),
        (6, doc, "4", "自治区政府办公厅", ""),
    ]
