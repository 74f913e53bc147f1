"""Read deadlines and dated milestones out of measure wording.

Deadlines come as ``完成时限：2021年底`` / ``2021年6月底`` / ``2021年上半年`` /
``2021年第三季度`` / ``长期坚持``, or inside the text as ``2020年底前…``.  Each
maps to the last day it allows, so "overdue" is a simple date comparison.
A date without a year (``每年2月底前``) recurs and is not a deadline; only
``年底前`` / ``今年年底前`` / ``年内`` alone, in a document whose year of issue is
known, means the end of that year.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from importers.policy.markers import chinese_number

_CN = "〇零一二三四五六七八九十"
_DATE_RE = re.compile(
    rf"(?P<y>\d{{4}}|[〇零一二三四五六七八九]{{4}})\s*年\s*"
    r"(?:(?P<half>上|下)半年"
    r"|第?(?P<q>[一二三四1-4])季度"
    rf"|(?P<m>\d{{1,2}}|[{_CN}]{{1,2}})\s*月"
    rf"(?:(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号]|(?P<mend>底|末|份|中旬|下旬|上旬))?"
    r"|(?P<yend>年?底|年?末))?"
    r"(?P<before>(?:以|之)?前|内(?!蒙))?"
)
_THIS_YEAR_END_RE = re.compile(r"(?P<this>今年|本年)?(?:(?:年底|年末)(?:以|之)?前|年内)")
"""``年底前`` / ``年内``: the end of the year the document was issued in (given a year)."""
_MONTH_BEFORE_RE = re.compile(
    rf"(?<![\d{_CN}])(?:(?P<half>上|下)半年|第?(?P<q>[一二三四1-4])季度末?"
    rf"|(?P<m>\d{{1,2}}|[{_CN}]{{1,2}})\s*月"
    rf"(?:(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号]|(?P<mend>底|末|中旬|下旬|上旬))?)"
    r"(?P<before>(?:以|之)?前)?(?=$|[^\d个份])"
)
"""A month, half or quarter with no year: ``6月底前``, ``9月30日前``, ``12月``, ``上半年``,
``三季度末``; not 6个月, 3月份 of every year."""
_TARGET_WORDS = ("到", "力争", "争取")
"""``到2025年，…`` / ``力争2025年…达到…``: a target to meet by then, as binding as 前."""
_OTHER_YEAR = frozenset(
    "0123456789０１２３４５６７８９〇零一二三四五六七八九十两几每当上去明后次同该年"
)
"""Before ``年底前`` these make it some other year's: 每年, 当年, 明年, 三年, 2021年…"""
_STANDING_RE = re.compile(r"长期坚持|持续推进|长期|持续|常态化|经常性")
_RECURRING_RE = re.compile(r"定期|每个?(?:年度?|半年|季度?|月|旬|周)|按(?:年度?|季度?|月)")
_MONTH_RE = re.compile(r"[\d一二三四五六七八九十]月")
"""Recurring work with no day named (每季度, 每月调度一次, 定期) is standing like 长期坚持:
no one day to meet, never overdue.  ``每年2月底前`` names a day: the clerk is asked."""
_CLAUSE_STOPS = "，,；;。：:！？!?"
_MID_MONTH_DAY = {"上旬": 10, "中旬": 20}


@dataclass(frozen=True)
class DatedPhrase:
    """A date found in text, the last day it allows, and where it stands."""

    date: date
    wording: str
    start: int
    end: int
    before: bool
    """Followed by 前: a deadline, not just a date."""
    precise: bool
    """More than a bare year (``2021年`` alone is a reference, not a date to meet)."""
    context: str
    """The clause around it, between the nearest ，；。 on either side."""


@dataclass(frozen=True)
class Deadline:
    date: date | None
    standing: bool
    readable: bool


def find_dates(text: str, year: int | None = None, stated: bool = False) -> list[DatedPhrase]:
    """Every dated phrase in ``text``, in order; ``year`` dates a bare ``年底前``.

    A month, half or quarter without a year counts in running text only as a deadline
    (``6月底前``); in a stated 完成时限 (``stated``) as it stands (``上半年``, ``10月底``).
    """
    found = []
    for match in _DATE_RE.finditer(text):
        day = _last_day(match)
        if day is not None:
            groups = match.groupdict()
            precise = any(groups[k] for k in ("half", "q", "m", "yend"))
            wording = match.group(0).replace(" ", "")
            start, end = match.span()
            context = enclosing_clause(text, start, end)
            before = bool(groups["before"]) or text[:start].endswith(_TARGET_WORDS)
            found.append(DatedPhrase(day, wording, start, end, before, precise, context))
    if year is not None:
        months = _months_of_the_year(text, year, found)
        if not stated:
            months = [phrase for phrase in months if phrase.before]
        more = [*_this_year_ends(text, year, found), *months]
        found = sorted([*found, *more], key=lambda p: p.start)
    return found


