"""The list-like reports: a unit's task list, a chaser (催办单) and the printed ledger.

They show the assignments as they stand today (the bulletin is the one that
looks back at a round).  Each builder takes plain rows and returns a
``ReportDocument``; ``tracker.reports.report_service`` fetches the rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from importers.ledger.model import LedgerSheet
from importers.reports.model import (
    Block,
    Column,
    Heading,
    Paragraph,
    ReportDocument,
    Signature,
    Table,
)
from tracker.inspections.finding_records import FindingRow
from tracker.inspections.finding_report import finding_blocks, findings_owed
from tracker.records import AssignmentRow
from tracker.reports.report_format import cn_date, deadline
from tracker.statuses import FINISHED, Derived, Status

CN_NUMBERS = "一二三四五六七八九十"
REPLY_DAYS = 5
"""A chaser asks for a reply this many days after it is sent, unless the clerk says."""


def _ordinal(i: int) -> str:
    return CN_NUMBERS[i - 1] if i <= len(CN_NUMBERS) else str(i)


def state_text(row: AssignmentRow, today: date) -> str:
    """Status as a reader wants it: 逾期 with its days, else the status and percent."""
    if row.state is Derived.OVERDUE and row.deadline:
        return f"逾期{(today - row.deadline).days}天"
    if row.state is Derived.DUE_SOON and row.deadline:
        return f"剩{(row.deadline - today).days}天到期"
    if row.percent is not None and row.status is Status.IN_PROGRESS:
        return f"{row.status.value}（{row.percent}%）"
    return row.status.value


def unit_summary(unit: str, rows: list[AssignmentRow]) -> str:
    statuses = Counter(r.status for r in rows)
    overdue = sum(r.state is Derived.OVERDUE for r in rows)
    due_soon = sum(r.state is Derived.DUE_SOON for r in rows)
    leads = sum(r.role == "牵头" for r in rows)
    parts = "、".join(f"{s.value}{statuses[s]}项" for s in Status if statuses[s])
    return (
        f"{unit}共承担任务{len(rows)}项（其中牵头{leads}项），{parts}；"
        f"逾期{overdue}项，临期{due_soon}项。"
    )


def unit_list(unit: str, rows: list[AssignmentRow], today: date, office: str) -> ReportDocument:
    blocks: list[Block] = [Paragraph(unit_summary(unit, rows))]
    by_doc: dict[str, list[AssignmentRow]] = {}
    for row in rows:
        by_doc.setdefault(row.doc_label, []).append(row)
    for n, (doc, mine) in enumerate(by_doc.items(), start=1):
        blocks.append(Heading(f"{_ordinal(n)}、{doc}"))
        blocks.append(
            Table(
                (
                    Column("序号", 30, fit=True),
                    Column("编号", 32, fit=True),
                    Column("重点任务", 110, "left"),
                    Column("角色", 32, fit=True),
                    Column("完成时限", 62, fit=True),
                    Column("状态", 62),
                    Column("最新进展", 114, "left"),
                ),
                tuple(
                    (
                        str(i),
                        r.code,
                        r.title,
                        r.role,
                        deadline(r.deadline, r.deadline_text),
                        state_text(r, today),
                        r.note,
                    )
                    for i, r in enumerate(mine, start=1)
                ),
            )
        )
    return ReportDocument(
        title=f"{unit}任务清单",
        subtitle=(f"{office}　　截至{cn_date(today)}",),
        blocks=blocks,
        kind="unit",
    )


@dataclass(frozen=True)
class ChaserHeader:
    """What heads and signs a chaser: its number and the office's contact."""

    number: str
    """e.g. 〔2021〕第3号 — numbered per year (``tracker.reports.chasers``)."""
    contact: str = ""
    phone: str = ""
    unit_contact: tuple[str, str] = ("", "")
    """The unit's own 联系人 and 联系电话 (the directory, as its last ledger sent them):
    the 回执's 经办人 and 联系电话, filled in for the unit to confirm."""
    missing_round: str = ""
    """A round whose ledger the unit has not returned: the chaser asks for it, and lists
    every unfinished task, not only the overdue and due soon ones."""
    missing_deadline: date | None = None


