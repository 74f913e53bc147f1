"""Long work off the GUI thread: a thread-pool job, a progress dialog, a Cancel that is honoured.

Reading 40 returned ledgers, writing 40 workbooks, importing a PDF or loading
100,000 rows takes seconds; done on the GUI thread it would freeze the window
(no repaint, "not responding").  ``Job`` runs a function on a pool thread and
reports back through queued signals.  ``run_with_progress`` wraps that in a
window-modal ``QProgressDialog`` and a local event loop, so a caller's flow reads
top to bottom (``result = run_with_progress(…)``) while the window keeps painting.

The function gets a ``Reporter``: ``reporter(done, total)`` updates the bar and
returns False once the clerk pressed Cancel — the work stops at its next check
(between files), never in the middle of a write.  A ``UserError`` becomes a
message; anything else is a bug and goes to the crash hook (log + apology).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
    SignalInstance,
)
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from tracker.errors import UserError
from ui.messages import app_title, translated, warn

T = TypeVar("T")
SHOW_AFTER_MS = 400
"""Quick work finishes before the dialog would flash up."""


class Reporter:
    """Handed to the work: ``reporter(done, total)`` → keep going?  Thread-safe.

    ``reporter.deliver(value)`` hands a first result to the GUI thread before the
    work has finished (e.g. rows to show while the rest is still being read).
    """

    def __init__(self, signal: SignalInstance, delivered: SignalInstance | None = None) -> None:
        self._signal = signal
        self._delivered = delivered
        self._cancel = threading.Event()

    def __call__(self, done: int, total: int) -> bool:
        self._signal.emit(done, total)
        return not self._cancel.is_set()

    def deliver(self, value: object) -> None:
        if self._delivered is not None:
            self._delivered.emit(value)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Signals(QObject):
    progressed = Signal(int, int)
    delivered = Signal(object)
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """Runs ``work(reporter)`` on a pool thread; ``signals`` report back on the GUI thread."""

    def __init__(self, work: Callable[[Reporter], Any]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it: the signals object must outlive run()
        self.work = work
        self.signals = _Signals()
        self.reporter = Reporter(self.signals.progressed, self.signals.delivered)

    def run(self) -> None:
        try:
            result = self.work(self.reporter)
        except BaseException as exc:  # handed to the GUI thread, which decides what to show
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


_running: set[Job] = set()
"""Jobs started and not yet finished: kept alive until their last signal has arrived."""


def start(
    work: Callable[[Reporter], Any],
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    progressed: Callable[[int, int], None] | None = None,
    delivered: Callable[[Any], None] | None = None,
) -> Job:
    """Run ``work`` in the background; ``done``/``failed`` (and ``progressed``,
    ``delivered``) are called on the GUI thread."""
    job = Job(work)
    _running.add(job)

    def finish(handler: Callable[[Any], None], value: Any) -> None:
        _running.discard(job)
        handler(value)

    job.signals.done.connect(lambda value: finish(done, value))
    job.signals.failed.connect(lambda exc: finish(failed, exc))
    if progressed is not None:
        job.signals.progressed.connect(progressed)
    if delivered is not None:
        job.signals.delivered.connect(delivered)
    QThreadPool.globalInstance().start(job)
    return job


def report_failure(parent: QWidget | None, exc: BaseException) -> None:
    """A ``UserError`` as a message; a bug to the crash hook (its log, the apology)."""
    if isinstance(exc, UserError):
        warn(parent, translated(exc))
    else:
        sys.excepthook(type(exc), exc, exc.__traceback__)


@dataclass
class Outcome(Generic[T]):
    """How a piece of background work ended."""

    value: T | None = None
    ok: bool = False
    cancelled: bool = False
    error: BaseException | None = None


def run_with_progress(
    parent: QWidget | None,
    label: str,
    work: Callable[[Reporter], T],
    *,
    cancellable: bool = True,
    report_errors: bool = True,
) -> Outcome[T]:
    """Run ``work`` off the GUI thread behind a progress dialog; return when it has finished.

    Errors are shown (``report_errors``) and returned in the outcome.  ``cancelled`` is
    True when the clerk pressed Cancel (the work itself decides what it kept).
    """
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle(app_title())
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    if cancellable:
        dialog.setCancelButtonText(QCoreApplication.translate("Workers", "Cancel"))
    else:
        dialog.setCancelButton(None)
    outcome: Outcome[T] = Outcome()
    loop = QEventLoop()

    def progressed(done: int, total: int) -> None:
        if total > 0:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
            if not job.reporter.cancelled:
                dialog.setLabelText(
                    QCoreApplication.translate("Workers", "{0} ({1} of {2})").format(
                        label, done, total
                    )
                )

    def cancel() -> None:
        job.reporter.cancel()
        dialog.setLabelText(QCoreApplication.translate("Workers", "Stopping…"))

    def done(value: Any) -> None:
        outcome.value, outcome.ok = value, True
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome.error = exc
        loop.quit()

    job = start(work, done, failed, progressed)
    dialog.canceled.connect(cancel)
    if job in _running:
        loop.exec()
    outcome.cancelled = job.reporter.cancelled
    dialog.canceled.disconnect(cancel)  # closing a progress dialog emits canceled
    dialog.close()
    dialog.deleteLater()
    if outcome.error is not None and report_errors:
        report_failure(parent, outcome.error)
    return outcome


def run_and_tell(
    parent: QWidget | None, label: str, work: Callable[[], T], told: Callable[[T], str]
) -> T | None:
    """Run a write the clerk cannot stop halfway (a backup, a restore, an undo), then say
    what it did (``told(result)``) in a message; the result, or None if it failed.

    Such a write has no Cancel; a failure has been shown by ``run_with_progress``.
    """
    outcome = run_with_progress(parent, label, lambda _reporter: work(), cancellable=False)
    if not outcome.ok or outcome.value is None:
        return None
    QMessageBox.information(parent, app_title(), told(outcome.value))
    return outcome.value
