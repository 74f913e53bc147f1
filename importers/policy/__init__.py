"""Read a policy document (.txt, .docx, .pdf) into measures and responsible units."""

from importers.policy.model import (
    ParsedDocument,
    ParsedMeasure,
    ParsedMilestone,
    ParsedPart,
    ParsedSection,
    ParseWarning,
)

__all__ = [
    "ParseWarning",
    "ParsedDocument",
    "ParsedMeasure",
    "ParsedMilestone",
    "ParsedPart",
    "ParsedSection",
]
