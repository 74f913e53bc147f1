"""Excel work ledgers (工作台账): export to units, read their returns.

Public API::

    write_ledger(LedgerWorkbook, path)  -> None
    read_ledger(path)                   -> LedgerFile   (raises LedgerReadError)
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
