"""Two processes writing the same assignment at the same instant: no update is ever lost.

Two writer processes (spawned, each with its own services over the same
database) go through rounds in step with the test, held together by a barrier:
both read the assignment's version, wait for each other, then both save a note
of their own at once.  After each round the test reads the history and checks:

- every save that reported success is in the history, and nothing of a save that
  failed ("someone else saved this" — ``StaleEditError`` — or "the database is
  busy") was written;
- with the version the clerk saw (``expected_version``, as the window edits), at
  most one of two edits made on the same version can succeed;
- without it (``tracker-cli progress``), both land, one after the other: the
  second's "before" is the first's "after", never the value both started from;
- the assignment's value is the last history entry's, and its version rose by the
  number of successful saves;
- no writer died of anything but a user error (no traceback).
"""

from __future__ import annotations

import multiprocessing
import subprocess
from dataclasses import dataclass
from itertools import pairwise
from multiprocessing.synchronize import Barrier
from typing import Any

import pytest
from sqlalchemy import select

from db.models import Assignment, ProgressEntry
from tests.reliability.harness import (
    cli_command,
    create_database,
    open_services,
    run_command,
)
from tests.tracker.conftest import sample_document, source
from tracker.errors import StaleEditError, UserError
from tracker.progress.progress_service import Change

ROUNDS = 30
WAIT = 60.0
CLI_ROUNDS = 3
CODE_UNIT = ("1", "自治区市场监管厅")


@dataclass(frozen=True)
class Attempt:
    """One writer's save in one round, as the writer saw it end."""

    round: int
    writer: str
    note: str
    outcome: str  # "saved", "stale", "refused: <message>" or "bug: <exception>"


def _writer(
    url: str,
    assignment_id: int,
    name: str,
    versioned: bool,
    barrier: Barrier,
    results: Any,
) -> None:
    """A clerk's process: each round, read the version, wait for the other, save a note."""
    services = open_services(url)
    try:
        for number in range(ROUNDS):
            barrier.wait(WAIT)
            with services.store.reading() as session:
                assignment = session.get(Assignment, assignment_id)
                assert assignment is not None
                version = assignment.version
            barrier.wait(WAIT)
            note = f"{name}第{number}轮"
            try:
                services.progress.record(
                    assignment_id,
                    Change(note=note),
                    expected_version=version if versioned else None,
                )
                outcome = "saved"
            except StaleEditError:
                outcome = "stale"
            except UserError as exc:
                outcome = f"refused: {exc.message}"
            except Exception as exc:  # a bug: reported to the test, which fails on it
                outcome = f"bug: {type(exc).__name__}: {exc}"
            results.put(Attempt(number, name, note, outcome))
            barrier.wait(WAIT)
    finally:
        services.close()


def _office(url: str) -> int:
    """A database with the sample document; the id of the assignment both will write."""
    create_database(url)
    services = open_services(url)
    try:
        services.documents.import_parsed(sample_document(), source())
        with services.store.reading() as session:
            return services.progress.find_assignment(session, *CODE_UNIT).id
    finally:
        services.close()


def _history(url: str, assignment_id: int) -> tuple[list[ProgressEntry], Assignment]:
    services = open_services(url)
    try:
        with services.store.reading() as session:
            entries = list(
                session.scalars(
                    select(ProgressEntry)
                    .where(ProgressEntry.assignment_id == assignment_id)
                    .order_by(ProgressEntry.id)
                )
            )
            assignment = session.get(Assignment, assignment_id)
            assert assignment is not None
            session.expunge_all()
        return entries, assignment
    finally:
        services.close()


def _check_round(
    attempts: list[Attempt],
    entries: list[ProgressEntry],
    assignment: Assignment,
    version_before: int,
    versioned: bool,
) -> None:
    bugs = [a for a in attempts if a.outcome.startswith("bug")]
    assert not bugs, bugs
    saved = [a.note for a in attempts if a.outcome == "saved"]
    tried = {a.note for a in attempts}
    written = [e for e in entries if e.new_note in tried]
    assert sorted(e.new_note for e in written) == sorted(saved), attempts
    if versioned:
        assert len(saved) <= 1, f"two edits of version {version_before} both saved: {attempts}"
    for earlier, later in pairwise(written):
        assert later.old_note == earlier.new_note, "the second save overwrote the first unseen"
    assert assignment.note == entries[-1].new_note
    assert assignment.version == version_before + len(saved)


@pytest.mark.parametrize("versioned", [True, False], ids=["expected_version", "last_wins"])
def test_two_processes_never_lose_an_update(db_url: str, versioned: bool) -> None:
    assignment_id = _office(db_url)
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(3)
    results = context.Queue()
    writers = [
        context.Process(
            target=_writer, args=(db_url, assignment_id, name, versioned, barrier, results)
        )
        for name in ("甲", "乙")
    ]
    for process in writers:
        process.start()
    tally: dict[str, int] = {}
    try:
        for number in range(ROUNDS):
            _, before = _history(db_url, assignment_id)
            barrier.wait(WAIT)
            barrier.wait(WAIT)
            attempts = [results.get(timeout=WAIT) for _ in writers]
            barrier.wait(WAIT)
            assert {a.round for a in attempts} == {number}
            entries, after = _history(db_url, assignment_id)
            _check_round(attempts, entries, after, before.version, versioned)
            for attempt in attempts:
                kind = attempt.outcome.split(":")[0]
                tally[kind] = tally.get(kind, 0) + 1
    finally:
        for process in writers:
            process.join(WAIT)
            if process.is_alive():
                process.kill()
    assert [p.exitcode for p in writers] == [0, 0]
    assert sum(tally.values()) == 2 * ROUNDS
    if versioned:
        # one of the two edits of the same version wins every round
        assert tally.get("saved") == ROUNDS, tally
    print(tally)


def test_two_cli_progress_commands_at_once_both_land_in_the_history(db_url: str) -> None:
    """``tracker-cli progress`` twice at the same moment: both notes in the history, in turn."""
    assignment_id = _office(db_url)
    _, first = _history(db_url, assignment_id)
    for number in range(CLI_ROUNDS):
        notes = [f"命令行甲第{number}轮", f"命令行乙第{number}轮"]
        processes = [
            subprocess.Popen(  # the two start together; each takes its own time to open
                cli_command(db_url, "progress", *CODE_UNIT, "--note", note),
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                encoding="utf-8",
            )
            for note in notes
        ]
        outputs = [p.communicate(timeout=120) for p in processes]
        codes = [p.returncode for p in processes]
        assert all("Traceback" not in err for _, err in outputs), outputs
        assert set(codes) <= {0, 2}, outputs
        entries, after = _history(db_url, assignment_id)
        saved = [n for n, c in zip(notes, codes, strict=True) if c == 0]
        written = [e for e in entries if e.new_note in notes]
        assert sorted(e.new_note for e in written) == sorted(saved), outputs
        for earlier, later in pairwise(written):
            assert later.old_note == earlier.new_note
        assert after.note == entries[-1].new_note
    assert after.version > first.version
    assert run_command(cli_command(db_url, "history", *CODE_UNIT)).returncode == 0
