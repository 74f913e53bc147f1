"""The child process of ``bench.bench_gui``: show a window, print the time, exit.

``bare``: a bare ``QMainWindow``.  ``window DB``: the application's window as
``ui.app.main`` builds it.  ``rows DB``: the same, waiting until the table has
rows and has painted them.  The printed value is ``time.time()``, which the
parent compares with the time it started this process.
"""

from __future__ import annotations

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


def application(database: str, wait_for_rows: bool) -> None:
    import os

    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ui import app as app_module
    from ui.main_window import MainWindow

    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, os.environ["BENCH_SETTINGS"]
    )
    app = QApplication(sys.argv[:1])
    window = MainWindow(None)
    window.show()
    app.processEvents()
    if not wait_for_rows:
        print(time.time(), flush=True)
        return
    QTimer.singleShot(0, lambda: app_module.open_in_background(window, database))

    def check() -> None:
        if window.model.rowCount() > 0:
            window.table.viewport().repaint()  # painted now, not at the next idle moment
            print(time.time(), flush=True)
            app.quit()
        else:
            QTimer.singleShot(2, check)

    check()
    app.exec()
    os._exit(0)  # the background load of every row need not finish


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "bare":
        bare()
    else:
        application(sys.argv[2], wait_for_rows=mode == "rows")