def progress_text(row: AssignmentRow) -> str:
    """The current progress of an item: its status (and percent), then the latest note."""
    status = row.status.value
    if row.percent is not None:
        status += f"{row.percent}%"
    return f"{status}。{row.note}" if row.note.strip() else status


CUT_LINE = "－ － － － － － － 沿此线剪下 － － － － － － －"
"""One line of the text block (28 characters of 3号) with room to spare: never a lone dash
wrapped onto a line of its own."""
RECEIPT_ROWS = (
    "经办人",
    "联系电话",
    "办理进展及下步计划",
    "单位负责人（签字）",
    "报送日期",
)


def _kept_line(text: str, bold: bool = False) -> Paragraph:
    """A centred line of the 回执, on one page with its form."""
    return Paragraph(text, align="center", indent=False, bold=bold, keep_with_next=True)


def receipt(unit: str, reply_by: date, contact: tuple[str, str] = ("", "")) -> list[Block]:
    """The 回执 slip under a cut line, for the unit to fill in and send back; ``contact``
    (the unit's 联系人 and 联系电话 as known) is filled in for the unit to confirm."""
    known = {"经办人": contact[0], "联系电话": contact[1]}
    rows = []
    for label in RECEIPT_ROWS:
        value = "\n\n\n\n" if label == "办理进展及下步计划" else known.get(label, "")
        rows.append(
            (label, "\u3000\u3000年\u3000\u3000月\u3000\u3000日" if label == "报送日期" else value)
        )
    return [
        _kept_line(CUT_LINE),
        _kept_line("回\u3000执", bold=True),
        _kept_line(f"（请于{cn_date(reply_by)}前反馈）"),
        Table(
            (Column("单位名称", 1, fit=True), Column(unit, 3, "left")),  # the form's first line
            tuple(rows),
            font_size=12.0,
            whole=True,
        ),
    ]


def _chaser_text(
    header: ChaserHeader,
    today: date,
    reply_by: date,
    office: str,
    counts: str,
    findings: Sequence[FindingRow] = (),
) -> str:
    """The chaser's opening paragraph; ``findings`` only when no task is listed (they are
    then what the unit is chased for)."""
    tasks = f"你单位承担的任务中{counts}（见下表）。" if counts else ""
    if not header.missing_round:
        if findings:
            return (
                f"根据督办台账记录，截至{cn_date(today)}，{findings_owed(findings)}（见下表）。"
                f"请高度重视，抓紧整改，并于{cn_date(reply_by)}前将整改进展及佐证材料"
                f"书面反馈{office}（填写所附回执）。"
            )
        return (
            f"根据督办台账记录，截至{cn_date(today)}，{tasks}"
            f"请高度重视，抓紧推进，并于{cn_date(reply_by)}前将办理进展及下步计划"
            f"书面反馈{office}（填写所附回执）。"
        )
    due = ""
    if header.missing_deadline is not None:
        due = f"应于{cn_date(header.missing_deadline)}前报送工作台账，"
    return (
        f"按照{header.missing_round}调度安排，你单位{due}截至{cn_date(today)}尚未报送。{tasks}"
        f"请高度重视，于{cn_date(reply_by)}前将工作台账及办理进展、下步计划"
        f"书面报送{office}（填写所附回执）。"
    )


