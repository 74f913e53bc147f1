"""Start the desktop application: ``tracker`` or ``python -m ui.app [--db PATH_OR_URL]``.

Order matters: logging and the crash hook come first so even a failure while
opening the database is logged; the translation is installed before any
widget is built, since widgets translate their texts when they are created.

The window is shown before the database is opened: a zero timer then imports
the tracker (SQLAlchemy, Alembic — most of the start-up time) and opens the
database on a worker thread, so the clerk sees the window at once and the rows
a moment later.  Nothing heavy is imported at module level here.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker.errors import UserError
from ui import settings as keys
from ui.crash import CrashHandler, setup_logging
from ui.main_window import MainWindow
from ui.messages import app_title, translated
from ui.resources import resource_path
from ui.workers import start

if TYPE_CHECKING:
    from tracker.services import Services

log = logging.getLogger("tracker.ui")


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
    from tracker.services import Services

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
    failures = [] if failures is None else failures

    def work(_reporter: object) -> Services:
        from tracker.services import Services

        return Services.open(target)

    def failed(exc: BaseException) -> None:
        failures.append(exc)
        if isinstance(exc, UserError):
            QMessageBox.critical(window, app_title(), translated(exc))
        else:
            sys.excepthook(type(exc), exc, exc.__traceback__)
        window.close()  # the last window: the application quits

    start(work, lambda services: window.attach(services, progressive=True), failed)


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="tracker", description="督办台账 · Measure Tracker")
    parser.add_argument("--db", help="database file or SQLAlchemy URL to open")
    known, _qt_arguments = parser.parse_known_args(list(argv))
    return known


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    options = parse_arguments(argv[1:])
    app = QApplication.instance()
    if not isinstance(app, QApplication):  # (a test may have made one already)
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough  # crisp text at 125 % and 150 %
        )
        app = QApplication(argv)
    app.setOrganizationName(keys.ORGANIZATION)
    app.setApplicationName(keys.APPLICATION)
    log_path = setup_logging()
    CrashHandler(log_path).install()
    settings = keys.app_settings()
    install_translation(app, keys.language(settings))
    window = MainWindow(None, settings)
    window.show()
    target = database_target(options.db, settings)
    failures: list[BaseException] = []
    QTimer.singleShot(0, lambda: open_in_background(window, target, failures))
    status = app.exec()
    return 1 if failures else status


if __name__ == "__main__":
    sys.exit(main())
