"""Errors a user can fix: a document the importer cannot read.

The message is plain English without Chinese so the UI can translate it;
``file_name`` is kept apart so the UI can show it in its own words.
"""

from __future__ import annotations


class PolicyReadError(Exception):
    """The file is missing, of an unknown kind, empty, or not text at all."""

    def __init__(self, file_name: str, message: str) -> None:
        super().__init__(f"{file_name}: {message}")
        self.file_name = file_name
        self.message = message
