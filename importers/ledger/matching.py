"""Which exported row a returned row is: by position, or by measure code + unit.

The hidden sheet maps (sheet, Excel row) to a key.  That mapping breaks as soon
as a unit sorts the table, inserts a row or deletes one, so a position is only
trusted when the row still shows the measure code and unit that were exported
there.  Otherwise the row is matched by (code, unit) within its sheet, then — for a
tab we did not export, which the unit renamed — in any sheet.  Each exported key is given to
at most one returned row: a duplicated row gets no key and the service decides.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from importers.ledger.model import LedgerMeta, MetaEntry

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Located:
    """Where a returned row is and what identifies it."""

    sheet: str
    row: int
    measure_code: str
    unit: str


def identity(code: str, unit: str) -> tuple[str, str]:
    """(code, unit) as compared: whitespace and case do not count."""
    return _SPACE.sub("", code).casefold(), _SPACE.sub("", unit).casefold()


def match_rows(meta: LedgerMeta | None, rows: Sequence[Located]) -> list[MetaEntry | None]:
    """The exported entry of each of ``rows`` (same order), ``None`` where there is none."""
    result: list[MetaEntry | None] = [None] * len(rows)
    if meta is None:
        return result
    by_position = {(e.sheet, e.row): e for e in meta.entries}
    in_sheet: dict[tuple[str, tuple[str, str]], list[MetaEntry]] = defaultdict(list)
    anywhere: dict[tuple[str, str], list[MetaEntry]] = defaultdict(list)
    for entry in meta.entries:
        ident = identity(entry.measure_code, entry.unit)
        in_sheet[(entry.sheet, ident)].append(entry)
        anywhere[ident].append(entry)
    claimed: set[int] = set()

    def claim(index: int, entry: MetaEntry) -> None:
        result[index] = entry
        claimed.add(id(entry))

    for i, row in enumerate(rows):
        at = by_position.get((row.sheet, row.row))
        if at is not None and identity(at.measure_code, at.unit) == identity(
            row.measure_code, row.unit
        ):
            claim(i, at)
    exported_sheets = {e.sheet for e in meta.entries} | set(meta.sheets)

    def same_sheet(row: Located) -> list[MetaEntry]:
        return in_sheet.get((row.sheet, identity(row.measure_code, row.unit)), [])

    def any_sheet(row: Located) -> list[MetaEntry]:
        # Only for a tab we did not export (renamed by the unit): the same measure
        # may be assigned to the same unit in two documents, i.e. two sheets.
        if row.sheet in exported_sheets:
            return []
        return anywhere.get(identity(row.measure_code, row.unit), [])

    for candidates in (same_sheet, any_sheet):
        for i, row in enumerate(rows):
            if result[i] is not None or not row.measure_code:
                continue
            free = [e for e in candidates(row) if id(e) not in claimed]
            if free:
                claim(i, free[0])
    return result
