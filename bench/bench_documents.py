"""Parsing a policy document, and importing both seeds against raw sqlite3 executemany."""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from bench.timing import Timing, measure
from importers.policy import parse_file
from importers.policy.parser import parse_text
from tracker.services import Services

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CORPUS = SEEDS.parent / "corpus"
UNSEEN = Path(__file__).resolve().parents[1] / "tests" / "importers" / "policy" / "unseen"
"""Documents the importer was checked against, not written for (issue 16)."""


def seed_files() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


def bench_parse() -> list[tuple[str, Timing, str]]:
    """Both seeds (80 and 46 measures), every corpus document (brackets, tables) and the
    unseen documents of the tests."""
    rows = []
    for path in [*seed_files(), *sorted(CORPUS.glob("*.txt")), *sorted(UNSEEN.glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        measures = len(parse_text(text).measures)
        rows.append(
            (
                f"parse {path.name} ({measures} measures)",
                measure(lambda t=text: parse_text(t), runs=21),
                "target ≤ 50 ms",
            )
        )
    return rows


class _Importer:
    """A freshly migrated, empty database per run; the timed part is the import alone."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.parsed = [parse_file(path) for path in seed_files()]
        self.services: Services | None = None
        self.runs = 0

    def setup(self) -> None:
        if self.services is not None:
            self.services.close()
        self.runs += 1
        self.services = Services.open(
            self.folder / f"bench{self.runs}.sqlite3", user="bench", create=True
        )

    def work(self) -> None:
        assert self.services is not None
        for parsed, source in self.parsed:
            self.services.documents.import_parsed(parsed, source)


def _raw_sqlite(folder: Path, rows: list[tuple[str, str, str]]) -> None:
    db = folder / "raw.sqlite3"
    db.unlink(missing_ok=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE measures (id INTEGER PRIMARY KEY, code TEXT, title TEXT, text TEXT)")
    conn.execute("CREATE TABLE units (id INTEGER PRIMARY KEY, name TEXT UNIQUE)")
    conn.execute(
        "CREATE TABLE assignments (id INTEGER PRIMARY KEY, measure TEXT, unit TEXT, status TEXT)"
    )
    conn.execute("CREATE TABLE history (id INTEGER PRIMARY KEY, assignment INTEGER, status TEXT)")
    with conn:
        conn.executemany("INSERT INTO measures (code, title, text) VALUES (?, ?, ?)", rows)
        units = sorted({u for _, u, _ in _assignments(rows)})
        conn.executemany("INSERT INTO units (name) VALUES (?)", [(u,) for u in units])
        pairs = _assignments(rows)
        conn.executemany("INSERT INTO assignments (measure, unit, status) VALUES (?, ?, ?)", pairs)
        conn.executemany(
            "INSERT INTO history (assignment, status) VALUES (?, ?)",
            [(i, "未启动") for i in range(len(pairs))],
        )
    conn.close()


_UNITS: dict[str, list[str]] = {}


def _assignments(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [(code, unit, "未启动") for code, _, _ in rows for unit in _UNITS[code]]


def bench_import() -> list[tuple[str, Timing, str]]:
    rows: list[tuple[str, str, str]] = []
    for path in seed_files():
        parsed, _ = parse_file(path)
        for m in parsed.measures:
            key = f"{path.name}:{m.code}"
            _UNITS[key] = m.units
            rows.append((key, m.title, m.text))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        importer = _Importer(folder)
        ours = measure(importer.work, runs=5, setup=importer.setup)
        base = measure(lambda: _raw_sqlite(folder, rows), runs=5)
        assert importer.services is not None
        importer.services.close()
    ratio = ours.median / base.median
    return [
        (
            "import both seeds (parsed) into an empty database",
            ours,
            f"{ratio:.1f}× raw sqlite3 executemany ({base.ms()}); target ≤ 5×",
        ),
    ]
