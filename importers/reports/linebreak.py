"""Chinese line breaking for reportlab, as a proof-reader expects it.

reportlab cuts CJK text "like a knife" between any two characters and, when a
line would start with closing punctuation, lets that one character hang past
the right edge — outside a table cell.  Official documents instead:

- never start a line with closing punctuation (，。；：、）》” …) nor end one
  with an opening mark (“（《 …): the break moves back to an allowed place;
- never split a number, a percentage or a date ("1799天", "6.3%",
  "2021年12月31日", "+12.5"), nor a Latin word;
- never let anything stand outside the line's width (a knife cut is the last
  resort, for a single token wider than the whole line).

``install()`` replaces reportlab's two CJK splitters (one for a paragraph of a
single font, one for mixed fragments) with ``breaks``; it is idempotent.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

CANNOT_START = "，；：？！。、）》」』】〕］｝％…‰’”,.;:?!)]}%·—～"
CANNOT_END = "（《「『【〔［｛“‘([{"
_TOKEN = re.compile(
    r"\d{4}年\d{1,2}月(?:\d{1,2}日)?"  # 2021年12月31日, 2021年6月
    r"|\d{1,2}月\d{1,2}日"  # 6月30日
    r"|[+\-−]?\d[\d,.:]*(?:%|％|‰|天|项|个|日|家|次|人)?"  # 1799天, 6.3%, +12.5, 10:30
    r"|[A-Za-z][A-Za-z0-9_.\-@/]*"  # a Latin word, a mail address or a path
)
_FUZZ = 1e-6


def unbreakable(text: str) -> list[bool]:
    """``out[i]`` is True when no line may break between ``text[i-1]`` and ``text[i]``."""
    out = [False] * len(text)
    if out:
        out[0] = True  # (no line is empty)
    for match in _TOKEN.finditer(text):
        for i in range(match.start() + 1, match.end()):
            out[i] = True
    for i in range(1, len(text)):
        if text[i] in CANNOT_START or text[i - 1] in CANNOT_END:
            out[i] = True
    return out


def breaks(
    text: str, widths: Sequence[float], max_widths: Sequence[float], hard: Sequence[bool] = ()
) -> list[tuple[int, int, float]]:
    """Greedy lines over ``text`` as (start, end, unused width); ``hard[i]`` forces a break
    after character ``i`` (a ``<br/>``).  A line breaks at the last allowed place that fits;
    only a token wider than the line is cut where it overflows."""
    glued = unbreakable(text)
    lines: list[tuple[int, int, float]] = []
    start, used, i, n = 0, 0.0, 0, len(text)
    while i < n:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        used += widths[i]
        i += 1
        forced = i - 1 < len(hard) and hard[i - 1]
        if forced:
            lines.append((start, i, limit - used))
            start, used = i, 0.0
            continue
        if used <= limit + _FUZZ:
            continue
        cut = next((j for j in range(i - 1, start, -1) if not glued[j]), None)
        if cut is None:  # one token wider than the line: cut it at the overflow
            cut = max(i - 1, start + 1)
        width = sum(widths[start:cut])
        lines.append((start, cut, limit - width))
        start, used = cut, sum(widths[cut:i])
    if start < n or not lines:
        limit = max_widths[min(len(lines), len(max_widths) - 1)]
        lines.append((start, n, limit - used))
    return lines


def _dumb_split(word: str, widths: Sequence[float], max_widths: Any) -> list[list[Any]]:
    """reportlab's ``textsplit.dumbSplit`` contract: [[unused width, line text], ...]."""
    maxes = list(max_widths) if isinstance(max_widths, list | tuple) else [max_widths]
    return [[extra, word[a:b].strip()] for a, b, extra in breaks(word, widths, maxes)]


def _width(unit: Any, line_width: float) -> float:
    width = unit.width
    if hasattr(width, "normalizedValue"):  # a percentage width (an inline image)
        width._normalizer = line_width
        return float(width.normalizedValue(line_width))
    return float(width)


def _cjk_frag_split(frags: Any, max_widths: Any, calc_bounds: Any, encoding: str = "utf8") -> Any:
    """reportlab's ``paragraph.cjkFragSplit`` with ``breaks`` choosing the line ends."""
    from reportlab.platypus import paragraph as rl  # type: ignore[import-untyped]

    units: list[Any] = []
    for f in frags:
        text = f.text.decode(encoding) if isinstance(f.text, bytes) else f.text
        if text:
            units.extend(rl.cjkU(t, f, encoding) for t in text)
        else:
            units.append(rl.cjkU(text, f, encoding))
    maxes = list(max_widths) if isinstance(max_widths, list | tuple) else [max_widths]
    # An empty fragment with ``lineBreak`` is a <br/>: a zero-width stand-in character.
    text = "".join(str(u) or "\n" for u in units)
    widths = [_width(u, maxes[0]) for u in units]
    hard = [hasattr(u.frag, "lineBreak") and not str(u) for u in units]
    lines: list[Any] = []
    for a, b, extra in breaks(text, widths, maxes, hard):
        line_break = b > a and hard[b - 1]
        chunk = units[a:b]
        limit = maxes[min(len(lines), len(maxes) - 1)]
        lines.append(
            rl.makeCJKParaLine(chunk, limit, limit - extra, extra, line_break, calc_bounds)
        )
    return rl.ParaLines(kind=1, lines=lines)


def install() -> None:
    """Make reportlab break CJK lines with ``breaks`` (safe to call more than once)."""
    from reportlab.lib import textsplit  # type: ignore[import-untyped]
    from reportlab.platypus import paragraph  # type: ignore[import-untyped,unused-ignore]

    textsplit.dumbSplit = _dumb_split
    paragraph.cjkFragSplit = _cjk_frag_split
