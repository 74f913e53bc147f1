"""Read a policy document (.txt, .docx, .pdf) into measures and responsible units.

``parse_file`` / ``parse_text`` are the entry points; ``canonical_unit`` gives
the one spelling of a unit name the office follows.
"""

from importers.policy.errors import PolicyReadError
from importers.policy.model import (
    ParsedDocument,
    ParsedMeasure,
    ParsedMilestone,
    ParsedPart,
    ParsedSection,
    ParseWarning,
)
from importers.policy.parser import parse_file, parse_lines, parse_text
from importers.policy.sources import SourceInfo, SourceTable
from importers.policy.units import canonical_unit, split_units

__all__ = [
    "ParseWarning",
    "ParsedDocument",
    "ParsedMeasure",
    "ParsedMilestone",
    "ParsedPart",
    "ParsedSection",
    "PolicyReadError",
    "SourceInfo",
    "SourceTable",
    "canonical_unit",
    "parse_file",
    "parse_lines",
    "parse_text",
    "split_units",
]
