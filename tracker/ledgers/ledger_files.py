"""Which files an import takes as ledgers, and reading one: a :class:`LedgerFile`, or the
message why it cannot be read.  Apart from ``ledger_import`` to keep that module to the
preview, apply and undo it exists for."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from importers.ledger.errors import LedgerReadError
from importers.ledger.model import LedgerFile
from importers.ledger.reader import read_ledger
from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.text_clean import is_scratch_file

LEDGER_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods")


def ledger_paths(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the spreadsheets they hold (not recursing, skipping lock and
    temporary files: ``importers.text_clean.is_scratch_file``); a file named twice (again,
    or also through its folder) is taken once, where it first comes."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.iterdir()
                    if p.suffix.lower() in LEDGER_SUFFIXES and not is_scratch_file(p.name)
                )
            )
        else:
            found.append(path)
    seen: set[str] = set()
    once: list[Path] = []
    for path in found:
        where = os.path.normcase(os.path.abspath(os.path.realpath(path)))
        if where not in seen:
            seen.add(where)
            once.append(path)
    return once


def read_file(path: Path) -> LedgerFile | Message:
    if not path.exists():
        return Message(QT_TRANSLATE_NOOP("messages", "{file}: no such file"), {"file": path.name})
    try:
        return read_ledger(path)
    except LedgerReadError as exc:
        return exc.as_message()
    except MemoryError:  # what the size checks let through still must not end the import
        return Message(
            QT_TRANSLATE_NOOP(
                "messages",
                "{file}: not enough memory to read this file; close other programs "
                "or ask the unit to send a smaller ledger",
            ),
            {"file": path.name},
        )
