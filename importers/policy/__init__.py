"""Read a policy document (.txt, .docx, .pdf) into measures and responsible units.

``parse_file`` / ``parse_text`` are the entry points; ``canonical_unit`` gives
the one spelling of a unit name the office follows.
"""

from typing import TYPE_CHECKING, Any

from importers.policy.errors import PolicyReadError
from importers.policy.model import (
    ParsedDocument,
    ParsedMeasure,
    ParsedMilestone,
    ParsedPart,
    ParsedSection,
    ParsedTask,
    ParseWarning,
)
from importers.policy.sources import SourceInfo, SourceTable
from importers.policy.units import canonical_unit, split_units

if TYPE_CHECKING:
    from importers.policy.parser import parse_file, parse_lines, parse_text

_PARSER = ("parse_file", "parse_lines", "parse_text")


def __getattr__(name: str) -> Any:
    """The parser is loaded on first use: opening the app needs the data model, not it."""
    if name in _PARSER:
        from importers.policy import parser

        return getattr(parser, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "ParseWarning",
    "ParsedDocument",
    "ParsedMeasure",
    "ParsedMilestone",
    "ParsedPart",
    "ParsedSection",
    "ParsedTask",
    "PolicyReadError",
    "SourceInfo",
    "SourceTable",
    "canonical_unit",
    "parse_file",
    "parse_lines",
    "parse_text",
    "split_units",
]
