"""The new extension request dialog (新建延期申请) over the window at 1280×800, in Chinese.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots/extension_request.py

Writes ``1280x800-extension-request.png``: the window with the seeds (or the demo
document) as of 2021-09-01, a row of 自治区市场监管厅 chosen, its right-click
"申请延期…" opened with that task filled in, a date and a reason typed, and the
service's answer to a date not later than the deadline now shown in the dialog.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QDate, QPoint, QSettings, Qt  # noqa: E402
from PySide6.QtGui import QColor, QPainter  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox  # noqa: E402

from docs.screenshots.make_screenshots import TODAY, fill  # noqa: E402
from tracker.services import Services  # noqa: E402
from tracker.store import Clock  # noqa: E402
from ui.app import install_translation  # noqa: E402
from ui.extensions.request_dialog import RequestDialog  # noqa: E402
from ui.theme import apply_theme  # noqa: E402
from ui.window.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    install_translation(app, "zh_CN")
    apply_theme(app)
    fill(folder / "screens.sqlite3")
    services = Services.open(folder / "screens.sqlite3", clock=Clock(TODAY), create=True)
    services.rounds.create("2021年8月调度", TODAY)
    window = MainWindow(services, QSettings(str(folder / "window.ini"), QSettings.Format.IniFormat))
    window.setWindowState(Qt.WindowState.WindowNoState)  # (the offscreen screen is small)
    window.resize(1280, 800)
    window.show()
    while window.rows.index is None:  # every row read
        QTest.qWait(100)
    window.filters.choose_unit("自治区市场监管厅")
    QTest.qWait(300)
    window.table.selectRow(0)
    row = window.table.current_row()
    assert row is not None
    dialog = RequestDialog(services.extensions, services.today(), row.unit, row.id, window)
    dialog.until.setDate(QDate(2021, 10, 31))
    dialog.reason.setPlainText("涉及多部门协调，系统对接尚未完成，申请延期三个月。")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    dialog.show()
    QTest.qWait(600)
    shot = window.grab()
    painter = QPainter(shot)
    inside = QPoint((shot.width() - dialog.width()) // 2, (shot.height() - dialog.height()) // 2)
    painter.drawPixmap(inside, dialog.grab())
    painter.setPen(QColor("#808080"))  # (the dialog's frame: drawn offscreen without one)
    painter.drawRect(inside.x() - 1, inside.y() - 1, dialog.width() + 1, dialog.height() + 1)
    painter.end()
    shot.save(str(OUT / "1280x800-extension-request.png"))
    dialog.close()
    window.close()


if __name__ == "__main__":
    main()
