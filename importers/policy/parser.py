"""Entry points: a policy document's text or file in, a ``ParsedDocument`` out.

``parse_text`` never raises: text that holds no numbered measures gives a
document without measures and a warning, so the UI can show what it got.
``parse_file`` raises ``PolicyReadError`` only when the file cannot be read.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.policy.clauses import names_a_lead, states_first_listed_leads
from importers.policy.measures import build_measure
from importers.policy.metadata import read_metadata
from importers.policy.model import ParsedDocument, ParsedMeasure, ParseWarning
from importers.policy.outline import measure_style, read_items
from importers.policy.pdf_tables import layout_tables
from importers.policy.repair import Paragraph, repair_lines
from importers.policy.sources import SourceInfo, SourceTable, read_source
from importers.policy.standing import add_standing_units, standing_rules
from importers.policy.structure import arrange
from importers.policy.tables import is_task_header, table_measures
from importers.policy.text_tables import split_text_tables

__all__ = ["SourceInfo", "parse_file", "parse_lines", "parse_text"]


def parse_text(text: str, aliases: Mapping[str, str] | None = None) -> ParsedDocument:
    """Parse the plain text of a policy document."""
    return parse_lines(text.splitlines(), aliases=aliases)


def parse_file(
    path: Path, aliases: Mapping[str, str] | None = None
) -> tuple[ParsedDocument, SourceInfo]:
    """Read and parse a policy document (``.docx``, ``.pdf``, ``.txt``; ``.doc``, ``.wps``,
    ``.rtf`` and ``.odt`` through a word processor)."""
    source, info = read_source(path)
    tables = [*source.tables, *layout_tables(source.layout_pages, source.lines, is_task_header)]
    return parse_lines(source.lines, tables, aliases), info


def parse_lines(
    lines: Iterable[str],
    tables: Sequence[SourceTable] = (),
    aliases: Mapping[str, str] | None = None,
) -> ParsedDocument:
    """Parse a document given as lines (and, from Word, its tables)."""
    lines, in_text = split_text_tables(list(lines), is_task_header)
    tables = [*tables, *in_text]
    paragraphs = repair_lines(lines)
    items, body_start = read_items(paragraphs)
    meta = read_metadata(paragraphs, body_start)
    document = ParsedDocument(meta.title, meta.doc_number, meta.issuer, meta.issued_on)
    from_tables = table_measures(tables, aliases, meta.year)
    if from_tables.measures:
        document.parts = from_tables.parts
        document.measures = from_tables.measures
        document.warnings = from_tables.warnings
        return document
    level = measure_style(items)
    if level is None:
        none_found = Message(QT_TRANSLATE_NOOP("messages", "no numbered measures found"))
        document.warnings.append(ParseWarning(0, none_found))
        return document
    outline = arrange(items, level, aliases)
    document.parts = outline.parts
    document.warnings.extend(outline.warnings)
    first_listed_from = _first_listed_line(paragraphs)
    leads_named = any(names_a_lead(paragraph.text) for paragraph in paragraphs)
    measure_lines = [draft.line for draft in outline.drafts]
    standing = standing_rules(paragraphs, aliases, outline.part_lines, measure_lines)
    for draft in outline.drafts:
        measure, warnings = build_measure(
            draft.code,
            draft.text,
            draft.line,
            draft.placement,
            first_listed_leads=draft.line >= first_listed_from,
            leads_named=leads_named,
            aliases=aliases,
            year=meta.year,
        )
        add_standing_units(measure, standing, draft.line)
        document.measures.append(measure)
        document.warnings.extend(warnings)
    if _reads_as_a_bulletin(document.measures):
        _holds_no_tasks(document)
    document.warnings.sort(key=lambda warning: warning.line)
    return document


NO_TASKS = QT_TRANSLATE_NOOP(
    "messages",
    "holds no assigned tasks: {count} numbered paragraphs but no responsibility bracket such "
    "as （…负责） or （牵头单位：…） and no task table — a notice or bulletin? If the tasks are "
    "in an attachment, import that file",
)
NO_TASKS_ONE = QT_TRANSLATE_NOOP(
    "messages",
    "holds no assigned tasks: {count} numbered paragraph but no responsibility bracket such "
    "as （…负责） or （牵头单位：…） and no task table — a notice or bulletin? If the tasks are "
    "in an attachment, import that file",
)


_STRAY_SHARE = 20
"""At most one numbered paragraph in this many naming a unit: a bracket that strayed
into a bulletin (its closing words ``…（各有关部门负责）``), not a task document."""
_STRAY_MIN_MEASURES = 20


def _reads_as_a_bulletin(measures: Sequence[ParsedMeasure]) -> bool:
    assigned = sum(1 for m in measures if m.units)
    if not measures:
        return False
    if assigned == 0:
        return True
    return len(measures) >= _STRAY_MIN_MEASURES and assigned * _STRAY_SHARE <= len(measures)


def _holds_no_tasks(document: ParsedDocument) -> None:
    """A notice or praise bulletin: numbered paragraphs, nobody responsible for any.

    Reporting N measures with N "names no unit" warnings would have the clerk
    import a bulletin as tasks; the document is said to hold none instead.
    """
    count = len(document.measures)
    document.measures = []
    document.parts = []
    document.holds_no_tasks = True
    template = NO_TASKS_ONE if count == 1 else NO_TASKS
    document.warnings = [ParseWarning(0, Message(template, {"count": count}))]


def _first_listed_line(paragraphs: Sequence[Paragraph]) -> float:
    """The line from which on the first-listed unit leads (排在第一位的部门为牵头部门)."""
    for paragraph in paragraphs:
        if states_first_listed_leads(paragraph.text):
            return paragraph.line
    return float("inf")
