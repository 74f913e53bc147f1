"""What a returned row must pass before any of its values is believed.

A returned ledger is typed by someone outside the office: its hidden keys may
come from another database, a row may have been copied from another unit's
ledger or had its 措施编号 edited, the same assignment may appear twice (a
hand-made summary sheet that repeats the rows), a locked column may have been
edited, a text may be longer than a cell holds.  These checks say so, naming
the cell, so that nothing is written on a guess.  :mod:`tracker.ledgers.ledger_compare`
calls them for every row; they are cheap for the usual untouched row.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from importers.ledger.matching import identity
from importers.ledger.metadata import printed_deadline, read_content_digest
from importers.ledger.model import ExportedValue, LedgerFile, MetaEntry, ReturnedRow
from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.ledgers.ledger_records import FilePreview, Rejected
from tracker.ledgers.ledger_requests import NEVER, OverdueDay

if TYPE_CHECKING:
    from tracker.ledgers.ledger_snapshot import Current, Snapshot

MAX_TEXT = 32_767
"""What one Excel cell can hold, and where the reader (python-calamine) cuts a longer
text written by another program.  The database's Text columns have no limit on SQLite;
a text this long is listed as ignored (it may be cut), never written."""

TEXT_FIELDS = ("progress", "problems", "next_steps", "evidence", "delay_reason")
"""The compared free-text fields: emptying one of them is not an instruction."""


class FileChecks:
    """One file's state while its rows are compared: the exported rows, the rows seen so far."""

    def __init__(
        self,
        read: LedgerFile,
        superseded: frozenset[int] = frozenset(),
        overdue: OverdueDay = NEVER,
    ) -> None:
        self.read = read
        self.overdue = overdue
        """The day (and deadlines) a row is judged overdue by (``ledger_requests``)."""
        self.superseded = superseded
        """Assignments whose office values came from this unit's earlier return in the round
        (``ledger_returns``): compared from those values, not the exported ones."""
        self.rejected_rows = rejected_rows(read)
        """(sheet, Excel row) of the rows with a rejected cell: none of their values is taken."""
        meta = read.meta
        self.entries = _unique_keys(meta.entries) if meta else {}
        """Key → its exported entry; a key the hidden sheet names twice (a line copied in an
        edited hidden sheet) says nothing about either row."""
        self.seen: dict[int, tuple[str, int, tuple[ExportedValue, ...]]] = {}
        """assignment id → (sheet, Excel row, returned values) of the first row naming it."""
        self.deadline_sheets = {s for s, found in read.columns.items() if "deadline" in found}
        self.content_sheets = {s for s, found in read.columns.items() if "content" in found}
        self._digests: dict[str, str] = {}
        """具体内容 → its digest: the master repeats a measure's text on each of its units'
        rows (a merged cell), and hashing it once a row was a quarter of these checks."""

    def exported(self, assignment_id: int) -> bool:
        """Whether the assignment was one of this ledger's rows when it was sent out."""
        return str(assignment_id) in self.entries

    def first_seen(
        self, assignment_id: int, row: ReturnedRow, returned: tuple[ExportedValue, ...]
    ) -> tuple[str, int, tuple[ExportedValue, ...]] | None:
        """The earlier row of this file naming the same assignment, else ``None`` (and remember
        this one)."""
        earlier = self.seen.get(assignment_id)
        if earlier is None:
            self.seen[assignment_id] = (row.sheet, row.row, returned)
        return earlier

    def changed_deadline(self, row: ReturnedRow) -> tuple[str, str] | None:
        """(as exported, as returned) when the unit edited the locked 完成时限, else ``None``.

        Only rows tied to an exported key in a ledger whose hidden sheet kept the deadline,
        and only in sheets that still have the column.
        """
        if row.key is None or row.sheet not in self.deadline_sheets:
            return None
        entry = self.entries.get(row.key)
        if entry is None or entry.deadline is None:
            return None
        printed = printed_deadline(row.deadline_text, row.deadline)
        return None if printed == entry.deadline else (entry.deadline, printed)

    def changed_content(self, row: ReturnedRow) -> bool:
        """Whether the unit edited the locked 具体内容 (as :meth:`changed_deadline` decides
        where it can be told)."""
        if row.key is None or row.sheet not in self.content_sheets:
            return False
        entry = self.entries.get(row.key)
        if entry is None or entry.content is None:
            return False
        digest = self._digests.get(row.content)
        if digest is None:
            digest = self._digests[row.content] = read_content_digest(row.content)
        return digest != entry.content


