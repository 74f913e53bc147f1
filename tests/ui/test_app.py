"""Start-up: opening the database, refusing a newer one politely, the crash log, resources."""

from __future__ import annotations

import logging
import sqlite3
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog

from tracker.services import Services
from ui import app as app_module
from ui.crash import CrashHandler, setup_logging
from ui.resources import resource_path, resources_root
from ui.settings import window_settings as keys
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def too_new_database(path: Path) -> Path:
    Services.open(path, create=True).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeedcafe'")
    return path


def test_a_database_from_a_newer_version_is_a_message_not_a_traceback(
    qapp,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    path = too_new_database(tmp_path / "新版本.sqlite3")
    assert app_module.open_services(str(path)) is None
    [(kind, text)] = messages
    assert kind == "critical"
    assert text.startswith(f"The database {path.resolve()} was made")
    assert text.endswith(
        "was made by a newer version of this application (schema f00dfeedcafe); "
        "please update the application."
    )


def test_switching_to_a_newer_database_keeps_the_current_one(
    window: MainWindow, tmp_path: Path, messages: list[tuple[str, str]]
) -> None:
    before = window.services
    assert not window.commands.open_database(
        str(too_new_database(tmp_path / "新.sqlite3")), remember=True
    )
    assert [kind for kind, _ in messages] == ["warning"]
    assert window.services is before
    assert len(window.model.rows()) == 6
    assert keys.DATABASE.value(window.settings) == ""


def test_choosing_a_database_remembers_it(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "另一个.sqlite3"
    Services.open(other, create=True).close()
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(other), "")), raising=True
    )
    window.actions_.open_database.trigger()
    assert keys.DATABASE.value(window.settings) == str(other)
    assert window.pages.currentWidget() is window.first_run
    assert app_module.database_target(None, window.settings) == str(other)
    assert app_module.database_target("x.sqlite3", window.settings) == "x.sqlite3"
    monkeypatch.setenv("TRACKER_DB", str(tmp_path / "env.sqlite3"))
    assert app_module.database_target(None, window.settings) is None  # Services reads it


def test_a_bug_is_logged_and_apologised_for(
    qapp,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    log_file = setup_logging(tmp_path / "logs" / "tracker.log")
    handler = CrashHandler(log_file)
    try:
        raise ValueError("一个程序错误")
    except ValueError:
        handler(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        for h in logging.getLogger().handlers[:]:
            if getattr(h, "baseFilename", None) == str(log_file):
                logging.getLogger().removeHandler(h)
                h.close()
    [(kind, text)] = messages
    assert kind == "critical"
    assert text.startswith("Sorry — something went wrong inside the application.")
    assert str(log_file) in text
    logged = log_file.read_text(encoding="utf-8")
    assert "unexpected error" in logged
    assert "ValueError: 一个程序错误" in logged
    assert "Traceback (most recent call last)" in logged


def test_resources_are_found_in_the_source_tree_and_in_a_frozen_build(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert resource_path("translations", "tracker_zh_CN.ts").is_file()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources_root() == tmp_path / "resources"
    assert resource_path("translations", "x.qm") == tmp_path / "resources" / "translations" / "x.qm"


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_main_opens_the_window_on_the_chosen_database(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys.LANGUAGE.set(keys.app_settings(), "en")  # keep this test's qapp in English
    monkeypatch.setattr(app_module, "setup_logging", lambda: tmp_path / "tracker.log")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    opened: list[MainWindow] = []
    database = tmp_path / "main.sqlite3"
    Services.open(database, create=True).close()

    def run(_app: QApplication) -> int:
        """The window's frame is shown first, then its parts; the database arrives from a
        worker thread."""
        [window] = _windows()
        assert not window.built and window.windowTitle() == "Measure Tracker"
        qtbot.waitUntil(lambda: window.built and window.location.text() == str(database))
        opened.append(window)
        return 0

    monkeypatch.setattr(QApplication, "exec", run)
    assert app_module.main(["tracker", "--db", str(database)]) == 0
    [window] = opened
    assert window.pages.currentWidget() is window.first_run  # an empty database
    assert isinstance(sys.excepthook, CrashHandler)
    window.close()


def _windows() -> list[MainWindow]:
    return [
        w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
    ]


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_a_database_that_cannot_be_opened_at_start_up_is_explained(
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    window = MainWindow(None, keys.app_settings())
    qtbot.addWidget(window)
    window.show()
    assert not window.actions_.import_document.isEnabled()  # waits for the database
    app_module.open_in_background(window, str(too_new_database(tmp_path / "新.sqlite3")))
    qtbot.waitUntil(lambda: bool(messages))
    [(kind, text)] = messages
    assert kind == "critical" and "newer version of this application" in text
    assert not window.isVisible()


def test_the_first_paint_path_imports_nothing_heavy() -> None:
    """SQLAlchemy, Alembic, openpyxl, the report and PDF libraries wait until they are needed."""
    import subprocess

    probe = (
        "import sys, ui.app, ui.window.main_window; "
        "heavy = ('sqlalchemy', 'alembic', 'openpyxl', 'python_calamine', 'reportlab', "
        "'pypdfium2', 'docx', 'pypdf'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_frame_is_shown_before_the_windows_parts_are_imported() -> None:
    """``ui.app`` and the window's frame need none of its parts (nor Qt's big enum namespace)."""
    import subprocess

    probe = (
        "import sys, ui.app; "
        "parts = ('ui.assignments.assignment_table', 'ui.window.navigator', 'ui.window.detail_pane', 'ui.window.filter_bar', "
        "'ui.window.window_actions', 'ui.board.board_view', 'ui.board.dashboard', 'ui.messages', 'ui.workers', "
        "'tracker.records', 'tracker.errors'); "
        "print(sorted(m for m in sys.modules if m in parts))"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=root, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_windows_parts_are_built_before_sqlalchemy_is_imported(tmp_path: Path) -> None:
    """The parts are built on the GUI thread with Python's lock to itself: SQLAlchemy waits
    (``ui.app.StartGate``).  Imported by ``open_in_background`` itself (for two exception
    classes), it came first, on the GUI thread: the window took input after 4.1× a bare
    window's CPU time instead of 2.6× (``bench/results.md``)."""
    import os
    import subprocess
    import textwrap

    database = tmp_path / "库.sqlite3"
    Services.open(database, create=True).close()
    probe = textwrap.dedent(
        f"""
        import os, sys
        from PySide6.QtCore import QSettings
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
        from ui import app
        from ui.window.main_window import MainWindow

        def build(window):
            print("sqlalchemy" in sys.modules, flush=True)
            os._exit(0)

        MainWindow.build = build
        app.launch(["tracker", "--db", {str(database)!r}]).app.exec()
        """
    )
    root = Path(__file__).resolve().parents[2]
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    assert done.stdout.strip() == "False"


def test_the_frame_has_the_applications_title(qtbot) -> None:  # type: ignore[no-untyped-def]
    from ui.messages import app_title

    window = MainWindow(None, keys.app_settings(), frame_only=True)
    qtbot.addWidget(window)
    assert window.windowTitle() == app_title() and not window.built
    window.build()
    assert window.built and window.location.text() == "Opening the database…"
