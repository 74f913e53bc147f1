"""Tables written in plain text: tab-separated rows, or columns aligned with spaces.

A 任务分工表 copied out of Word or a web page arrives as one row per line with
a tab between cells (an empty cell where a merged cell continues); one pulled
out of a PDF as cells separated by runs of spaces.  Such rows are taken out of
the running text (their lines left blank, so line numbers stay right) and
handed to the table reader like a Word table.  A short line without a tab
between rows (``一、知识产权保护方面（共5项）``) is a section row of the table.
Aligned text is only taken as a table when a task-table header opens it: runs
of spaces also occur in signatures and centred titles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from importers.policy.sources import SourceTable

_ALIGNED_RE = re.compile(r"\S(?: {3,}|\u3000{2,})\S")
_ATTACHMENT_RE = re.compile(r"^附件|^附表")
_SECTION_ROW_MAX = 40
"""A line between rows this short (and without a full stop inside) is a section row."""
_SECTION_GAP = 3
"""At most this many section rows in a row between two table rows."""


def split_text_tables(
    lines: Sequence[str], is_header: Callable[[Sequence[str]], bool]
) -> tuple[list[str], list[SourceTable]]:
    """The lines with table rows blanked out, and the tables they held, in order."""
    kept = list(lines)
    tables: list[SourceTable] = []
    index = 0
    while index < len(kept):
        cells = _cells(kept[index], aligned=False)
        if cells is None:
            cells = _cells(kept[index], aligned=True)
            if cells is None or not is_header(cells):
                index += 1
                continue
            aligned = True
        else:
            aligned = False
        start, rows, lines_of_rows = index, [tuple(cells)], [index + 1]
        columns = _column_starts(kept[index]) if aligned else []
        index += 1
        while index < len(kept):
            cells = _cells(kept[index], aligned, columns)
            if cells is not None and is_header(cells):
                break  # the next table starts right after this one
            if cells is not None:
                rows.append(tuple(cells))
                lines_of_rows.append(index + 1)
                index += 1
                continue
            gap = _section_rows(kept, index, aligned)
            if not gap:
                break
            for offset in range(gap):
                rows.append((kept[index + offset].strip(),))
                lines_of_rows.append(index + offset + 1)
            index += gap
        for blank in range(start, index):
            kept[blank] = ""
        tables.append(SourceTable(start + 1, tuple(rows), tuple(lines_of_rows)))
    return kept, tables


def _cells(line: str, aligned: bool, columns: Sequence[int] = ()) -> list[str] | None:
    """The cells of a table row, or None if ``line`` is not one.

    Aligned rows are cut at the header's ``columns`` where known: a wide cell may leave
    only two spaces before the next, and a name padded to two characters' width
    (``王  强``) holds two spaces inside one cell.
    """
    if not aligned:
        if "\t" not in line.strip("\r\n"):
            return None
        return [cell.strip() for cell in line.rstrip("\r\n").split("\t")]
    if not _ALIGNED_RE.search(line.strip()):
        return None
    if not columns:
        return [cell.strip() for cell in re.split(r" {3,}|\u3000{2,}", line.strip())]
    cells = [""] * len(columns)
    for start, piece in _pieces(line):
        column = max((i for i, s in enumerate(columns) if s <= start + _TOLERANCE), default=0)
        cells[column] += piece
    return cells


_PIECE_RE = re.compile(r"\S+(?: \S+)*")
_TOLERANCE = 2
"""A cell may start this many columns (of display width) left of its header."""


def _pieces(line: str) -> list[tuple[int, str]]:
    """Runs of text separated by two spaces or more, with the display column each starts at
    (a Chinese character is two columns wide, as a layout of the page sets it)."""
    line = line.rstrip("\r\n").replace("\u3000", "  ")
    pieces = []
    for match in _PIECE_RE.finditer(line):
        pieces.append((_width(line[: match.start()]), match.group(0)))
    return pieces


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _column_starts(header: str) -> list[int]:
    return [start for start, _ in _pieces(header)]


def _section_rows(lines: Sequence[str], index: int, aligned: bool) -> int:
    """How many short lines from ``index`` on lie between two rows (0: the table ends)."""
    count = 0
    while count < _SECTION_GAP and index + count < len(lines):
        text = lines[index + count].strip()
        if _cells(lines[index + count], aligned) is not None:
            return count
        if not text or len(text) > _SECTION_ROW_MAX or "。" in text[:-1]:
            return 0
        if _ATTACHMENT_RE.match(text):
            return 0  # 附件2 …: the next table's title, not a section of this one
        count += 1
    if index + count < len(lines) and _cells(lines[index + count], aligned) is not None:
        return count
    return 0