def _unique_keys(entries: Iterable[MetaEntry]) -> dict[str, MetaEntry]:
    by_key: dict[str, MetaEntry] = {}
    twice: set[str] = set()
    for entry in entries:
        if entry.key in by_key:
            twice.add(entry.key)
        by_key[entry.key] = entry
    for key in twice:
        del by_key[key]
    return by_key


def disagreeing_field(row: ReturnedRow, code: str, unit: str, aliases: Mapping[str, str]) -> str:
    """``"measure_code"`` or ``"unit"`` when the row's printed value is not the assignment's
    (whitespace and case aside, a unit's old name counted as itself), else ``""``."""
    if row.measure_code != code and identity(row.measure_code, "") != identity(code, ""):
        return "measure_code"
    shown = aliases.get(row.unit, row.unit)
    if shown != unit and identity("", shown) != identity("", unit):
        return "unit"
    return ""


def unit_suggestions(
    path: Path, rows: Iterable[ReturnedRow], units: Iterable[str], aliases: Mapping[str, str]
) -> list[str]:
    """Units a file without its hidden sheet is likely from, best first.

    First the known units (or their old names) written in the file name, longest first
    (``公安厅`` inside ``自治区公安厅_台账.xlsx`` names the longer unit); then the units its
    rows name, most rows first.  Only suggestions: the clerk chooses.
    """
    known = set(units)
    stem = "".join(path.stem.split()).casefold()
    named = sorted(
        (
            (len(name), aliases.get(name, name))
            for name in (*known, *aliases)
            if name and "".join(name.split()).casefold() in stem
        ),
        key=lambda pair: -pair[0],
    )
    result: list[str] = []
    for _, unit in named:
        if unit in known and unit not in result:
            result.append(unit)
    counts = Counter(aliases.get(r.unit, r.unit) for r in rows if r.unit)
    for unit, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if unit in known and unit not in result:
            result.append(unit)
    return result


def find_target(
    preview: FilePreview,
    read: LedgerFile,
    row: ReturnedRow,
    snapshot: Snapshot,
    checks: FileChecks,
) -> Current | None:
    """The assignment a row names, or ``None`` with the row rejected.

    By the hidden key, trusted only when the row still shows that assignment's
    措施编号 and 责任单位 (a ledger from another database has keys that collide
    with ours); without a key, by 措施编号 + 责任单位 (within the sheet's document
    when the hidden sheet says which).
    """
    if row.key is not None and row.key.isdigit():
        target = snapshot.by_id.get(int(row.key))
        if target is not None:
            wrong = disagreeing_field(row, target["code"], target["unit"], snapshot.aliases)
            if not wrong:
                return target
            if _split_since(preview, read, row, snapshot, target["unit"]):
                return None
            reject(
                preview,
                read,
                row,
                wrong,
                QT_TRANSLATE_NOOP(
                    "messages",
                    "the row shows measure {shown_code} of {shown_unit}, but its hidden key is "
                    "measure {code} of {unit}; a ledger from another database, or an edited "
                    "row: not imported",
                ),
                shown_code=row.measure_code,
                shown_unit=row.unit,
                code=target["code"],
                unit=target["unit"],
            )
            return None
    unit_name = snapshot.aliases.get(row.unit, row.unit)
    candidates = snapshot.by_code.get((row.measure_code, unit_name), [])
    if row.doc_key and row.doc_key.isdigit():
        candidates = [c for c in candidates if c["document_id"] == int(row.doc_key)]
    if len(candidates) > 1:
        reject(
            preview,
            read,
            row,
            "measure_code",
            QT_TRANSLATE_NOOP(
                "messages",
                "measure {code} of {unit} exists in several documents "
                "and the ledger's hidden keys are gone",
            ),
            code=row.measure_code,
            unit=unit_name,
        )
        return None
    if not candidates and not unit_name:  # (a measure code alone names no one's row)
        reject(
            preview,
            read,
            row,
            "unit",
            QT_TRANSLATE_NOOP("messages", "row {number} is filled in but has no {column} (unit)"),
            number=row.row,
            column="责任单位",
        )
        return None
    if not candidates:
        if _split_since(preview, read, row, snapshot, unit_name):
            return None
        reject(
            preview,
            read,
            row,
            "measure_code",
            QT_TRANSLATE_NOOP("messages", "no assignment of measure {code!r} to {unit!r}"),
            code=row.measure_code,
            unit=unit_name,
        )
        return None
    return candidates[0]


