"""The hidden sheet that lets an import tell exactly what a unit changed.

Every exported workbook carries a hidden sheet (:data:`META_SHEET`) recording
the export (kind, unit, round, dates) and, for every data row, its sheet, row
number, key, measure code, unit and the values of every fill-in column as they
were sent.  All values are stored as text so no spreadsheet program turns a
phone number into a float or a date into a serial number on re-save.

Each line is tagged by its first cell, so the reader does not depend on line
positions and ignores lines it does not know (a newer format's additions).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from importers.ledger import cells
from importers.ledger.columns import FILL_IN_FIELDS
from importers.ledger.model import ExportedValue, LedgerMeta, LedgerRow, LedgerWorkbook, MetaEntry
from importers.messages import QT_TRANSLATE_NOOP, MessageError

META_SHEET = "_台账元数据"
MAGIC = "measure-tracker-ledger"
FORMAT_VERSION = 2
ROW_TAG = "row"
SHEET_TAG = "sheet"
ROW_HEADER: tuple[str, ...] = (
    "#",
    "sheet",
    "row",
    "key",
    "measure_code",
    "unit",
    *FILL_IN_FIELDS,
    "deadline",
    "content_digest",
)
"""The per-row lines' header; ``deadline`` and ``content_digest`` (the locked 完成时限 as
sent, a digest of 具体内容) came later: a ledger whose header lacks them has nothing to
compare those columns with.  Format 2 added the fill-in columns 未按期完成原因, 佐证材料,
申请延期至 and 延期理由 among the others: the reader finds every value by this header's
names (:class:`_RowLayout`), so a format-1 ledger still in a unit's hands reads as it did."""


@dataclass(frozen=True)
class ExportedSheet:
    """A data sheet as written: tab name, document key and title."""

    name: str
    doc_key: str
    title: str


def exported_values(row: LedgerRow) -> dict[str, ExportedValue]:
    """The fill-in values of ``row``, typed as :class:`ReturnedRow` types them."""
    values: dict[str, ExportedValue] = {
        name: getattr(row, name) for name in FILL_IN_FIELDS if name != "extension_to"
    }
    values["status"] = row.status or None
    values["extension_to"] = row.extension_to.isoformat() if row.extension_to else ""
    return values


def header_lines(book: LedgerWorkbook, sheets: Iterable[ExportedSheet]) -> Iterator[list[str]]:
    """The metadata lines that precede the per-row lines."""
    yield [MAGIC, str(FORMAT_VERSION), "本工作表由督办台账系统生成，请勿修改或删除。"]
    yield ["kind", book.kind]
    yield ["unit", book.unit or ""]
    yield ["round", book.round_name]
    yield ["as_of", book.as_of.isoformat()]
    yield ["exported_at", book.exported_at.isoformat(timespec="seconds")]
    yield ["office", book.office]
    for sheet in sheets:
        yield [SHEET_TAG, sheet.name, sheet.doc_key, sheet.title]
    yield list(ROW_HEADER)


def printed_deadline(deadline_text: str, deadline: date | None) -> str:
    """完成时限 as compared: a date as ISO text (whatever the cell's format), else the text."""
    return deadline.isoformat() if deadline is not None else deadline_text


def content_digest(text: str) -> str:
    """A short digest of 具体内容 as the reader normalizes it: the hidden sheet need not
    hold every measure's paragraph twice to tell whether the unit edited it."""
    return read_content_digest(cells.text(text))


def read_content_digest(normalized: str) -> str:
    """:func:`content_digest` of a cell the reader has already normalized (each row of an
    import: the normalizing is not done twice)."""
    return hashlib.blake2b(normalized.encode(), digest_size=8).hexdigest()


def row_line(sheet: str, excel_row: int, row: LedgerRow) -> list[str]:
    """The metadata line of one exported data row."""
    values = exported_values(row)
    fill_in = ["" if values[name] is None else str(values[name]) for name in FILL_IN_FIELDS]
    deadline = row.deadline_text or printed_deadline("", row.deadline)
    return [
        ROW_TAG,
        sheet,
        str(excel_row),
        row.key,
        row.measure_code,
        row.unit,
        *fill_in,
        deadline,
        content_digest(row.content),
    ]


def _exported_deadline(stored: str) -> str:
    """The hidden sheet's 完成时限 normalized as the reader's visible cell is."""
    text = cells.text(stored)
    return printed_deadline(text, cells.to_date(text))


