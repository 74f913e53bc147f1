"""Rebuild the paragraphs that page breaks and blank lines cut apart.

Text pulled out of a PDF splits a paragraph wherever a page ended — in the
middle of a sentence, a word, a bracket or a quote — and puts blank lines
around every piece.  Plain-text copies keep one line per paragraph.  Blank
lines therefore carry no meaning: a line is glued to the paragraph before it
when that paragraph is visibly unfinished (an open bracket or quote, no
closing punctuation) and the line does not open a new numbered item.  The
preamble lines (header, document number, title, addressee, signature, date)
end or stand alone and so are kept apart.  Every paragraph remembers the
1-based source line where it starts, for warnings and ``ParsedMeasure.line``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from importers.policy.markers import Marker, Style, read_marker
from importers.policy.textnorm import bracket_depth, normalize_line, quotes_open

DOC_TYPE_WORDS = (
    "通知|意见|决定|方案|办法|措施|规定|细则|计划|要点|批复|通报|公告|通告|条例|规划|纲要|指引|清单"
)

_TERMINAL = "。！？；：…!?;"
_DATE_LINE_RE = re.compile(
    r"^(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$"
)
_DOC_NUMBER_LINE_RE = re.compile(r"^[^，。；：]{1,24}〔\d{4}〕\d{1,5}号$")
_ATTACHMENT_LINE_RE = re.compile(r"^附件[0-9一二三四五六七八九十]*[：:]?$")
_HEADER_LINE_RE = re.compile(r"^[^，。；：]{2,40}文件$")
_TITLE_LINE_RE = re.compile(rf"^[^，。；：,;]{{2,80}}(?:{DOC_TYPE_WORDS})$")
_MARKER_FRAGMENT_RE = re.compile(r"^[0-9一二三四五六七八九十百〇零两（.．、）]{1,6}$")
_PAGE_NUMBER_RE = re.compile(
    r"^(?:[-—－–]+ ?\d{1,3} ?[-—－–]+"
    r"|第 ?\d{1,3} ?页(?:[，,/ ]*共 ?\d{1,3} ?页)?"
    r"|\d{1,3} ?/ ?\d{1,3})$"
)
"""``- 3 -``, ``—3—``, ``第3页 共10页``, ``3/10``: a PDF's page number, not text."""
_RUN_ON_RE = re.compile(
    r"(?<=[）。])(?=\d{1,5}[.．、]|[一二三四五六七八九十百]{1,6}、|（[一二三四五六七八九十百]{1,6}）)"
)
"""Where a numbered item may start again inside a line: after a bracket or full stop."""
_HEADING_MAX = 40
"""A numbered line this short without a full stop reads as a heading."""


@dataclass(frozen=True)
class Paragraph:
    """One logical paragraph, normalized, with the source line it starts on."""

    text: str
    line: int


def repair_lines(lines: Iterable[str]) -> list[Paragraph]:
    """Normalize every line and glue the pieces of split paragraphs together."""
    paragraphs: list[Paragraph] = []
    last_number: dict[Style, int] = {}
    text, start = "", 0
    for number, line in _split_run_on_items(_join_marker_fragments(lines)):
        if text and _continues(text, line, last_number):
            text += line
            continue
        if text:
            paragraphs.append(Paragraph(text, start))
        text, start = line, number
        marker = read_marker(line)
        if marker is not None:
            last_number[marker.style] = marker.number
    if text:
        paragraphs.append(Paragraph(text, start))
    return paragraphs


def _join_marker_fragments(lines: Iterable[str]) -> list[tuple[int, str]]:
    """Non-empty normalized lines without page numbers; a marker cut off its line rejoins it.

    A page break inside ``10.`` or ``（一）`` leaves a line such as ``1`` or
    ``（一`` that belongs to the start of the next line, not to the end of the
    paragraph before it.
    """
    numbered = [(n, normalize_line(raw)) for n, raw in enumerate(lines, start=1)]
    numbered = [(n, line) for n, line in numbered if line and not _PAGE_NUMBER_RE.match(line)]
    joined: list[tuple[int, str]] = []
    index = 0
    while index < len(numbered):
        number, line = numbered[index]
        if index + 1 < len(numbered) and _MARKER_FRAGMENT_RE.match(line):
            merged = line + numbered[index + 1][1]
            marker = read_marker(merged)
            if marker is not None and marker.rest:
                joined.append((number, merged))
                index += 2
                continue
        joined.append((number, line))
        index += 1
    return joined


