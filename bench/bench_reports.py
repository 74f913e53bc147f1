"""The bulletin (工作进展情况通报) as PDF: at office scale and on a 100,000-assignment database."""

from __future__ import annotations

import tempfile
from pathlib import Path

from bench.generate import generate
from bench.timing import Timing, measure
from tracker.reports.report_service import ReportRequest, save_report
from tracker.services import Services


def bench_bulletin(assignments: int, rounds: int = 12) -> list[tuple[str, Timing, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = generate(folder / "big.sqlite3", assignments, rounds=rounds)
        service = Services.over(store).reports

        def bulletin() -> None:
            save_report(service.build(ReportRequest("bulletin")), folder / "通报.pdf")

        timing = measure(bulletin, runs=5)
        store.close()
    return [
        (
            f"bulletin PDF, {assignments:,} assignments, {rounds} rounds of history",
            timing,
            "target ≤ 3 s at 100k",
        )
    ]
