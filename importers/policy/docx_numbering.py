"""Word's automatic list numbers, which python-docx leaves out of the paragraph text.

A draft typed in Word often numbers ``一、`` / ``（一）`` / ``1.`` through list
formatting instead of typed characters.  Without the rendered number the
document would have no visible structure, so each numbered paragraph gets its
label back (``%1、`` with a Chinese counter → ``三、``), counting the way Word
does: per list, deeper levels restarting when a shallower one advances.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from importers.policy.markers import to_chinese

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NS = {"w": _W}
_VAL = f"{{{_W}}}val"
_PLACEHOLDER_RE = re.compile(r"%([1-9])")
_CHINESE_FORMATS = {
    "chineseCounting",
    "chineseCountingThousand",
    "chineseLegalSimplified",
    "ideographDigital",
    "japaneseCounting",
    "taiwaneseCounting",
    "taiwaneseCountingThousand",
}
_HEAVENLY_STEMS = "甲乙丙丁戊己庚辛壬癸"


@dataclass(frozen=True)
class _Level:
    start: int
    format: str
    text: str


@dataclass
class _List:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)


class ListNumbering:
    """Renders the list label of each paragraph of one document, in document order."""

    def __init__(self, document: Any) -> None:
        self._abstracts: dict[str, dict[int, _Level]] = {}
        self._lists: dict[str, _List] = {}
        self._counters: dict[str, dict[int, int]] = {}
        self._started: set[str] = set()
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return  # no numbering part: nothing is numbered automatically
        for abstract in numbering.findall("w:abstractNum", _NS):
            levels = {}
            for level in abstract.findall("w:lvl", _NS):
                start = _int(_value(level, "w:start"), 1)
                levels[_int(level.get(f"{{{_W}}}ilvl"), 0)] = _Level(
                    start, _value(level, "w:numFmt") or "decimal", _value(level, "w:lvlText") or ""
                )
            self._abstracts[str(abstract.get(f"{{{_W}}}abstractNumId"))] = levels
        for num in numbering.findall("w:num", _NS):
            listing = _List(str(_value(num, "w:abstractNumId")))
            for override in num.findall("w:lvlOverride", _NS):
                restart = _value(override, "w:startOverride")
                if restart is not None:
                    index = _int(override.get(f"{{{_W}}}ilvl"), 0)
                    listing.start_overrides[index] = _int(restart, 1)
            self._lists[str(num.get(f"{{{_W}}}numId"))] = listing

    def label(self, paragraph: Any) -> str:
        """The number Word shows before ``paragraph`` (``""`` for none or a bullet)."""
        num_id, level_index = _numbering_of(paragraph)
        listing = self._lists.get(num_id or "")
        if listing is None:
            return ""
        levels = self._abstracts.get(listing.abstract_id, {})
        level = levels.get(level_index)
        if level is None or level.format in ("bullet", "none"):
            return ""
        counters = self._counters.setdefault(listing.abstract_id, {})
        if num_id not in self._started:
            self._started.add(str(num_id))
            for index, start in listing.start_overrides.items():
                counters[index] = start - 1
        counters[level_index] = counters.get(level_index, level.start - 1) + 1
        for deeper in [index for index in counters if index > level_index]:
            del counters[deeper]

        def render(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = levels.get(index, level)
            return _format(counters.get(index, shown.start), shown.format)

        return _PLACEHOLDER_RE.sub(render, level.text)


def _numbering_of(paragraph: Any) -> tuple[str | None, int]:
    """numId and level of a paragraph, from its own properties or its style's."""
    num_pr = paragraph._p.find("w:pPr/w:numPr", _NS)
    style = paragraph.style
    while num_pr is None and style is not None:
        num_pr = style.element.find("w:pPr/w:numPr", _NS)
        style = style.base_style
    if num_pr is None:
        return None, 0
    return _value(num_pr, "w:numId"), _int(_value(num_pr, "w:ilvl"), 0)


def _format(number: int, style: str) -> str:
    if style in _CHINESE_FORMATS:
        return to_chinese(number)
    if style.startswith("decimalEnclosedCircle") and 1 <= number <= 20:
        return chr(0x2460 + number - 1)
    if style == "ideographTraditional" and 1 <= number <= len(_HEAVENLY_STEMS):
        return _HEAVENLY_STEMS[number - 1]
    if style in ("lowerLetter", "upperLetter") and 1 <= number <= 26:
        letter = chr(ord("a") + number - 1)
        return letter if style == "lowerLetter" else letter.upper()
    return str(number)


def _value(element: Any, path: str) -> str | None:
    found = element.find(path, _NS)
    return None if found is None else str(found.get(_VAL))


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
