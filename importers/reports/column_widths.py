"""A report table's column widths on the page, the same for the PDF and the Word file.

A column is given its share of the text block by its relative ``width``, except a
``fit`` column (序号, 编号, a deadline): that one is as wide as its widest text, header
included, measured in the font it is printed in, so a number or a code is never cut one
character per line whatever the other columns need.  The table stays the block's width.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from importers.reports.model import Table

FIT_LIMIT = 0.3
"""A fitted column takes at most this share of the table: a longer text (a deadline worded
as a sentence) wraps there as in any column, and the others keep their room."""
SLACK = 1.0
"""Points added to a fitted column for rounding in the layout's own measuring."""
Measure = Callable[[str, bool], float]
"""The printed width in points of a line of text, in the header's font when asked."""


def widest(model: Table, index: int, measure: Measure) -> float:
    """The widest line of column ``index``, its header and every cell, in points."""
    head = max(measure(line, True) for line in model.columns[index].header.split("\n"))
    lines = (line for row in model.rows for line in row[index].split("\n"))
    return max(head, max((measure(line, False) for line in lines), default=0.0))


def column_widths(model: Table, width: float, measure: Measure, padding: float) -> list[float]:
    """Each column's width in points, ``padding`` on either side of a cell's text; the
    widths add up to ``width``."""
    fitted: dict[int, float] = {}
    for i, column in enumerate(model.columns):
        if column.fit:
            fitted[i] = min(widest(model, i, measure) + 2 * padding + SLACK, width * FIT_LIMIT)
    rest = width - sum(fitted.values())
    shared = sum(c.width for i, c in enumerate(model.columns) if i not in fitted)
    if not shared:  # every column fitted: what is left goes to them alike
        return [w + rest / len(fitted) for w in fitted.values()]
    return [
        fitted[i] if i in fitted else rest * c.width / shared for i, c in enumerate(model.columns)
    ]


def _wide(ch: str) -> bool:
    return ord(ch) >= 0x2E80


def estimate(text: str, size: float) -> float:
    """A text's width in a word processor, without its font: a Chinese or full-width
    character one em, any other half of one (as 仿宋, 宋体 and 黑体 draw digits and Latin
    letters), and a quarter of one where Chinese meets a digit or letter, which LibreOffice
    spaces out (Word does not: the room is to spare there)."""
    ems = sum(1.0 if _wide(ch) else 0.5 for ch in text)
    ems += 0.25 * sum(_wide(a) != _wide(b) for a, b in pairwise(text))
    return size * ems
