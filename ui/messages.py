"""How the window tells the clerk something went wrong, or that it is busy.

A ``UserError`` is something the clerk can act on: its message is shown in a
warning box and the window carries on.  Anything else is a bug; those reach
``ui.crash``'s hook, which logs the traceback and apologises.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from tracker.errors import UserError


def app_title() -> str:
    return QCoreApplication.translate("Messages", "Measure Tracker")


def warn(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, app_title(), message)


@contextmanager
def user_errors(parent: QWidget | None) -> Iterator[None]:
    """Show a ``UserError`` raised inside the block as a message instead of a traceback."""
    try:
        yield
    except UserError as exc:
        warn(parent, exc.message)


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor for the length of a slow call (an import, a big reload)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
