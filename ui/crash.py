"""Bugs: a full traceback in a rotating log file, a short apology on screen.

Clerks cannot act on a traceback; they can send the log file to whoever looks
after the application.  The log lives in the user's log folder
(``%LOCALAPPDATA%/MeasureTracker/Logs`` on Windows) and keeps five files of 1 MB.
A ``UserError`` that reaches the hook (a slot that did not catch it) is logged
too, but it is no bug: its message is shown, translated, as a warning.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from pathlib import Path
from types import TracebackType

from platformdirs import user_log_path
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from tracker.errors import UserError
from ui.messages import app_title, translated

log = logging.getLogger("tracker")
LOG_FILE_NAME = "tracker.log"


def default_log_path() -> Path:
    return user_log_path("MeasureTracker", appauthor=False) / LOG_FILE_NAME


def setup_logging(path: Path | None = None) -> Path:
    """Send the application's log (INFO and up) to a rotating file; returns its path."""
    path = path or default_log_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


class CrashHandler:
    """``sys.excepthook`` replacement: log the bug, then apologise once per bug."""

    def __init__(self, log_path: Path) -> None:
        self.log_path = log_path
        self._showing = False

    def install(self) -> None:
        sys.excepthook = self

    def __call__(
        self,
        kind: type[BaseException],
        error: BaseException,
        trace: TracebackType | None,
    ) -> None:
        text = "".join(traceback.format_exception(kind, error, trace))
        log.error("unexpected error\n%s", text)
        if issubclass(kind, KeyboardInterrupt):
            QApplication.quit()
            return
        if isinstance(error, UserError) and QApplication.instance() is not None:
            QMessageBox.warning(None, app_title(), translated(error))
            return
        if self._showing or QApplication.instance() is None:
            sys.stderr.write(text)
            return
        self._showing = True  # an error inside the dialog must not open another one
        try:
            QMessageBox.critical(None, app_title(), self.apology())
        finally:
            self._showing = False

    def apology(self) -> str:
        return QCoreApplication.translate(
            "CrashHandler",
            "Sorry — something went wrong inside the application. Your data is safe: every "
            "change is saved as soon as you make it.\n\nThe details were written to\n{0}\n"
            "Please send that file to whoever looks after this application.",
        ).format(self.log_path)
