"""The open findings in a chaser (催办单): a paragraph and a table after the tasks.

A unit chased for its late tasks is reminded in the same notice of every problem an
inspection found there that is not closed yet (整改销号), each with its deadline, how
late it is and how far the rectification got; its 回执 answers both.  A unit chased for
its findings alone (none of its tasks late) gets them as the notice's subject.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from importers.reports.model import Block, Column, Paragraph, Table
from tracker.inspections.finding_records import FindingRow
from tracker.statuses import Derived


def finding_state(row: FindingRow, today: date) -> str:
    """逾期 with its days, 剩…天到期, else the status and percent (as a task's state reads)."""
    if row.state is Derived.OVERDUE:
        return f"逾期{(today - row.deadline).days}天"
    if row.state is Derived.DUE_SOON:
        return f"剩{(row.deadline - today).days}天到期"
    if row.percent is not None:
        return f"{row.status.value}（{row.percent}%）"
    return row.status.value


def needs_chasing(findings: Sequence[FindingRow]) -> bool:
    """Whether open findings alone call for a chaser: one of them 逾期 or 临期."""
    return any(r.state in (Derived.OVERDUE, Derived.DUE_SOON) for r in findings)


def findings_owed(findings: Sequence[FindingRow]) -> str:
    """How many findings are open and how many of those late: 尚有3个未整改销号（其中逾期1个）."""
    late = sum(r.state is Derived.OVERDUE for r in findings)
    of_which = f"（其中逾期{late}个）" if late else ""
    return f"督查发现你单位的问题尚有{len(findings)}个未整改销号{of_which}"


def finding_blocks(
    findings: Sequence[FindingRow], today: date, *, alone: bool = False
) -> list[Block]:
    """Nothing for a unit without open findings; else the reminder and their table.

    ``alone``: the chaser lists no task, its opening paragraph already says what the
    findings are (:func:`findings_owed`), and only the table follows."""
    if not findings:
        return []
    reminder: list[Block] = []
    if not alone:
        reminder.append(
            Paragraph(
                f"另，{findings_owed(findings)}（见下表），"
                "请一并抓紧整改，并在回执中反馈整改进展及佐证材料。"
            )
        )
    return [
        *reminder,
        Table(
            (
                Column("序号", 26),
                Column("督查", 80, "left"),
                Column("问题", 110, "left"),
                Column("整改要求", 110, "left"),
                Column("整改时限", 58),
                Column("情况", 64),
                Column("整改进展", 96, "left"),
            ),
            tuple(
                (
                    str(i),
                    r.inspection,
                    r.problem,
                    r.requirement,
                    r.deadline.isoformat(),
                    finding_state(r, today),
                    r.note or "—",
                )
                for i, r in enumerate(findings, start=1)
            ),
            keep_last=2,
        ),
    ]
