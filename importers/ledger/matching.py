"""Which exported row a returned row is: by position, or by measure code + unit.

The hidden sheet maps (sheet, Excel row) to a key.  That mapping breaks as soon
as a unit sorts the table, inserts a row or deletes one, so a position is only
trusted when the row still shows the measure code and unit that were exported
there.  Otherwise the row is matched by (code, unit) within its sheet, then — for a
tab we did not export, which the unit renamed — in any sheet.  Each exported key is given to
at most one returned row: a duplicated row gets no key and the service decides.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from importers.ledger.model import LedgerMeta, MetaEntry

Located = tuple[str, int, str, str]
"""Where a returned row is and what identifies it: (sheet, Excel row, measure code, unit).

A plain tuple: a ledger has tens of thousands of rows, and the garbage
collector stops tracking tuples of strings and numbers."""


def identity(code: str, unit: str) -> tuple[str, str]:
    """(code, unit) as compared: whitespace and case do not count."""
    return "".join(code.split()).casefold(), "".join(unit.split()).casefold()


def _same(entry: MetaEntry, code: str, unit: str) -> bool:
    if entry.measure_code == code and entry.unit == unit:
        return True  # the usual case, decided without normalizing
    return identity(entry.measure_code, entry.unit) == identity(code, unit)


def match_rows(meta: LedgerMeta | None, rows: Sequence[Located]) -> list[MetaEntry | None]:
    """The exported entry of each of ``rows`` (same order), ``None`` where there is none.

    Most rows of a returned ledger are still where they were exported, so the
    (code, unit) indexes are built only when some row is not.
    """
    result: list[MetaEntry | None] = [None] * len(rows)
    if meta is None:
        return result
    by_position = {(e.sheet, e.row): e for e in meta.entries}
    claimed: set[int] = set()
    for i, (sheet, row, code, unit) in enumerate(rows):
        at = by_position.get((sheet, row))
        if at is not None and _same(at, code, unit):
            result[i] = at
            claimed.add(id(at))
    moved = [i for i, (_, _, code, _) in enumerate(rows) if result[i] is None and code]
    if moved:
        _match_moved(meta, rows, moved, result, claimed)
    return result


def _match_moved(
    meta: LedgerMeta,
    rows: Sequence[Located],
    moved: list[int],
    result: list[MetaEntry | None],
    claimed: set[int],
) -> None:
    """Rows not at their exported position: by (code, unit) in their sheet, then anywhere."""
    in_sheet: dict[tuple[str, tuple[str, str]], list[MetaEntry]] = defaultdict(list)
    anywhere: dict[tuple[str, str], list[MetaEntry]] = defaultdict(list)
    for entry in meta.entries:
        ident = identity(entry.measure_code, entry.unit)
        in_sheet[(entry.sheet, ident)].append(entry)
        anywhere[ident].append(entry)
    exported_sheets = {e.sheet for e in meta.entries} | set(meta.sheets)

    def same_sheet(row: Located) -> list[MetaEntry]:
        sheet, _, code, unit = row
        return in_sheet.get((sheet, identity(code, unit)), [])

    def any_sheet(row: Located) -> list[MetaEntry]:
        # Only for a tab we did not export (renamed by the unit): the same measure
        # may be assigned to the same unit in two documents, i.e. two sheets.
        sheet, _, code, unit = row
        if sheet in exported_sheets:
            return []
        return anywhere.get(identity(code, unit), [])

    for candidates in (same_sheet, any_sheet):
        for i in moved:
            if result[i] is not None:
                continue
            free = [e for e in candidates(rows[i]) if id(e) not in claimed]
            if free:
                result[i] = free[0]
                claimed.add(id(free[0]))
