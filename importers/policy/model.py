"""The plain data a policy document becomes.

This is the contract between the document readers and the rest of the
application: the services in ``tracker/`` store it, ``tracker-cli parse-doc``
prints it as JSON.  Nothing here knows about files or the database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from importers.messages import Message


@dataclass(frozen=True)
class ParseWarning:
    """Something the parser could not read with certainty, tied to a source line (1-based)."""

    line: int
    message: Message
    """What is uncertain, in English (``str()``) and for the window to translate."""


@dataclass(frozen=True)
class ParsedMilestone:
    """A dated phrase in a measure's text, e.g. ``2020年6月底前开展…清理工作``."""

    date: date
    text: str


@dataclass
class ParsedTask:
    """One sub-task (分工) of a measure: a responsibility bracket and the text it closes.

    A measure that names its units once has one task; one that closes several
    sentences with different brackets, or a table row per line of work, has
    one per bracket or row.  ``lead_units`` come first in ``units``.
    """

    text: str
    lead_units: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    deadline: date | None = None
    deadline_text: str | None = None
    standing: bool = False
    milestones: list[ParsedMilestone] = field(default_factory=list)
    line: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "lead_units": list(self.lead_units),
            "units": list(self.units),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text,
        }


@dataclass
class ParsedMeasure:
    """One numbered measure (措施) with its responsible units and deadline.

    ``code`` is the measure's number as the office cites it: ``"12"`` where the
    document numbers straight through, ``"2.3"`` (part 2, item 3) where the
    numbering restarts in every part.  ``units`` lists every responsible unit in
    canonical form, leads first, then the others in document order.
    """

    code: str
    title: str
    text: str
    part: str | None = None
    part_number: int | None = None
    section: str | None = None
    section_number: int | None = None
    lead_units: list[str] = field(default_factory=list)
    units: list[str] = field(default_factory=list)
    deadline: date | None = None
    deadline_text: str | None = None
    standing: bool = False
    """True for 长期坚持 / 持续推进: a standing task with no deadline, never overdue."""
    milestones: list[ParsedMilestone] = field(default_factory=list)
    line: int = 0
    """Source line (1-based) where the measure starts."""
    tasks: list[ParsedTask] = field(default_factory=list)
    """The sub-tasks, in document order; ``units`` is their union, ``lead_units`` the first's."""

    @property
    def unassigned(self) -> bool:
        return not self.units

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "part": self.part,
            "section": self.section,
            "title": self.title,
            "text": self.text,
            "lead_units": list(self.lead_units),
            "units": list(self.units),
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_text": self.deadline_text,
            "standing": self.standing,
            "milestones": [{"date": m.date.isoformat(), "text": m.text} for m in self.milestones],
            "tasks": [task.to_json() for task in self.tasks],
        }


@dataclass
class ParsedSection:
    """A ``（一）`` heading inside a part, with the units it names as 牵头."""

    number: int
    title: str
    lead_units: list[str] = field(default_factory=list)
    line: int = 0


@dataclass
class ParsedPart:
    """A ``一、`` heading of the document."""

    number: int
    title: str
    sections: list[ParsedSection] = field(default_factory=list)
    line: int = 0


@dataclass
class ParsedDocument:
    """A whole policy document: metadata, heading tree, measures and warnings."""

    title: str | None
    doc_number: str | None
    issuer: str | None
    issued_on: date | None
    parts: list[ParsedPart] = field(default_factory=list)
    measures: list[ParsedMeasure] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)
    holds_no_tasks: bool = False
    """The text is a notice or bulletin: numbered paragraphs but no responsibility at all."""

    @property
    def sections(self) -> list[ParsedSection]:
        return [s for p in self.parts for s in p.sections]

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "issued_on": self.issued_on.isoformat() if self.issued_on else None,
            "measures": [m.to_json() for m in self.measures],
            "holds_no_tasks": self.holds_no_tasks,
            "warnings": [{"line": w.line, "message": str(w.message)} for w in self.warnings],
        }
