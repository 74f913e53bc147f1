"""Screenshots of the window's start, drawn offscreen at 1280×800 (issue 18 items 1 and 7).

``python docs/screenshots/start_states.py`` builds the demo database in a temporary
folder and starts the application on it as ``tracker --db`` does (``ui.app.launch``,
in Chinese), saving here in ``docs/screenshots/``:

- ``start-1-frame.png``: the frame, "正在打开数据库…" in its middle, before the parts;
- ``start-2-opening.png``: the window taking input while the database opens (first rows,
  filters, navigator; the commands that need the database greyed);
- ``start-3-open.png``: the database open, every row read.

Look at them after a change to the start-up.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the repository: its packages


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    folder = Path(tempfile.mkdtemp(prefix="screenshots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    from ui.demo import build_demo_database

    database = build_demo_database(folder / "demo.sqlite3")
    from ui import app as app_module
    from ui.settings import window_settings as keys

    keys.LANGUAGE.set(keys.app_settings(), "zh_CN")
    launched = app_module.launch(["tracker", "--db", str(database)])
    assert launched is not None
    app, window = launched.app, launched.window

    def shot(name: str) -> None:
        window.setWindowState(Qt.WindowState.WindowNoState)  # (the offscreen screen is small)
        window.resize(1280, 800)
        window.repaint()
        window.grab().save(str(HERE / f"{name}.png"))

    def until(done: Callable[[], bool]) -> None:
        while not done():
            app.processEvents()

    shot("start-1-frame")
    until(lambda: window.accepts_input and window.model.rowCount() > 0)
    window.menuBar().setFocus()
    shot("start-2-opening")
    until(lambda: window.attached and window.rows.index is not None)
    for _ in range(5):
        app.processEvents()
    shot("start-3-open")
    window.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
