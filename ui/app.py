"""Start the desktop application: ``tracker`` or ``python -m ui.app [--db PATH_OR_URL]``.

Order matters: the translation is installed before any widget is built, since
widgets translate their texts when they are created.  The window's frame (title,
size and place, "Opening the database…") is shown and painted first, as fast
as a bare window.  Then, from the event loop: logging and the crash hook are set
up (so a failure while opening the database is logged); a worker thread starts
importing the tracker (SQLAlchemy — most of the start-up time), opening the
database and reading the first document's rows; and meanwhile the window's
parts are built (menus, filters, table, navigator: their modules imported only
now).  So the clerk sees the window at once, its parts a few frames later and
the rows after that.  Nothing heavy is imported at module level here; a failure
before the log is set up sets it up to log it.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from ui import settings as keys
from ui.main_window import FirstLook, MainWindow, first_look, settle_memory
from ui.resources import resource_path

if TYPE_CHECKING:
    from pathlib import Path

    from tracker.services import Services
    from ui.crash import CrashHandler

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


def open_in_background(
    window: MainWindow, target: str | None, failures: list[BaseException] | None = None
) -> None:
    """Import the tracker and open the database on a worker thread, then show its rows.

    A database that cannot be opened is explained in a message box and the window
    closes (so the application ends); ``failures`` then holds the error, and
    ``main`` exits with status 1, as it did before the window appeared first.
    """
    from tracker.errors import UserError
    from ui.messages import app_title, translated
    from ui.workers import start

    failures = [] if failures is None else failures

    def work(_reporter: object) -> tuple[Services, FirstLook]:
        from tracker.services import Services

        services = Services.open(target)
        try:
            return services, first_look(services)
        except BaseException:
            services.close()
            raise

    def failed(exc: BaseException) -> None:
        settle_memory()
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

    start(work, opened, failed)


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
    # Start-up makes a million objects that all live on (modules, then every row):
    # the cycle collector would walk them again and again.  It is back, with those
    # objects set aside, once every row is read (``main_window.settle_memory``).
    gc.disable()
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # (a test may have made one already)
        # Qt 6 scales by the screen's exact factor (rounding policy PassThrough) by
        # default: crisp text at 125 % and 150 %, nothing to set.
        app = QApplication(list(argv))
    app.setOrganizationName(keys.ORGANIZATION)
    app.setApplicationName(keys.APPLICATION)
    settings = keys.app_settings()
    try:
        install_translation(app, keys.language(settings))
        window = MainWindow(None, settings, frame_only=True)
        window.show()
        app.processEvents()  # the frame is painted before anything else happens
    except Exception:
        install_crash_handler()(*sys.exc_info())
        return None
    launched = Launch(app, window, [])
    target = database_target(options.db, settings)

    def build_and_open() -> None:
        install_crash_handler()  # from here on a failure is logged
        # The worker imports the tracker and opens the database while the parts are built.
        open_in_background(window, target, launched.failures)
        try:
            window.build()  # every part of the window: menus, filters, table, navigator…
        except Exception as exc:
            launched.failures.append(exc)
            sys.excepthook(type(exc), exc, exc.__traceback__)
            window.close()

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
