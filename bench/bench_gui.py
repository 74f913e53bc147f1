"""The window's start-up and its filter/search/sort latency, against a bare Qt window.

Start-up is measured from outside, as a clerk feels it: the parent notes the
time, starts a child process (``QT_QPA_PLATFORM=offscreen``) and the child
prints the wall-clock time once its window is shown (``show()`` +
``processEvents``), or once the first table rows are painted.  The same is done
for a process that shows a bare ``QMainWindow``; the ratio is what is judged
(targets: window ≤ 1.5× bare, first rows of a 100,000-assignment database ≤ 3×).
Filter, search and sort are timed in-process on the same 100,000 rows
(targets: median ≤ 50 ms, max ≤ 150 ms).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from bench.timing import Timing, measure

ROOT = Path(__file__).resolve().parents[1]
CHILD = Path(__file__).with_name("bench_gui_child.py")
RUNS = 5


def _start_once(mode: str, database: Path | None, settings: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_SETTINGS=str(settings))
    command = [sys.executable, str(CHILD), mode]
    if database is not None:
        command.append(str(database))
    started = time.time()
    done = subprocess.run(
        command, env=env, cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    stamp = float(done.stdout.strip().splitlines()[-1])
    return stamp - started


def _starts(mode: str, database: Path | None, settings: Path) -> Timing:
    _start_once(mode, database, settings)  # warm the file cache and .pyc files
    samples = [_start_once(mode, database, settings) for _ in range(RUNS)]
    return Timing(statistics.median(samples), min(samples), max(samples), RUNS)


def bench_start(big: Path, folder: Path) -> list[tuple[str, Timing, str]]:
    settings = folder / "settings"
    empty = folder / "empty.sqlite3"
    bare = _starts("bare", None, settings)
    window = _starts("window", empty, settings)
    rows = _starts("rows", big, settings)
    return [
        ("start: bare QMainWindow shown", bare, "the yardstick"),
        (
            "start: main window shown (empty database)",
            window,
            f"{window.median / bare.median:.2f}× bare window; target ≤ 1.5×",
        ),
        (
            "start: first rows painted, 100,000 assignments",
            rows,
            f"{rows.median / bare.median:.2f}× bare window; target ≤ 3×",
        ),
    ]


def bench_interaction(big: Path) -> list[tuple[str, Timing, str]]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from tracker.services import Services
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(["bench"])
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
    window = MainWindow(Services.open(big))
    window.show()
    app.processEvents()
    filters = window.filters
    units = [filters.unit.itemData(i) for i in (1, 2)]
    state = {"i": 0}

    def flip_unit() -> None:
        state["i"] += 1
        filters.choose_unit(units[state["i"] % 2])
        app.processEvents()

    def flip_overdue() -> None:
        filters.overdue.setChecked(not filters.overdue.isChecked())
        app.processEvents()

    def search() -> None:
        state["i"] += 1
        filters.search.setText(["营商", "审批"][state["i"] % 2])
        filters.flush()
        app.processEvents()

    def sort() -> None:
        state["i"] += 1
        window.table.sortByColumn([0, 7][state["i"] % 2], Qt.SortOrder.AscendingOrder)
        app.processEvents()

    results = []
    filters.reset()
    for name, work in (
        ("filter by unit", flip_unit),
        ("filter: overdue only on/off", flip_overdue),
        ("search (database, measure text too)", search),
        ("sort by No. / deadline", sort),
    ):
        timing = measure(work, runs=7)
        note = f"{len(window.model.rows()):,} rows shown; target median ≤ 50 ms, max ≤ 150 ms"
        results.append((f"100,000 assignments: {name}", timing, note))
        filters.reset()
        app.processEvents()
    window.close()
    return results


def run() -> list[tuple[str, Timing, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = folder / "big.sqlite3"
        generate(big, 100_000, rounds=1).close()
        return bench_start(big, folder) + bench_interaction(big)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for name, timing, note in run():
        print(f"{name}: {timing.ms()}  {note}", flush=True)
