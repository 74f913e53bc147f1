"""At start-up the window takes input before the database is open; what needs it waits."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QAbstractItemView, QApplication

from tests.ui.conftest import shown
from tracker.progress.quick_look import quick_look
from tracker.services import Services
from ui import app as app_module
from ui.assignments.assignment_model import NOTE
from ui.settings import window_settings as keys
from ui.window.main_window import MainWindow
from ui.window.window_reads import FirstLook

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

ALL = [
    ("1", "自治区市场监管厅"),
    ("1", "自治区公安厅"),
    ("1", "各市、县（区）"),
    ("2", "自治区公安厅"),
    ("2", "宁夏税务局"),
    ("4", "自治区政府办公厅"),
]


def database_of(services: Services) -> str:
    url = services.store.engine.url
    assert url.database is not None
    return url.database


def usable(window: MainWindow) -> tuple[bool, bool, bool, bool, bool, bool]:
    """Filters, navigator, tabs enabled; rows selectable; the note column editable; every
    action that needs the database enabled (toolbar buttons and shortcuts)."""
    index = window.model.index(0, NOTE)
    return (
        window.filters.isEnabled(),
        window.navigator.isEnabled(),
        window.tabs.tabBar().isEnabled(),
        window.table.selectionMode() != QAbstractItemView.SelectionMode.NoSelection,
        window.model.flags(index).value & 0x2 != 0,  # Qt.ItemIsEditable
        all(a.isEnabled() for a in window.actions_.database_actions()),
    )


OPENING = (True, True, False, True, False, False)
"""While the database opens: filters and navigator take input, rows can be selected; the other
tabs, editing and the commands that need the database wait for it."""


def test_a_preview_takes_input_and_what_needs_the_database_waits(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
) -> None:
    window = MainWindow(None, private_settings)
    qtbot.addWidget(window)
    assert window.accepts_input and not window.attached
    quick = quick_look(database_of(services), services.store.clock.today())
    assert quick is not None
    first = FirstLook(*quick)
    window.preview(first)
    assert shown(window) == ALL
    assert window.pages.currentWidget() is window.splitter
    assert usable(window) == OPENING
    assert window.menuBar().isEnabled()
    actions = window.actions_
    assert [a.isEnabled() for a in (actions.find, actions.reset_filters, actions.quit)] == [
        True,
        True,
        True,
    ]
    assert not any(a.isEnabled() for a in (actions.import_document, actions.export_list))
    documents = [
        window.filters.document.itemText(i) for i in range(window.filters.document.count())
    ]
    assert len(documents) == 1 + len(first.documents)  # "All documents", then each
    assert window.navigator.nav_model.documents_root.rowCount() == len(first.documents)
    assert window.counts.text() == ("Opening the database… A filter chosen now applies then.")
    window.table.selectRow(0)
    window.selection.show_current_detail()  # (the detail needs the services: nothing happens)
    assert len(window.table.selectionModel().selectedRows()) == 1
    assert window.detail.heading.text() == "No measure selected"
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDragEnterEvent

    mime = QMimeData()
    returned = Path(database_of(services)).parent / "回收台账.xlsx"
    returned.write_bytes(b"PK")
    mime.setUrls([QUrl.fromLocalFile(str(returned))])
    drag = QDragEnterEvent(
        QPointF(5, 5),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dragEnterEvent(drag)
    assert not drag.isAccepted()  # nothing can be dropped in before the database is open

    resets: list[int] = []
    window.model.modelReset.connect(lambda: resets.append(1))
    window.attach(services, first=first)
    assert resets == []  # the previewed rows are kept, not read again
    assert shown(window) == ALL
    assert usable(window) == (True, True, True, True, True, True)
    assert window.menuBar().isEnabled()
    qtbot.waitUntil(lambda: window.rows.index is not None)  # then every row, as before


def test_a_filter_chosen_while_the_database_opens_applies_once_it_is_open(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
) -> None:
    window = MainWindow(None, private_settings)
    qtbot.addWidget(window)
    quick = quick_look(database_of(services), services.store.clock.today())
    assert quick is not None
    first = FirstLook(*quick)
    window.preview(first)
    window.filters.search.setText("宁夏税务局")
    window.filters.flush()
    assert shown(window) == ALL  # waits for the database
    window.attach(services, first=first)
    assert shown(window) == [("2", "宁夏税务局")]  # at once, before every row is read
    qtbot.waitUntil(lambda: window.rows.index is not None)
    assert shown(window) == [("2", "宁夏税务局")]


def test_a_preview_after_the_database_is_open_changes_nothing(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    private_settings: QSettings,
) -> None:
    window = MainWindow(services, private_settings)
    qtbot.addWidget(window)
    quick = quick_look(database_of(services), services.store.clock.today())
    assert quick is not None
    window.filters.choose_unit("宁夏税务局")
    window.preview(FirstLook(*quick))
    assert shown(window) == [("2", "宁夏税务局")]
    assert usable(window) == (True, True, True, True, True, True)


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on show()
def test_at_start_up_the_rows_come_before_the_database_opens(
    qtbot,  # type: ignore[no-untyped-def]
    services: Services,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    keys.LANGUAGE.set(keys.app_settings(), "en")
    monkeypatch.setattr(app_module, "setup_logging", lambda: tmp_path / "tracker.log")
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    events: list[tuple[str, object]] = []
    real_preview, real_attach = MainWindow.preview, MainWindow.attach

    def preview(self: MainWindow, first: FirstLook) -> None:
        real_preview(self, first)
        events.append(("preview", (self.attached, len(self.model.rows()), usable(self))))

    def attach(self: MainWindow, opened: Services, *, first: FirstLook | None = None) -> None:
        events.append(("attach", first is not None and first.rows is self.rows.previewed))
        real_attach(self, opened, first=first)

    monkeypatch.setattr(MainWindow, "preview", preview)
    monkeypatch.setattr(MainWindow, "attach", attach)
    database = database_of(services)
    opened: list[MainWindow] = []

    def run(_app: QApplication) -> int:
        [window] = [
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        ]
        qtbot.waitUntil(lambda: window.attached and window.rows.index is not None)
        opened.append(window)
        return 0

    monkeypatch.setattr(QApplication, "exec", run)
    assert app_module.main(["tracker", "--db", database]) == 0
    [window] = opened
    assert events == [
        ("preview", (False, 6, OPENING)),
        ("attach", True),  # the previewed rows themselves: not read again
    ]
    assert shown(window) == ALL
    assert usable(window) == (True, True, True, True, True, True)
    window.close()


def test_the_gate_opens_at_once_without_a_window_to_wait_for() -> None:
    gate = app_module.StartGate(open_now=True)
    assert gate.wait(previewing=True) and gate.wait(previewing=False)
    waiting = app_module.StartGate()
    waiting.TIMEOUT_S = 0.01
    assert not waiting.wait(previewing=False)  # (a missed signal only costs the timeout)
    waiting.built.set()
    assert waiting.wait(previewing=False)  # built is enough when there is nothing to preview
    assert not waiting.wait(previewing=True)
    waiting.release()
    assert waiting.wait(previewing=True)
