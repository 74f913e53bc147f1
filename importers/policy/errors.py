"""Errors a user can fix: a document the importer cannot read.

The message is an English template without Chinese (see
:mod:`importers.messages`) so the UI can translate it; ``file_name`` is kept
apart so the UI can show it in its own words.
"""

from __future__ import annotations

from importers.messages import FileError


class PolicyReadError(FileError):
    """The file is missing, of an unknown kind, empty, or not text at all."""
