"""Measures from a Word task table (任务分工表).

Many offices issue the measures as a table: 序号 / 任务 / 牵头单位 /
责任单位 / 完成时限, in any column order, found by the header text.  Each row
is one measure; a row whose cells all say the same thing (merged across the
table) is a group heading and becomes a part.  Where a document has such a
table, its rows are the measures and numbered paragraphs are not read as
measures: they introduce or repeat the table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from importers.policy.markers import read_marker
from importers.policy.measures import Assignment, build_measure
from importers.policy.model import ParsedMeasure, ParsedPart, ParseWarning
from importers.policy.sources import SourceTable
from importers.policy.structure import Draft, Heading, assign_codes, parts_with_measures
from importers.policy.textnorm import normalize_line
from importers.policy.units import split_units

_COLUMNS: dict[str, re.Pattern[str]] = {
    "number": re.compile(r"^(?:序号|编号|序列)$"),
    "task": re.compile(r"任务|措施|工作内容|主要内容|具体内容|事项"),
    "lead": re.compile(r"牵头|主办|主责"),
    "others": re.compile(r"责任单位|责任部门|配合|协办|参与|协同"),
    "deadline": re.compile(r"时限|完成时间|时间节点|进度安排"),
}
_HEADER_SCAN_ROWS = 3
_DIGITS_RE = re.compile(r"\d+")


@dataclass
class TableMeasures:
    measures: list[ParsedMeasure] = field(default_factory=list)
    parts: list[ParsedPart] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


def find_columns(row: Sequence[str]) -> dict[str, int] | None:
    """Column index per role if ``row`` is a task-table header, else None."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(normalize_line(c).replace(" ", "") for c in row):
        for role, pattern in _COLUMNS.items():
            if role not in columns and cell and pattern.search(cell):
                columns[role] = index
                break
    if "task" in columns and ("lead" in columns or "others" in columns):
        return columns
    return None


def table_measures(
    tables: Sequence[SourceTable], aliases: Mapping[str, str] | None = None
) -> TableMeasures:
    """Every measure in the task tables among ``tables``."""
    drafts: list[tuple[Draft, Assignment]] = []
    columns: dict[str, int] | None = None
    for table in tables:
        header = _header(table)
        if header is not None:
            columns, first_row = header
        elif columns is None or not table.rows or len(table.rows[0]) <= max(columns.values()):
            columns = None  # not a task table, nor the continuation of one
            continue
        else:
            first_row = 0  # a task table continued on the next page without its header
        drafts.extend(_read_rows(table, columns, first_row, aliases, drafts))
    result = TableMeasures()
    plain = [draft for draft, _ in drafts]
    result.warnings.extend(assign_codes(plain))
    result.parts = parts_with_measures(plain)
    for draft, assignment in drafts:
        measure, warnings = build_measure(
            draft.code,
            draft.text,
            draft.line,
            draft.placement,
            assignment=assignment,
            aliases=aliases,
        )
        result.measures.append(measure)
        result.warnings.extend(warnings)
    return result


def _is_group_heading(row: Sequence[str], task_column: int) -> bool:
    """A row merged across the table (one text repeated), or with text only outside the task."""
    filled = [(index, cell.strip()) for index, cell in enumerate(row) if cell.strip()]
    if not filled or len(row) < 2:
        return False
    if len(filled) == 1:
        return filled[0][0] != task_column
    return len({text for _, text in filled}) == 1


def _header(table: SourceTable) -> tuple[dict[str, int], int] | None:
    for index, row in enumerate(table.rows[:_HEADER_SCAN_ROWS]):
        columns = find_columns(row)
        if columns is not None:
            return columns, index + 1
    return None


def _read_rows(
    table: SourceTable,
    columns: dict[str, int],
    first_row: int,
    aliases: Mapping[str, str] | None,
    earlier: Sequence[tuple[Draft, Assignment]],
) -> list[tuple[Draft, Assignment]]:
    drafts: list[tuple[Draft, Assignment]] = []
    part = earlier[-1][0].part if earlier else None
    count = len(earlier)

    def cell(row: Sequence[str], role: str) -> str:
        index = columns.get(role)
        return normalize_line(row[index]) if index is not None and index < len(row) else ""

    for row in table.rows[first_row:]:
        if _is_group_heading(row, columns["task"]):
            text = next(normalize_line(c) for c in row if c.strip())
            marker = read_marker(text)
            number = marker.number if marker else (part.number + 1 if part else 1)
            part = Heading(number, marker.rest if marker else text, (), table.line)
            continue
        task = cell(row, "task")
        if not task:
            continue
        count += 1
        digits = _DIGITS_RE.search(cell(row, "number"))
        number = int(digits.group(0)) if digits else count
        assignment = Assignment(
            leads=split_units(cell(row, "lead"), aliases),
            others=split_units(cell(row, "others"), aliases),
            deadline_text=cell(row, "deadline") or None,
        )
        drafts.append((Draft(number, task, table.line, part, None), assignment))
    return drafts
