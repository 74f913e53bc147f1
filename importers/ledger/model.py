"""The plain data a ledger workbook is made from and read back into.

This is the contract between the ledger file format and the services: the
export service builds a :class:`LedgerWorkbook` from the database and hands it
to :func:`~importers.ledger.writer.write_ledger`; the import service gets a
:class:`LedgerFile` from :func:`~importers.ledger.reader.read_ledger` and does
the matching, conflict detection and applying.  Nothing here knows about the
database, sessions or Qt.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal, NamedTuple

from importers.ledger.statuses import STATUSES
from importers.messages import Message

ExportedValue = str | int | None
"""A fill-in cell's value as exported: text, a percent, or nothing."""


@dataclass(frozen=True)
class LedgerRow:
    """One measure assigned to one unit: one data row of the ledger.

    ``key`` is the caller's stable identifier of the assignment (e.g. the
    database id as text); it is written only to the hidden metadata sheet and
    comes back as :attr:`ReturnedRow.key`.  ``deadline_text`` is shown in the
    完成时限 column when given (``"2021年6月底前"``, ``"长期坚持"``), otherwise
    ``deadline`` is shown as a date.
    """

    key: str
    measure_code: str
    task: str
    content: str
    lead_units: str
    unit: str
    deadline: date | None = None
    deadline_text: str = ""
    status: str = ""
    percent: int | None = None
    progress: str = ""
    problems: str = ""
    next_steps: str = ""
    contact: str = ""
    phone: str = ""
    support_units: str = ""
    """配合单位: the measure's units other than its leads."""
    milestones: str = ""
    """时间节点: the measure's dated steps, one a line."""
    delay_reason: str = ""
    """未按期完成原因 as last reported."""
    evidence: str = ""
    """佐证材料 as last reported."""
    extension_to: date | None = None
    """申请延期至: sent out empty; what the unit types there is a new request."""
    extension_reason: str = ""

    def __post_init__(self) -> None:
        if self.status and self.status not in STATUSES:
            raise ValueError(f"status {self.status!r} is not one of {STATUSES}")
        if self.percent is not None and not 0 <= self.percent <= 100:
            raise ValueError(f"percent {self.percent} is outside 0–100")


@dataclass(frozen=True)
class FindingLine:
    """One open inspection finding (督查发现的问题): a row of the unit's 整改台账 sheet.

    ``key`` is the caller's identifier (``F<id>``), written to a hidden column with the
    fill-in values as sent, and read back as :attr:`ReturnedFinding.key`.
    """

    key: str
    inspection: str
    problem: str
    requirement: str
    deadline: date
    status: str
    percent: int | None = None
    progress: str = ""
    evidence: str = ""


@dataclass(frozen=True)
class ReturnedFinding:
    """A row of a returned 整改台账, values normalized; ``exported`` the fill-in values as
    sent (``None`` when the hidden columns are gone), ``key`` ``None`` likewise."""

    sheet: str
    row: int
    key: str | None
    problem: str
    status: str | None
    percent: int | None
    progress: str
    evidence: str
    exported: dict[str, ExportedValue] | None = None


@dataclass(frozen=True)
class LedgerSheet:
    """One printed table, usually one policy document's measures.

    ``title`` is the merged title line (``"持续优化营商环境若干措施工作台账"``);
    ``name`` the sheet tab (at most 31 characters, Excel's limit) — left empty,
    the writer derives it: ``台账`` for a single sheet, else from the title.
    """

    title: str
    doc_key: str
    rows: list[LedgerRow] = field(default_factory=list)
    name: str = ""
    headings: tuple[tuple[int, str], ...] = ()
    """Lines printed above a row, as (index into ``rows``, text), in ``rows``' order: the
    master's heading over a group's members (``各市、县（区）（5个）· 2/5 完成``)."""

    def lines(self, first: int) -> list[tuple[int, LedgerRow | str]]:
        """Every line below the header with its Excel row, from row ``first`` on: the
        data rows, each heading just above the row it names."""
        above: dict[int, list[str]] = {}
        for index, text in self.headings:
            above.setdefault(index, []).append(text)
        found: list[LedgerRow | str] = []
        for index, row in enumerate(self.rows):
            found.extend(above.get(index, ()))
            found.append(row)
        return list(enumerate(found, start=first))


@dataclass(frozen=True)
class UnitSummary:
    """One line of the master ledger's 汇总 sheet."""

    unit: str
    assigned: int
    by_status: dict[str, int] = field(default_factory=dict)
    overdue: int = 0
    reporting: str = ""
    """报送情况 of the round: 按时报送, 逾期报送, 未报送, or empty (no ledger sent)."""


