"""A reload of a big database reads on a worker; the window keeps its rows until then."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tracker.conftest import sample_document, source
from tests.ui.conftest import shown
from tracker.services import Services
from ui.window import row_loader
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_a_big_reload_keeps_the_rows_until_the_new_ones_arrive(
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setattr(row_loader, "BACKGROUND_RELOAD_ROWS", 1)  # 6 rows count as big
    before = shown(window)
    assert len(before) == 6
    services.documents.import_parsed(sample_document("宁政办〔2021〕10号"), source(sha="b" * 64))
    window.rows.reload()
    assert shown(window) == before  # not frozen: the rows it had, for now
    assert window.counts.text() == "Reading every assignment…"
    assert window.filters.document.count() == 3  # the documents are read at once
    qtbot.waitUntil(lambda: len(shown(window)) == 12)
    assert window.rows.index is not None and len(window.rows.index) == 12
    assert window.counts.text().startswith("12 assignments shown")


def test_a_small_reload_is_done_when_it_returns(window: MainWindow, services: Services) -> None:
    services.documents.import_parsed(sample_document("宁政办〔2021〕10号"), source(sha="b" * 64))
    window.rows.reload()
    assert len(shown(window)) == 12


def test_another_database_never_shows_the_previous_ones_rows(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(row_loader, "BACKGROUND_RELOAD_ROWS", 1)
    other = Services.open(tmp_path / "另一个.sqlite3", create=True)
    other.documents.import_parsed(sample_document("宁政办〔2021〕77号"), source(sha="c" * 64))
    other.close()
    assert window.commands.open_database(str(tmp_path / "另一个.sqlite3"), remember=False)
    assert {r.doc_label for r in window.model.rows()} == {"宁政办〔2021〕77号"}


def test_an_edit_made_while_the_rows_are_read_is_not_undone_by_them(
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    """The worker read the row before the edit was saved; the window keeps the edit."""
    import threading

    from ui.assignments.assignment_model import NOTE

    monkeypatch.setattr(row_loader, "BACKGROUND_RELOAD_ROWS", 1)
    read, edited = threading.Event(), threading.Event()
    real_read = row_loader.read_everything

    def read_then_wait(services: Services) -> object:
        loaded = real_read(services)  # read before the edit …
        read.set()
        edited.wait(5)  # … handed over after it
        return loaded

    monkeypatch.setattr(row_loader, "read_everything", read_then_wait)
    before = window.rows.index
    window.rows.reload()
    assert read.wait(5)
    row = window.model.rows()[0]
    assert window.model.setData(window.model.index(0, NOTE), "会上已部署")
    edited.set()
    qtbot.waitUntil(lambda: window.rows.index is not before)  # the rows read on the worker
    [now] = [r for r in window.model.rows() if r.id == row.id]
    assert (now.note, now.version) == ("会上已部署", row.version + 1)
    assert window.rows.index is not None
    [held] = [r for r in window.rows.index.rows if r.id == row.id]
    assert held.note == "会上已部署"
