"""Errors raised while reading a returned ledger.

A whole file that cannot be read raises :class:`LedgerReadError`; the message
names the file, because the office imports 40+ returns at once and must be told
which one to send back.  Problems with single cells do not raise: they are
collected as :class:`~importers.ledger.model.CellError` so one typo does not
block a unit's other rows.
"""

from __future__ import annotations


class LedgerReadError(Exception):
    """The file cannot be read as a ledger at all (wrong type, damaged, unsafe, foreign)."""

    def __init__(self, file_name: str, message: str) -> None:
        self.file_name = file_name
        self.message = message
        super().__init__(f"{file_name}: {message}")