def _split_run_on_items(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A line holding two items, ``1.甲。（A负责）2.乙。（B负责）``, as two lines.

    Only the next number of the style the line itself opens with — or, on a line
    continuing an item (a PDF's line ``（A负责）2.乙…``), of the last item's style — is
    split off, right after a closing bracket or full stop, so a number inside a
    sentence (``见第2.3条``) stays where it is.
    """
    result: list[tuple[int, str]] = []
    last: Marker | None = None
    for number, line in lines:
        last = read_marker(line) or last
        if last is None or not _RUN_ON_RE.search(line):
            result.append((number, line))
            continue
        start = 0
        for match in _RUN_ON_RE.finditer(line):
            marker = read_marker(line[match.start() :])
            if (
                marker is not None
                and marker.style == last.style
                and marker.number == last.number + 1
            ):
                result.append((number, line[start : match.start()]))
                start, last = match.start(), marker
        result.append((number, line[start:]))
    return result


def is_page_number(text: str) -> bool:
    """``- 3 -``, ``第3页 共10页``: a page number, not text."""
    return bool(_PAGE_NUMBER_RE.match(text.strip()))


def is_standalone_line(text: str) -> bool:
    """A date, a document number, ``附件`` or a ``…文件`` header: never part of a paragraph."""
    return any(
        pattern.match(text)
        for pattern in (_DATE_LINE_RE, _DOC_NUMBER_LINE_RE, _ATTACHMENT_LINE_RE, _HEADER_LINE_RE)
    )


def is_date_line(text: str) -> bool:
    """A line that is only a date, as under a signature: ``2021年5月19日``."""
    return bool(_DATE_LINE_RE.match(text))


def is_doc_number_line(text: str) -> bool:
    """A line that is only a document number: ``宁政规发〔2020〕5号``."""
    return bool(_DOC_NUMBER_LINE_RE.match(text))


def is_title_line(text: str) -> bool:
    """A short unpunctuated line ending in a document-type word (通知, 意见, 措施 …)."""
    return bool(_TITLE_LINE_RE.match(text)) and read_marker(text) is None


def ends_paragraph(text: str) -> bool:
    """Closing punctuation, or a balanced closing bracket such as a responsibility clause."""
    last = text[-1]
    if last in _TERMINAL:
        return True
    return last == "）" and bracket_depth(text) == 0


def _heading(text: str) -> Marker | None:
    """The marker of a short numbered line without a full stop (a heading), else None."""
    marker = read_marker(text)
    if marker is None or len(marker.rest) > _HEADING_MAX:
        return None
    return None if any(ch in marker.rest for ch in "。；：") else marker


def _is_next_item(marker: Marker, last_number: dict[Style, int]) -> bool:
    return marker.number == last_number.get(marker.style, 0) + 1


def _continues(text: str, line: str, last_number: dict[Style, int]) -> bool:
    """Whether ``line`` continues the unfinished paragraph ``text``."""
    if is_standalone_line(line) or is_standalone_line(text):
        return False
    unbalanced = bracket_depth(text) > 0 or quotes_open(text)
    marker = read_marker(line)
    if marker is not None:
        if unbalanced and marker.style == Style.ARABIC_PAREN and line[0].isdigit():
            return True  # ``1）`` closing a bracket the paragraph opened, not a marker
        # A number in sequence opens the next item; any other only after a
        # finished paragraph or a heading (a restart at 1 under a new part).
        if _is_next_item(marker, last_number):
            return False
        if unbalanced:
            return True
        return not (ends_paragraph(text) or _heading(text))
    if unbalanced:
        return True
    if ends_paragraph(text) or is_title_line(text):
        return False
    # A short heading followed by prose — a long line, or one with a sentence's commas and
    # stops (以下各项任务均需…落实，不再列出。) — is two paragraphs; the tail of a heading
    # the page width wrapped has neither.
    heading = _heading(text)
    return not (
        heading is not None
        and heading.rest
        and (
            len(line) > _HEADING_MAX
            or (text[-1] not in "，,、" and any(mark in line for mark in "，。；"))
        )
    )
