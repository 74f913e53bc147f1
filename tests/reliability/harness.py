"""What the process-level fault tests share: an office database, its state, a killed CLI.

The state of a database is reduced to a digest of what a clerk would miss if it
were lost or half-written — every assignment's progress fields and version, and
the number of rows in the tables a command writes — so a test can say "the
database is exactly as before, or exactly as after", never a mix.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
from sqlalchemy import create_engine, text

from tests.conftest import SHARED
from tests.tracker.conftest import sample_document, source
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.store import Clock

REPO_ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2021, 7, 1)
ROUND = "2021年第2季度"
SEEDS = sorted((SHARED / "seeds").glob("*.txt")) if (SHARED / "seeds").is_dir() else []
POLICY_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "policy"

# The tables a command of the suite writes; their row counts are part of the state.
COUNTED_TABLES = (
    "documents",
    "measures",
    "units",
    "unit_aliases",
    "assignments",
    "progress_history",
    "rounds",
    "import_batches",
    "ledger_exports",
)


def cli_command(db: str, *args: str) -> list[str]:
    """``tracker-cli`` as a child process (``python -m tracker.cli.cli_main``), on a fixed day."""
    return [
        sys.executable,
        "-m",
        "tracker.cli.cli_main",
        "--db",
        db,
        "--today",
        TODAY.isoformat(),
        "--user",
        "可靠性测试",
        *args,
    ]


def run_cli(db: str, *args: str) -> subprocess.CompletedProcess[str]:
    return run_command(cli_command(db, *args))


def run_command(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command,
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def open_services(url: str) -> Services:
    return Services.open(url, clock=Clock(TODAY), user="可靠性测试")


def create_database(url: str) -> None:
    """A new, empty database, made the one way a clerk can: ``tracker-cli init``.

    Opening a database that does not exist is refused (issue 10 item 2).
    """
    from tracker.cli.cli_main import main

    assert main(["--db", url, "init"]) == 0


def policy_files() -> list[Path]:
    """Real documents when ``../shared`` is there (a long import), else the fixtures."""
    if SEEDS:
        return SEEDS
    return [POLICY_FIXTURES / "straight_responsibility.txt", POLICY_FIXTURES / "paren_measures.txt"]


def build_office(url: str, documents: Sequence[Path] | None = None) -> None:
    """An office: the policy documents imported (all but none by default) and a round opened."""
    create_database(url)
    services = open_services(url)
    try:
        chosen = policy_files() if documents is None else documents
        if chosen:
            for path in chosen:
                services.documents.import_file(path)
        else:
            services.documents.import_parsed(sample_document(), source())
        RoundService(services.store).create(ROUND, date(2021, 6, 30))
    finally:
        services.close()


def fill_in(ledger: Path, target: Path, mark: str) -> None:
    """Fill in every row of a unit's ledger as the unit would: status, percent, a note."""
    wb = openpyxl.load_workbook(ledger)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        header = next((r for r in range(1, 10) if ws.cell(r, 1).value == "序号"), None)
        if header is None:
            continue
        columns = {ws.cell(header, c).value: c for c in range(1, ws.max_column + 1)}
        for row in range(header + 1, ws.max_row + 1):
            if ws.cell(row, columns["措施编号"]).value is None:
                continue
            ws.cell(row, columns["完成状态"]).value = "推进中"
            ws.cell(row, columns["完成进度(%)"]).value = 30
            ws.cell(row, columns["进展情况"]).value = f"{mark}：第{row}行已推进"
    wb.save(target)


def database_state(url: str, tables: Sequence[str] = COUNTED_TABLES) -> str:
    """A digest of every assignment's progress and the row counts of ``tables``.

    Assignments are named by their document, measure code and unit, not by their ids:
    PostgreSQL does not give back the ids a killed transaction drew from a sequence,
    so the same work run again gets other ids and the same rows.
    """
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT d.source_sha256, m.code, u.name, a.status, a.percent, a.note, "
                    "a.problems, a.next_steps, a.active, a.version FROM assignments a "
                    "JOIN measures m ON m.id = a.measure_id "
                    "JOIN documents d ON d.id = m.document_id "
                    "JOIN units u ON u.id = a.unit_id "
                    "ORDER BY d.source_sha256, m.code, u.name"
                )
            ).all()
            counts = [
                (table, conn.scalar(text(f"SELECT count(*) FROM {table}"))) for table in tables
            ]
    finally:
        engine.dispose()
    digest = hashlib.sha256(repr((counts, [tuple(r) for r in rows])).encode())
    return f"{dict(counts)} {digest.hexdigest()[:16]}"


def integrity(path: Path) -> list[str]:
    """``PRAGMA integrity_check`` of an SQLite file (``["ok"]`` when sound)."""
    conn = sqlite3.connect(path)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


@dataclass(frozen=True)
class Killed:
    """One run of the CLI stopped from outside: when, and whether it had already ended."""

    moment: str
    after_seconds: float
    finished_first: bool
    returncode: int | None


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def kill_at(
    command: list[str], moment: str, delay: float | None = None, wal: Path | None = None
) -> Killed:
    """Start ``command`` and kill it hard (SIGKILL; TerminateProcess on Windows).

    Either after ``delay`` seconds, or — with ``wal`` — the instant SQLite's
    write-ahead log starts to grow (the command is then inside its write), or
    ``delay`` seconds after that instant.
    """
    proc = subprocess.Popen(
        command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    start = time.perf_counter()
    if wal is not None:
        initial = _file_size(wal)
        while proc.poll() is None and _file_size(wal) <= initial:
            time.sleep(0.0005)
        if delay:
            with contextlib.suppress(subprocess.TimeoutExpired):
                proc.wait(timeout=delay)
    else:
        assert delay is not None
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(timeout=delay)
    finished = proc.poll() is not None
    proc.kill()
    proc.wait()
    return Killed(moment, time.perf_counter() - start, finished, proc.returncode)


def timed(run: Callable[[], subprocess.CompletedProcess[str]]) -> tuple[float, str]:
    """How long a complete run takes, and its output (asserted successful)."""
    start = time.perf_counter()
    done = run()
    elapsed = time.perf_counter() - start
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    return elapsed, done.stdout


@dataclass
class Pace:
    """How long the command takes to start and to finish, learnt from the runs seen so far.

    On a shared machine one run can be slower than the next: a killed run that
    ended before its moment shortens the estimate, so the later moments still
    fall inside the work.
    """

    startup: float
    total: float

    def delay(self, fraction: float) -> float:
        """A moment ``fraction`` of the way through the command's own work."""
        work = max(self.total - self.startup, 0.05)
        return self.startup + fraction * work

    def learn(self, killed: Killed) -> None:
        if killed.finished_first:
            self.total = min(self.total, killed.after_seconds)
            self.startup = min(self.startup, self.total * 0.8)
