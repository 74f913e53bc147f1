"""Run every benchmark and write bench/results.md."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from datetime import datetime
from functools import partial
from pathlib import Path

import sqlalchemy

from bench import bench_cli, bench_documents, bench_gui, bench_ledgers, bench_reports, bench_stalls


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    parser = argparse.ArgumentParser(prog="bench")
    parser.add_argument(
        "--export-rows",
        type=int,
        default=100_000,
        help="rows of the master ledger export benchmark (default 100,000)",
    )
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument(
        "--report-rows",
        type=int,
        default=100_000,
        help="assignments of the bulletin benchmark (default 100,000)",
    )
    args = parser.parse_args()
    rows = []
    for bench in (
        bench_documents.bench_parse,
        bench_documents.bench_import,
        partial(bench_ledgers.bench_export, args.export_rows),
        partial(bench_ledgers.bench_import, args.import_rows),
        partial(bench_reports.bench_bulletin, 2_500),
        partial(bench_reports.bench_bulletin, args.report_rows),
        bench_gui.run,
        bench_stalls.bench,
        bench_cli.bench_start,
    ):
        for name, timing, note in bench():
            print(f"{name}: {timing.ms()}  {note}", flush=True)
            rows.append((name, timing, note))
    lines = [
        "# Benchmark results",
        "",
        f"- when: {datetime.now():%Y-%m-%d %H:%M}",
        f"- machine: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, SQLAlchemy {sqlalchemy.__version__}",
        "",
        "| what | median | min | max | runs | note |",
        "|---|---|---|---|---|---|",
    ]
    for name, t, note in rows:
        median, low, high = bench_gui.cells(t)
        lines.append(f"| {name} | {median} | {low} | {high} | {t.runs} | {note} |")
    here = Path(__file__).resolve().parent
    notes = here / "notes.md"  # the hand-written analysis of the misses, kept with the figures
    if notes.exists():
        lines += ["", notes.read_text(encoding="utf-8").rstrip()]
    out = here / "results.md"
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"written {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
