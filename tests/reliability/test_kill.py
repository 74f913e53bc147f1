"""``kill -9`` of ``tracker-cli`` in the middle of an import or an export.

Each command is first run to completion, timed, to know the state "after"; it
is then started again from the state "before" and killed at several moments
spread over its own work (after the interpreter's start-up, measured with a
command that only opens the database), and — on SQLite — the instant its
write-ahead log starts to grow, i.e. inside its write.  After each kill the file
passes ``PRAGMA integrity_check``, the database is exactly "before" or exactly
"after" (a partial mix would be data lost or half-imported), and the next run
of the same command finishes the work or says it was already done.  On
PostgreSQL the killed client's transaction must have been rolled back by the
server.

No test seam in the application: the moments are delays scaled to the measured
run, and the write-ahead log is watched from outside.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from importers.ledger.reader import read_ledger
from tests.conftest import PG_URL, _reset_postgres
from tests.reliability.harness import (
    COUNTED_TABLES,
    ROUND,
    Killed,
    Pace,
    build_office,
    cli_command,
    database_state,
    fill_in,
    integrity,
    kill_at,
    open_services,
    policy_files,
    run_cli,
    run_command,
    timed,
)
from tracker.ledgers.ledger_import import ledger_paths

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
# Fewer moments on PostgreSQL: each needs the database rebuilt, not a file copied.
FRACTIONS = {"sqlite": (0.15, 0.4, 0.65, 0.9), "postgresql": (0.3, 0.7)}


@dataclass
class Target:
    """Where the killed command's database lives, and how to reset it to "before"."""

    backend: str
    folder: Path
    build: Callable[[str], None]
    template: Path | None = None

    def fresh(self, name: str) -> str:
        """A database in the state "before", as ``--db`` takes it."""
        if self.backend == "sqlite":
            assert self.template is not None
            path = self.folder / f"{name}.sqlite3"
            shutil.copyfile(self.template, path)
            return str(path)
        assert PG_URL is not None
        _reset_postgres(PG_URL)
        self.build(PG_URL)
        return PG_URL

    @staticmethod
    def url(db: str) -> str:
        return db if "://" in db else f"sqlite:///{Path(db).as_posix()}"

    def wal(self, db: str) -> Path | None:
        return Path(db + "-wal") if self.backend == "sqlite" else None

    def check_sound(self, db: str, killed: Killed) -> None:
        if self.backend == "sqlite":
            assert integrity(Path(db)) == ["ok"], killed
        else:
            _no_transaction_left(db, killed)


