"""Excel work ledgers (工作台账): export to units, read their returns.

Public API::

    write_ledger(LedgerWorkbook, path)  -> None
    read_ledger(path)                   -> LedgerFile   (raises LedgerReadError)

An exported data sheet has the title in row 1 (merged), 填报单位/调度轮次/截至日期
in row 2, the header in row 3 and one row per assignment from row 4.  Columns
序号…完成时限 are locked, 完成状态…联系电话 are for the unit.  A hidden sheet
(``_台账元数据``) records each row's key and exported fill-in values, so the
reader can return, for every row, the key (found by position, or by measure
code + unit after sorting) and what was sent out (``ReturnedRow.exported``).

The reader accepts .xlsx, .xls and .ods, finds columns by header text, and
refuses unsafe or foreign files with :class:`LedgerReadError`; bad cells are
listed in ``LedgerFile.errors`` and do not stop the rest of the file.
"""

from importers.ledger.errors import LedgerReadError
from importers.ledger.model import (
    CellError,
    ExportedValue,
    LedgerFile,
    LedgerMeta,
    LedgerRow,
    LedgerSheet,
    LedgerWorkbook,
    MetaEntry,
    ReturnedRow,
    UnitSummary,
)
from importers.ledger.reader import read_ledger
from importers.ledger.statuses import STATUSES, UNIT_STATUSES, normalize_status
from importers.ledger.writer import write_ledger

__all__ = [
    "STATUSES",
    "UNIT_STATUSES",
    "CellError",
    "ExportedValue",
    "LedgerFile",
    "LedgerMeta",
    "LedgerReadError",
    "LedgerRow",
    "LedgerSheet",
    "LedgerWorkbook",
    "MetaEntry",
    "ReturnedRow",
    "UnitSummary",
    "normalize_status",
    "read_ledger",
    "write_ledger",
]
