"""How figures are written in the reports: dates in Chinese, one-decimal percentages.

One place, so the PDF, the Word file and the tests agree to the character.
"""

from __future__ import annotations

from datetime import date

NONE = "—"


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as "7.0%"; "—" when there is no whole."""
    return f"{100 * part / whole:.1f}%" if whole else NONE


def rate(value: float) -> str:
    return f"{100 * value:.1f}%"


def signed(change: int | None) -> str:
    """A change in a count: "+3", "-2", "0"; "—" without a previous round."""
    if change is None:
        return NONE
    return f"{change:+d}" if change else "0"


def points(now: float, before: float | None) -> str:
    """A change in a rate, in percentage points: "+12.5", "-3.0", "0.0"."""
    if before is None:
        return NONE
    change = round(100 * now, 1) - round(100 * before, 1)
    return "0.0" if abs(change) < 0.05 else f"{change:+.1f}"


def deadline(day: date | None, text: str | None) -> str:
    """The deadline as the document words it, else the date, else "—"."""
    if text:
        return text
    return cn_date(day) if day else NONE