def _no_transaction_left(url: str, killed: Killed) -> None:
    """The server noticed the client's death and rolled its transaction back."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            for _ in range(100):
                open_ones = conn.scalar(
                    text(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                        "AND pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
                    )
                )
                if not open_ones:
                    return
                conn.execute(text("SELECT pg_sleep(0.05)"))
            pytest.fail(f"{killed}: a transaction of the killed client is still open")
    finally:
        engine.dispose()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not PG_URL:
        pytest.skip("TRACKER_TEST_PG_URL not set")
    return str(request.param)


def _target(backend: str, folder: Path, build: Callable[[str], None]) -> Target:
    target = Target(backend, folder, build)
    if backend == "sqlite":
        target.template = folder / "before.sqlite3"
        build(Target.url(str(target.template)))
    return target


def _kill_at_each_moment(
    target: Target,
    command: Callable[[str], list[str]],
    finish: Callable[[str, bool], None],
    state: Callable[[str], str] = database_state,
    changes: bool = True,
) -> list[tuple[Killed, str]]:
    """Kill ``command`` at each moment; after each: sound, "before" or "after", then finished.

    ``finish(url, was_done)`` runs the same work again in-process and checks it
    finishes it (``was_done`` False) or says it was already done (True).
    ``changes`` False: the command must leave ``state`` as it was (an export).
    Returns each kill with where it left the database ("before"/"after"/"unchanged").
    """
    db = target.fresh("timed")
    url = Target.url(db)
    before = state(url)
    startup, _ = timed(lambda: run_cli(db, "rounds"))
    total, _ = timed(lambda: run_command(command(db)))
    after = state(url)
    assert (after != before) is changes
    pace = Pace(startup, total)
    planned: list[tuple[str, float | None]] = [
        (f"{round(f * 100)}%", f) for f in FRACTIONS[target.backend]
    ]
    if target.backend == "sqlite":  # inside the write, and a moment later (its commit?)
        planned += [("wal", None), ("wal+20ms", 0.02)]
    done: list[tuple[Killed, str]] = []
    for name, fraction in planned:
        db = target.fresh(name)
        url = Target.url(db)
        if name.startswith("wal"):
            killed = kill_at(command(db), name, delay=fraction, wal=target.wal(db))
        else:
            assert fraction is not None
            killed = kill_at(command(db), name, delay=pace.delay(fraction))
            pace.learn(killed)
        target.check_sound(db, killed)
        now = state(url)
        assert now in (before, after), f"{killed}: neither before nor after: {now}"
        finish(url, changes and now == after)
        assert state(url) == after, killed
        where = ("after" if now == after else "before") if changes else "unchanged"
        done.append((killed, where))
    assert any(not k.finished_first for k, _ in done), "every run ended before its kill"
    print(f"start-up {startup:.2f}s, full run {total:.2f}s")
    print(
        "\n".join(
            f"{k.moment:>4} at {k.after_seconds:.2f}s (ended first: {k.finished_first}): {where}"
            for k, where in done
        )
    )
    return done


# -- import-ledger ---------------------------------------------------------------------------
def test_kill_during_import_ledger_leaves_before_or_after(backend: str, tmp_path: Path) -> None:
    target = _target(backend, tmp_path, build_office)
    sent, returned = tmp_path / "sent", tmp_path / "returned"
    returned.mkdir()
    services = open_services(Target.url(target.fresh("export")))
    try:
        ledgers = services.ledger_export.export_units(ROUND, sent)
    finally:
        services.close()
    for ledger in ledgers:
        fill_in(ledger, returned / ledger.name, "单位填报")

    def finish(url: str, was_done: bool) -> None:
        services = open_services(url)
        try:
            importer = services.ledger_import
            previews = importer.preview([returned])
            errors = [str(p.error) if p.error else "" for p in previews]
            if was_done:
                assert all("already imported" in e for e in errors), errors
            else:
                assert errors == [""] * len(ledgers)
            result = importer.apply([returned], expected=previews)
            assert len(result.applied) == (0 if was_done else len(ledgers))
        finally:
            services.close()

    killed = _kill_at_each_moment(
        target, lambda db: cli_command(db, "import-ledger", str(returned)), finish
    )
    assert len(killed) == len(FRACTIONS[backend]) + 2 * (backend == "sqlite")


# -- import-doc ------------------------------------------------------------------------------
def test_kill_during_import_doc_leaves_before_or_after(backend: str, tmp_path: Path) -> None:
    first, *others = policy_files()
    target = _target(backend, tmp_path, lambda url: build_office(url, others))

    def finish(url: str, was_done: bool) -> None:
        services = open_services(url)
        try:
            outcome = services.documents.import_file(first)
        finally:
            services.close()
        assert outcome.state == ("unchanged" if was_done else "created")

    _kill_at_each_moment(target, lambda db: cli_command(db, "import-doc", str(first)), finish)


# -- export-ledger ---------------------------------------------------------------------------
def test_kill_during_export_leaves_no_torn_ledger(backend: str, tmp_path: Path) -> None:
    """An export writes files, then records them: a record never names a missing or torn file.

    The progress itself must not move at all; the records of what was written
    may be all or none (one transaction) — or, if the export records unit by
    unit, any number, as long as each names a complete file.
    """
    # the small sample office (a few units): reading every ledger back after each kill
    # is what costs here, not the export
    target = _target(backend, tmp_path, lambda url: build_office(url, []))
    progress_only = tuple(t for t in COUNTED_TABLES if t != "ledger_exports")
    runs = iter(range(100))
    folders: list[Path] = []

    def command(db: str) -> list[str]:
        folders.append(tmp_path / f"out{next(runs)}")
        return cli_command(db, "export-ledger", "--all", "--out", str(folders[-1]))

    def finish(url: str, was_done: bool) -> None:
        del was_done
        out = folders[-1]
        _assert_records_name_whole_files(url, out)
        services = open_services(url)
        try:
            written = services.ledger_export.export_units(ROUND, out)
        finally:
            services.close()
        for path in written:
            assert len(read_ledger(path).rows) > 0, path

    _kill_at_each_moment(
        target,
        command,
        finish,
        state=lambda url: database_state(url, progress_only),
        changes=False,
    )


def _assert_records_name_whole_files(url: str, out: Path) -> None:
    """Every file the database says it wrote is there and reads; so is every ledger there."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            recorded = list(conn.scalars(text("SELECT file_name FROM ledger_exports")))
    finally:
        engine.dispose()
    if not out.exists():  # killed before it made the folder
        assert recorded == []
        return
    present = {p.name for p in out.glob("*.xlsx") if not p.name.startswith((".", "~$"))}
    assert set(recorded) <= present, f"recorded but not written: {set(recorded) - present}"
    # what a killed export leaves behind (its temporary file) is never taken for a ledger
    assert {p.name for p in ledger_paths([out])} == present
    for name in present:
        assert len(read_ledger(out / name).rows) > 0, name