def _months_of_the_year(text: str, year: int, found: list[DatedPhrase]) -> list[DatedPhrase]:
    """``6月底前`` / ``9月30日前`` / ``上半年`` with no year: in the document's year (its
    工作要点 names no other).  After 年 (每年, 次年, 2024年) or 每 the month is some
    other year's, or recurs."""
    months: list[DatedPhrase] = []
    if "月" not in text and "季度" not in text and "半年" not in text:
        return months
    for match in _MONTH_BEFORE_RE.finditer(text):
        start, end = match.span()
        after_year = (
            start > 0
            and text[start - 1] in "年每月"
            and text[start - 2 : start] not in ("今年", "本年")
        )
        if after_year or any(p.start < end and start < p.end for p in found):
            continue
        if match.group("half"):
            month = 6 if match.group("half") == "上" else 12
        elif match.group("q"):
            month = 3 * (_number(match.group("q")) or 0)
        else:
            month = _number(match.group("m")) or 0
        if not 1 <= month <= 12:
            continue
        last = calendar.monthrange(year, month)[1]
        day = _number(match.group("d")) if match.group("d") else None
        if day is not None and not 1 <= day <= last:
            continue
        on = date(year, month, day or _MID_MONTH_DAY.get(match.group("mend") or "", last))
        context = enclosing_clause(text, start, end)
        wording = match.group(0)
        months.append(
            DatedPhrase(on, wording, start, end, bool(match.group("before")), True, context)
        )
    return months


def _this_year_ends(text: str, year: int, found: list[DatedPhrase]) -> list[DatedPhrase]:
    ends = []
    for match in _THIS_YEAR_END_RE.finditer(text):
        start, end = match.span()
        if not match.group("this") and text[start - 1 : start] in _OTHER_YEAR:
            continue
        if any(p.start < end and start < p.end for p in found):
            continue
        context = enclosing_clause(text, start, end)
        last_day = date(year, 12, 31)
        ends.append(DatedPhrase(last_day, match.group(0), start, end, True, True, context))
    return ends


_NUMERIC_DATE_RE = re.compile(
    r"(?<!\d)(\d{4})[.．/\-－](\d{1,2})(?:[.．/\-－](\d{1,2}))?(?![\d.．])"
)
"""``2023.12``, ``2023.6.30``, ``2023-12-31``, ``2023/12``: a table's 完成时限 in figures."""


def _in_words(wording: str) -> str:
    """Figures written as a date in words: ``2023.6.30`` → ``2023年6月30日``."""

    def words(match: re.Match[str]) -> str:
        year, month, day = match.groups()
        return f"{year}年{int(month)}月" + (f"{int(day)}日" if day else "")

    return _NUMERIC_DATE_RE.sub(words, wording)


def read_deadline(wording: str, year: int | None = None) -> Deadline:
    """The deadline a ``完成时限`` states; standing and recurring tasks (每季度) have none."""
    dates = find_dates(_in_words(wording), year, stated=True)
    if dates:
        return Deadline(max(d.date for d in dates), standing=False, readable=True)
    if _STANDING_RE.search(wording) or (
        _RECURRING_RE.search(wording) and not _MONTH_RE.search(wording)
    ):
        return Deadline(None, standing=True, readable=True)
    return Deadline(None, standing=False, readable=False)


def enclosing_clause(text: str, start: int, end: int) -> str:
    """The clause around ``text[start:end]``, between the nearest ，；。 on either side."""
    left = max(text.rfind(stop, 0, start) for stop in _CLAUSE_STOPS) + 1
    rights = [i for i in (text.find(stop, end) for stop in _CLAUSE_STOPS) if i != -1]
    right = min(rights) if rights else len(text)
    return text[left:right].strip()


def _last_day(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    year = _number(groups["y"])
    if year is None or not 1900 <= year <= 2200:
        return None
    if groups["half"]:
        return date(year, 6, 30) if groups["half"] == "上" else date(year, 12, 31)
    if groups["q"]:
        quarter = _number(groups["q"]) or 0
        month = 3 * quarter
        return date(year, month, calendar.monthrange(year, month)[1])
    if groups["m"]:
        month = _number(groups["m"]) or 0
        if not 1 <= month <= 12:
            return None
        last = calendar.monthrange(year, month)[1]
        if groups["d"]:
            day = _number(groups["d"]) or 0
            return date(year, month, day) if 1 <= day <= last else None
        return date(year, month, _MID_MONTH_DAY.get(groups["mend"] or "", last))
    return date(year, 12, 31)


def _number(text: str) -> int | None:
    return int(text) if text.isdigit() else chinese_number(text)
