"""Errors a user can fix, as opposed to bugs.

A ``UserError`` carries a message meant for the person at the keyboard (the CLI
prints it on one line and exits with status 2; the GUI shows it in a message
box, translated).  It is raised with an English template and its parameters::

    raise NotFoundError(QT_TRANSLATE_NOOP("messages", "unknown unit {unit!r}"), unit=text)

``message`` is the English text; ``template``/``params``/``as_message()`` are what
the window translates (see :mod:`importers.messages`).  Anything else that
escapes is a bug: a traceback goes to the log.
"""

from __future__ import annotations

from typing import Self

from importers.messages import Message, MessageError


class UserError(MessageError):
    """Something the user asked for cannot be done as asked; the message says why."""

    @classmethod
    def from_message(cls, message: Message) -> Self:
        """The user error that says ``message`` (e.g. an importer's error, passed on)."""
        return cls(message.template, **message.params)


class NotFoundError(UserError):
    pass


class AmbiguousError(UserError):
    pass


class StaleEditError(UserError):
    """Someone else saved the same assignment since it was read."""


class InvalidInputError(UserError):
    pass
