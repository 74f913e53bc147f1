"""Which measures a search text matches, answered from memory.

The window holds every assignment row but not the measures' full texts, and a
LIKE over 30,000 measure texts costs the database some 40 ms per keystroke.
Held here once (about 12 MB at 100,000 assignments), the same question is a
substring test per measure.  The rule is the database's own
(``OverviewService.matching_measures``): the code equal to the text, or the
title or full text containing it, ASCII letters ignoring case as SQLite's LIKE
does, ``%`` and ``_`` taken literally.  A measure is also found by its number
as a clerk says it (``measure_code``): 第38条, 第三十八条, （38）, 38, 1.2, and by a
sub-task's code (3-1 finds measure 3, whose rows show each of its tasks).
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_SEPARATOR = "\x00"
"""Between a title and its text, so no search text matches across the two."""


_NUMBERED = re.compile(r"^(?:第\s*)?[（(]?\s*([0-9０-９.．]+)\s*[）)]?\s*[条项点]?$")
_NUMBERED_IN_WORDS = re.compile(r"^(?:第\s*)?([零〇一二三四五六七八九十百两]+)\s*[条项点]$")
_WIDE_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_TASK_CODE = re.compile(r"^([0-9０-９.．]+)\s*[-－]\s*[0-9０-９]+$")


def measure_code(needle: str) -> str:
    """The measure number a search text names: 第38条, 第三十八条, （38）, 38-2 → ``38``;
    ``1.2`` stays; any other text is returned as it is (stripped)."""
    text = needle.strip()
    task = _TASK_CODE.match(text)  # 3-1: a sub-task of measure 3
    if task is not None:
        return task.group(1).translate(_WIDE_DIGITS)
    found = _NUMBERED.match(text)
    if found is not None:
        return found.group(1).translate(_WIDE_DIGITS)
    found = _NUMBERED_IN_WORDS.match(text)  # (三 alone is a word to search for)
    if found is None:
        return text
    from importers.policy.markers import chinese_number

    value = chinese_number(found.group(1).replace("两", "二"))
    return text if value is None else str(value)


def fold(text: str) -> str:
    """ASCII letters to lower case, nothing else: LIKE's notion of ignoring case."""
    return text.translate(_ASCII_LOWER)


class MeasureTexts:
    """Every measure in force: its id, code, and title and text folded for searching."""

    def __init__(self, measures: Iterable[tuple[int, str, str, str]]) -> None:
        self._ids: list[int] = []
        self._texts: list[str] = []
        self._by_code: dict[str, list[int]] = {}
        for measure_id, code, title, text in measures:
            self._ids.append(measure_id)
            self._texts.append(fold(title + _SEPARATOR + text))
            self._by_code.setdefault(code, []).append(measure_id)

    def __len__(self) -> int:
        return len(self._ids)

    def matching(self, needle: str) -> set[int]:
        """Ids of the measures whose code is ``needle`` (``measure_code``) or whose title or
        text contain it."""
        needle = needle.strip()
        if not needle:
            return set()
        folded = fold(needle)
        found = {i for i, text in zip(self._ids, self._texts, strict=True) if folded in text}
        found.update(self._by_code.get(measure_code(needle), ()))
        return found
