"""二、主要成效 as a pick list: sentences built from the round's own facts, and the units' notes.

A bulletin's 主要成效 states what was achieved, in figures and names, not praise:
the units that finished the most tasks this round, the units that have finished
all their tasks, the measures every unit finished this round, and the notes the
units reported for the round.  Each is an ``AchievementChoice`` the clerk ticks
(the window's report dialog, ``tracker-cli report --list-achievements / --pick``)
and may reword; those ticked by default are printed when the clerk chooses
nothing.  Every sentence is made from the ``BulletinData`` alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from tracker.reports.report_bulletin import BulletinData, UnitLine
from tracker.reports.report_format import cn_date, percent
from tracker.reports.report_round_facts import DoneMeasure, ReportedNote

MOST_DONE = 5
"""The sentence on the units that finished the most names at most this many."""
MAX_COMPLETE = 10
"""Units that finished everything: named up to this many, then counted."""
MAX_MEASURES = 10
"""Measures finished this round offered one by one (the first ``TICKED_MEASURES`` ticked)."""
TICKED_MEASURES = 3
MAX_NOTE_CHOICES = 20
"""Notes offered; one per unit, up to ``MAX_NOTES``, are ticked."""
MAX_NOTES = 8


@dataclass(frozen=True)
class AchievementChoice:
    """One paragraph the clerk may print under 二、主要成效."""

    kind: str
    """What it is made from: "units", "complete", "measure" or "note"."""
    text: str
    ticked: bool


def _new(unit: UnitLine) -> int:
    """Tasks the unit finished since the round before (all it finished, without one)."""
    return unit.now.finished - (unit.before.finished if unit.before is not None else 0)


def most_done(data: BulletinData) -> str | None:
    """The units that finished tasks this round, with how many: all of them, or the
    ``MOST_DONE`` that finished the most."""
    ranked = sorted((u for u in data.units if _new(u) > 0), key=lambda u: (-_new(u), u.unit))
    if not ranked:
        return None
    total = sum(_new(u) for u in ranked)
    if data.before is not None:
        head = f"本期{len(ranked)}个单位新完成任务{total}项"
    else:
        head = f"截至{cn_date(data.day)}，{len(ranked)}个单位完成任务{total}项"
    if len(ranked) == 1:
        rate = percent(*ranked[0].now.completion_pair)
        return f"{head}：{ranked[0].unit}（{total}项），完成率{rate}。"
    if len(ranked) <= MOST_DONE:
        return f"{head}：{_named(ranked)}。"
    most = [u for u in ranked[:MOST_DONE] if _new(u) > 1]  # one each is not "the most"
    return f"{head}，其中{_named(most)}完成较多。" if most else f"{head}。"


def _named(units: list[UnitLine]) -> str:
    return "、".join(f"{u.unit}（{_new(u)}项）" for u in units)


def all_done(data: BulletinData) -> str | None:
    """The units that have finished every task they were given."""
    done = [u.unit for u in data.units if u.now.assigned and u.now.finished == u.now.assigned]
    if not done:
        return None
    names = "、".join(done[:MAX_COMPLETE])
    if len(done) > MAX_COMPLETE:
        names += f"等{len(done)}个单位"
    return f"{names}承担的任务已全部完成。"


def measure_done(measure: DoneMeasure, this_round: bool) -> str:
    """A measure finished by all its units."""
    what = f"{measure.document}第{measure.code}项“{measure.title}”"
    if len(measure.units) == 1:
        when = "本期" if this_round else "已"
        return f"{measure.units[0]}{when}完成{what}。"
    when = "本期均已完成" if this_round else "均已完成"
    return f"{what}的{len(measure.units)}个责任单位{when}。"


def note_text(note: ReportedNote) -> str:
    """A unit's note as quoted: "单位：内容。"."""
    return f"{note.unit}：{note.note.rstrip('。；;，, ')}。"


def _notes(notes: list[ReportedNote]) -> list[AchievementChoice]:
    """The round's notes, finished work first; one per unit ticked, up to ``MAX_NOTES``."""
    out: list[AchievementChoice] = []
    seen: set[str] = set()
    for note in notes[:MAX_NOTE_CHOICES]:
        ticked = note.unit not in seen and len(seen) < MAX_NOTES
        if ticked:
            seen.add(note.unit)
        out.append(AchievementChoice("note", note_text(note), ticked))
    return out


def achievement_choices(data: BulletinData) -> list[AchievementChoice]:
    """The pick list, in the order the paragraphs print."""
    out: list[AchievementChoice] = []
    for kind, text in (("units", most_done(data)), ("complete", all_done(data))):
        if text is not None:
            out.append(AchievementChoice(kind, text, True))
    this_round = data.before is not None
    out += [
        AchievementChoice("measure", measure_done(m, this_round), n < TICKED_MEASURES)
        for n, m in enumerate(data.done_measures[:MAX_MEASURES])
    ]
    return out + _notes(data.notes)


def default_achievements(data: BulletinData) -> list[str]:
    """主要成效 as printed unless the clerk picks: the choices ticked by default."""
    return [c.text for c in achievement_choices(data) if c.ticked]
