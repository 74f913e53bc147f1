"""Errors raised while reading a returned ledger.

A whole file that cannot be read raises :class:`LedgerReadError`; the message
names the file, because the office imports 40+ returns at once and must be told
which one to send back.  Problems with single cells do not raise: they are
collected as :class:`~importers.ledger.model.CellError` so one typo does not
block a unit's other rows.  Both carry a :class:`~importers.messages.Message`
the window translates.
"""

from __future__ import annotations

from importers.messages import FileError


class LedgerReadError(FileError):
    """The file cannot be read as a ledger at all (wrong type, damaged, unsafe, foreign)."""
