"""Cell values as python-calamine returns them, turned into the types we use.

Excel, WPS and LibreOffice store the same typed-in value differently: ``80``
may come back as ``80.0``, a percent-formatted ``80%`` as ``0.8``, a date as a
``date``, a ``datetime`` or the text ``2021/6/30``, an empty cell as ``""``.
Every conversion lives here so that the reader handles each kind once and the
rules are tested in one place.  Converters for values a unit may get wrong
raise :class:`CellValueError` with an English reason for the error list.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta

from importers.messages import QT_TRANSLATE_NOOP, MessageError
from importers.text_clean import storable_text

RawValue = int | float | str | bool | date | datetime | time | timedelta | None
"""Anything a calamine cell can hold."""

_EXCEL_EPOCH = date(1899, 12, 30)
_TEXT_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"
)
_PERCENT_SIGNS = ("%", "％")
NOT_A_NUMBER = QT_TRANSLATE_NOOP("messages", 'percent "{value}" is not a number')


class CellValueError(MessageError, ValueError):
    """A cell's value cannot be accepted; the message is the reason shown to the office."""


def is_empty(value: RawValue) -> bool:
    """True for a cell with nothing in it (``None``, ``""``, only whitespace or controls:
    what :func:`text` reads as ``""``)."""
    return value is None or (isinstance(value, str) and not text(value))


def text(value: RawValue) -> str:
    """Any cell as text: stripped at both ends, line breaks inside kept.

    Numbers lose a ``.0`` that only the storage added (a phone number typed
    into a cell comes back as ``13912345678.0``); dates become ISO text.
    Windows line breaks become ``\\n`` so that a re-saved file compares equal; a control
    character no one typed (a NUL) is dropped, which PostgreSQL and Word would refuse.
    """
    if type(value) is str:  # by far the most common cell: checked first
        if not value.isprintable():  # a line break, a wide space, or a control no one sees
            value = _storable(value)
        return value.strip()
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(" ")
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, int):
        return str(value)
    return _storable(value).strip()


def _storable(value: str) -> str:
    """Windows line breaks as ``\\n``; a NUL or another control (an ``_x0000_`` escape in
    the file) dropped: no database or file keeps it (``text_clean.storable_text``)."""
    return storable_text(value.replace("\r\n", "\n").replace("\r", "\n"))


def to_date(value: RawValue) -> date | None:
    """A date cell, a date typed as text, or an Excel serial number; else ``None``.

    Returns ``None`` rather than raising: the 完成时限 column legitimately holds
    text such as ``2021年6月底前`` or ``长期坚持``.
    """
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        # Serial numbers of 1954..2119: a date cell that lost its number format.
        if 20000 <= value <= 80000 and float(value).is_integer():
            return _EXCEL_EPOCH + timedelta(days=int(value))
        return None
    if isinstance(value, str):
        match = _TEXT_DATE.match(value.strip())
        if match:
            try:
                return date(int(match[1]), int(match[2]), int(match[3]))
            except ValueError:
                return None
    return None


def to_percent(value: RawValue) -> int | None:
    """完成进度 as a whole percent 0–100, or ``None`` for an empty cell, format unseen.

    ``80``, ``"80"``, ``"80%"`` and ``0.8`` all mean 80: a plain number strictly
    between 0 and 1 is taken as a fraction; 0 and 1 literally.  The reader does
    not rely on that guess: it calls :func:`percent_cell`, which knows the cell's
    number format and refuses what is ambiguous, and passes only text and
    unambiguous numbers on to here.  Fractions of a percent are rounded.
    """
    if type(value) is int and 0 <= value <= 100:  # the usual cell: a whole percent
        return value
    if is_empty(value):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CellValueError(NOT_A_NUMBER, value=text(value))
    number: float
    if isinstance(value, str):
        raw = value.strip()
        had_sign = raw.endswith(_PERCENT_SIGNS)
        digits = raw.rstrip("".join(_PERCENT_SIGNS)).strip()
        try:
            number = float(digits)
        except ValueError:
            raise CellValueError(NOT_A_NUMBER, value=raw) from None
        if not had_sign and 0 < number < 1:
            number *= 100
    else:
        number = float(value)
        if 0 < number < 1:
            number *= 100
    if not math.isfinite(number):
        raise CellValueError(NOT_A_NUMBER, value=text(value))
    whole = math.floor(number + 0.5)
    if not 0 <= whole <= 100:
        shown = int(number) if number.is_integer() else number
        raise CellValueError(
            QT_TRANSLATE_NOOP("messages", "percent {percent} is outside 0–100"), percent=shown
        )
    return whole


AMBIGUOUS_FRACTION = QT_TRANSLATE_NOOP(
    "messages",
    "percent {value} is ambiguous (the cell is not formatted as a percent, so it may mean "
    "{value}% or {hundredfold}%); write a whole number 0–100, e.g. 80 for 80%",
)
AMBIGUOUS_UNKNOWN_FORMAT = QT_TRANSLATE_NOOP(
    "messages",
    "percent {value} is ambiguous (this file does not say whether the cell is formatted as "
    "a percent, so it may mean {value}% or {hundredfold}%); write a whole number 0–100, "
    "e.g. 80 for 80%, or save the file as .xlsx",
)


def percent_cell(value: RawValue, formatted: bool | None) -> int | None:
    """完成进度 as a whole percent, knowing whether the cell has a percent number format.

    A typed ``100%`` is stored as the number 1 with a percent format, ``35%`` as
    0.35: in a percent-formatted cell every number is a fraction (1 → 100,
    0.35 → 35, 1.5 → 150, refused).  In a cell that is not, a number is the
    percent itself (1 → 1, 80 → 80), and a fraction strictly between 0 and 1
    could be either — the cell may show ``0`` while holding 0.35 — so it is
    refused rather than guessed.  ``formatted`` is ``None`` when the file does
    not say (then 1 is ambiguous too).  Text is read by :func:`to_percent`,
    where a ``%`` sign says what is meant.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        if isinstance(value, str) and not value.strip().endswith(_PERCENT_SIGNS):
            _refuse_fraction(value, formatted)
        return to_percent(value)
    if formatted:
        return to_percent(f"{value * 100!r}%")
    _refuse_fraction(value, formatted)
    return to_percent(value)


def _refuse_fraction(value: str | int | float, formatted: bool | None) -> None:
    """Raise for a number (or a number typed as text) that may be a fraction of 100."""
    try:
        number = float(value)
    except ValueError:
        return  # not a number: to_percent says so
    top = 1 if formatted is None and not isinstance(value, str) else 0.999_999_999
    if not 0 < number <= top:
        return
    shown, hundredfold = text(value), text(round(number * 100, 6))
    if formatted is None:
        raise CellValueError(AMBIGUOUS_UNKNOWN_FORMAT, value=shown, hundredfold=hundredfold)
    raise CellValueError(AMBIGUOUS_FRACTION, value=shown, hundredfold=hundredfold)
