"""Ledger export and import against the plain libraries doing the same reads and writes."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
from python_calamine import CalamineWorkbook

from bench.generate import generate
from bench.timing import Timing, measure
from tracker.ledgers.ledger_import import LedgerImporter
from tracker.services import Services


def _plain_write(source: Path, target: Path) -> Callable[[], None]:
    """openpyxl write-only writing the very cells our ledger holds (values only)."""
    book = CalamineWorkbook.from_path(str(source))
    sheets = [(name, book.get_sheet_by_name(name).to_python()) for name in book.sheet_names]

    def write() -> None:
        wb = openpyxl.Workbook(write_only=True)
        for name, rows in sheets:
            ws = wb.create_sheet(name)
            for row in rows:
                ws.append(row)
        wb.save(target)

    return write


def _plain_read(path: Path) -> None:
    book = CalamineWorkbook.from_path(str(path))
    for name in book.sheet_names:
        for _row in book.get_sheet_by_name(name).iter_rows():
            pass


def bench_export(rows: int) -> list[tuple[str, Timing, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = generate(folder / "big.sqlite3", rows, rounds=1)
        services = Services.over(store)
        services.rounds.create("基准轮", date(2021, 12, 31))
        exporter = services.ledger_export
        ours = measure(lambda: exporter.export_master("基准轮", folder / "out"), runs=5)
        master = next((folder / "out").glob("*.xlsx"))
        plain = _plain_write(master, folder / "plain.xlsx")
        base = measure(plain, runs=5)
        store.close()
    ratio = ours.median / base.median
    return [
        (
            f"export the master ledger, {rows:,} rows",
            ours,
            f"{ratio:.2f}× plain openpyxl write-only, same cells ({base.ms()}); target ≤ 1.3×",
        )
    ]


def _change_most_rows(ws: Any) -> None:
    """A heavy return: nine rows in ten get a new status, percent and 进展情况, found by
    their headers (the columns move as the ledger gains some)."""
    at = {ws.cell(3, c).value: c for c in range(1, ws.max_column + 1)}
    status, percent, progress = at["完成状态"], at["完成进度(%)"], at["进展情况"]
    for r in range(4, ws.max_row + 1):
        if r % 10 == 0 or isinstance(ws.cell(r, 1).value, str):  # every tenth; a heading
            continue
        done = r % 3 == 0
        ws.cell(r, status).value = "已完成" if done else "推进中"
        ws.cell(r, percent).value = 100 if done else 10 + r % 80
        ws.cell(r, progress).value = f"第{r}行新进展"


def bench_import(rows: int) -> list[tuple[str, Timing, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        store = generate(folder / "big.sqlite3", rows, rounds=1)
        services = Services.over(store)
        services.rounds.create("基准轮", date(2021, 12, 31))
        master = services.ledger_export.export_master("基准轮", folder)
        wb = openpyxl.load_workbook(master)
        for ws in wb.worksheets[1:]:
            if ws.sheet_state != "visible":
                continue
            _change_most_rows(ws)
        returned = folder / "returned.xlsx"
        wb.save(returned)
        state: dict[str, LedgerImporter] = {}

        def setup() -> None:
            """Undo the previous run; a new importer, so the file is really read again."""
            if "importer" in state:
                state["importer"].undo_last()
            state["importer"] = Services.over(store).ledger_import

        def preview_and_apply() -> None:
            importer = state["importer"]
            importer.apply([returned], expected=importer.preview([returned]))

        ours = measure(preview_and_apply, runs=5, setup=setup)
        base = measure(lambda: _plain_read(returned), runs=5)
        ours_cpu = measure(preview_and_apply, runs=5, setup=setup, clock=time.process_time)
        base_cpu = measure(lambda: _plain_read(returned), runs=5, clock=time.process_time)
        store.close()
    ratio = ours.median / base.median
    cpu_ratio = ours_cpu.median / base_cpu.median
    return [
        (
            f"import (preview + apply) of a {rows:,}-row ledger, 9 rows in 10 changed",
            ours,
            f"{ratio:.2f}× plain python-calamine read ({base.ms()}); by CPU time "
            f"{cpu_ratio:.2f}× ({ours_cpu.ms()} against {base_cpu.ms()}); target ≤ 2×",
        )
    ]
