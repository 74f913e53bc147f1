"""How the window words a group's derived state: ``各市、县（区）（5个）· 3/5 完成 · 2 逾期``.

One wording for the board, the assignment table and the detail pane; the state
itself comes from ``tracker.units.group_rollup`` (the one rule).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from tracker.units.group_rollup import GroupState

translate = QCoreApplication.translate


def group_progress(state: GroupState) -> str:
    """``3/5 完成 · 2 逾期`` (the overdue part only when a member is overdue)."""
    text = translate("GroupLabels", "{0}/{1} done").format(state.finished, state.members)
    if state.overdue_members:
        text += " · " + translate("GroupLabels", "{0} overdue").format(state.overdue_members)
    return text


def group_heading(group: str, state: GroupState) -> str:
    """``各市、县（区）（5个）· 3/5 完成 · 2 逾期``."""
    n = state.members
    named = (
        translate("GroupLabels", "{0} (%n member)", None, n)
        if n == 1
        else translate("GroupLabels", "{0} (%n members)", None, n)
    ).format(group)
    return f"{named} · {group_progress(state)}"
