"""Event-loop stalls while the window works at office scale: a heartbeat timer's gaps.

A ``QTimer`` fires every 20 ms on the GUI thread and notes the time; when the loop
is held up (work done on the GUI thread, or a worker holding Python's lock), the
next beat comes late.  The gap between two beats is what a clerk feels as a frozen
window: the target is no gap over 100 ms.  The window (``MainWindow`` over an
office database made by ``bench.generate``) runs its real conversations, the
modal dialogs answered in code: a policy document imported (parsed, planned,
written, the window reloaded), every unit's ledger and the master exported, one
returned ledger previewed and applied, the window reloaded (F5), and the bulletin
saved as PDF.  Each is measured from the command until its result is on screen.

    python -m bench.bench_stalls [--assignments 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import faulthandler
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from unittest import mock

from bench.generate import generate
from bench.timing import Timing

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
DOCUMENT = "07_shandong-luzhengfa_shidagongcheng_2023-11.txt"
BEAT_MS = 20
STALL_MS = 100


@dataclass(frozen=True)
class Stalls:
    """One operation's heartbeat: how long it took, its longest gap, the gaps over 100 ms."""

    seconds: float
    longest_ms: float
    over: int

    def __str__(self) -> str:
        return (
            f"{self.seconds * 1000:.0f} ms, longest gap {self.longest_ms:.0f} ms, "
            f"{self.over} gaps > {STALL_MS} ms"
        )


class Heartbeat:
    """A 20 ms timer on the GUI thread noting when it fired."""

    def __init__(self, dump_after_ms: int = 0) -> None:
        """``dump_after_ms``: a beat that late dumps every thread's stack to stderr
        (``faulthandler``, from a thread of its own: it works while the lock is held)."""
        from PySide6.QtCore import Qt, QTimer

        self.beats: list[float] = []
        self.dump_after_ms = dump_after_ms
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(self._beat)

    def _beat(self) -> None:
        self.beats.append(time.perf_counter())
        if self.dump_after_ms:
            faulthandler.cancel_dump_traceback_later()
            faulthandler.dump_traceback_later(self.dump_after_ms / 1000)

    @contextmanager
    def listening(self) -> Iterator[list[Stalls]]:
        """Beats while the block runs (nested event loops included); its ``Stalls`` after."""
        result: list[Stalls] = []
        self.beats = [time.perf_counter()]
        self.timer.start()
        if self.dump_after_ms:  # the wait for the first beat is watched too
            faulthandler.dump_traceback_later(self.dump_after_ms / 1000)
        try:
            yield result
        finally:
            self.timer.stop()
            faulthandler.cancel_dump_traceback_later()
            self.beats.append(time.perf_counter())
            gaps = [(b - a) * 1000 for a, b in zip(self.beats, self.beats[1:], strict=False)]
            result.append(
                Stalls(
                    self.beats[-1] - self.beats[0],
                    max(gaps),
                    sum(gap > STALL_MS for gap in gaps),
                )
            )


