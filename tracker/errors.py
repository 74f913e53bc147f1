"""Errors a user can fix, as opposed to bugs.

A ``UserError`` carries a message meant for the person at the keyboard (the CLI
prints it on one line and exits with status 2; the GUI shows it in a message
box).  Anything else that escapes is a bug: a traceback goes to the log.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the user asked for cannot be done as asked; the message says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(UserError):
    pass


class AmbiguousError(UserError):
    pass


class StaleEditError(UserError):
    """Someone else saved the same assignment since it was read."""


class InvalidInputError(UserError):
    pass
