"""The completion statuses (完成状态) of a measure, and the words units use for them.

Units fill the status column by hand, in Excel, WPS or LibreOffice, and not all
of them pick from the drop-down: a returned ledger may say 已办结 or 正在推进.
Every synonym is mapped here, in one place, so that the ledger reader, the
services and the UI agree on what a status word means.  The five statuses
themselves are declared once, in ``importers.statuses``.
"""

from __future__ import annotations

import re
from typing import Final

from importers.messages import QT_TRANSLATE_NOOP, MessageError
from importers.statuses import UNIT_STATUSES as _UNIT_STATUSES
from importers.statuses import Status

STATUSES: Final[tuple[str, ...]] = tuple(s.value for s in Status)
"""Every status a measure may have, in the order the office lists them (``importers.statuses``)."""

UNIT_STATUSES: Final[tuple[str, ...]] = tuple(s.value for s in _UNIT_STATUSES)
"""The statuses a unit may report; only the office closes a measure (已销号)."""

SYNONYMS: Final[dict[str, str]] = {
    "未启动": Status.NOT_STARTED.value,
    "未开展": Status.NOT_STARTED.value,
    "尚未启动": Status.NOT_STARTED.value,
    "推进中": Status.IN_PROGRESS.value,
    "正在推进": Status.IN_PROGRESS.value,
    "进行中": Status.IN_PROGRESS.value,
    "持续推进中": Status.IN_PROGRESS.value,
    "持续推进": Status.IN_PROGRESS.value,
    "已完成": Status.DONE.value,
    "完成": Status.DONE.value,
    "已办结": Status.DONE.value,
    "已销号": Status.TICKED_OFF.value,
    "长期坚持": Status.STANDING.value,
}
"""Word a unit may write → canonical status.  Keys are already whitespace-free.

持续推进 ("keep pushing") is typed by units whose work goes on: 推进中, not the
standing 长期坚持, which only a measure without a fixed deadline may have."""

_WHITESPACE = re.compile(r"\s+")


class UnknownStatusError(MessageError, ValueError):
    """A status word that is neither a status nor a known synonym of one."""

    def __init__(self, value: str) -> None:
        self.value = value
        super().__init__(
            QT_TRANSLATE_NOOP("messages", 'unknown status "{value}"; allowed: {allowed}'),
            value=value,
            allowed="、".join(STATUSES),
        )


def normalize_status(value: str | None) -> str | None:
    """Return the canonical status for ``value``; ``None`` for an empty cell.

    Whitespace anywhere in the word is ignored (``" 推进 中 "`` is 推进中): units
    pad cells and WPS keeps stray line breaks.  已销号 is returned as is — whether
    a unit may use it is the service's decision, not the file format's.

    Raises :class:`UnknownStatusError` for any other word.
    """
    if value is None:
        return None
    exact = SYNONYMS.get(value)  # a word picked from the drop-down needs no cleaning
    if exact is not None:
        return exact
    compact = _WHITESPACE.sub("", value)
    if not compact:
        return None
    try:
        return SYNONYMS[compact]
    except KeyError:
        raise UnknownStatusError(value.strip()) from None
