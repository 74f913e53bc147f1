"""A unit's short name, where the directory has one: for lists too narrow for full names.

Long official names ("自治区住房和城乡建设厅") are cut to look alike in a narrow
list ("自治区住房…").  Where one of the unit's aliases is its usual abbreviation
("住建厅": shorter, and its characters in the name's order) that is shown instead,
with the full name beside it in a tooltip.  An alias that is not such an
abbreviation (an old name, a misspelling) is never used.
"""

from __future__ import annotations

from collections.abc import Iterable

MAX_SHARE = 0.7
"""An abbreviation is at most this share of the full name's length."""
MIN_LENGTH = 2


def is_abbreviation(short: str, name: str) -> bool:
    """``short`` is shorter than ``name`` and its characters appear in ``name`` in order."""
    if not MIN_LENGTH <= len(short) <= len(name) * MAX_SHARE:
        return False
    rest = iter(name)
    return all(char in rest for char in short)


def short_name(name: str, aliases: Iterable[str]) -> str | None:
    """The shortest alias that abbreviates ``name`` (the first in order on a tie), or None."""
    found = [alias for alias in aliases if is_abbreviation(alias, name)]
    return min(found, key=len) if found else None