def rejected_rows(read: LedgerFile) -> set[tuple[str, int]]:
    """(sheet, Excel row) of the rows with a cell the reader rejected, on any sheet."""
    return {(e.sheet, _row_number(e.cell)) for e in read.errors if e.cell}


def _split_since(
    preview: FilePreview, read: LedgerFile, row: ReturnedRow, snapshot: Snapshot, unit: str
) -> bool:
    """Reject a row of a ledger older than its measure's sub-tasks (it shows ``3``, the unit
    now answers ``3-1`` and ``3-2``), naming them; False when that is not why it fails."""
    prefix = f"{row.measure_code.strip()}-"
    codes = sorted(
        (
            code
            for code, name in snapshot.by_code
            if name == unit and code.startswith(prefix) and code[len(prefix) :].isdigit()
        ),
        key=lambda code: int(code[len(prefix) :]),
    )
    if not codes:
        return False
    reject(
        preview,
        read,
        row,
        "measure_code",
        QT_TRANSLATE_NOOP(
            "messages",
            "measure {code} has been split into sub-tasks since this ledger was made "
            "({unit} now answers {tasks}): not imported; send {unit} a new ledger",
        ),
        code=row.measure_code,
        unit=unit,
        tasks="、".join(codes),
    )
    return True


def row_codes(read: LedgerFile) -> dict[tuple[str, int], str]:
    """(sheet, Excel row) → the 措施编号 the row shows, for the rows of the main sheets."""
    return {(r.sheet, r.row): r.measure_code for r in read.rows}


def code_of(codes: dict[tuple[str, int], str], sheet: str, cell: str) -> str:
    """The 措施编号 of the row ``cell`` is on (``row_codes``), empty if it has none."""
    return codes.get((sheet, _row_number(cell)), "")


def _row_number(cell: str) -> int:
    """``H12`` → 12 (0 for an address without a row)."""
    digits = cell.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    return int(digits) if digits.isdigit() else 0


def reject(
    preview: FilePreview,
    read: LedgerFile,
    row: ReturnedRow,
    field_name: str,
    template: str,
    **params: object,
) -> None:
    """Reject ``row``, naming its ``field_name`` cell (the message made only now)."""
    cell = read.cell(row.sheet, field_name, row.row)
    preview.rejected.append(
        Rejected(row.sheet, cell, Message(template, params), code=row.measure_code)
    )


def chosen_unit(
    preview: FilePreview, read: LedgerFile, snapshot: Snapshot, unit: str | None
) -> str | None:
    """The unit of a file whose hidden sheet is gone: the clerk's choice, never a guess.

    Without a choice the preview says the file needs one, with suggestions; a
    choice that is no known unit (nor an old name of one) is an error.
    """
    known = {c["unit"] for c in snapshot.by_id.values()}
    if unit is None:
        preview.needs_unit = True
        preview.unit_suggestions = unit_suggestions(
            preview.path, read.rows, known, snapshot.aliases
        )
        return None
    chosen = snapshot.aliases.get(unit, unit)
    if chosen not in known:
        preview.error = Message(
            QT_TRANSLATE_NOOP("messages", "no measure is assigned to the unit {unit!r}"),
            {"unit": unit},
        )
        return None
    return chosen
