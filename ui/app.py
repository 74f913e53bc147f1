"""Start the desktop application: ``tracker`` or ``python -m ui.app [--db PATH_OR_URL]``.

Order matters: the translation is installed before any widget is built, since
widgets translate their texts when they are created.  The window's frame (title,
size and place, "Opening the database…") is shown and painted first, as fast
as a bare window.  Then, from the event loop: logging and the crash hook are set
up (so a failure while opening the database is logged); a worker thread starts
reading the first document's rows of an SQLite file with ``sqlite3`` alone
(``tracker.progress.quick_look``: shown at once, to look at), then importing the tracker
(SQLAlchemy — most of the start-up time) and opening the database; meanwhile
the window's parts are built (menus, filters, table, navigator: their modules
imported only now).  So the clerk sees the window at once, its parts and the
first rows a few frames later, and can use its menus, filters and navigator
while the database opens; what needs the database waits for it
(``ui.window.opening_state``).  Nothing heavy is imported at module level here; a failure before the
log is set up sets it up to log it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMessageBox

from ui.resources import resource_path
from ui.settings import window_settings as keys
from ui.window.main_window import MainWindow
from ui.window.window_reads import FirstLook, first_look

if TYPE_CHECKING:
    from pathlib import Path

    from tracker.errors import UserError
    from tracker.services import Services
    from ui.crash import CrashHandler
    from ui.workers import Reporter

log = logging.getLogger("tracker.ui")


def setup_logging() -> Path:
    """The rotating log file (its modules imported now, after the window is shown)."""
    from ui.crash import setup_logging as log_to_file

    return log_to_file()


def install_crash_handler() -> CrashHandler:
    """Log to the file and let the crash hook log bugs and apologise from now on."""
    from ui.crash import CrashHandler

    handler = CrashHandler(setup_logging())
    handler.install()
    return handler


def install_translation(app: QApplication, language: str) -> list[QTranslator]:
    """Load the application's and Qt's own translations for ``language`` (``en``: none).

    The translators are children of ``app``, so they live as long as it does.
    """
    if language == "en":
        return []
    QLocale.setDefault(QLocale(language))
    installed = []
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"tracker_{language}.qm"))):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no compiled translation for %s (run pyside6-lrelease)", language)
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for catalogue in ("qtbase", "qt"):  # the standard buttons: 确定, 取消…
        qt_own = QTranslator(app)
        if qt_own.load(f"{catalogue}_{language}", qt_folder):
            app.installTranslator(qt_own)
            installed.append(qt_own)
            break
    return installed


def database_target(option: str | None, settings: QSettings) -> str | None:
    """Which database to open: ``--db``, else ``TRACKER_DB``, else the remembered one.

    None lets ``Services.open`` pick ``TRACKER_DB`` or the default file itself.
    """
    if option:
        return option
    if os.environ.get("TRACKER_DB"):
        return None
    return keys.database_choice(settings)


def open_services(target: str | None) -> Services | None:
    """Open the database, or explain in a message box why it cannot be opened."""
    from tracker.errors import UserError
    from tracker.services import Services
    from ui.messages import app_title, translated

    try:
        return Services.open(target)
    except UserError as exc:
        QMessageBox.critical(None, app_title(), translated(exc))
        return None


class StartGate:
    """When the worker may import SQLAlchemy: once the clerk has something to look at.

    That import holds Python's interpreter lock for some 0.3 s; run while the GUI
    thread builds the window's parts and paints the first rows, it slows both.
    So the worker reads the first rows (``sqlite3``, quick), hands them over and
    waits until they are painted — or, with nothing to show early, until the parts
    are built.  The timeout keeps a missed signal from ever stalling the start.

    Kept after measuring without it (``bench/notes.md``, "Speed tricks"): the first rows of
    100,000 assignments came no sooner (1319 ms median against 1247 ms, under load), and
    the start that reads every row did not exit in 7 of 7 bench runs without the gate.
    """

    TIMEOUT_S = 2.0

    def __init__(self, *, open_now: bool = False) -> None:
        self.built = threading.Event()
        self.shown = threading.Event()
        if open_now:
            self.built.set()
            self.shown.set()

    def wait(self, previewing: bool) -> bool:
        """Until the rows are painted (``previewing``) or the parts built; False on timeout."""
        return (self.shown if previewing else self.built).wait(self.TIMEOUT_S)

    def release(self) -> None:
        self.built.set()
        self.shown.set()


def open_in_background(
    window: MainWindow,
    target: str | None,
    failures: list[BaseException] | None = None,
    gate: StartGate | None = None,
) -> None:
    """Import the tracker and open the database on a worker thread, then show its rows.

    A database that cannot be opened is explained in a message box and the window
    closes (so the application ends); ``failures`` then holds the error, and
    ``main`` exits with status 1, as it did before the window appeared first.
    ``gate`` (at start-up): when the worker may begin the heavy import.
    """
    from tracker.errors import UserError
    from ui.messages import app_title, translated
    from ui.workers import start

    failures = [] if failures is None else failures
    gate = gate or StartGate(open_now=True)

    def work(reporter: Reporter) -> tuple[Services, FirstLook]:
        from tracker.progress.quick_look import quick_look

        quick = quick_look(target)  # sqlite3 alone: before SQLAlchemy is imported
        if quick is not None:
            reporter.deliver(FirstLook(*quick))
        gate.wait(previewing=quick is not None)
        from tracker.services import Services

        services = Services.open(target)
        try:
            return services, FirstLook(*quick) if quick is not None else first_look(services)
        except BaseException:
            services.close()
            raise

    def failed(exc: BaseException) -> None:
        # (imported here: it imports SQLAlchemy, which must not load on the GUI thread
        # before the window's parts are built — 0.15–0.25 s of the start, see StartGate)
        from tracker.db_errors import DatabaseMissingError, DatabaseNotInitialisedError

        if isinstance(exc, (DatabaseMissingError, DatabaseNotInitialisedError)) and window.built:
            offer_new_database(window, target, exc)  # never created silently
            return
        failures.append(exc)
        if isinstance(exc, UserError):
            QMessageBox.critical(window, app_title(), translated(exc))
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        window.close()  # the last window: the application quits

    def opened(result: tuple[Services, FirstLook]) -> None:
        services, first = result
        if not window.built:  # building it failed: the window is closing
            services.close()
            return
        window.attach(services, first=first)

    def preview(first: FirstLook) -> None:
        try:
            window.preview(first)
            # Laid out and painted now, before the worker takes the interpreter: while it
            # imports, every call the GUI thread makes into Python waits its turn.
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        finally:
            gate.release()

    start(work, opened, failed, delivered=preview)


def offer_new_database(window: MainWindow, target: str | None, missing: UserError) -> None:
    """No database where the window looked: say so, and let the clerk create one or choose.

    ``Services.open`` creates nothing by itself, so a moved or deleted file (or a
    mistyped ``--db``) never turns into an empty database the clerk then fills.
    Until one is opened the menus stay off, as while the database opens.
    """
    from PySide6.QtWidgets import QFileDialog

    from tracker.errors import UserError
    from tracker.services import Services
    from ui.messages import busy, translated, warn
    from ui.window.first_run import MissingDatabasePage

    page = MissingDatabasePage(str(missing.params["database"]))
    window.pages.addWidget(page)
    window.pages.setCurrentWidget(page)
    window.location.setText(str(missing.params["database"]))

    def attach(chosen: str | None, create: bool) -> None:
        try:
            with busy():
                services = Services.open(chosen, create=create)
        except UserError as exc:
            warn(window, translated(exc))
            return
        window.pages.removeWidget(page)
        page.deleteLater()
        window.attach(services)
        if chosen is not None and not create:
            keys.DATABASE.set(window.settings, chosen)

    def choose() -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            window,
            QCoreApplication.translate("MissingDatabasePage", "Open database"),
            "",
            QCoreApplication.translate(
                "MissingDatabasePage", "Databases (*.sqlite3 *.db);;All files (*)"
            ),
        )
        if chosen:
            attach(chosen, create=False)

    page.create_requested.connect(lambda: attach(target, create=True))
    page.choose_requested.connect(choose)


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tracker", description="督办台账 · Measure Tracker")
    parser.add_argument("--db", help="database file or SQLAlchemy URL to open")
    known, _qt_arguments = parser.parse_known_args(list(argv))
    return known


class Launch(NamedTuple):
    """The application as ``launch`` leaves it: window painted, database opening next."""

    app: QApplication
    window: MainWindow
    failures: list[BaseException]
    """Why the database could not be opened, once tried (``main`` then exits with 1)."""


def launch(argv: Sequence[str]) -> Launch | None:
    """Show and paint the window's frame, then schedule the rest: its parts, then the
    database's opening (``main`` runs the event loop).  None if not even the frame could
    be shown (the log says why)."""
    options = parse_arguments(argv[1:])
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # (a test may have made one already)
        # Qt 6 scales by the screen's exact factor (rounding policy PassThrough) by
        # default: crisp text at 125 % and 150 %, nothing to set.
        app = QApplication(list(argv))
    app.setOrganizationName(keys.ORGANIZATION)
    app.setApplicationName(keys.APPLICATION)
    from PySide6.QtGui import QIcon  # (loaded with QtWidgets already)

    # The same drawing as the .exe's and the installer's (packaging/make_icon.py).
    app.setWindowIcon(QIcon(str(resource_path("icons", "tracker.png"))))
    from ui.theme import apply_theme

    apply_theme(app)  # Fusion, a light palette, resources/theme.qss (before any widget)
    settings = keys.app_settings()
    try:
        install_translation(app, keys.LANGUAGE.value(settings))
        window = MainWindow(None, settings, frame_only=True)
        window.show()
        app.processEvents()  # the frame is painted before anything else happens
    except Exception:
        install_crash_handler()(*sys.exc_info())
        return None
    launched = Launch(app, window, [])
    target = database_target(options.db, settings)

    def build_and_open() -> None:
        # The worker reads the first rows while the parts are built, then opens the
        # database.  Its results and failures come back as queued signals, handled on this
        # thread once this function returns: after the crash hook is installed below.
        gate = StartGate()
        open_in_background(window, target, launched.failures, gate)
        install_crash_handler()  # from here on a failure is logged
        try:
            window.build()  # every part of the window: menus, filters, table, navigator…
        except Exception as exc:
            gate.release()
            launched.failures.append(exc)
            sys.excepthook(type(exc), exc, exc.__traceback__)
            window.close()
        else:
            gate.built.set()

    QTimer.singleShot(0, build_and_open)
    return launched


def main(argv: Sequence[str] | None = None) -> int:
    launched = launch(list(sys.argv if argv is None else argv))
    if launched is None:
        return 1
    status = launched.app.exec()
    return 1 if launched.failures else status


if __name__ == "__main__":
    sys.exit(main())
