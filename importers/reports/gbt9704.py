"""The measures of GB/T 9704-2012 (党政机关公文格式) that the PDF and Word writers share.

A4; margins top 37 mm, bottom 35 mm, left (binding) 28 mm, right 26 mm, so the
text block (版心) is 156 × 225 mm.  The body is 3号 (16 pt) 仿宋 on a grid of 22
lines × 28 characters: a line pitch of 225 mm / 22 and a character pitch of
156 mm / 28, i.e. 16 pt glyphs drawn 0.207 pt closer than their natural width.
The title is 2号 (22 pt) 小标宋; 一、 headings 3号 黑体, （一） headings 3号 楷体,
1. headings 3号 仿宋 bold.  Page numbers are 4号 (14 pt) 半角 Arabic numerals in
宋体 between em dashes ("— 1 —"), 7 mm below the text block, one character in
from the outer edge: right on odd pages, left on even ones (§7.5).
"""

from __future__ import annotations

import math

from importers.reports.model import Block, Paragraph, Signature

MM = 72 / 25.4
PAGE_MM = (210.0, 297.0)
MARGINS_MM = (37.0, 35.0, 28.0, 26.0)
"""top, bottom, left, right"""
BLOCK_MM = (PAGE_MM[0] - MARGINS_MM[2] - MARGINS_MM[3], PAGE_MM[1] - MARGINS_MM[0] - MARGINS_MM[1])
LINES, CHARS = 22, 28
BODY_SIZE = 16.0  # 3号
TITLE_SIZE = 22.0  # 2号
NUMBER_SIZE = 14.0  # 4号
TABLE_SIZE = 12.0  # 小四: a table's cells (headers in 黑体)
LINE_PITCH = BLOCK_MM[1] * MM / LINES
"""28.99 pt: 22 lines fill the 225 mm block exactly."""
CHAR_PITCH = BLOCK_MM[0] * MM / CHARS
"""15.79 pt: 28 characters fill the 156 mm block exactly."""
CHAR_SPACE = CHAR_PITCH - BODY_SIZE
"""−0.207 pt between characters of body text."""
TITLE_LEADING = 35.0
"""A two-line title's line pitch (the 2号 size plus the usual 13 pt)."""
NUMBER_GAP_MM = 7.0
"""From the text block's lower edge down to the dashes (一字线) around the page number."""
DASH_RAISE = 0.33
"""How far above the baseline a 宋体 dash (—) sits, in ems."""


def page_number(number: int) -> str:
    """The page number as GB/T 9704 prints it: "— 1 —"."""
    return f"— {number} —"


def word_char_spacing() -> int:
    """Word's character spacing (``w:spacing/@w:val``, twentieths of a point) for the body:
    the grid's spacing rounded away from zero (−5 = −0.25 pt), so 28 characters never
    exceed the line."""
    return math.floor(CHAR_SPACE * 20)


def word_line_pitch() -> int:
    """Word's ``w:docGrid/@w:linePitch`` in twentieths of a point (579 for 22 lines)."""
    return int(LINE_PITCH * 20)


KEPT_WITH_SIGNATURE = 4
"""At most this many short paragraphs (an 附件 list) go onto the signature's page with it."""


def kept_with_signature(blocks: list[Block]) -> set[int]:
    """The paragraphs kept on one page with the ``Signature`` after them, so the sender and
    date do not stand alone on a page (§7.3.5): the short ones (two lines at most: the
    附件 list, a closing line) right before it, back to a blank line, up to
    ``KEPT_WITH_SIGNATURE``.  A long paragraph is not moved whole: it would leave most of
    a page blank."""
    kept: set[int] = set()
    for n, block in enumerate(blocks):
        if not isinstance(block, Signature):
            continue
        k = n - 1
        while k >= 0 and n - 1 - k < KEPT_WITH_SIGNATURE and _short(blocks[k]):
            kept.add(k)
            k -= 1
    return kept


def _short(block: Block) -> bool:
    """A paragraph with text, two lines at most."""
    return isinstance(block, Paragraph) and 0 < len(block.text.strip()) <= 2 * CHARS


KEPT_HEIGHT = 80.0
"""The most height (points, padding included) of a table's last rows kept on one page with
its tail, the signature: two rows of a line or two each, never two rows of a long text."""


def kept_rows(heights: list[float], most: int) -> int:
    """How many of a table's last rows (``heights``, the last ones at least) go with its
    tail: ``most`` while they are short together (at most ``KEPT_HEIGHT``), else the last
    one alone; tall rows moved would leave a page of the table half blank.  The PDF
    measures its rows as drawn, Word's are estimated (``importers.reports.docx``)."""
    if not heights:
        return 1
    kept, height = 1, heights[-1]
    for row in reversed(heights[-most:-1] if most > 1 else []):
        height += row
        if height > KEPT_HEIGHT:
            break
        kept += 1
    return kept


def signature_after(blocks: list[Block]) -> int:
    """How many of ``blocks`` make a table's tail: up to the ``Signature`` when only
    paragraphs (a contact line) stand before it, else 0.  A table after this one (the
    chaser's findings) keeps its own last rows with the signature; this one's were kept
    with all of it and its table, moved whole, and a page could not hold them."""
    for n, block in enumerate(blocks):
        if isinstance(block, Signature):
            return n + 1
        if not isinstance(block, Paragraph):
            return 0
    return 0
