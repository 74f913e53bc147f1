"""The columns of a ledger data sheet: header text, width, who may edit them.

The header texts are the ones offices print and units recognise; the reader
finds columns by these texts (not by position), so the order here is only the
order the writer uses.  Fill-in columns are the ones a unit edits and whose
exported values the hidden sheet remembers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True)
class Column:
    """One ledger column; ``field`` is the attribute name in the dataclasses."""

    field: str
    header: str
    width: float
    fill_in: bool = False
    aliases: tuple[str, ...] = ()


COLUMNS: Final[tuple[Column, ...]] = (
    Column("seq", "序号", 5),
    Column("measure_code", "措施编号", 7, aliases=("编号", "措施序号")),
    Column("task", "重点任务", 12, aliases=("任务",)),
    Column("content", "具体内容", 30, aliases=("具体措施", "措施内容")),
    Column("lead_units", "牵头单位", 10, aliases=("牵头部门",)),
    Column("support_units", "配合单位", 10, aliases=("配合部门", "协办单位")),
    Column("unit", "责任单位", 10, aliases=("责任部门", "填报单位")),
    Column("deadline", "完成时限", 11, aliases=("时限", "完成时间")),
    Column("milestones", "时间节点", 14, aliases=("节点安排", "时间安排")),
    Column("status", "完成状态", 8, fill_in=True, aliases=("状态", "进展状态")),
    Column("percent", "完成进度(%)", 7, fill_in=True, aliases=("完成进度", "进度", "完成比例")),
    Column("progress", "进展情况", 26, fill_in=True, aliases=("工作进展", "进展")),
    Column("problems", "存在问题", 14, fill_in=True, aliases=("存在的问题", "问题")),
    Column("next_steps", "下步计划", 14, fill_in=True, aliases=("下一步计划", "下步工作计划")),
    Column(
        "delay_reason",
        "未按期完成原因",
        12,
        fill_in=True,
        aliases=("未完成原因", "逾期原因", "未按时完成原因"),
    ),
    Column("evidence", "佐证材料", 12, fill_in=True, aliases=("佐证资料", "证明材料")),
    Column("extension_to", "申请延期至", 10, fill_in=True, aliases=("申请延期", "延期至")),
    Column("extension_reason", "延期理由", 12, fill_in=True, aliases=("申请延期理由", "延期原因")),
    Column("contact", "联系人", 7, fill_in=True),
    Column("phone", "联系电话", 13, fill_in=True, aliases=("电话",)),
)

HEADERS: Final[tuple[str, ...]] = tuple(c.header for c in COLUMNS)
FILL_IN_FIELDS: Final[tuple[str, ...]] = tuple(c.field for c in COLUMNS if c.fill_in)
REQUIRED_FIELDS: Final[tuple[str, ...]] = ("measure_code", "unit", "status", "progress")
"""A sheet without one of these cannot be imported; the rest are optional."""

TEXT_FIELDS: Final[tuple[str, ...]] = (
    "progress",
    "problems",
    "next_steps",
    "delay_reason",
    "evidence",
    "extension_reason",
    "contact",
    "phone",
)
"""Fill-in columns holding free text (as opposed to the status, the percent and the
requested date)."""

_NOISE = re.compile(r"[\s\u3000]+")
_FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "％": "%"})


def normalize_header(text: str) -> str:
    """Header text as compared: no whitespace (units wrap headers), half-width brackets."""
    return _NOISE.sub("", text).translate(_FULL_WIDTH)


_BY_HEADER: Final[dict[str, str]] = {
    normalize_header(name): c.field for c in COLUMNS for name in (c.header, *c.aliases)
}


def field_for_header(text: str) -> str | None:
    """The column ``field`` a header cell names, or ``None`` for a column we ignore."""
    return _BY_HEADER.get(normalize_header(text))


LETTERS: Final[dict[str, str]] = {c.field: chr(ord("A") + i) for i, c in enumerate(COLUMNS)}
"""The column letter of each field in an exported sheet (fewer than 27 columns)."""
LAST_LETTER: Final[str] = chr(ord("A") + len(COLUMNS) - 1)


def header_for_field(name: str) -> str:
    """The printed header of a ``field`` (for error messages)."""
    for column in COLUMNS:
        if column.field == name:
            return column.header
    raise KeyError(name)
