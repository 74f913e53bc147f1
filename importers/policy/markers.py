"""Numbering markers that open a heading or an item: ``一、`` ``（一）`` ``1.`` ``（1）`` ``①``.

Official documents use a fixed ladder of numbering styles, outermost first.
The ladder position (``Style``) is the depth of a heading; which depth holds
the measures is decided per document elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import IntEnum


class Style(IntEnum):
    """Numbering styles from the outermost (parts) to the innermost."""

    CN = 0  # 一、
    CN_PAREN = 1  # （一）
    ARABIC = 2  # 1.  1．  1、
    ARABIC_PAREN = 3  # （1）  1）
    CIRCLED = 4  # ①


@dataclass(frozen=True)
class Marker:
    style: Style
    number: int
    rest: str
    """The line after the marker."""


_CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_CN_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
_CN_NUM = "〇零一二两三四五六七八九十百千"

_MARKER_RE = re.compile(
    rf"^(?:(?P<cn>[{_CN_NUM}]{{1,8}})、"
    rf"|（(?P<cnp>[{_CN_NUM}]{{1,8}})）"
    r"|(?P<ar>\d{1,5})(?:[.．](?![\d])|、)"
    r"|（?(?P<arp>\d{1,5})）"
    r"|(?P<circ>[\u2460-\u2473]))\s*"
)


def chinese_number(text: str) -> int | None:
    """``三十`` → 30, ``二十一`` → 21, ``一百零五`` → 105, ``一千二百`` → 1200,
    ``二〇二一`` → 2021, else None."""
    if not text:
        return None
    if not any(unit in text for unit in "十百千"):
        digits = [_CN_DIGITS.get(ch) for ch in text]
        if any(d is None for d in digits):
            return None
        return int("".join(str(d) for d in digits))
    total, current = 0, 0
    for ch in text:
        if ch == "千":
            total += (current or 1) * 1000
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        else:
            return None
    return total + current


def to_chinese(number: int) -> str:
    """1 → 一, 10 → 十, 21 → 二十一, 105 → 一百零五: how documents number their parts."""
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 100:
        tens, ones = divmod(number, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
    hundreds, rest = divmod(number, 100)
    tail = "" if rest == 0 else ("零" if rest < 10 else "") + to_chinese(rest)
    if 10 <= rest < 20:
        tail = "一" + tail
    return digits[hundreds] + "百" + tail


def read_marker(line: str) -> Marker | None:
    """The numbering marker at the start of ``line`` (already normalized), if any."""
    match = _MARKER_RE.match(line)
    if match is None:
        return None
    rest = line[match.end() :]
    groups = match.groupdict()
    if groups["cn"] is not None or groups["cnp"] is not None:
        number = chinese_number(groups["cn"] or groups["cnp"])
        if number is None or number == 0:
            return None
        style = Style.CN if groups["cn"] is not None else Style.CN_PAREN
        return Marker(style, number, rest)
    if groups["ar"] is not None:
        number = int(groups["ar"])
        return Marker(Style.ARABIC, number, rest) if number > 0 else None
    if groups["arp"] is not None:
        number = int(groups["arp"])
        return Marker(Style.ARABIC_PAREN, number, rest) if number > 0 else None
    return Marker(Style.CIRCLED, ord(groups["circ"]) - 0x2460 + 1, rest)


_RUN_IN_NUMBER_RE = re.compile(r"^(\d{1,5})[.．](?=\d)")


def read_marker_after(line: str, last: int) -> Marker | None:
    """``read_marker``, also taking ``11.121人才梯队项目`` / ``3.5G基站…`` as item 11 / 3.

    A number whose title starts with digits looks like a decimal; it is an item
    only where it is the next number of the list (``last`` + 1).
    """
    marker = read_marker(line)
    if marker is not None:
        return marker
    match = _RUN_IN_NUMBER_RE.match(line)
    if match is None or int(match.group(1)) != last + 1:
        return None
    return Marker(Style.ARABIC, last + 1, line[match.end() :])
