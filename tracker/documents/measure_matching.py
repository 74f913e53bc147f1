"""Which measure of a revised document is which stored measure: by what it says, not its number.

A revision that inserts a measure in the middle renumbers every measure after
it; matching by number would move each unit's progress onto its neighbour's
measure.  So measures are paired by their title and text: identical
(normalised) texts first, then difflib's ratio, one-to-one, best pair first,
above ``THRESHOLD``.  The number only breaks a tie (then the nearer position).
No database here: the revision service hands in plain texts.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

THRESHOLD = 0.6
"""The lowest score (mean of the title's and the text's ratio) that still pairs two measures."""

ALL_PAIRS = 40_000
"""Up to this many (old × new) candidate pairs every pair is scored; beyond, only pairs
within ``WINDOW`` places of each other — a revision moves measures by a few places,
and a 1,200-measure document rewritten throughout must not take minutes."""

WINDOW = 100

CANDIDATES = 5
"""Per new measure, difflib compares only this many stored ones: those sharing the most
character pairs with it (a cheap set count), plus the one of the same number."""

_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)


@dataclass(frozen=True)
class MeasureText:
    """What a measure says, as matching needs it."""

    code: str
    title: str
    text: str


def normalised(text: str) -> str:
    """The text without spacing, punctuation or width differences: what a re-typing changes."""
    return _NOISE.sub("", unicodedata.normalize("NFKC", text))


def similarity(a: MeasureText, b: MeasureText) -> float:
    """The mean of difflib's ratio over the normalised titles and over the normalised texts."""
    return (
        _ratio(normalised(a.title), normalised(b.title))
        + _ratio(normalised(a.text), normalised(b.text))
    ) / 2


def match_measures(
    old: Sequence[MeasureText], new: Sequence[MeasureText], threshold: float = THRESHOLD
) -> dict[int, int]:
    """Pairs ``new index → old index``, one-to-one; a measure left out has no match.

    Identical texts pair first (the same number, else the nearest place, wins
    among copies); then the remaining measures by score, best first.
    """
    pairs: dict[int, int] = {}
    old_keys = [normalised(m.title) + "\x00" + normalised(m.text) for m in old]
    by_key: dict[str, list[int]] = {}
    for index, key in enumerate(old_keys):
        by_key.setdefault(key, []).append(index)
    for j, measure in enumerate(new):
        candidates = by_key.get(normalised(measure.title) + "\x00" + normalised(measure.text))
        if not candidates:
            continue
        best = min(candidates, key=lambda i: (old[i].code != measure.code, abs(i - j)))
        candidates.remove(best)
        pairs[j] = best
    taken = set(pairs.values())
    rest_old = [i for i in range(len(old)) if i not in taken]
    rest_new = [j for j in range(len(new)) if j not in pairs]
    if not rest_old or not rest_new:
        return pairs
    everything = len(rest_old) * len(rest_new) <= ALL_PAIRS
    old_parts = [(normalised(old[i].title), normalised(old[i].text)) for i in rest_old]
    old_grams = [_bigrams(title + text) for title, text in old_parts]
    scored: list[tuple[float, bool, int, int, int]] = []
    for rank_new, j in enumerate(rest_new):
        title, text = normalised(new[j].title), normalised(new[j].text)
        grams = _bigrams(title + text)
        nearby = [
            rank_old
            for rank_old in range(len(rest_old))
            if everything or abs(rank_new - rank_old) <= WINDOW
        ]
        # difflib for the few most alike by shared character pairs (and the same number)
        nearby.sort(key=lambda r: -_dice(grams, old_grams[r]))
        chosen = set(nearby[:CANDIDATES])
        chosen.update(r for r in nearby if old[rest_old[r]].code == new[j].code)
        for rank_old in chosen:
            i = rest_old[rank_old]
            old_title, old_text = old_parts[rank_old]
            score = _score(title, text, old_title, old_text, threshold)
            if score >= threshold:
                scored.append((-score, old[i].code != new[j].code, abs(i - j), j, i))
    scored.sort()
    used: set[int] = set()
    for *_, j, i in scored:
        if j in pairs or i in used:
            continue
        pairs[j] = i
        used.add(i)
    return pairs


def _score(title: str, text: str, old_title: str, old_text: str, floor: float) -> float:
    """``similarity`` of normalised parts, or 0.0 when an upper bound of it is below ``floor``."""
    bound = (_quick(title, old_title) + _quick(text, old_text)) / 2
    if bound < floor:
        return 0.0
    return (_ratio(title, old_title) + _ratio(text, old_text)) / 2


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[k : k + 2] for k in range(max(len(text) - 1, 1)))


def _dice(a: frozenset[str], b: frozenset[str]) -> float:
    return 2 * len(a & b) / (len(a) + len(b) or 1)


def _quick(a: str, b: str) -> float:
    """difflib's ``quick_ratio`` (characters in common, however placed): a ratio's upper bound."""
    total = len(a) + len(b)
    if not total:
        return 1.0
    common = sum(min(a.count(c), b.count(c)) for c in set(a).intersection(b))
    return 2 * common / total


def _ratio(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
