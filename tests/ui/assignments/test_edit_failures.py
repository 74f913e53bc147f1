"""An edit the database refuses is never left on the undo stack; after any failure the
stack's index is where the database is, and the clerk sees a message, not the apology."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from db import engine as db_engine
from tests.ui.conftest import row_of
from tracker.db_errors import LOCKED, DatabaseFullError, DatabaseLockedError
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from ui.crash import CrashHandler
from ui.window.main_window import MainWindow
from ui.workers import report_failure

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

SUMMARY = "Some changes could not be saved; the table now shows the current values."


def history(services: Services, assignment_id: int) -> list[tuple[str | None, str, str]]:
    return [
        (h.old_status, h.new_status, h.source) for h in services.progress.history(assignment_id)
    ]


@pytest.fixture
def lock(services: Services, monkeypatch: pytest.MonkeyPatch) -> Iterator[sqlite3.Connection]:
    """Another program holding the database's write lock (SQLite waits 50 ms, not 5 s)."""
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 50)
    services.store.engine.dispose()  # new connections wait only that long
    path = services.store.file
    assert path is not None
    other = sqlite3.connect(path, isolation_level=None)
    yield other
    other.close()


def status_of(services: Services, assignment_id: int) -> Status:
    return next(r.status for r in services.overview.assignments() if r.id == assignment_id)


def locked_message(services: Services) -> str:
    return f"{SUMMARY}\n\n{LOCKED.format(database=services.store.where)}"


def test_an_edit_the_locked_database_refuses_is_not_pushed(
    window: MainWindow,
    services: Services,
    lock: sqlite3.Connection,
    messages: list[tuple[str, str]],
) -> None:
    target = row_of(window, "2", "宁夏税务局")
    lock.execute("BEGIN EXCLUSIVE")
    assert not window.progress_actions.set_status([target], Status.IN_PROGRESS)
    lock.execute("ROLLBACK")
    stack = window.progress_actions.stack
    assert (stack.count(), stack.index()) == (0, 0)
    assert messages == [("warning", locked_message(services))]
    assert row_of(window, "2", "宁夏税务局").status is Status.NOT_STARTED
    assert history(services, target.id) == [(None, "未启动", "导入 措施.txt")]


def test_an_undo_that_fails_leaves_the_index_where_the_database_is(
    window: MainWindow,
    services: Services,
    lock: sqlite3.Connection,
    messages: list[tuple[str, str]],
) -> None:
    target = row_of(window, "2", "宁夏税务局")
    stack = window.progress_actions.stack
    assert window.progress_actions.set_status([target], Status.IN_PROGRESS)
    assert (stack.count(), stack.index()) == (1, 1)
    lock.execute("BEGIN EXCLUSIVE")
    stack.undo()
    lock.execute("ROLLBACK")
    assert (stack.count(), stack.index()) == (1, 1)  # still done, as in the database
    assert messages == [("warning", locked_message(services))]
    assert row_of(window, "2", "宁夏税务局").status is Status.IN_PROGRESS
    done = [(None, "未启动", "导入 措施.txt"), ("未启动", "推进中", "手工")]
    assert history(services, target.id) == done
    stack.undo()  # the database is free again: the same undo now works
    assert (stack.count(), stack.index()) == (1, 0)
    assert history(services, target.id) == [*done, ("推进中", "未启动", "撤销")]
    assert row_of(window, "2", "宁夏税务局").status is Status.NOT_STARTED


def test_a_redo_that_fails_leaves_the_index_where_the_database_is(
    window: MainWindow,
    services: Services,
    lock: sqlite3.Connection,
    messages: list[tuple[str, str]],
) -> None:
    target = row_of(window, "2", "宁夏税务局")
    stack = window.progress_actions.stack
    assert window.progress_actions.set_status([target], Status.IN_PROGRESS)
    stack.undo()
    lock.execute("BEGIN EXCLUSIVE")
    stack.redo()
    lock.execute("ROLLBACK")
    assert (stack.count(), stack.index()) == (1, 0)
    assert messages == [("warning", locked_message(services))]
    assert row_of(window, "2", "宁夏税务局").status is Status.NOT_STARTED
    assert [h[2] for h in history(services, target.id)] == ["导入 措施.txt", "手工", "撤销"]
    stack.redo()
    assert (stack.count(), stack.index()) == (1, 1)
    assert [h[2] for h in history(services, target.id)][-1] == "重做"


def test_a_bug_in_the_write_leaves_nothing_on_the_stack(
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The bug still reaches the crash hook (from the slot), after the stack dropped the edit."""

    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("a bug")

    monkeypatch.setattr(window.progress_actions.editor.progress, "record", broken)
    target = row_of(window, "2", "宁夏税务局")
    with pytest.raises(RuntimeError, match="a bug"):
        window.progress_actions.set_status([target], Status.IN_PROGRESS)
    stack = window.progress_actions.stack
    assert (stack.count(), stack.index()) == (0, 0)
    assert history(services, target.id) == [(None, "未启动", "导入 措施.txt")]


def test_database_errors_from_a_worker_or_the_hook_are_messages_not_the_apology(
    window: MainWindow, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    full = DatabaseFullError(
        "The disk holding the database {database} is full; nothing was saved. Free some space "
        "and try again.",
        database="D:/台账.sqlite3",
    )
    report_failure(window, full)
    CrashHandler(tmp_path / "tracker.log")(
        DatabaseLockedError, DatabaseLockedError(LOCKED, database="x"), None
    )
    assert messages == [
        ("warning", str(full)),
        ("warning", LOCKED.format(database="x")),
    ]


def test_an_undone_tick_off_saved_but_not_read_back_stays_on_the_stack(
    window: MainWindow,
    services: Services,
    messages: list[tuple[str, str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """撤销销号 is written, then the row cannot be read back (the database is locked a moment
    later): the command stays, so Ctrl+Z ticks it off again — stack and database agree."""
    target = row_of(window, "2", "宁夏税务局")
    services.progress.record(target.id, Change(status=Status.DONE))
    window.rows.reload()
    stack = window.progress_actions.stack
    assert window.progress_actions.tick_off([row_of(window, "2", "宁夏税务局")])
    editor = window.progress_actions.editor
    refresh = editor.refresh

    def locked_once(rows):  # type: ignore[no-untyped-def]
        editor.refresh = refresh
        raise DatabaseLockedError(LOCKED, database=services.store.where)

    editor.refresh = locked_once
    assert window.progress_actions.undo_tick_off([row_of(window, "2", "宁夏税务局")])
    assert (stack.count(), stack.index()) == (2, 2)
    assert status_of(services, target.id) is Status.DONE
    assert messages == [("warning", locked_message(services))]
    stack.undo()  # ticked off again, from the values the command kept
    assert status_of(services, target.id) is Status.TICKED_OFF
    stack.redo()
    assert status_of(services, target.id) is Status.DONE
    assert [h[1] for h in history(services, target.id)] == [
        "未启动",
        "已完成",
        "已销号",
        "已完成",
        "已销号",
        "已完成",
    ]
