"""The printed-report document model: what a report says, not how a file lays it out.

``tracker.reports`` fills these plain dataclasses from the database; the PDF and
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


@dataclass(frozen=True)
class Heading:
    """A numbered heading (一、… level 1; （一）… level 2), set in the heading font."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Column:
    """A table column: its header text, relative width and how its cells are aligned."""

    header: str
    width: float
    """Relative to the other columns (the builders use points on a portrait page)."""
    align: Align = "center"


@dataclass(frozen=True)
class Table:
    """A table whose header row is repeated on every page it runs over."""

    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]
    font_size: float = 10.5
    """五号 by default; the printed ledger uses a smaller size to fit its columns."""

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
    pass


Block = Paragraph | Heading | Table | BarChart | PageBreak


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
            if isinstance(block, Paragraph | Heading):
                out.append(block.text)
            elif isinstance(block, Table):
                out.extend(block.headers)
                out.extend(cell for row in block.rows for cell in row)
            elif isinstance(block, BarChart):
                out.append(block.title)
                out.extend(block.categories)
        return out
