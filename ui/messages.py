"""How the window tells the clerk something went wrong, or that it is busy.

A ``UserError`` is something the clerk can act on: its message is shown in a
warning box and the window carries on.  Anything else is a bug; those reach
``ui.crash``'s hook, which logs the traceback and apologises.

Texts made below ``ui/`` (user errors, importer errors, a rejected cell's reason)
are ``Message`` objects (see ``importers.messages``) with an English template;
:func:`translated` shows them in the user's language.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from importers.messages import CONTEXT, Message, MessageError
from tracker.errors import UserError


def app_title() -> str:
    return QCoreApplication.translate("messages", "Measure Tracker")


def translated(message: Message | MessageError) -> str:
    """A message from the services or importers in the user's language.

    The template is looked up in the ``"messages"`` context of the loaded translation
    and its fields filled in; a parameter that is itself a ``Message`` is translated
    in turn.  Without a translation (or with a broken one) the English is shown.
    """
    if isinstance(message, MessageError):
        message = _window_wording(message)
    text = QCoreApplication.translate(CONTEXT, message.template)
    if not message.params:
        return text
    params = {
        name: translated(value) if isinstance(value, Message) else value
        for name, value in message.params.items()
    }
    try:
        return text.format(**params)
    except (KeyError, IndexError, ValueError):  # a translation that lost or mangled a field
        return message.template.format(**params)


def _window_wording(error: MessageError) -> Message:
    """The error's message, in the window's words where they differ from the CLI's
    (``tracker.db_errors.WINDOW_WORDING``: no command to run)."""
    message = error.as_message()
    db_errors = sys.modules.get("tracker.db_errors")  # loaded if the error came from there
    wording: dict[str, str] = getattr(db_errors, "WINDOW_WORDING", {})
    template = wording.get(message.template)  # (each one marked in tracker.db_errors)
    return message if template is None else Message(template, message.params)


def warn(parent: QWidget | None, message: str) -> None:
    QMessageBox.warning(parent, app_title(), message)


@contextmanager
def user_errors(parent: QWidget | None) -> Iterator[None]:
    """Show a ``UserError`` raised inside the block as a message instead of a traceback."""
    try:
        yield
    except UserError as exc:
        warn(parent, translated(exc))


@contextmanager
def busy() -> Iterator[None]:
    """A wait cursor for the length of a slow call (an import, a big reload)."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()
