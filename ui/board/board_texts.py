"""The board's column headers and a group cell's tool tip, apart from the model's arithmetic.

A group's header carries its expander (▸ collapsed, ▾ expanded: a click on the
header or + / − on one of its cells opens and closes it); a member's header says
whose tasks it answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt

from ui.group_labels import group_heading
from ui.labels import state_label

if TYPE_CHECKING:
    from tracker.records import AssignmentRow
    from tracker.units.group_rollup import GroupState
    from ui.board.board_columns import BoardColumn

translate = QCoreApplication.translate

COLLAPSED, EXPANDED = "▸", "▾"
MEMBER_MARK = "·"


def vertical(text: str, limit: int = 9) -> str:
    """A unit name written top to bottom, one character a line, as a narrow header."""
    shown = text if len(text) <= limit else text[: limit - 1] + "…"
    return "\n".join(shown)


def column_header(
    column: BoardColumn, expanded: bool, found: tuple[int, int] | None, role: int
) -> Any:
    """What a unit's, a group's or a member's column header shows for ``role`` (its text
    and its tool tip; the model colours it); ``found``: the unit's open findings and how
    many are overdue."""
    if role == Qt.ItemDataRole.DisplayRole:
        if column.is_group:
            mark = EXPANDED if expanded else COLLAPSED
            text = mark + "\n" + vertical(column.unit)
        elif column.group is not None:
            text = MEMBER_MARK + "\n" + vertical(column.unit)
        else:
            text = vertical(column.unit)
        return text + (f"\n⚑{found[0]}" if found else "")
    if role == Qt.ItemDataRole.ToolTipRole:
        lines = [column.unit]
        if column.is_group:
            n = len(column.members)
            members = (
                translate("BoardModel", "%n member: {0}", None, n)
                if n == 1
                else translate("BoardModel", "%n members: {0}", None, n)
            )
            lines.append(members.format("、".join(column.members)))
            lines.append(
                translate("BoardModel", "Click or press − to hide the members")
                if expanded
                else translate("BoardModel", "Click or press + to show the members")
            )
        elif column.group is not None:
            lines.append(translate("BoardModel", "Member of {0}").format(column.group))
        if found:
            lines.append(
                translate("BoardModel", "Open inspection findings: {0} ({1} overdue)").format(
                    *found
                )
            )
        return "\n".join(lines)
    return None


def group_tooltip(measure: str, group: str, state: GroupState, shares: list[AssignmentRow]) -> str:
    """The measure, the group's derived state, and each member's own state."""
    lines = [measure, group_heading(group, state)]
    for share in shares:
        percent = "" if share.percent is None else f" {share.percent}%"
        lines.append(f"  {share.unit}：{state_label(share.state)}{percent}")
    return "\n".join(lines)
