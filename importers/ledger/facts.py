"""What the reader learns about cells beyond their values (see :mod:`cellfacts`, :mod:`xlsfacts`).

Kept apart from the code that gathers the facts, so the ``.xlsx``/``.ods`` and the
``.xls`` readers and the row reader share the one shape and the one set of reasons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from importers.messages import QT_TRANSLATE_NOOP, Message

Position = tuple[int, int]
"""(row, column), 0-based."""

NO_RESULT = QT_TRANSLATE_NOOP(
    "messages",
    "formula {formula} has no calculated value (the program that saved the file did not "
    "calculate it); open the file in Excel or WPS, save it and send it again",
)
ERROR_VALUE = QT_TRANSLATE_NOOP(
    "messages", "the cell shows the error {error}; correct it and send the file again"
)
MAX_COLUMN = 256
"""Facts are kept for the first columns only: a ledger's columns are all among them,
and a repeated cell far to the right must not make millions of entries."""


@dataclass(frozen=True)
class SheetFacts:
    """What the values of one sheet do not say.

    ``percent_known`` is false when the file format hides number formats (then a
    value that could be a percent-formatted fraction is ambiguous); ``percent``
    holds the cells with a percent number format; ``bad`` the cells whose value
    must not be read (a formula without a result, an error), each with the reason.
    """

    percent_known: bool = True
    percent: frozenset[Position] = frozenset()
    bad: dict[Position, Message] = field(default_factory=dict)


NOTHING = SheetFacts()
UNKNOWN_FORMATS = SheetFacts(percent_known=False)


_LITERAL = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]')


def is_percent_format(code: str) -> bool:
    """Whether the number format ``code`` shows a value ×100 with a percent sign.

    A ``%`` in quotes, after a backslash or in brackets is printed as is and does
    not scale the value (``0"%"`` shows 35 as ``35%``), so it does not count.
    """
    return "%" in _LITERAL.sub("", code)
