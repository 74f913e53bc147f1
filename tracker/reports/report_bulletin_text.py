"""The bulletin (通报) as offices issue it, as a ``ReportDocument``.

The shape of real 督查通报 / 工作进展情况通报: a masthead (the bulletin's name,
第X期, office, date), a title naming the subject ("关于《…》落实情况的通报"),
the 主送 line, a lead-in, then 一、总体情况 (figures, the change since the last
round, 到期任务完成率 beside the overall rate), 二、主要成效 (the round's facts and
the units' notes, as the clerk picked or edited them), 三、存在问题 (naming the units
with most overdue tasks and those that did not report), 四、下步工作 (the
clerk's text, else a default), the 附件 list, the signature, and the 附件
themselves — the detailed tables — each on a page of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from importers.reports.model import (
    BarChart,
    Block,
    Heading,
    Masthead,
    PageBreak,
    Paragraph,
    ReportDocument,
    Series,
    Signature,
)
from tracker.database_settings import BULLETIN_NAME, BULLETIN_RECIPIENTS
from tracker.reports.report_bulletin import (
    BulletinData,
    _count_change,
    _direction,
    items_blocks,
    part_table,
    summary_text,
    unit_table,
)
from tracker.reports.report_bulletin_facts import default_achievements
from tracker.reports.report_format import cn_date, percent, tenths
from tracker.reports.report_scores import score_blocks
from tracker.units.memberless import memberless_sentence

if TYPE_CHECKING:
    from tracker.assessment.scoring import RoundScores

DEFAULT_NEXT_STEPS = (
    "（一）压实工作责任。各责任单位要对照任务清单，逐项明确责任领导、具体措施和完成时限，"
    "确保各项任务按期落地见效。",
    "（二）加快逾期任务整改。对已逾期的任务，责任单位要分析原因、制定整改措施，"
    "尽快完成并报送整改情况。",
    "（三）按时报送工作进展。各责任单位要按照调度安排，及时、准确报送工作台账，"
    "未按时报送的将予以通报。",
)
MOST_OVERDUE = 5
"""三、存在问题 names this many units with the most overdue tasks."""
ANNEXES = ("各责任单位任务完成情况", "各部分任务完成情况", "逾期任务清单")


@dataclass
class BulletinText:
    """What the clerk decides for a bulletin; kept with it so a reprint is identical."""

    number: int = 0
    """第X期 within the year (given when the bulletin is issued)."""
    name: str = BULLETIN_NAME.default
    recipients: str = BULLETIN_RECIPIENTS.default
    achievements: list[str] | None = None
    """二、主要成效 paragraphs; None: the facts and notes ticked by default
    (``report_bulletin_facts``)."""
    next_steps: list[str] | None = None
    """四、下步工作 paragraphs; None: the bulletin's note, else ``DEFAULT_NEXT_STEPS``."""
    scores: RoundScores | None = None
    """The round's published 考核得分, printed as 四 (下步工作 becomes 五); None: left out."""


def title(documents: list[str]) -> str:
    """关于《…》落实情况的通报, naming the documents in scope."""
    if len(documents) == 1:
        return f"关于《{documents[0]}》落实情况的通报"
    if len(documents) == 2:
        return f"关于《{documents[0]}》和《{documents[1]}》落实情况的通报"
    if documents:
        return f"关于《{documents[0]}》等{len(documents)}个文件落实情况的通报"
    return "关于重点任务落实情况的通报"


def overall(data: BulletinData) -> list[str]:
    """一、总体情况: the counts, then the rate of the tasks due by now, and the change."""
    text = summary_text(data)
    finished, due = data.due_now
    if due:
        text += (
            f"已到完成时限的任务{due}项，完成{finished}项，到期任务完成率{percent(finished, due)}"
        )
        if data.due_before is not None and data.due_before[1] and data.previous_round:
            text += f"，较上期{_direction(data.due_now, data.due_before)}"
        text += "。"
    out = [text]
    if data.reporting:
        out.append(f"报送情况：{data.reporting}")
    waiting = memberless_sentence({u.unit: u.now.assigned for u in data.memberless})
    if waiting:
        out.append(waiting)
    if data.unassigned:
        count = sum(len(codes) for _, codes in data.unassigned)
        listed = "；".join(
            f"{doc}第{'、'.join(codes[:10])}{'等' if len(codes) > 10 else ''}项"
            for doc, codes in data.unassigned
        )
        out.append(
            f"另有{count}项措施未明确责任单位（{listed}），未纳入以上统计，请尽快明确责任单位。"
        )
    return out