def wait_until(done: Callable[[], bool], timeout_s: float = 600.0) -> None:
    """Run the event loop until ``done()`` (the window's background reads arrive)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("the window did not finish")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        time.sleep(0.002)


def reloaded(window) -> Callable[[], bool]:  # type: ignore[no-untyped-def]
    """Whether a reload started now has shown its rows (its background read arrived)."""
    before = window.rows.index
    loading = window.rows._loading
    return lambda: (
        window.rows.index is not None
        and (window.rows.index is not before or window.rows._loading == loading)
    )


def unit_answers(sent: Path, returned: Path) -> Path:
    """The unit's work on its ledger: every row's 进展情况 written anew, saved as ``returned``."""
    import openpyxl

    book = openpyxl.load_workbook(sent)
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value == "序号")
    column = next(
        c for c in range(1, sheet.max_column + 1) if sheet.cell(header, c).value == "进展情况"
    )
    for row in range(header + 1, sheet.max_row + 1):
        if sheet.cell(row, 1).value is not None:
            sheet.cell(row, column).value = f"已推进（{time.time():.0f}）"
    book.save(returned)
    return returned


def operations(window, folder: Path) -> dict[str, Callable[[], Callable[[], bool]]]:  # type: ignore[no-untyped-def]
    """Each operation: start it (dialogs answered in code); returns when it is on screen."""
    from PySide6.QtWidgets import QDialog, QMessageBox

    from ui.documents import import_flow
    from ui.ledgers.ledger_export_dialog import LedgerExportDialog
    from ui.ledgers.ledger_import_dialog import LedgerImportDialog
    from ui.reports.report_preview import ReportDialog

    accepted = int(QDialog.DialogCode.Accepted)
    counter = {"export": 0, "document": 0}

    def import_document() -> Callable[[], bool]:
        counter["document"] += 1
        source = folder / f"文件{counter['document']}.txt"  # a new document each run
        text = (CORPUS / DOCUMENT).read_text(encoding="utf-8")
        source.write_text(f"{text}\n（第{counter['document']}次印发）\n", "utf-8")
        done = reloaded(window)
        with (
            mock.patch.object(import_flow, "choose_policy_file", lambda _p: source),
            mock.patch.object(import_flow.ImportPreviewDialog, "exec", lambda _d: accepted),
            mock.patch.object(import_flow.ImportOutcomeDialog, "exec", lambda _d: accepted),
        ):
            window.commands.import_document()
        return done

    def export(dialog: LedgerExportDialog) -> int:
        counter["export"] += 1
        dialog.folder.setText(str(folder / f"out{counter['export']}"))
        dialog.export()
        return accepted

    def export_ledgers() -> Callable[[], bool]:
        with (
            mock.patch.object(LedgerExportDialog, "exec", export),
            mock.patch.object(
                QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Close
            ),
        ):
            window.commands.export_ledgers()
        return lambda: True

    def take_back(dialog: LedgerImportDialog) -> int:
        dialog.apply()
        return accepted

    def import_ledger() -> Callable[[], bool]:
        sent = sorted((folder / f"out{counter['export']}").glob("*_工作台账.xlsx"))[0]
        returned = unit_answers(sent, folder / sent.name)
        done = reloaded(window)
        with (
            mock.patch.object(LedgerImportDialog, "exec", take_back),
            mock.patch.object(QMessageBox, "information", lambda *_a: None),
        ):
            window.commands.take_back_ledgers([returned])
        return done

    def reload() -> Callable[[], bool]:
        done = reloaded(window)
        window.actions_.refresh.trigger()
        return done

    def bulletin() -> Callable[[], bool]:
        pdf = folder / "通报.pdf"
        saved: list[str] = []

        def save(dialog: ReportDialog) -> int:
            dialog.saved.connect(saved.append)
            with mock.patch.object(ReportDialog, "choose_file", lambda _d, _s: pdf):
                dialog._save(".pdf")
            wait_until(lambda: bool(saved))
            return accepted

        with mock.patch.object(ReportDialog, "exec", save):
            window.commands.print_report()
        return lambda: True

    return {
        "import a policy document (parse, plan, write, reload)": import_document,
        "export every unit's ledger and the master": export_ledgers,
        "take back one returned ledger (preview, apply, reload)": import_ledger,
        "reload the window (F5)": reload,
        "save the bulletin as PDF": bulletin,
    }


def run(
    assignments: int = 10_000, runs: int = 3, dump_after_ms: int = 0, only: str = ""
) -> list[tuple[str, list[Stalls]]]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from tracker.services import Services
    from ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication(["bench"])
    folder = Path(tempfile.mkdtemp(prefix="stalls-"))
    try:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
        database = folder / "office.sqlite3"
        generate(database, assignments, rounds=4).close()
        services = Services.open(database)
        services.rounds.create("2021年第4季度", date(2021, 12, 31))
        window = MainWindow(services)
        window.show()
        wait_until(lambda: window.rows.index is not None)
        heart = Heartbeat(dump_after_ms)
        figures: list[tuple[str, list[Stalls]]] = []
        for name, operation in operations(window, folder).items():
            if only and only not in name and "export" not in name:  # (the import needs one)
                continue
            measured: list[Stalls] = []
            for _ in range(runs):
                with heart.listening() as result:
                    wait_until(operation())
                measured += result
                wait_until(lambda: window.rows.index is not None)
            figures.append((name, measured))
            print(f"{name}: " + "; ".join(str(s) for s in measured), flush=True)
        window.close()
        app.processEvents()
        return figures
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def bench(assignments: int = 10_000, runs: int = 3) -> list[tuple[str, Timing, str]]:
    """The rows of ``bench/results.md``: each operation's time, its longest heartbeat gap."""
    rows = []
    for name, measured in run(assignments, runs):
        seconds = [s.seconds for s in measured]
        timing = Timing(statistics.median(seconds), min(seconds), max(seconds), len(seconds))
        longest = max(s.longest_ms for s in measured)
        over = sum(s.over for s in measured)
        note = (
            f"longest event-loop gap {longest:.0f} ms, {over} gaps > {STALL_MS} ms "
            f"in {len(measured)} runs; target: none > {STALL_MS} ms"
        )
        rows.append((f"{assignments:,} assignments, window: {name}", timing, note))
    return rows


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    parser = argparse.ArgumentParser(prog="bench.bench_stalls")
    parser.add_argument("--assignments", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dump-after", type=int, default=0, help="ms: dump the stacks then")
    parser.add_argument("--only", default="", help="the operations whose name has this")
    parser.add_argument("--switch-ms", type=float, default=0.0, help="sys.setswitchinterval")
    args = parser.parse_args()
    if args.switch_ms:
        sys.setswitchinterval(args.switch_ms / 1000)
    for name, measured in run(args.assignments, args.runs, args.dump_after, args.only):
        longest = max(s.longest_ms for s in measured)
        took = statistics.median(s.seconds for s in measured) * 1000
        print(f"| {name} | {took:.0f} ms | {longest:.0f} ms | {sum(s.over for s in measured)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
