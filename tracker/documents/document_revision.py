"""A revised document against the stored one: which stored measure each new one is, and
the list of changes a clerk sees before accepting.

Pairing is by text (``tracker.documents.measure_matching``), so a measure that was
renumbered keeps its row, its assignments and their history: each unit's
progress follows the measure.  The change list says where that progress moves
(``measure 5 → 6: 2 units' progress moves``) before anything is written.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.orm import Session

from db.models import Assignment, Document, Measure
from importers.policy import ParsedDocument, ParsedMeasure
from importers.policy.units import canonical_unit
from tracker.documents.measure_matching import MeasureText, match_measures
from tracker.documents.new_assignments import starting_status
from tracker.documents.task_rows import parsed_tasks
from tracker.records import FieldDiff, MeasureChange
from tracker.units.unit_service import alias_map


def pair_measures(
    stored: Sequence[Measure], parsed: Sequence[ParsedMeasure]
) -> list[Measure | None]:
    """For each parsed measure, the stored measure it continues, or None for a new one.

    Measures in force are paired first; a parsed measure left over may then
    continue a withdrawn one (a measure dropped by an earlier revision and put
    back), which returns with its history.
    """
    live = [m for m in stored if not m.withdrawn]
    gone = [m for m in stored if m.withdrawn]
    texts = [MeasureText(p.code, p.title, p.text) for p in parsed]
    paired: list[Measure | None] = [None] * len(parsed)
    for j, i in match_measures([_text(m) for m in live], texts).items():
        paired[j] = live[i]
    rest = [j for j, m in enumerate(paired) if m is None]
    if gone and rest:
        found = match_measures([_text(m) for m in gone], [texts[j] for j in rest])
        for k, i in found.items():
            paired[rest[k]] = gone[i]
    return paired


def _text(measure: Measure) -> MeasureText:
    return MeasureText(measure.code, measure.title, measure.text)


def has_progress(assignment: Assignment, standing: bool) -> bool:
    """Whether anything was recorded on ``assignment`` beyond its creation."""
    return bool(
        assignment.status != starting_status(standing).value
        or assignment.percent is not None
        or assignment.note
        or assignment.problems
        or assignment.next_steps
    )


def moving_units(measure: Measure) -> tuple[str, ...]:
    """The units whose recorded progress on ``measure`` moves with it to a new number."""
    return tuple(
        sorted(
            a.unit.name
            for a in measure.assignments
            if a.active and has_progress(a, measure.standing)
        )
    )


def diff(session: Session, stored: Document, doc: ParsedDocument) -> list[MeasureChange]:
    """What accepting ``doc`` as the new version of ``stored`` changes, measure by measure."""
    aliases = alias_map(session)
    paired = pair_measures(stored.measures, doc.measures)
    continued = {m.id for m in paired if m is not None}
    changes: list[MeasureChange] = []
    for parsed, measure in zip(doc.measures, paired, strict=True):
        if measure is None or measure.withdrawn:
            changes.append(MeasureChange(parsed.code, "added", (parsed.title,)))
            continue
        details: list[str] = []
        fields: list[FieldDiff] = []
        moved: tuple[str, ...] = ()
        old_code = None
        if measure.code != parsed.code:
            old_code = measure.code
            moved = moving_units(measure)
            details.append(
                f"measure {measure.code} → {parsed.code}: {len(moved)} "
                + ("unit's progress moves" if len(moved) == 1 else "units' progress moves")
            )
        if measure.title != parsed.title:
            details.append(f"title: {measure.title} → {parsed.title}")
            fields.append(FieldDiff("title", measure.title, parsed.title))
        elif measure.text != parsed.text:
            details.append("text changed")
            fields.append(FieldDiff("text", measure.text, parsed.text))
        if measure.deadline != parsed.deadline:
            details.append(f"deadline: {measure.deadline} → {parsed.deadline}")
            fields.append(
                FieldDiff("deadline", str(measure.deadline or ""), str(parsed.deadline or ""))
            )
        before = {a.unit.name for a in measure.assignments if a.active}
        after = {canonical_unit(u, aliases) for u in parsed.units}
        after = {aliases.get(u, u) for u in after}
        if before != after:
            added = "、".join(sorted(after - before))
            removed = "、".join(sorted(before - after))
            details.append(
                "units: " + " ".join(f"{s}[{u}]" for s, u in (("+", added), ("-", removed)) if u)
            )
            fields.append(FieldDiff("units", removed, added))
        stored_tasks = sum(1 for t in measure.tasks if not t.withdrawn)
        parsed_count = len(parsed_tasks(parsed))
        if stored_tasks != parsed_count:  # a measure split into sub-tasks, or merged again
            details.append(f"sub-tasks: {stored_tasks} → {parsed_count}")
            fields.append(FieldDiff("tasks", str(stored_tasks), str(parsed_count)))
        if fields:
            kind = "changed"
        elif old_code is not None:
            kind = "renumbered"
        else:
            continue
        changes.append(
            MeasureChange(
                parsed.code,
                kind,
                tuple(details),
                tuple(fields),
                old_code=old_code,
                moved_units=moved,
            )
        )
    changes.extend(
        MeasureChange(m.code, "removed", (m.title,))
        for m in stored.measures
        if not m.withdrawn and m.id not in continued
    )
    return changes