@dataclass(frozen=True)
class LedgerWorkbook:
    """Everything one exported file contains.

    ``kind`` is ``"unit"`` for the ledger sent to one unit (``unit`` set) and
    ``"master"`` for the office's own ledger of all units, which also carries
    the ``summary`` sheet.
    """

    kind: Literal["unit", "master"]
    unit: str | None
    round_name: str
    as_of: date
    exported_at: datetime
    office: str
    sheets: list[LedgerSheet]
    summary: list[UnitSummary] | None = None
    summary_notes: tuple[str, ...] = ()
    """Lines printed under the 汇总 table (the round's 报送情况)."""
    findings: list[FindingLine] = field(default_factory=list)
    """The unit's open findings: a second sheet, 整改台账, when there are any."""
    due_back: date | None = None
    """The round's 报送截止日期: a unit's ledger says by when it is to be returned."""

    def __post_init__(self) -> None:
        if self.kind not in ("unit", "master"):
            raise ValueError(f"kind must be 'unit' or 'master', not {self.kind!r}")
        if self.kind == "unit" and not self.unit:
            raise ValueError("a unit ledger needs the unit it is sent to")
        if not self.sheets and not self.findings and self.kind == "unit":
            raise ValueError("a unit ledger needs at least one sheet")


@dataclass(frozen=True)
class CellError:
    """A cell the reader could not accept; ``cell`` is ``A1``-style, ``sheet`` may be ``""``
    for a problem with the whole file or sheet."""

    sheet: str
    cell: str
    reason: Message

    def __str__(self) -> str:
        where = f"{self.sheet}!{self.cell}" if self.cell else self.sheet
        return f"{where}: {self.reason}" if where else str(self.reason)


class MetaEntry(NamedTuple):
    """What the hidden sheet remembers about one exported data row.

    A named tuple, made from the hidden sheet's columns in one call a row, as
    :class:`ReturnedRow` is."""

    sheet: str
    row: int
    key: str
    measure_code: str
    unit: str
    exported: dict[str, ExportedValue]
    deadline: str | None = None
    """完成时限 as printed (``printed_deadline``); ``None`` in ledgers written before
    the hidden sheet kept it."""
    content: str | None = None
    """A digest of 具体内容 as sent (``content_digest``); ``None`` in older ledgers."""


@dataclass(frozen=True)
class LedgerMeta:
    """The hidden metadata sheet of an exported ledger, as read back."""

    format_version: int
    kind: str
    unit: str | None
    round_name: str
    as_of: date | None
    exported_at: datetime | None
    office: str
    sheets: dict[str, str]
    """Sheet tab name → ``doc_key``."""
    entries: list[MetaEntry]


class ReturnedRow(NamedTuple):
    """One data row of a returned ledger, values normalized.

    ``key`` is the exported row's key when it could be identified (by position,
    or by measure code + unit after the unit sorted or inserted rows), else
    ``None``.  ``exported`` holds the fill-in values as they were sent out, so
    the service can tell what the unit actually changed.

    A named tuple, not a frozen dataclass: as immutable, but made from the reader's
    columns in one call (a master ledger has 10,000 rows; a frozen dataclass's
    ``__init__`` sets each of its 21 fields through ``object.__setattr__``, ≈ 4 µs a
    row).  Change a copy with ``_replace``.
    """

    sheet: str
    row: int
    key: str | None
    measure_code: str
    unit: str
    status: str | None
    percent: int | None
    progress: str
    problems: str
    next_steps: str
    contact: str
    phone: str
    exported: dict[str, ExportedValue] | None = None
    doc_key: str | None = None
    deadline: date | None = None
    deadline_text: str = ""
    content: str = ""
    """具体内容 as returned (a locked column: an edit is listed, never written)."""
    delay_reason: str = ""
    evidence: str = ""
    extension_to: date | None = None
    """申请延期至: the new deadline the unit asks for (with ``extension_reason``)."""
    extension_reason: str = ""


@dataclass(frozen=True)
class LedgerFile:
    """A returned ledger file, read."""

    file_name: str
    sha256: str
    meta: LedgerMeta | None
    rows: list[ReturnedRow]
    errors: list[CellError]
    keys_found: bool
    columns: dict[str, dict[str, str]] = field(default_factory=dict)
    """Per sheet, the column letter each field was found in (units move columns)."""
    findings: list[ReturnedFinding] = field(default_factory=list)
    """The rows of the 整改台账 sheet (``importers.ledger.finding_sheet``), if it has one."""

    def cell(self, sheet: str, field_name: str, row: int) -> str:
        """The ``A1``-style address of a field in a row, for messages."""
        return f"{self.columns.get(sheet, {}).get(field_name, 'A')}{row}"
