"""The numbered items of a document, and which numbering level holds the measures.

Documents differ in how deep the measures sit: ``1.`` under ``（一）`` under
``一、`` (with the ``（一）`` items of 基本原则 being prose), or straight ``一、``
items, or ``（一）`` items.  The level whose items most often carry a
responsibility clause holds the measures; a tie goes to the deeper level, unless
a shallower one holds a measure of its own (its bracket, none below it).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from importers.policy.clauses import ends_with_clause, has_clause, starts_with_clause_key
from importers.policy.markers import Marker, Style, read_marker_after
from importers.policy.repair import Paragraph, is_standalone_line, is_title_line


@dataclass
class Item:
    """A numbered paragraph and the unnumbered paragraphs that continue it."""

    marker: Marker
    line: int
    marked: str
    """The first paragraph as written, marker included."""
    more: list[str] = field(default_factory=list)

    @property
    def head(self) -> str:
        """The first paragraph without its marker: a heading's whole text."""
        return self.marker.rest

    @property
    def text(self) -> str:
        """The item's text without its marker, continuation paragraphs included."""
        return self.marker.rest + "".join(self.more)

    def tail(self) -> str:
        """The end of :attr:`text`, at least :data:`CLAUSE_REACH` characters of it: enough
        to tell whether the item ends with its clause, and read in a time that does not
        grow with the item (a long appendix continuing the last item is read in one pass,
        not once per paragraph)."""
        parts: list[str] = []
        length = 0
        for paragraph in reversed(self.more):
            parts.append(paragraph)
            length += len(paragraph)
            if length >= CLAUSE_REACH:
                return "".join(reversed(parts))
        return self.marker.rest + "".join(reversed(parts))


CLAUSE_REACH = 1500
"""How far back from an item's end its closing clause can begin: a responsibility clause
of a few hundred characters, and the ``牵头单位：`` lines after it."""


def read_items(paragraphs: Sequence[Paragraph]) -> tuple[list[Item], int]:
    """The numbered items, and the index of the first paragraph that is one.

    An unnumbered paragraph continues the item before it while that item has
    not ended with its responsibility clause (a page break after a full stop,
    or a measure written over several paragraphs).  A date, document number or
    title line ends the numbered body (signature, attachment).
    """
    items: list[Item] = []
    body_start = len(paragraphs)
    current: Item | None = None
    last_arabic = 0
    for index, paragraph in enumerate(paragraphs):
        marker = read_marker_after(paragraph.text, last_arabic)
        if marker is not None:
            if marker.style == Style.ARABIC:
                last_arabic = marker.number
            current = Item(marker, paragraph.line, paragraph.text)
            items.append(current)
            body_start = min(body_start, index)
        elif is_standalone_line(paragraph.text) or is_title_line(paragraph.text):
            current = None
        elif current is not None and (
            not ends_with_clause(current.tail()) or starts_with_clause_key(paragraph.text)
        ):
            current.more.append(paragraph.text)
    return items, body_start


def measure_style(items: Sequence[Item]) -> Style | None:
    """The numbering level that holds the measures, or None without items.

    An item carries a clause when its own text or that of an item below it
    does, so a measure whose clause closes its last sub-item still counts.
    """
    if not items:
        return None
    carrying: set[int] = set()
    clause_below: set[int] = set()
    own: set[int] = set()
    open_items: list[Item] = []
    for item in items:
        while open_items and open_items[-1].marker.style >= item.marker.style:
            open_items.pop()
        if has_clause(item.text):
            own.add(id(item))
            carrying.update(id(entry) for entry in open_items)
            clause_below.update(id(entry) for entry in open_items)
            carrying.add(id(item))
        open_items.append(item)
    with_clause = Counter(item.marker.style for item in items if id(item) in carrying)
    present = {item.marker.style for item in items}
    best = max(with_clause[style] for style in present)
    tied = sorted(style for style in present if with_clause[style] == best)
    # A tie goes to the deeper level — unless a shallower one holds a measure of its own
    # (its bracket, nothing numbered below it naming anyone): then its items are the
    # measures, and the deeper numbers (（1）（2）, each with its bracket) the sub-tasks of one.
    leaves = {item.marker.style for item in items if id(item) in own - clause_below}
    return next((style for style in tied[:-1] if style in leaves), tied[-1])
