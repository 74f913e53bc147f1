"""The 工作进展情况通报 (progress bulletin) of a round, as a ``ReportDocument``.

The figures come in a ``BulletinData`` (gathered by ``tracker.reports.report_bulletin_gather``);
this module only words and arranges them, so the wording can change without touching
the counting, and the counting is tested without reading a PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from importers.reports.model import (
    Block,
    Column,
    Paragraph,
    Table,
)
from tracker.reports.report_data import Item, Tally
from tracker.reports.report_format import NONE, cn_date, deadline, percent, points
from tracker.reports.report_round_facts import DoneMeasure, ReportedNote
from tracker.statuses import Status


@dataclass(frozen=True)
class UnitLine:
    unit: str
    now: Tally
    before: Tally | None


@dataclass(frozen=True)
class PartLine:
    document: str
    part: str
    now: Tally


@dataclass
class BulletinData:
    office: str
    round_name: str
    day: date
    """The day the figures are as of: the round's as_of, or today if that is still ahead."""
    issued: date
    previous_round: str | None
    now: Tally
    before: Tally | None
    parts: list[PartLine]
    units: list[UnitLine]
    overdue: list[Item]
    due_soon: list[Item]
    due_soon_days: int
    note: str = ""
    documents: list[str] = field(default_factory=list)
    """Short titles of the documents in scope (the title names them)."""
    due_now: tuple[int, int] = (0, 0)
    """到期任务完成率 as (finished, due) now; ``due_before`` the round before."""
    due_before: tuple[int, int] | None = None
    not_reported: list[str] = field(default_factory=list)
    late: list[str] = field(default_factory=list)
    """The units whose ledger came back after the round's 报送截止日期."""
    notes: list[ReportedNote] = field(default_factory=list)
    done_measures: list[DoneMeasure] = field(default_factory=list)
    """Measures finished by all their units this round (by the round, without one before)."""
    unassigned: list[tuple[str, list[str]]] = field(default_factory=list)
    """Measures naming no unit: (document, codes)."""
    reporting: str | None = None
    """报送情况 of the round in one sentence (``tracker.rounds.round_status``), which says
    so when no ledger was sent under the round."""
    ledgers_sent: bool = True
    """Whether the round sent any unit its ledger: without, no unit was asked to report
    (no one 未报送, nor short of 工作成效)."""
    groups: list[UnitLine] = field(default_factory=list)
    """Each group answered by its members (各市、县（区）): its members' shares together, an
    aggregate line after the ranking (the members are ranked, never the collective)."""
    memberless: list[UnitLine] = field(default_factory=list)
    """The collectives with no member yet and their tasks (``tracker.units.memberless``):
    in the totals, out of the ranking and the 未报送 list."""


def rank_units(lines: list[UnitLine]) -> list[UnitLine]:
    """Units without overdue tasks first, each group by completion rate high to low, then
    fewer overdue, more tasks, name: a unit with overdue tasks is never ranked above one
    that has none, however many it finished (the ranking is read as praise)."""
    return sorted(
        lines,
        key=lambda u: (
            u.now.overdue > 0,
            -u.now.completion,
            u.now.overdue,
            -u.now.assigned,
            u.unit,
        ),
    )


def summary_text(data: BulletinData) -> str:
    now = data.now
    s = now.by_status
    text = (
        f"截至{cn_date(data.day)}，纳入督办的措施{now.measures}项，分解到责任单位的任务"
        f"{now.assigned}项。其中，已完成{s[Status.DONE]}项，已销号{s[Status.TICKED_OFF]}项，"
        f"完成率{percent(*now.completion_pair)}；推进中{s[Status.IN_PROGRESS]}项，"
        f"未启动{s[Status.NOT_STARTED]}项，长期坚持{s[Status.STANDING]}项；"
        f"逾期未完成{now.overdue}项，占{percent(now.overdue, now.assigned)}；"
        f"{data.due_soon_days}日内（含当日）到期{now.due_soon}项。"
    )
    if data.before is not None and data.previous_round:
        b = data.before
        text += (
            f"与上期（{data.previous_round}）相比，完成率"
            f"{_direction(now.completion_pair, b.completion_pair)}，"
            f"已完成和已销号任务增加{now.finished - b.finished}项，"
            f"逾期任务{_count_change(now.overdue - b.overdue)}。"
        )
    return text


def _direction(now: tuple[int, int], before: tuple[int, int]) -> str:
    change = points(now, before)
    if change in ("0.0", NONE):
        return "持平"
    word = "提高" if change.startswith("+") else "下降"
    return f"{word}{change.lstrip('+-')}个百分点"


