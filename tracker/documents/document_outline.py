"""A document's outline (parts and their sections) from its heading rows, made in one place.

``DocumentService.outline`` reads the rows through SQLAlchemy and the window's
first look (``tracker.progress.quick_look``) through ``sqlite3``; both hand them
here.  No SQLAlchemy: the first look must not import it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from tracker.records import OutlineDocument, OutlineHeading


class HeadingRow(NamedTuple):
    """A stored heading, as both readers select it (``HEADING_COLUMNS``), by position."""

    id: int
    document_id: int
    parent_id: int | None
    number: int
    title: str


HEADING_COLUMNS = HeadingRow._fields
"""The ``headings`` columns a reader selects, in ``HeadingRow``'s order."""


class OutlinedDocument(NamedTuple):
    """What the outline needs of a document."""

    id: int
    label: str
    title: str


def outline(
    documents: Iterable[OutlinedDocument], headings: Sequence[HeadingRow]
) -> tuple[OutlineDocument, ...]:
    """Every document with its parts and sections; ``headings`` in their stored order."""
    sections: dict[int, list[OutlineHeading]] = {}
    for h in headings:
        if h.parent_id is not None:
            sections.setdefault(h.parent_id, []).append(OutlineHeading(h.id, h.number, h.title))
    parts: dict[int, list[OutlineHeading]] = {}
    for h in headings:
        if h.parent_id is None:
            children = tuple(sections.get(h.id, ()))
            parts.setdefault(h.document_id, []).append(
                OutlineHeading(h.id, h.number, h.title, children)
            )
    return tuple(
        OutlineDocument(d.id, d.label, d.title, tuple(parts.get(d.id, ()))) for d in documents
    )
