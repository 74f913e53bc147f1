"""Telling the master ledger's own 汇总 sheet from a summary someone else added.

The master ledger starts with a 汇总 sheet of counts per unit (:mod:`summary`):
nothing in it is a row to import, and the reader skips it.  It is recognised by
what the tracker wrote, not by its name alone: the hidden sheet says the file is
a master ledger, the sheet is not one of its data sheets, and its header row is
the summary's, exactly (nothing added beside it).  A sheet named 汇总 that someone
rebuilt or extended with a ledger header (rows copied from the data sheets, say) is
not ours, and is read like any other: a second row for the same assignment is the
import service's conflict to show, never something the reader drops.  Today the
summary's header names no ledger column, so the header search alone would skip it
too; this keeps it skipped should the two ever share words.
"""

from __future__ import annotations

from collections.abc import Sequence

from importers.ledger.cells import RawValue, text
from importers.ledger.model import LedgerMeta
from importers.ledger.naming import SUMMARY_SHEET
from importers.ledger.summary import SUMMARY_HEADERS

_HEADER = list(SUMMARY_HEADERS)


def is_own_summary(sheet: str, top: Sequence[Sequence[RawValue]], meta: LedgerMeta | None) -> bool:
    """Whether ``sheet`` (its first rows ``top``) is the 汇总 sheet the tracker wrote."""
    if meta is None or meta.kind != "master" or sheet != SUMMARY_SHEET or sheet in meta.sheets:
        return False
    width = len(_HEADER)
    return any(
        [text(v) for v in line[:width]] == _HEADER and all(not text(v) for v in line[width:])
        for line in top
    )
