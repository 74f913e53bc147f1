"""Arrange the numbered items into parts, sections and measures, and code the measures.

Levels above the measure level are headings: the outermost present is the
part (``一、``), the next the section (``（一）``); headings that end up with no
measure (指导思想, 基本原则 …) are prose and are left out.  Items below the
measure level belong to the measure above them.  Measures numbered straight
through keep their number as code; where numbering restarts under every part
the code is ``part.item`` (and ``part.section.item`` where it restarts under
every section), for the whole document, so that codes stay unique.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.policy.clauses import bracket_groups, find_clauses, has_clause
from importers.policy.markers import Style
from importers.policy.measures import Placement
from importers.policy.model import ParsedPart, ParsedSection, ParseWarning
from importers.policy.outline import Item

_BARE_HEADING_MAX = 20
_PROSE_HEADING_RE = re.compile(
    "目标|原则|要求|指导思想|总体思路|思路|意义|背景|依据|适用范围|形势|现状|定位|愿景"
)
"""The words of headings over prose (目标, 基本原则, 总体要求 …).  A short numbered line
without them may be a measure whose title a page break cut off (``76.加强``)."""


@dataclass
class Heading:
    """A part or section heading with the lead units it names."""

    number: int
    title: str
    leads: tuple[str, ...]
    line: int


@dataclass
class Draft:
    """A measure before its units are read: number, text and where it stands."""

    number: int
    text: str
    line: int
    part: Heading | None
    section: Heading | None
    code: str = ""

    @property
    def placement(self) -> Placement:
        nearest = next((h.leads for h in (self.section, self.part) if h and h.leads), ())
        return Placement(
            part=self.part.title if self.part else None,
            part_number=self.part.number if self.part else None,
            section=self.section.title if self.section else None,
            section_number=self.section.number if self.section else None,
            heading_leads=nearest,
        )


@dataclass
class Outline:
    drafts: list[Draft] = field(default_factory=list)
    parts: list[ParsedPart] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    part_lines: list[int] = field(default_factory=list)
    """The line of every item numbered at the parts' level, measures' parts or not."""


def arrange(
    items: Sequence[Item], level: Style, aliases: Mapping[str, str] | None = None
) -> Outline:
    """Parts, sections and coded measure drafts for measures numbered at ``level``.

    Documents mix levels: a part of 保障措施 may hold its tasks one level up
    (``（一）健全工作机制。…（责任单位：…）`` with no items below it), and a measure-level
    item may only group numbered items that each carry their own clause.  The
    first becomes a measure, the second a section over its items.
    """
    above = sorted({item.marker.style for item in items if item.marker.style < level})
    part_style = above[0] if above else None
    section_style = above[1] if len(above) > 1 else None
    own = [has_clause(item.text) for item in items]
    roles = _roles(items, level, own)
    any_clause = any(own)
    outline = Outline()
    part: Heading | None = None
    section: Heading | None = None
    current: Draft | None = None
    grouped: Heading | None = None
    for index, (item, role) in enumerate(zip(items, roles, strict=True)):
        style = item.marker.style
        if style == part_style:
            outline.part_lines.append(item.line)
        if role == "measure":
            if style == part_style:
                part, section = None, None
            elif style == section_style:
                section = None  # the heading is the measure, not a section over it
            current = Draft(item.marker.number, item.text, item.line, part, section)
            outline.drafts.append(current)
        elif role == "group":
            section = grouped = read_heading(item, aliases)
            current = None
        elif style == part_style:
            part, section, current = read_heading(item, aliases), None, None
        elif style == section_style:
            section, current = read_heading(item, aliases), None
        elif style < level:
            current = None
        elif style == level:
            if section is not None and section is grouped:
                section = None  # a grouping item's section ends at the next item of its level
            if (
                any_clause
                and not own[index]
                and (_is_bare_heading(item) or _over_prose(section or part))
            ):
                current = None  # 目标 / 基本原则 / 总体要求: prose under a heading, no task
                continue
            current = Draft(item.marker.number, item.text, item.line, part, section)
            outline.drafts.append(current)
        elif current is not None:
            current.text += item.marked + "".join(item.more)
    outline.warnings.extend(assign_codes(outline.drafts))
    outline.parts = parts_with_measures(outline.drafts)
    return outline


def _roles(items: Sequence[Item], level: Style, own: Sequence[bool]) -> list[str]:
    """``"measure"`` for an item read as a measure off the measure level, ``"group"`` for a
    measure-level item that only groups measures, ``""`` for the rest."""
    children: list[list[int]] = [[] for _ in items]
    stack: list[int] = []
    for index, item in enumerate(items):
        while stack and items[stack[-1]].marker.style >= item.marker.style:
            stack.pop()
        if stack:
            children[stack[-1]].append(index)
        stack.append(index)
    roles = [""] * len(items)
    for index, item in enumerate(items):
        style = item.marker.style
        below = children[index]
        if style < level and own[index] and not _reaches(items, children, index, level):
            roles[index] = "measure"
        elif style == level and not own[index] and len(below) >= 2 and _title_only(item):
            direct = [i for i in below if items[i].marker.style == items[below[0]].marker.style]
            if len(direct) >= 2 and all(own[i] for i in direct):
                roles[index] = "group"
                for child in direct:
                    roles[child] = "measure"
    return roles


def _title_only(item: Item) -> bool:
    """An item that is only a title (``聚力突破核心关键技术。``): it may group measures.  One
    with a sentence after its title (``推进甲。做甲。``) is a measure whose numbered parts,
    each closing with its bracket, are its sub-tasks."""
    head = item.head.strip().rstrip("。")
    return not item.more and "。" not in head


def _reaches(
    items: Sequence[Item], children: Sequence[list[int]], index: int, level: Style
) -> bool:
    """Whether any item below ``index`` is numbered at or below the measure level."""
    pending = list(children[index])
    while pending:
        child = pending.pop()
        if items[child].marker.style >= level:
            return True
        pending.extend(children[child])
    return False


def _is_bare_heading(item: Item) -> bool:
    """A short title line with no sentence (the caller checks for a clause): 目标, 基本原则."""
    head = item.head.strip()
    return (
        len(head) <= _BARE_HEADING_MAX
        and not any(mark in head for mark in "。；;，,")
        and bool(_PROSE_HEADING_RE.search(head))
    )


_PROSE_TITLE_RE = re.compile(
    r"(?:目标|原则|要求|指导思想|总体思路|工作思路|基本思路|意义|背景|依据|适用范围)[。：:]?$"
)
"""A heading that ends in these words (主要目标, 基本原则, 总体要求) heads prose: its numbered
items without a clause are targets or principles (``1.到2025年，…``), not tasks."""


def _over_prose(heading: Heading | None) -> bool:
    return heading is not None and bool(_PROSE_TITLE_RE.search(heading.title))


def read_heading(item: Item, aliases: Mapping[str, str] | None = None) -> Heading:
    """Title without the 牵头 clause, and the units that clause names as leads."""
    head = item.head
    clauses = find_clauses(head, aliases)
    leads: list[str] = []
    for clause in clauses:
        leads.extend(clause.leads or clause.units)
    title = head
    for start, end in reversed(bracket_groups(head)):
        if any(c.start == start for c in clauses):
            title = title[:start] + title[end:]
    return Heading(item.marker.number, title.strip(" 。"), tuple(dict.fromkeys(leads)), item.line)


def assign_codes(drafts: Sequence[Draft]) -> list[ParseWarning]:
    """Set every draft's code; warn about gaps and repeats in the numbering."""
    restarts = [(a, b) for a, b in pairwise(drafts) if b.number == 1]
    by_part = any(b.part is not a.part for a, b in restarts)
    by_section = any(b.part is a.part and b.section is not a.section for a, b in restarts)
    # A part holding measures both under sections and beside them (a heading read as a
    # measure next to sections of items) numbers the sectioned ones part.section.item.
    by_section = by_section or any(
        a.part is b.part and (a.section is None) != (b.section is None) for a, b in pairwise(drafts)
    )
    warnings: list[ParseWarning] = []
    seen: dict[str, int] = {}
    previous: Draft | None = None
    for draft in drafts:
        scope: list[str] = []
        if by_part and draft.part:
            scope.append(str(draft.part.number))
        if by_section and draft.section:
            scope.append(str(draft.section.number))
        code = ".".join([*scope, str(draft.number)])
        expected = 1
        if previous is not None and not (
            (by_part and draft.part is not previous.part)
            or (by_section and draft.section is not previous.section)
        ):
            expected = previous.number + 1
        if draft.number < expected or code in seen:
            repeats = QT_TRANSLATE_NOOP("messages", "measure {code} repeats an earlier number")
            warnings.append(ParseWarning(draft.line, Message(repeats, {"code": code})))
        elif draft.number > expected:
            gap = QT_TRANSLATE_NOOP("messages", "numbering gap before measure {code}")
            warnings.append(ParseWarning(draft.line, Message(gap, {"code": code})))
        seen[code] = seen.get(code, 0) + 1
        draft.code = code if seen[code] == 1 else f"{code}-{seen[code]}"
        previous = draft
    return warnings


def parts_with_measures(drafts: Sequence[Draft]) -> list[ParsedPart]:
    """The parts and sections that hold at least one measure, in document order."""
    parts: dict[int, ParsedPart] = {}
    sections: dict[int, ParsedSection] = {}
    for draft in drafts:
        if draft.part is None:
            continue
        part = parts.get(id(draft.part))
        if part is None:
            heading = draft.part
            part = ParsedPart(heading.number, heading.title, line=heading.line)
            parts[id(draft.part)] = part
        if draft.section is not None and id(draft.section) not in sections:
            head = draft.section
            section = ParsedSection(head.number, head.title, list(head.leads), head.line)
            sections[id(draft.section)] = section
            part.sections.append(section)
    return list(parts.values())