def chaser(
    unit: str,
    rows: list[AssignmentRow],
    today: date,
    reply_by: date,
    office: str,
    header: ChaserHeader | None = None,
    findings: Sequence[FindingRow] = (),
) -> ReportDocument:
    """A notice asking ``unit`` to report on its overdue and due-soon tasks: numbered,
    each item with its current progress, the unit's open inspection findings, the
    office's contact, the signature kept with the last rows, and a 回执 slip.  With no
    task to list, the findings are the notice's subject."""
    header = header or ChaserHeader("")
    late = [r for r in rows if r.state is Derived.OVERDUE]
    soon = [r for r in rows if r.state is Derived.DUE_SOON]
    others: list[AssignmentRow] = []
    if header.missing_round:
        others = [r for r in rows if r.state not in (Derived.OVERDUE, Derived.DUE_SOON)]
        others = [r for r in others if r.status not in FINISHED]
    listed = late + soon + others
    counts = "、".join(
        text
        for text, n in (
            (f"已逾期{len(late)}项", late),
            (f"临近完成时限{len(soon)}项", soon),
            (f"其他未完成{len(others)}项", others),
        )
        if n
    )
    alone = not listed and not header.missing_round
    subject = findings if alone else ()
    blocks: list[Block] = [
        Paragraph(f"{unit}：", align="left", indent=False),
        Paragraph(_chaser_text(header, today, reply_by, office, counts, subject)),
    ]
    if listed:
        blocks.append(_chaser_table(listed, today))
    blocks += finding_blocks(findings, today, alone=alone)
    contact = "\u3000\u3000".join(
        part
        for part in (
            f"联系人：{header.contact}" if header.contact else "",
            f"联系电话：{header.phone}" if header.phone else "",
        )
        if part
    )
    if contact:
        blocks.append(Paragraph(contact))
    blocks.append(Signature(office, cn_date(today)))
    blocks += receipt(unit, reply_by, header.unit_contact)
    subtitle = (header.number,) if header.number else ()
    return ReportDocument(title="催办单", subtitle=subtitle, blocks=blocks, kind="chaser")


def _chaser_table(listed: list[AssignmentRow], today: date) -> Table:
    """The chaser's items: each with its deadline state and current status and percent."""
    return Table(
        (
            Column("序号", 26, fit=True),
            Column("文件", 88, "left"),
            Column("编号", 28, fit=True),
            Column("重点任务", 100, "left"),
            Column("完成时限", 58, fit=True),
            Column("情况", 64, fit=True),
            Column("当前进展", 96, "left"),
        ),
        tuple(
            (
                str(i),
                r.doc_label,
                r.code,
                r.title,
                deadline(r.deadline, r.deadline_text),
                state_text(r, today),
                progress_text(r),
            )
            for i, r in enumerate(listed, start=1)
        ),
        keep_last=2,
    )


# The printed ledger: the Excel ledger's columns, narrowed to fit A4 landscape.
LEDGER_COLUMNS: tuple[Column, ...] = (
    Column("序号", 24),
    Column("措施编号", 30),
    Column("重点任务", 52, "left"),
    Column("具体内容", 136, "left"),
    Column("牵头单位", 46, "left"),
    Column("责任单位", 46, "left"),
    Column("完成时限", 40),
    Column("完成状态", 34),
    Column("完成进度(%)", 30),
    Column("进展情况", 70, "left"),
    Column("存在问题", 36, "left"),
    Column("下步计划", 36, "left"),
    Column("联系人", 28),
    Column("联系电话", 44, fit=True),  # a telephone number on one line (was 095160123/45)
)
SAME = "同上"
"""A measure's task, text and lead units printed once: the rows of its other units say
同上 (as above), as offices print a ledger."""
LEDGER_FONT_SIZE = 8.0


def _same_measure(sheet: LedgerSheet, i: int) -> bool:
    """Row ``i`` (1-based) continues the measure of the row above it."""
    return i > 1 and sheet.rows[i - 2].measure_code == sheet.rows[i - 1].measure_code


def ledger(sheets: list[LedgerSheet], title: str, subtitle: tuple[str, ...]) -> ReportDocument:
    blocks: list[Block] = []
    for sheet in sheets:
        if len(sheets) > 1:
            blocks.append(Heading(sheet.title, centred=True))
        blocks.append(
            Table(
                LEDGER_COLUMNS,
                tuple(
                    (
                        str(i),
                        r.measure_code,
                        SAME if _same_measure(sheet, i) else r.task,
                        SAME if _same_measure(sheet, i) else r.content,
                        SAME if _same_measure(sheet, i) else r.lead_units,
                        r.unit,
                        deadline(r.deadline, r.deadline_text),
                        r.status,
                        "" if r.percent is None else str(r.percent),
                        r.progress,
                        r.problems,
                        r.next_steps,
                        r.contact,
                        r.phone,
                    )
                    for i, r in enumerate(sheet.rows, start=1)
                ),
                font_size=LEDGER_FONT_SIZE,
            )
        )
    return ReportDocument(
        title=title, subtitle=subtitle, blocks=blocks, landscape=True, kind="ledger"
    )
