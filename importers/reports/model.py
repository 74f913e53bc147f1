"""The printed-report document model: what a report says, not how a file lays it out.

``tracker.reports.report_service`` fills these plain dataclasses from the database; the PDF and
Word writers in this package render the same object, so the two files always
carry the same text, figures and tables.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Paragraph:
    """Body text; official documents indent the first line by two characters."""

    text: str
    align: Align = "justify"
    indent: bool = True
    bold: bool = False
    left: float = 0
    """Left indent of every line, in body characters (an 附件 list's later items: 5)."""
    keep_with_next: bool = False
    """On one page with the block after it (a 回执's cut line and title with its form)."""


@dataclass(frozen=True)
class Heading:
    """A numbered heading: 一、… level 1 (黑体), （一）… level 2 (楷体), 1. … level 3 (仿宋
    bold), all 3号 like the body (GB/T 9704 §7.3.3)."""

    text: str
    level: int = 1
    centred: bool = False
    """A table's own title (a printed ledger's sheet, named after its document): centred
    and not indented, so a title a line long is not pushed over by the indent, leaving
    its last character alone on a second line."""


@dataclass(frozen=True)
class Column:
    """A table column: its header text, relative width and how its cells are aligned."""

    header: str
    width: float
    """Relative to the other columns (the builders use points on a portrait page)."""
    align: Align = "center"
    fit: bool = False
    """As wide as its widest text (header included) in the font printed, so a number, a
    code or a date is never wrapped (``importers.reports.column_widths``); the other
    columns share what is left by their ``width``."""


@dataclass(frozen=True)
class Table:
    """A table whose header row is repeated on every page it runs over."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    font_size: float = 10.5
    """五号 by default; the printed ledger uses a smaller size to fit its columns."""
    keep_last: int = 0
    """Keep this many last rows on one page with the blocks after the table up to the next
    ``Signature`` (a chaser's signature never stands alone on a page)."""
    whole: bool = False
    """Never split across pages (a short form: the 回执), unless taller than a page."""

    def __post_init__(self) -> None:
        for row in self.rows:
            if len(row) != len(self.columns):
                raise ValueError(f"row {row!r} has {len(row)} cells, not {len(self.columns)}")

    @property
    def headers(self) -> tuple[str, ...]:
        return tuple(c.header for c in self.columns)


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float, ...]


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart: one bar per category and series, values in ``unit``."""

    title: str
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str = "%"
    max_value: float | None = 100.0

    def __post_init__(self) -> None:
        for s in self.series:
            if len(s.values) != len(self.categories):
                raise ValueError(f"series {s.name!r} does not match the categories")


@dataclass(frozen=True)
class PageBreak:
    """A new page; ``turned`` starts landscape pages in a portrait document (a wide table,
    GB/T 9704 §8) and a later plain ``PageBreak`` turns back."""

    turned: bool = False
    new_document: bool = False
    """The next is another document of a combined print (the chasers' 合订): it starts on
    a sheet of its own, printed on both sides — on an odd page, after a blank unnumbered
    one if need be — and its pages are numbered from 1, as when printed alone."""
    title: str = ""
    subtitle: tuple[str, ...] = ()
    """That document's own title and subtitle (its number), set as the report's are."""


@dataclass(frozen=True)
class Signature:
    """The sender and the date under the text, placed as GB/T 9704 §7.3.5.2 places them
    without a seal: a blank line, the sender two characters in from the right, the date
    on the next line starting two characters right of the sender's start (both moved left
    when the date would come closer than two characters to the right edge)."""

    office: str
    day: str


@dataclass(frozen=True)
class Masthead:
    """A bulletin's 版头: its name in red over the issue number, the office and date left
    and right, and a red rule (GB/T 9704 §7.2, as offices print 简报 and 通报)."""

    name: str
    number: str
    office: str
    day: str


Block = Paragraph | Heading | Table | BarChart | PageBreak | Signature | Masthead


@dataclass
class ReportDocument:
    """A whole report: title, subtitle lines under it, then the blocks in order."""

    title: str
    subtitle: tuple[str, ...] = ()
    blocks: list[Block] = field(default_factory=list)
    landscape: bool = False
    kind: str = ""
    """bulletin / unit / chaser / ledger — for file names and the GUI, not for layout."""

    def text_blocks(self) -> list[str]:
        """Every piece of text the report prints, in order (for tests and search)."""
        out = [self.title, *self.subtitle]
        for block in self.blocks:
            if isinstance(block, PageBreak):
                out.extend([block.title, *block.subtitle] if block.title else [])
            elif isinstance(block, Paragraph | Heading):
                out.append(block.text)
            elif isinstance(block, Signature):
                out.extend((block.office, block.day))
            elif isinstance(block, Masthead):
                out.extend((block.name, block.number, block.office, block.day))
            elif isinstance(block, Table):
                out.extend(block.headers)
                out.extend(cell for row in block.rows for cell in row)
            elif isinstance(block, BarChart):
                out.append(block.title)
                out.extend(block.categories)
        return out
