"""Groups answered member by member (issue 13): the seeds' collectives fanned out to 6 members.

Every unit of kind 集体 in the two seeds (各市、县（区）…) gets six member units; each of
its tasks then has six shares.  Timed: importing both seeds into a database whose groups
already have members (the import fans out in its transaction) against raw sqlite3
writing the same rows; the fan-out of the imported seeds; the bulletin PDF; every
unit's ledger; and, on a generated database fanned out to about 100,000 assignments,
the bulletin and a filter by a group in the window's row index.
"""

from __future__ import annotations

import sqlite3
import tempfile
from datetime import date
from pathlib import Path

from sqlalchemy import select

from bench.bench_documents import seed_files
from bench.generate import generate
from bench.timing import Timing, measure
from db.models import Assignment, Unit
from importers.policy import parse_file
from tracker.progress.row_index import RowIndex
from tracker.reports.report_service import ReportRequest, save_report
from tracker.services import Services
from tracker.store import Store
from tracker.units.unit_service import classify_unit

MEMBERS = 6


def _collectives(store: Store) -> list[str]:
    with store.reading() as session:
        return [n for n in session.scalars(select(Unit.name)) if classify_unit(n) == "集体"]


def fan_out(store: Store) -> int:
    """Six new members for every collective; the number of groups."""
    groups = Services.over(store).groups
    names = _collectives(store)
    for g, name in enumerate(names):
        groups.set_members(name, [f"成员{g}-{m}市" for m in range(MEMBERS)], create=True)
    return len(names)


def _raw(folder: Path, rows: int) -> None:
    db = folder / "raw.sqlite3"
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(
        "CREATE TABLE assignments (id INTEGER PRIMARY KEY, measure TEXT, unit TEXT, status TEXT)"
    )
    conn.execute("CREATE TABLE history (id INTEGER PRIMARY KEY, assignment INTEGER, status TEXT)")
    with conn:
        conn.executemany(
            "INSERT INTO assignments (measure, unit, status) VALUES (?, ?, ?)",
            [(str(i), "单位", "未启动") for i in range(rows)],
        )
        conn.executemany(
            "INSERT INTO history (assignment, status) VALUES (?, ?)",
            [(i, "未启动") for i in range(rows)],
        )
    conn.close()


def bench_seeds() -> list[tuple[str, Timing, str]]:
    parsed = [parse_file(path) for path in seed_files()]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template = Services.open(folder / "template.sqlite3", user="bench", create=True)
        for doc, source in parsed:
            template.documents.import_parsed(doc, source)
        collectives = _collectives(template.store)
        groups = fan_out(template.store)
        with template.store.reading() as session:
            rows = len(list(session.scalars(select(Assignment.id))))
        template.close()
        runs = {"n": 0}
        opened: list[Services] = []

        def setup() -> None:
            """A new database whose groups have their members, before the seeds come in."""
            for services in opened:
                services.close()
            runs["n"] += 1
            services = Services.open(folder / f"g{runs['n']}.sqlite3", user="bench", create=True)
            for g, name in enumerate(collectives):
                services.groups.set_members(
                    name, [f"成员{g}-{m}市" for m in range(MEMBERS)], create=True
                )
            opened[:] = [services]

        def work() -> None:
            for doc, source in parsed:
                opened[0].documents.import_parsed(doc, source)

        imported = measure(work, runs=5, setup=setup)
        base = measure(lambda: _raw(folder, rows), runs=5)
        for services in opened:
            services.close()

        def fan_setup() -> None:
            runs["n"] += 1
            services = Services.open(folder / f"f{runs['n']}.sqlite3", user="bench", create=True)
            for doc, source in parsed:
                services.documents.import_parsed(doc, source)
            opened[:] = [services]

        fanned = measure(lambda: fan_out(opened[0].store), runs=5, setup=fan_setup)
        opened[0].rounds.create("基准轮", date(2021, 12, 31))
        report = opened[0].reports
        bulletin = measure(
            lambda: save_report(report.build(ReportRequest("bulletin")), folder / "通报.pdf"),
            runs=5,
        )
        exporter = opened[0].ledger_export
        ledgers = measure(lambda: exporter.export_units("基准轮", folder / "out"), runs=3)
        files = len(list((folder / "out").glob("*.xlsx")))
        opened[0].close()
    ratio = imported.median / base.median
    return [
        (
            f"import both seeds, {groups} collectives with {MEMBERS} members each ({rows} rows)",
            imported,
            f"{ratio:.1f}× raw sqlite3 executemany of as many rows ({base.ms()}); target ≤ 5×",
        ),
        (
            f"fan out both seeds' {groups} collectives to {MEMBERS} members each",
            fanned,
            "once, when a clerk sets the members",
        ),
        (f"bulletin PDF, both seeds fanned out ({rows} rows)", bulletin, "target ≤ 3 s at 100k"),
        (f"every unit's ledger, both seeds fanned out ({files} files)", ledgers, "no target"),
    ]


def bench_large(assignments: int = 40_000) -> list[tuple[str, Timing, str]]:
    """A generated database whose collectives are fanned out: about 100,000 rows in force."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = generate(folder / "big.sqlite3", assignments, rounds=12)
        with store.transaction() as session:
            for unit in session.scalars(select(Unit)):
                unit.kind = classify_unit(unit.name)
        fan_out(store)
        services = Services.over(store)
        rows = services.overview.assignments()
        report = services.reports
        bulletin = measure(
            lambda: save_report(report.build(ReportRequest("bulletin")), folder / "通报.pdf"),
            runs=5,
        )
        index = RowIndex(rows, date(2021, 12, 1))
        from tracker.progress.assignment_filter import AssignmentFilter

        wanted = AssignmentFilter(unit="各市、县（区）")
        shown = len(index.select(wanted))
        by_group = measure(lambda: index.select(wanted), runs=7)
        store.close()
    return [
        (
            f"bulletin PDF, {len(rows):,} assignments in force after fan-out, 12 rounds",
            bulletin,
            "target ≤ 3 s at 100k",
        ),
        (
            f"{len(rows):,} assignments: filter by a group (its members' shares)",
            by_group,
            f"{shown:,} rows shown; target median ≤ 50 ms, max ≤ 150 ms",
        ),
    ]


if __name__ == "__main__":
    for name, timing, note in [*bench_seeds(), *bench_large()]:
        print(f"| {name} | {timing.ms()} | {note} |", flush=True)
