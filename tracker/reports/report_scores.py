"""The bulletin's optional 考核得分 section: a round's published scores and ranking.

Only published scores are printed (``ReportService.published_scores``): a bulletin
is issued and kept, and what it prints must be what the office published.
Units with equal totals share a rank; units not ranked are listed after, with why.
"""

from __future__ import annotations

from importers.reports.model import Block, Column, Heading, Paragraph, Table
from tracker.assessment.score_rules import show
from tracker.assessment.scoring import RoundScores, UnitScore

TITLE = "考核得分"
TOP = 3
"""The text names the units of this many best ranks."""


def score_text(scores: RoundScores) -> str:
    ranked = [u for u in scores.units if u.rank is not None]
    version = f"第{scores.version}版" if scores.version else ""
    if scores.reason:
        version += f"，{scores.reason}"
    text = f"按照考核规则，本期考核得分已发布（{version}）。" if version else ""
    if not ranked:
        return text + "本期没有参与排名的单位。"
    text += f"参与排名的单位{len(ranked)}个，得分相同的单位名次相同"
    best = [u for u in ranked if u.rank is not None and u.rank <= TOP]
    text += f"；位列前{TOP}名的是{_named(best)}"
    others = len(scores.units) - len(ranked)
    if others:
        text += f"；另有{others}个单位不参与排名（见表中说明）"
    return text + "。"


def _named(best: list[UnitScore]) -> str:
    """Each best unit with its score; a rank shared by more than ``TOP`` units as its first
    unit and their count (…等22个单位（并列第1名，80分）): the table lists them all."""
    ranks: dict[int | None, list[UnitScore]] = {}
    for unit in best:
        ranks.setdefault(unit.rank, []).append(unit)
    named = []
    for rank, units in ranks.items():
        if len(units) > TOP:
            first, score = units[0].unit, show(units[0].total)
            named.append(f"{first}等{len(units)}个单位（并列第{rank}名，{score}分）")
        else:
            named.extend(f"{u.unit}（{show(u.total)}分）" for u in units)
    return "、".join(named)


def score_table(scores: RoundScores) -> Table:
    rows = tuple(
        (str(u.rank) if u.rank is not None else "—", u.unit, show(u.total), u.not_ranked)
        for u in scores.units
    )
    return Table(
        (
            Column("排名", 40),
            Column("单位", 190, "left"),
            Column("得分", 60, "right"),
            Column("说明", 152, "left"),
        ),
        rows,
    )


def score_blocks(scores: RoundScores, ordinal: str) -> list[Block]:
    """The section under its heading (``ordinal``: 四 when it follows 三、存在问题)."""
    return [Heading(f"{ordinal}、{TITLE}"), Paragraph(score_text(scores)), score_table(scores)]
