"""Screenshots of the window at office screen sizes, drawn offscreen (issue 18 item 2).

``python docs/screenshots/office_sizes.py`` builds the demo database
in a temporary folder, opens the window in Chinese at 1280×800 and 1366×768 (and at
125 %/150 % scaling with ``--scale``) and saves a PNG of each tab and of the dialogs
a clerk opens most (the 考核得分 tab scored for a round made as of today), here in
``docs/screenshots/``.  Look at them after a layout change.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))  # the repository: its packages
SIZES = ((1280, 800), (1366, 768))


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", default="1", help="QT_SCALE_FACTOR (1, 1.25, 1.5)")
    parser.add_argument("--out", type=Path, default=HERE)
    options = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_SCALE_FACTOR"] = options.scale
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication, QWidget

    from tracker.services import Services
    from ui.app import install_translation
    from ui.demo import build_demo_database
    from ui.theme import apply_theme
    from ui.window.main_window import MainWindow

    app = QApplication(["screenshots"])
    install_translation(app, "zh_CN")
    apply_theme(app)
    folder = Path(tempfile.mkdtemp(prefix="screenshots-"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    services = Services.open(build_demo_database(folder / "demo.sqlite3"))
    services.rounds.create("本季度调度", services.today())  # a round for the 考核得分 tab
    suffix = "" if options.scale == "1" else f"@{options.scale}x"

    def save(widget: QWidget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        widget.grab().save(str(options.out / f"{name}{suffix}.png"))

    for width, height in SIZES:
        settings = QSettings(str(folder / f"{width}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(services, settings)
        window.setWindowState(Qt.WindowState.WindowNoState)  # (the offscreen screen is small)
        window.resize(width, height)
        window.show()
        app.processEvents()
        while window.rows.index is None:  # every row read
            app.processEvents()
        window.table.selectRow(0)
        tabs = window.tabs
        pages = {
            "assignments": 0,
            "board": tabs.indexOf(window.board_page),
            "dashboard": tabs.indexOf(window.dashboard_page),
            "scores": tabs.indexOf(window.scores_tab.page),
        }
        for name, tab in pages.items():
            tabs.setCurrentIndex(tab)
            save(window, f"{width}x{height}-{name}")
        window.tabs.setCurrentIndex(0)
        for name, dialog in _dialogs(window, services):
            dialog.show()
            save(dialog, f"{width}x{height}-{name}")
            dialog.close()
        window.rows.closed = True
        window.hide()
    services.close()
    return 0


def _dialogs(window, services):  # type: ignore[no-untyped-def]
    """The dialogs a clerk opens most, built as the window's commands build them."""
    from ui.reports.report_preview import ReportDialog
    from ui.settings.settings_dialog import SettingsDialog

    yield (
        "settings",
        SettingsDialog(
            services.settings,
            services.backups,
            window.settings,
            services.database_location(),
            window,
        ),
    )
    yield (
        "report",
        ReportDialog(services.reports, services.rounds, services.units, window, services.today()),
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