class MetaFormatError(MessageError, ValueError):
    """The hidden sheet exists but is not one we wrote, or was damaged; ``cell`` is the
    ``A1``-style cell of the hidden sheet where, when one line is to blame."""

    def __init__(self, template: str, /, *, cell: str = "", **params: object) -> None:
        super().__init__(template, **params)
        self.cell = cell


def _text(value: object) -> str:
    """A metadata cell as text; re-saving may have turned ``"4"`` into ``4.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _typed(values: dict[str, ExportedValue]) -> dict[str, ExportedValue]:
    """Exported values (every fill-in field, as text normalized exactly as the reader
    normalizes the visible cells, so that an untouched cell compares equal to its exported
    value) with the status and percent typed as the reader types them."""
    values["status"] = values["status"] or None
    percent = values["percent"]
    values["percent"] = int(percent) if isinstance(percent, str) and percent else None
    return values


def _line(values: Sequence[object]) -> list[str]:
    """One line's cells as text (nearly all are text already: skipped cheaply)."""
    return [v if type(v) is str else _text(v) for v in values]


FORMAT_1_ROW_HEADER: tuple[str, ...] = (
    *("#", "sheet", "row", "key", "measure_code", "unit"),
    *("status", "percent", "progress", "problems", "next_steps", "contact", "phone"),
    *("deadline", "content_digest"),
)
"""The per-row lines' layout of format 1, for lines that come before any header line."""
_IDENTITY = ("sheet", "row", "key", "measure_code", "unit")
"""The columns a per-row line cannot do without."""


class _RowLayout:
    """Where each named value is in the per-row lines, found by the header line's names.

    Values are looked up by name, never by position: a newer writer adds fill-in
    columns (and a spreadsheet program may drop a line's empty tail), and an older
    ledger lacks them — a column the header does not name reads as empty, and the
    optional ``deadline`` and ``content_digest`` as unknown (``None``).
    """

    def __init__(self, header: Sequence[str], line: int) -> None:
        names = ["".join(name.split()) for name in header]
        self.at = {name: i for i, name in reversed(list(enumerate(names))) if name}
        for name in _IDENTITY:
            if name not in self.at:
                raise MetaFormatError(
                    QT_TRANSLATE_NOOP(
                        "messages",
                        "the metadata sheet's row header (row {row}) has no column {column}",
                    ),
                    row=line,
                    column=name,
                    cell=f"A{line}",
                )
        self.fill_in = [(name, self.at[name]) for name in FILL_IN_FIELDS if name in self.at]
        self.absent = [name for name in FILL_IN_FIELDS if name not in self.at]
        """The fill-in fields an older format has no column for: read as empty."""
        self.deadline = self.at.get("deadline")
        self.digest = self.at.get("content_digest")
        self.width = max(self.at.values()) + 1
        self._deadlines: dict[str, str] = {}
        """完成时限 texts normalized so far: a ledger repeats a few dozen over its rows."""

    def entry(self, line: list[str]) -> MetaEntry:
        if len(line) < self.width:
            line = [*line, *[""] * (self.width - len(line))]
        at = self.at
        deadline = None
        if self.deadline is not None:
            stored = line[self.deadline]
            deadline = self._deadlines.get(stored)
            if deadline is None:
                deadline = self._deadlines[stored] = _exported_deadline(stored)
        digest = None if self.digest is None else line[self.digest]
        text = cells.text
        values: dict[str, ExportedValue] = {name: text(line[i]) for name, i in self.fill_in}
        if self.absent:  # (an older format: in the fields' order, as a newer one)
            values = {name: values.get(name, "") for name in FILL_IN_FIELDS}
        return MetaEntry(
            line[at["sheet"]],
            int(line[at["row"]]),
            line[at["key"]],
            line[at["measure_code"]],
            line[at["unit"]],
            _typed(values),
            deadline,
            digest,
        )

    def entries(self, lines: list[list[str]]) -> list[MetaEntry]:
        """:meth:`entry` of each of ``lines``, made column by column: a master ledger's
        hidden sheet has 10,000 of them, and a padding check, the conversions and a record
        made a line at a time took 44 ms beyond calamine's read (36 ms this way).  Raises
        as :meth:`entry` does, not saying which line (the caller reads them one by one then)."""
        width = self.width
        if any(len(line) < width for line in lines):
            lines = [[*line, *[""] * (width - len(line))] for line in lines]
        at, text = self.at, cells.text

        def column(name: str) -> list[str]:
            index = at[name]
            return [line[index] for line in lines]

        rows = [int(value) for value in column("row")]
        deadlines: list[str | None] = [None] * len(lines)
        if self.deadline is not None:
            known = self._deadlines
            for stored in {line[self.deadline] for line in lines} - known.keys():
                known[stored] = _exported_deadline(stored)
            deadlines = [known[line[self.deadline]] for line in lines]
        digests = [None] * len(lines) if self.digest is None else column("content_digest")
        texts = {name: [text(line[i]) for line in lines] for name, i in self.fill_in}
        empty = [""] * len(lines)
        by_field: dict[str, list[ExportedValue]] = {
            name: list(texts.get(name, empty)) for name in FILL_IN_FIELDS
        }
        by_field["status"] = [status or None for status in by_field["status"]]
        percents = by_field["percent"]
        by_field["percent"] = [int(p) if isinstance(p, str) and p else None for p in percents]
        names = list(by_field)
        exported = [dict(zip(names, v, strict=True)) for v in zip(*by_field.values(), strict=True)]
        return list(
            map(
                MetaEntry._make,
                zip(
                    column("sheet"),
                    rows,
                    column("key"),
                    column("measure_code"),
                    column("unit"),
                    exported,
                    deadlines,
                    digests,
                    strict=True,
                ),
            )
        )


