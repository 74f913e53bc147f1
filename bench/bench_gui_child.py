"""The child process of ``bench.bench_gui``: start, print the time (and memory), exit.

``bare``: a bare ``QMainWindow``.  ``window DB``: the application as ``tracker
--db DB`` starts it (``ui.app.launch``: translation, window shown and painted),
stopped before the database opens.  ``complete DB``: the same, until every part
of the window (menus, filters, table, navigator…) is built and painted — the
window's frame is shown before them.  ``rows DB``: the same, left running until
the table has rows and has painted them.  ``ready DB``: until the window takes input
(its parts built, ``accepts_input``) with rows shown, while the database may still be
opening; ``open DB``: until the database is open (``attached``).  ``full DB``: until every row has
been read and indexed and the table repainted; then the peak memory is printed
too.  Times are ``time.time()``, which the parent compares with the time it
started this process.  Peak memory is the process's peak resident set size
(``VmHWM`` on Linux, else ``resource.getrusage``: POSIX only — on Windows
``psutil`` would be needed, so this prints ``None`` there).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1480, 900)
    window.show()
    app.processEvents()
    print(time.time(), flush=True)


def peak_megabytes() -> float | None:
    """The peak resident set size of this process so far, in MB (None where unknown).

    On Linux it is ``VmHWM`` from ``/proc/self/status``: ``ru_maxrss`` survives
    ``exec`` there, so a child started by a big parent would report the parent's size.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except OSError:
        pass
    try:
        import resource
    except ImportError:  # Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024  # bytes / KB


def fail_fast() -> None:
    """A child never waits for a click: a message box (an error opening the database, the
    crash hook's apology) prints its text and ends the child with status 3, and a child
    still running after 90 s prints every thread's stack (``faulthandler``) and ends.  An
    offscreen message box is one nobody can close: that is how a failed start looked like
    a start that "never exited"."""
    import faulthandler

    from PySide6.QtWidgets import QMessageBox

    def refuse(*args: object, **_kwargs: object) -> None:
        print("message box:", *(str(a) for a in args[1:3]), file=sys.stderr, flush=True)
        os._exit(3)

    for kind in ("critical", "warning", "information", "question"):
        setattr(QMessageBox, kind, staticmethod(refuse))
    faulthandler.dump_traceback_later(90, exit=True)


def application(database: str, mode: str) -> None:
    from PySide6.QtCore import QSettings

    fail_fast()

    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["BENCH_SETTINGS"]
    )
    from ui import app as app_module

    if hasattr(app_module, "launch"):
        launched = app_module.launch(["tracker", "--db", database])
        assert launched is not None
        app, window = launched.app, launched.window
    else:  # an older ui.app (to measure the code before a change with this same bench)
        app, window = _older_launch(app_module, database)
    if mode == "window":
        print(time.time(), flush=True)
        os._exit(0)  # the database's opening is not measured here
    if mode == "complete":  # every part built and painted (the frame came first)
        while not getattr(window, "built", True):
            app.processEvents()
        window.repaint()
        print(time.time(), flush=True)
        os._exit(0)
    from PySide6.QtCore import QTimer

    def ready() -> bool:
        if not getattr(window, "built", True):
            return False
        if mode == "rows":
            return window.model.rowCount() > 0
        if mode == "ready":  # takes input, rows shown (the database may still be opening)
            ready = getattr(window, "accepts_input", getattr(window, "attached", True))
            return bool(ready) and window.model.rowCount() > 0
        if mode == "open":
            return bool(getattr(window, "attached", True))
        holder = getattr(window, "rows", window)  # (its RowLoader; an older window held it)
        everything = getattr(holder, "index", getattr(window, "everything", None))
        return everything is not None and window.model.rowCount() > 0

    def check() -> None:
        if ready():
            # painted now, not at the next idle moment
            (window if mode in ("ready", "open") else window.table.viewport()).repaint()
            print(time.time(), flush=True)
            if mode == "full":
                print(peak_megabytes(), flush=True)
            app.quit()
        else:
            QTimer.singleShot(2, check)

    check()
    app.exec()
    os._exit(0)  # the background read of every row need not finish


def _older_launch(app_module, database: str):  # type: ignore[no-untyped-def]
    """What ``ui.app.main`` did before ``launch`` existed, up to the event loop."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ui.settings import window_settings as keys

    app = QApplication(["tracker"])
    app.setOrganizationName(keys.ORGANIZATION)
    app.setApplicationName(keys.APPLICATION)
    app_module.CrashHandler(app_module.setup_logging()).install()
    settings = keys.app_settings()
    app_module.install_translation(app, keys.LANGUAGE.value(settings))
    window = app_module.MainWindow(None, settings)
    window.show()
    app.processEvents()
    QTimer.singleShot(0, lambda: app_module.open_in_background(window, database))
    return app, window


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    else:
        application(sys.argv[2], mode)
