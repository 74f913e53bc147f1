"""Start the desktop application: ``tracker`` or ``python -m ui.app [--db PATH_OR_URL]``.

Order matters: logging and the crash hook come first so even a failure while
opening the database is logged; the translation is installed before any
widget is built, since widgets translate their texts when they are created.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker.errors import UserError
from tracker.services import Services
from ui import settings as keys
from ui.crash import CrashHandler, setup_logging
from ui.main_window import MainWindow
from ui.messages import app_title
from ui.resources import resource_path

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
    try:
        return Services.open(target)
    except UserError as exc:
        QMessageBox.critical(None, app_title(), exc.message)
        return None


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
    services = open_services(database_target(options.db, settings))
    if services is None:
        return 1
    window = MainWindow(services, settings)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
