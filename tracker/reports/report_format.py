"""How figures are written in the reports: dates in Chinese, one-decimal percentages.

One place, so the PDF, the Word file and the tests agree to the character.
"""

from __future__ import annotations

from datetime import date

NONE = "—"


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def tenths(part: int, whole: int) -> int:
    """``part / whole`` in tenths of a percent, rounded half up (1/16 → 63, i.e. 6.3%).

    Integer arithmetic: float formatting would round 6.25 down to 6.2.
    """
    return (2000 * part + whole) // (2 * whole) if whole else 0


def _tenths_text(value: int) -> str:
    sign = "-" if value < 0 else ""
    return f"{sign}{abs(value) // 10}.{abs(value) % 10}"


def percent(part: int, whole: int) -> str:
    """``part`` of ``whole`` as "7.0%"; "—" when there is no whole."""
    return f"{_tenths_text(tenths(part, whole))}%" if whole else NONE


def signed(change: int | None) -> str:
    """A change in a count: "+3", "-2", "0"; "—" without a previous round."""
    if change is None:
        return NONE
    return f"{change:+d}" if change else "0"


def points(now: tuple[int, int], before: tuple[int, int] | None) -> str:
    """The change between two rates (part, whole) in percentage points of the printed
    (rounded) rates, so the figures add up on paper: "+12.5", "-3.0", "0.0"."""
    if before is None:
        return NONE
    change = tenths(*now) - tenths(*before)
    return ("+" if change > 0 else "") + _tenths_text(change)


def deadline(day: date | None, text: str | None) -> str:
    """The deadline as the document words it, else the date, else "—"."""
    if text:
        return text
    return cn_date(day) if day else NONE
