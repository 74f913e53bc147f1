"""Re-make the screenshots in this folder, as a clerk would see the window (Chinese, 1600×960).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/make_screenshots.py

Uses the real seed documents from ../shared/seeds when they are there (the demo
document otherwise), with progress filled in deterministically and the date
fixed to 2021-09-01, so the pictures only change when the window does.
Needs the compiled translation (``pyside6-lrelease``, run by ``dev.py app``).
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from tracker.progress import Change  # noqa: E402
from tracker.services import Services  # noqa: E402
from tracker.statuses import Status  # noqa: E402
from tracker.store import Clock  # noqa: E402
from ui.app import install_translation  # noqa: E402
from ui.demo import demo_document  # noqa: E402
from ui.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent
SEEDS = ROOT.parent / "shared" / "seeds"
TODAY = date(2021, 9, 1)
NOTES = [
    "已制定实施方案，正在推进",
    "已完成系统升级改造",
    "已印发配套文件",
    "正在征求相关部门意见",
    "已上线试运行，群众反响良好",
    "已组织专题培训",
]


def fill(path: Path) -> None:
    services = Services.open(path, clock=Clock(TODAY), user="张明")
    seeds = sorted(SEEDS.glob("00[03]_*.txt")) if SEEDS.is_dir() else []
    for seed in seeds:
        services.documents.import_file(seed)
    if not seeds:
        from importers.policy.parser import SourceInfo

        services.documents.import_parsed(demo_document(TODAY), SourceInfo("演示.txt", "0" * 64, 0))
    rng = random.Random(7)
    for row in services.overview.assignments():
        roll = rng.random()
        note = rng.choice(NOTES)
        if roll < 0.35:
            percent = rng.choice([20, 40, 50, 60, 80])
            change = Change(status=Status.IN_PROGRESS, percent=percent, note=note)
            services.progress.record(row.id, change, source="2021年第2季度台账")
        elif roll < 0.5:
            services.progress.record(row.id, Change(status=Status.DONE, percent=100, note=note))
            if rng.random() < 0.5:
                services.progress.tick_off(row.id)
    services.close()


Step = Callable[[], None]


def shoot(window: MainWindow, name: str, prepare: Step, then: Step) -> None:
    prepare()
    window.show_current_detail()
    QTimer.singleShot(300, lambda: (window.grab().save(str(OUT / name)), then()))


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    install_translation(app, "zh_CN")
    fill(folder / "screens.sqlite3")
    window = MainWindow(Services.open(folder / "screens.sqlite3", clock=Clock(TODAY)))
    window.resize(1600, 960)
    window.show()
    empty = MainWindow(Services.open(folder / "empty.sqlite3", clock=Clock(TODAY)))
    empty.resize(1200, 760)

    def overdue() -> None:
        window.filters.choose_unit("自治区市场监管厅")
        window.filters.overdue.setChecked(True)
        window.table.selectRow(0)

    def first_run() -> None:
        empty.show()

    steps = [
        (window, "main_window.png", lambda: window.table.selectRow(3)),
        (window, "main_window_overdue.png", overdue),
        (empty, "first_run.png", first_run),
    ]

    def next_step() -> None:
        if not steps:
            app.quit()
            return
        target, name, prepare = steps.pop(0)
        shoot(target, name, prepare, next_step)

    QTimer.singleShot(300, next_step)
    app.exec()


if __name__ == "__main__":
    main()
