"""Measures from a task table (任务分工表 / 责任分工表 / 重点任务清单).

Many offices issue the measures as a table: 序号 / 工作任务 / 主要内容 / 牵头单位 /
配合单位 / 完成时限, in any column order, found by the header's words.  Each
numbered row opens a measure; a following row whose number and task cells are
empty (a merged cell continuing) or repeat the row above is another sub-task of
the same measure, with its own units.  A row whose cells all say the same thing
(merged across the table), or with text only outside the task, is a section
heading and becomes a part.  ``/``, ``—`` and ``无`` mean no unit.  A table
whose header names no task and no unit column (an indicator table) is not read.
Where a document has such a table, its rows are the measures and numbered
paragraphs are not read as measures: they introduce or repeat the table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from importers.policy.markers import read_marker
from importers.policy.measures import Assignment, build_measure, measure_title
from importers.policy.model import ParsedMeasure, ParsedPart, ParseWarning
from importers.policy.sources import SourceTable
from importers.policy.structure import Draft, Heading, assign_codes, parts_with_measures
from importers.policy.textnorm import normalize_line
from importers.policy.units import split_units

_COLUMNS: dict[str, re.Pattern[str]] = {
    "number": re.compile(r"^(?:序号|编号|序列|序次)$"),
    "content": re.compile(r"^(?:主要|具体|工作|任务)?内容$|^具体(?:措施|举措)$"),
    "task": re.compile(r"任务|措施|举措|事项|工作内容|主要内容|具体内容"),
    "lead": re.compile(r"牵头|主办|主责|指导"),
    "others": re.compile(r"责任(?:单位|部门|处室|科室|司局)|配合|协办|参与|协同|落实单位"),
    "deadline": re.compile(r"时限|完成时间|时间节点|进度安排|时间安排|完成期限"),
}
_PEOPLE_COLUMN_RE = re.compile(r"领导|责任人|负责人|联系人|联络员")
_HEADER_SCAN_ROWS = 3
_DIGITS_RE = re.compile(r"\d+")
_NONE_RE = re.compile(r"^[/／—－\-–无]*$")
"""``/``, ``—``, ``无``: the cell names nobody."""


@dataclass
class TableMeasures:
    measures: list[ParsedMeasure] = field(default_factory=list)
    parts: list[ParsedPart] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


@dataclass
class _Row:
    """One task row: the measure's draft it belongs to, its own text and assignment."""

    text: str
    line: int
    assignment: Assignment


def find_columns(row: Sequence[str]) -> dict[str, int] | None:
    """Column index per role if ``row`` is a task-table header, else None."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(normalize_line(c).replace(" ", "") for c in row):
        if _PEOPLE_COLUMN_RE.search(cell):
            continue  # 牵头市领导 / 责任人: people, not units
        for role, pattern in _COLUMNS.items():
            if role not in columns and cell and pattern.search(cell):
                columns[role] = index
                break
    if "task" not in columns and "content" in columns:
        columns["task"] = columns.pop("content")
    if "task" in columns and ("lead" in columns or "others" in columns):
        return columns
    return None


def is_task_header(row: Sequence[str]) -> bool:
    return find_columns(row) is not None


def table_measures(
    tables: Sequence[SourceTable],
    aliases: Mapping[str, str] | None = None,
    year: int | None = None,
) -> TableMeasures:
    """Every measure in the task tables among ``tables``; ``year`` dates a bare 6月底前."""
    drafts: list[tuple[Draft, list[_Row]]] = []
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
    for draft, rows in drafts:
        measure, warnings = _measure(draft, rows, aliases, year)
        result.measures.append(measure)
        result.warnings.extend(warnings)
    return result


def _measure(
    draft: Draft, rows: Sequence[_Row], aliases: Mapping[str, str] | None, year: int | None
) -> tuple[ParsedMeasure, list[ParseWarning]]:
    """One measure with a task per row; units the union, leads the first row's."""
    built = [
        build_measure(
            draft.code,
            row.text,
            row.line,
            draft.placement,
            assignment=row.assignment,
            aliases=aliases,
            year=year,
        )
        for row in rows
    ]
    measure = built[0][0]
    measure.tasks = [task for each, _ in built for task in each.tasks]
    measure.units = list(
        dict.fromkeys([*measure.lead_units, *(u for t in measure.tasks for u in t.units)])
    )
    measure.milestones = list(dict.fromkeys(m for each, _ in built for m in each.milestones))
    dated = [t.deadline for t in measure.tasks if t.deadline is not None]
    if len(built) > 1 and len(dated) == len(measure.tasks):
        latest = max(range(len(dated)), key=lambda i: dated[i])
        measure.deadline = dated[latest]
        measure.deadline_text = measure.tasks[latest].deadline_text
    title = measure_title(draft.text)
    extra = [row.text for row in rows if row.text != draft.text]
    measure.title = title
    measure.text = "".join([title + "。", *extra]) if extra else draft.text
    measure.line = draft.line
    no_unit = [w for each, found in built for w in found if not each.units]
    warnings = [w for each, found in built for w in found if each.units]
    if not measure.units:
        warnings.insert(0, no_unit[0])
    return measure, warnings


