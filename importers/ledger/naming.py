"""Sheet tab names: Excel allows 31 characters and forbids ``[]:*?/\\``."""

from __future__ import annotations

import re

from importers.ledger.metadata import META_SHEET

MAX_SHEET_NAME = 31
SUMMARY_SHEET = "汇总"
SINGLE_SHEET = "台账"
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_RESERVED = {META_SHEET.casefold(), SUMMARY_SHEET.casefold(), "history"}


def sheet_names(titles: list[str], given: list[str]) -> list[str]:
    """Unique, valid tab names for data sheets with these ``titles``.

    A given name is used as is (cleaned); otherwise a lone sheet is ``台账``
    and several are named after their titles, without the ``工作台账`` suffix
    every title shares.  Excel compares names case-insensitively.
    """
    used: set[str] = set(_RESERVED)
    names: list[str] = []
    for title, name in zip(titles, given, strict=True):
        base = name or (SINGLE_SHEET if len(titles) == 1 else _from_title(title))
        base = _FORBIDDEN.sub("_", base).strip("' ")[:MAX_SHEET_NAME] or SINGLE_SHEET
        candidate, n = base, 1
        while candidate.casefold() in used:
            n += 1
            suffix = f"({n})"
            candidate = base[: MAX_SHEET_NAME - len(suffix)] + suffix
        used.add(candidate.casefold())
        names.append(candidate)
    return names


def _from_title(title: str) -> str:
    for suffix in ("工作台账", "台账"):
        if title.endswith(suffix) and len(title) > len(suffix):
            return title[: -len(suffix)]
    return title
