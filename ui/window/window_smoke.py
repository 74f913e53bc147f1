"""``督办台账 --smoke``: the frozen build's smoke test, the window included.

``tracker-cli smoke`` proves the services and file formats work in a build; this adds
what only the window needs: Qt's platform plugin, the widgets, the compiled Chinese
translation found through ``ui.resources``, and the start-up that opens a database on a
worker thread.  It runs ``tracker.cli.smoke.run_smoke`` in a temporary folder, then starts
the real window (``ui.app.launch``) on the database that made, waits until the database
is attached, checks the title is translated, and closes.  Settings go to the temporary
folder too, so a check on a clerk's PC leaves her settings alone.  Exit status 0, or 1
with the failed step on stderr.  Run it with ``QT_QPA_PLATFORM=offscreen`` where there is
no display.
"""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings, QTimer

ENGLISH_TITLE = "Measure Tracker"
TIMEOUT_MS = 60_000


class WindowSmokeFailure(Exception):
    """The window could not be shown, or its database was not attached in time."""


def window_smoke(database: Path, timeout_ms: int = TIMEOUT_MS) -> str:
    """Start the window on ``database`` and wait until it is usable; return its title."""
    from ui.app import launch

    launched = launch(["督办台账", "--db", str(database)])
    if launched is None:
        raise WindowSmokeFailure("the window could not be shown (the log says why)")
    window, failures = launched.window, launched.failures
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(50)
    poll.timeout.connect(lambda: loop.quit() if failures or window.attached else None)
    poll.start()
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    poll.stop()
    try:
        if failures:
            raise WindowSmokeFailure(f"the database did not open: {failures[0]}")
        if not window.attached:
            raise WindowSmokeFailure(f"the database was not open after {timeout_ms} ms")
        return window.windowTitle()
    finally:
        window.close()


def _say(text: str, stream: object) -> None:
    """Print where there is a console (a windowed Windows build has none)."""
    if stream is not None:
        print(text, file=stream)  # type: ignore[call-overload]


def main(argv: Sequence[str]) -> int:
    """``督办台账 --smoke [--document FILE]``: every step, then the window."""
    from tracker.cli.smoke import DATABASE_NAME, SmokeFailure, run_smoke

    args = list(argv[1:])
    document = Path(args[args.index("--document") + 1]) if "--document" in args else None
    with tempfile.TemporaryDirectory(prefix="tracker-smoke-", ignore_cleanup_errors=True) as tmp:
        folder = Path(tmp)
        QSettings.setPath(
            QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder / "settings")
        )
        try:
            result = run_smoke(folder / "work", document)
            title = window_smoke(folder / "work" / DATABASE_NAME)
        except (SmokeFailure, WindowSmokeFailure) as exc:
            _say(f"督办台账: smoke test failed: {exc}", sys.stderr)
            return 1
        if title == ENGLISH_TITLE:
            _say("督办台账: smoke test failed: the window is not translated", sys.stderr)
            return 1
        for line in [*result.lines(), f"window: {title}"]:
            _say(line, sys.stdout)
        _say("smoke test passed", sys.stdout)
        QCoreApplication.processEvents()
    return 0