def problems(data: BulletinData) -> list[str]:
    """三、存在问题, naming units: the most overdue, the ones that did not report."""
    out: list[str] = []
    late = sorted((u for u in data.units if u.now.overdue), key=lambda u: (-u.now.overdue, u.unit))
    waiting = sum(1 for u in data.memberless if u.now.overdue)  # collectives with no member
    ordinal = iter("一二三四")
    if late or waiting:
        named = "、".join(f"{u.unit}（{u.now.overdue}项）" for u in late[:MOST_OVERDUE])
        change = ""
        if data.before is not None:
            change = f"，较上期{_count_change(data.now.overdue - data.before.overdue)}"
        who = "和".join(
            part
            for part in (
                f"{len(late)}个单位" if late else "",
                f"{waiting}个尚无成员单位的集体" if waiting else "",
            )
            if part
        )
        out.append(
            f"{next(ordinal)}是部分任务逾期未完成。逾期任务{data.now.overdue}项{change}，涉及{who}"
            + (f"，其中{named}逾期任务较多。" if late else "。")
        )
    if data.not_reported or data.late:
        out.append(f"{next(ordinal)}是部分单位未按时报送工作进展。{_not_on_time(data)}")
    if data.now.due_soon:
        out.append(
            f"{next(ordinal)}是临期任务较多。{data.due_soon_days}日内（含当日）到期任务"
            f"{data.now.due_soon}项，需抓紧推进，防止新增逾期。"
        )
    return out or ["本期未发现逾期任务和未报送情况。"]


def _no_achievements(data: BulletinData) -> str:
    """主要成效 with nothing to say: the units sent ledgers said none; else none is known."""
    if data.ledgers_sent:
        return "本期各责任单位未报送具体工作成效。"
    return "本期暂无新完成任务和工作成效。"


def _not_on_time(data: BulletinData) -> str:
    """Who did not report, then who reported after the deadline (逾期报送)."""
    said = []
    for units, what in ((data.not_reported, "本期未报送"), (data.late, "逾期报送")):
        if units:
            more = f"等{len(units)}个单位" if len(units) > 10 else ""
            said.append(f"{'、'.join(units[:10])}{more}{what}")
    return "；".join(said) + "。"


def _annex(n: int, name: str, turned: bool = False) -> list[Block]:
    """An attachment's first page: 附件n top left (黑体), its title centred."""
    return [
        PageBreak(turned=turned),
        Paragraph(f"附件{n}", align="left", indent=False, bold=True),
        Paragraph(name, align="center", indent=False, bold=True),
    ]


def _unit_chart(data: BulletinData) -> BarChart:
    """Completion by unit, only units that finished something: forty bars at 0.0% would
    fill pages and say what the table already says."""
    shown = [u for u in data.units if u.now.finished]
    name = "各责任单位任务完成率"
    if len(shown) < len(data.units):
        name += f"（另有{len(data.units) - len(shown)}个单位完成率为0）"
    return BarChart(
        name,
        tuple(u.unit for u in shown),
        (Series("完成率", tuple(tenths(*u.now.completion_pair) / 10 for u in shown)),),
    )


def build(data: BulletinData, text: BulletinText | None = None) -> ReportDocument:
    text = text or BulletinText()
    achievements = text.achievements
    if achievements is None:
        achievements = default_achievements(data)
    next_steps = text.next_steps
    if next_steps is None:
        lines = [line.strip() for line in data.note.splitlines() if line.strip()]
        next_steps = lines or list(DEFAULT_NEXT_STEPS)
    scope = "、".join(f"《{d}》" for d in data.documents[:2]) + (
        "等文件" if len(data.documents) > 2 else ""
    )
    blocks: list[Block] = [
        Masthead(text.name, f"第{text.number}期", data.office, cn_date(data.issued)),
        Paragraph(f"{text.recipients}：", align="left", indent=False),
        Paragraph(
            f"按照督办工作安排，{data.office}对{scope or '重点任务'}落实情况开展了"
            f"{data.round_name}调度。现将有关情况通报如下："
        ),
        Heading("一、总体情况"),
        *(Paragraph(p) for p in overall(data)),
        Heading("二、主要成效"),
        *(Paragraph(p) for p in achievements or [_no_achievements(data)]),
        Heading("三、存在问题"),
        *(Paragraph(p) for p in problems(data)),
        *(score_blocks(text.scores, "四") if text.scores is not None else []),
        Heading(f"{'五' if text.scores is not None else '四'}、下步工作"),
        *(Paragraph(p) for p in next_steps),
        Paragraph("\u3000", indent=False),
        Paragraph(f"附件：1. {ANNEXES[0]}", align="left"),
        *(
            Paragraph(f"{n}. {a}", align="left", indent=False, left=5)
            for n, a in enumerate(ANNEXES[1:], start=2)
        ),
        Signature(data.office, cn_date(data.issued)),
        *_annex(1, ANNEXES[0]),
        Paragraph(
            "按完成率从高到低排列，有逾期任务的单位排在无逾期任务的单位之后；"
            "完成率＝（已完成＋已销号）÷承担任务数；“较上期”为完成率增减的百分点。",
            align="left",
        ),
        unit_table(data),
        _unit_chart(data),
        *_annex(2, ANNEXES[1]),
        part_table(data),
        BarChart(
            "各部分任务完成率",
            tuple(p.part for p in data.parts),
            (Series("完成率", tuple(tenths(*p.now.completion_pair) / 10 for p in data.parts)),),
        ),
        *_annex(3, ANNEXES[2], turned=True),  # the widest table: landscape (§8)
    ]
    if data.overdue:
        blocks += items_blocks(data.overdue, data.day, overdue=True)
    else:
        blocks.append(Paragraph("无逾期任务。"))
    return ReportDocument(
        title=title(data.documents),
        blocks=blocks,
        kind="bulletin",
    )