def _count_change(change: int) -> str:
    if change == 0:
        return "持平"
    return f"增加{change}项" if change > 0 else f"减少{-change}项"


def part_table(data: BulletinData) -> Table:
    return Table(
        (
            Column("文件", 124, "left"),
            Column("部分", 126, "left"),
            Column("任务", 34, "right"),
            Column("已完成", 40, "right"),
            Column("已销号", 40, "right"),
            Column("逾期", 34, "right"),
            Column("完成率", 44, "right"),
        ),
        tuple(
            (
                p.document,
                p.part,
                str(p.now.assigned),
                str(p.now.by_status[Status.DONE]),
                str(p.now.by_status[Status.TICKED_OFF]),
                str(p.now.overdue),
                percent(*p.now.completion_pair),
            )
            for p in data.parts
        ),
    )


def unit_table(data: BulletinData) -> Table:
    rows = []
    for i, u in enumerate(data.units, start=1):
        if data.before is None:
            change = NONE
        elif u.before is None:
            change = "新增"
        else:
            change = points(u.now.completion_pair, u.before.completion_pair)
        rows.append(
            (
                str(i),
                u.unit,
                str(u.now.assigned),
                str(u.now.by_status[Status.DONE]),
                str(u.now.by_status[Status.TICKED_OFF]),
                str(u.now.overdue),
                percent(*u.now.completion_pair),
                change,
            )
        )
    for g in data.groups:
        change = NONE
        if data.before is not None and g.before is not None:
            change = points(g.now.completion_pair, g.before.completion_pair)
        rows.append(
            (
                "合计",
                f"{g.unit}（成员合计）",
                str(g.now.assigned),
                str(g.now.by_status[Status.DONE]),
                str(g.now.by_status[Status.TICKED_OFF]),
                str(g.now.overdue),
                percent(*g.now.completion_pair),
                change,
            )
        )
    return Table(
        (
            Column("序号", 30),
            Column("责任单位", 158, "left"),
            Column("承担任务", 50, "right"),
            Column("已完成", 40, "right"),
            Column("已销号", 40, "right"),
            Column("逾期", 34, "right"),
            Column("完成率", 46, "right"),
            Column("较上期", 44, "right"),
        ),
        tuple(rows),
    )


MAX_LISTED_MEASURES = 100
"""A bulletin is read on paper: past this many measures a list names the most urgent ones
and counts the rest (the ledger has them all)."""


def listed_groups(found: list[Item]) -> tuple[list[list[Item]], int, int]:
    """Items grouped per measure, most urgent (earliest deadline) first, cut to the limit.

    Returns the groups to print, and how many further measures and tasks were left out.
    """
    grouped: dict[int, list[Item]] = {}
    for item in found:
        grouped.setdefault(item.measure_id, []).append(item)
    groups = list(grouped.values())
    if len(groups) <= MAX_LISTED_MEASURES:
        return groups, 0, 0
    groups.sort(key=lambda g: (g[0].deadline or date.max, g[0].document, g[0].position))
    rest = groups[MAX_LISTED_MEASURES:]
    return groups[:MAX_LISTED_MEASURES], len(rest), sum(len(g) for g in rest)


def items_blocks(found: list[Item], day: date, overdue: bool) -> list[Block]:
    """The table of items, and a line counting those left out of a very long list."""
    groups, more_measures, more_tasks = listed_groups(found)
    blocks: list[Block] = [items_table(groups, day, overdue)]
    if more_measures:
        what = "逾期最久" if overdue else "最先到期"
        blocks.append(
            Paragraph(
                f"以上列出{what}的{MAX_LISTED_MEASURES}项措施；另有{more_measures}项措施"
                f"（{more_tasks}项任务）{'逾期' if overdue else '临期'}，详见工作台账。"
            )
        )
    return blocks


def items_table(groups: list[list[Item]], day: date, overdue: bool) -> Table:
    """One row per measure: its code, title, deadline and the units concerned."""
    rows = []
    for i, group in enumerate(groups, start=1):
        first = group[0]
        days = (day - first.deadline).days if first.deadline else 0
        rows.append(
            (
                str(i),
                first.document,
                first.code,
                first.title,
                deadline(first.deadline, first.deadline_text),
                f"逾期{days}天" if overdue else f"剩{-days}天",
                "、".join(item.unit for item in group),
            )
        )
    return Table(
        (
            Column("序号", 30),
            Column("文件", 70, "left"),
            Column("编号", 30),
            Column("措施", 106, "left"),
            Column("完成时限", 56),
            Column("情况", 48),
            Column("责任单位", 102, "left"),
        ),
        tuple(rows),
    )
