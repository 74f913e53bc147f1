"""``tracker-cli`` start-up: a command's whole run against a bare interpreter's.

What a clerk or a script feels is the process from start to exit, so each run
is a new process: ``python -c pass`` is the baseline (the interpreter alone),
and the figure is how much longer ``parse-doc``, ``status`` and ``measures``
take on the seeds (target: ≤ 150 ms beyond the bare interpreter).  ``status``
and ``measures`` answer a current SQLite file with ``sqlite3`` alone
(``tracker.progress.quick_look``); ``parse-doc`` never opens a database.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from bench.bench_documents import seed_files
from bench.timing import Timing, measure

ROOT = Path(__file__).resolve().parents[1]


def _run(*args: str) -> None:
    subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def bench_start() -> list[tuple[str, Timing, str]]:
    seeds = seed_files()
    with tempfile.TemporaryDirectory() as folder:
        database = str(Path(folder) / "台账.sqlite3")
        _run("-m", "tracker.cli.cli_main", "--db", database, "init")
        for seed in seeds:
            _run("-m", "tracker.cli.cli_main", "--db", database, "import-doc", str(seed))
        bare = measure(lambda: _run("-c", "pass"), runs=11)
        rows = [("python -c pass (baseline)", bare, "the interpreter alone")]
        commands = {
            "parse-doc --json": ("parse-doc", str(seeds[0]), "--json"),
            "status --json": ("--db", database, "status", "--json"),
            "measures": ("--db", database, "measures"),
        }
        for name, args in commands.items():
            timing = measure(lambda a=args: _run("-m", "tracker.cli.cli_main", *a), runs=11)
            beyond = (timing.median - bare.median) * 1000
            rows.append(
                (f"tracker-cli {name}", timing, f"{beyond:.0f} ms beyond bare; target ≤ 150 ms")
            )
    return rows


if __name__ == "__main__":
    for name, timing, note in bench_start():
        print(f"{name}: {timing.ms()}  {note}")