def _is_group_heading(row: Sequence[str], task_column: int) -> bool:
    """A row merged across the table (one text repeated), or with text only outside the task."""
    filled = [(index, cell.strip()) for index, cell in enumerate(row) if cell.strip()]
    if not filled:
        return False
    if len(filled) == 1:
        return len(row) < 2 or filled[0][0] != task_column
    return len(row) >= 2 and len({text for _, text in filled}) == 1


def _header(table: SourceTable) -> tuple[dict[str, int], int] | None:
    for index, row in enumerate(table.rows[:_HEADER_SCAN_ROWS]):
        columns = find_columns(row)
        if columns is not None:
            return columns, index + 1
    return None


def _units(text: str, aliases: Mapping[str, str] | None) -> list[str]:
    return [] if _NONE_RE.match(text) else split_units(text, aliases)


def _read_rows(
    table: SourceTable,
    columns: dict[str, int],
    first_row: int,
    aliases: Mapping[str, str] | None,
    earlier: Sequence[tuple[Draft, list[_Row]]],
) -> list[tuple[Draft, list[_Row]]]:
    drafts: list[tuple[Draft, list[_Row]]] = []
    part = earlier[-1][0].part if earlier else None
    count = len(earlier)
    previous: tuple[Draft, list[_Row]] | None = earlier[-1] if earlier else None
    previous_number = ""

    def cell(row: Sequence[str], role: str) -> str:
        index = columns.get(role)
        return normalize_line(row[index]) if index is not None and index < len(row) else ""

    for offset, row in enumerate(table.rows[first_row:], start=first_row):
        line = table.row_lines[offset] if offset < len(table.row_lines) else table.line
        if _is_group_heading(row, columns["task"]):
            text = next(normalize_line(c) for c in row if c.strip())
            marker = read_marker(text)
            number = marker.number if marker else (part.number + 1 if part else 1)
            part = Heading(number, marker.rest if marker else text, (), line)
            previous = None
            continue
        task, content, number_text = cell(row, "task"), cell(row, "content"), cell(row, "number")
        if not task and not content:
            if previous is None or number_text or not (cell(row, "lead") or cell(row, "others")):
                continue
            task = previous[0].text  # a merged task cell continued: another row of units
        deadline = cell(row, "deadline")
        entry = _Row(
            content or task,
            line,
            Assignment(
                leads=_units(cell(row, "lead"), aliases),
                others=_units(cell(row, "others"), aliases),
                deadline_text=None if _NONE_RE.match(deadline) else deadline,
            ),
        )
        # The same 序号, or none under a numbered row (a merged 序号 cell continued), is
        # the same item whatever its task cell says; in a table without numbers, a row
        # repeating (or leaving empty) the task above continues it.
        if previous_number:
            continues = previous is not None and number_text in ("", previous_number)
        else:
            continues = previous is not None and not number_text and task in ("", previous[0].text)
        blank_lead = "lead" in columns and not cell(row, "lead") and bool(entry.assignment.others)
        if continues and previous is not None:
            if blank_lead:  # a merged 牵头单位 cell continued: the lead of the row above
                entry.assignment.leads = list(previous[1][-1].assignment.leads)
            previous[1].append(entry)
            continue
        count += 1
        digits = _DIGITS_RE.search(number_text)
        number = int(digits.group(0)) if digits else count
        previous = (Draft(number, task or content, line, part, None), [entry])
        previous_number = number_text
        drafts.append(previous)
    return drafts
