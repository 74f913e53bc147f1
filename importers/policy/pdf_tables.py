"""Task tables in a PDF, read from the page laid out as text.

A PDF's plain text runs a table's cells together and wraps every cell over
several lines.  The same page laid out (pypdf's layout mode) keeps each cell
at its column, so under a header recognised by its words the column starts
are known: a line with text in the first column, or after a blank line (a
merged 序号 cell continued), opens a row; a line right below another continues
the wrapped cells of the row above.  The table ends at a line whose
text starts left of the first column, at a line of prose running across the
columns, or at the end of the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from importers.policy.repair import is_page_number
from importers.policy.sources import SourceTable

_CELL_RE = re.compile(r"\S+(?: \S+)*")
"""A cell's text: words separated by single spaces (columns are two or more apart)."""
_TOLERANCE = 2
"""A cell may start this many characters left of its column's header."""
_PROSE_SHARE = 0.6
"""One piece of text longer than this share of the table's width is prose, not a row."""


def layout_tables(
    pages: Sequence[str], lines: Sequence[str], is_header: Callable[[Sequence[str]], bool]
) -> list[SourceTable]:
    """The task tables on the laid-out ``pages``, placed at their header in ``lines``.

    A table runs on over a page break (Word repeats no header unless told): its columns
    stay, a row the break cut continues, page numbers between are skipped.
    """
    tables: list[SourceTable] = []
    rows: list[list[str]] = []
    starts: list[int] = []
    for page in pages:
        after_blank = False
        for text in page.splitlines():
            cells = [(m.start(), m.group(0)) for m in _CELL_RE.finditer(text)]
            if not cells or is_page_number(text):
                after_blank = after_blank or not cells
                continue
            if len(cells) >= 2 and is_header([c for _, c in cells]):
                if starts and len(rows) > 1:
                    tables.append(_table(rows, lines))
                starts = [start for start, _ in cells]
                rows = [[c for _, c in cells]]
                continue
            if not starts:
                continue
            first_start, first_text = cells[0]
            if first_start < starts[0] - _TOLERANCE or (
                len(cells) == 1 and len(first_text) > _PROSE_SHARE * (starts[-1] - starts[0])
            ):  # text left of the table, or one line running across its columns: prose
                tables.append(_table(rows, lines))
                rows, starts = [], []
                continue
            placed = [""] * len(starts)
            for start, cell in cells:
                column = max(
                    (i for i, s in enumerate(starts) if s <= start + _TOLERANCE), default=0
                )
                placed[column] += cell
            if placed[0] or after_blank or len(rows) == 1:
                rows.append(placed)
            else:
                rows[-1] = [a + b for a, b in zip(rows[-1], placed, strict=True)]
            after_blank = False
    if starts and len(rows) > 1:
        tables.append(_table(rows, lines))
    return tables


def _table(rows: Sequence[Sequence[str]], lines: Sequence[str]) -> SourceTable:
    header = " ".join(rows[0][:2])
    line = next((n for n, text in enumerate(lines, start=1) if header in text), 0)
    return SourceTable(line, tuple(tuple(row) for row in rows))
