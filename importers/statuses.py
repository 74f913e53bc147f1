"""The status vocabulary: the five statuses an assignment can have, in the office's order.

One home for the words, shared by the file formats (a ledger's drop-down and
summary columns, ``importers.ledger.statuses``) and the rules
(``tracker.statuses``: overdue, due soon, a measure's status).  It lives in
``importers/`` and imports nothing, because ``importers/`` may not import
``tracker/`` while ``tracker/`` may import ``importers/``: the lowest layer
both can reach.  The synonyms units write stay with the ledger format; what a
status means for deadlines stays with the rules.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final


class Status(StrEnum):
    """A stored status, as the office words it (the database keeps ``value``)."""

    NOT_STARTED = "未启动"
    IN_PROGRESS = "推进中"
    DONE = "已完成"
    TICKED_OFF = "已销号"
    STANDING = "长期坚持"


FINISHED: Final = frozenset({Status.DONE, Status.TICKED_OFF})
"""The closed statuses: the unit's part is done (已销号 once the office confirmed it)."""

UNIT_STATUSES: Final[tuple[Status, ...]] = tuple(s for s in Status if s is not Status.TICKED_OFF)
"""The statuses a unit may report; only the office ticks a measure off (已销号)."""