def parse_meta(lines: Iterable[Sequence[object]]) -> LedgerMeta:
    """Read the hidden sheet's lines back; raises :class:`MetaFormatError` if it is not ours.

    One pass over the lines: a master ledger's hidden sheet has a line per row.
    """
    rows = map(_line, lines)
    first = next(rows, None)
    if not first or first[0] != MAGIC:
        raise MetaFormatError(
            QT_TRANSLATE_NOOP("messages", "the metadata sheet was not written by this program"),
            cell="A1",
        )
    try:
        version = int(first[1])
    except (IndexError, ValueError):
        raise MetaFormatError(
            QT_TRANSLATE_NOOP("messages", "the metadata sheet has no format version"), cell="B1"
        ) from None
    if version > FORMAT_VERSION:
        raise MetaFormatError(
            QT_TRANSLATE_NOOP("messages", "metadata format {version} is newer than this program's"),
            version=version,
            cell="B1",
        )
    fields: dict[str, str] = {}
    sheets: dict[str, str] = {}
    entries: list[MetaEntry] = []
    layout: _RowLayout | None = None
    batch: list[list[str]] = []  # the per-row lines since the last other line
    start = 0  # the first one's line number
    for number, line in enumerate(rows, start=2):
        tag = line[0] if line else ""
        if tag == ROW_TAG:
            if not batch:
                layout, start = layout or _RowLayout(FORMAT_1_ROW_HEADER, number), number
            batch.append(line)
            continue
        if batch and layout is not None:
            entries += _entries(layout, batch, start)
            batch = []
        rest = line[1:]
        try:
            if tag == ROW_HEADER[0]:
                layout = _RowLayout(line, number)
            elif tag == SHEET_TAG:
                sheets[rest[0]] = rest[1] if len(rest) > 1 else ""
            elif tag and rest:
                fields[tag] = rest[0]
        except MetaFormatError:
            raise
        except (IndexError, ValueError) as exc:
            raise _damaged(line, number, exc) from None
    if batch and layout is not None:
        entries += _entries(layout, batch, start)
    return LedgerMeta(
        format_version=version,
        kind=fields.get("kind", ""),
        unit=fields.get("unit") or None,
        round_name=fields.get("round", ""),
        as_of=_date(fields.get("as_of", "")),
        exported_at=_datetime(fields.get("exported_at", "")),
        office=fields.get("office", ""),
        sheets=sheets,
        entries=entries,
    )


def _entries(layout: _RowLayout, lines: list[list[str]], start: int) -> list[MetaEntry]:
    """The entries of consecutive per-row lines, the first being line ``start``: column by
    column (:meth:`_RowLayout.entries`), or, when one is damaged, line by line to name it."""
    try:
        return layout.entries(lines)
    except (IndexError, ValueError):
        pass
    entries = []
    for number, line in enumerate(lines, start=start):
        try:
            entries.append(layout.entry(line))
        except MetaFormatError:
            raise
        except (IndexError, ValueError) as exc:
            raise _damaged(line, number, exc) from None
    return entries


def _damaged(line: list[str], number: int, exc: Exception) -> MetaFormatError:
    return MetaFormatError(
        QT_TRANSLATE_NOOP("messages", "damaged metadata line {line}: {reason}"),
        line=repr(line),
        reason=exc,
        cell=f"A{number}",
    )


def _date(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def _datetime(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None
