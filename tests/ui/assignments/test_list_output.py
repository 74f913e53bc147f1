"""导出当前列表到 Excel and 打印当前列表: the filtered view, its visible columns, as shown."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog

from tests.ui.conftest import shown
from tracker.progress.progress_service import Change
from tracker.services import Services
from ui.assignments.assignment_model import DEADLINE, UNIT
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def offered(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[str]:
    """Save dialogs answered with the offered name in ``tmp_path/导出`` (what was offered)."""
    folder = tmp_path / "导出"
    folder.mkdir()
    seen: list[str] = []

    def answer(_parent, _title, start, _filters):  # type: ignore[no-untyped-def]
        seen.append(start)
        return str(folder / Path(start).name), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))
    return seen


def test_the_filtered_list_goes_to_excel_with_its_visible_columns(
    qtbot, window: MainWindow, services: Services, offered: list[str], tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    row = next(r for r in services.overview.assignments() if r.unit == "自治区公安厅")
    services.progress.record(row.id, Change(note="=SUM(A1:A9)\n第二行"))
    window.rows.reload()
    qtbot.waitUntil(lambda: bool(window.model.rowCount()))
    window.filters.unit.setCurrentIndex(window.filters.unit.findData("自治区公安厅"))
    qtbot.waitUntil(lambda: {u for _c, u in shown(window)} == {"自治区公安厅"})
    window.table.setColumnHidden(DEADLINE, True)
    header = window.table.horizontalHeader()
    header.moveSection(header.visualIndex(UNIT), 0)  # the clerk's order
    expected = window.table.shown_table()
    window.actions_.export_list.trigger()
    name = "自治区公安厅_2021-07-01.xlsx"
    assert Path(offered[0]).name == name
    sheet = openpyxl.load_workbook(tmp_path / "导出" / name).active
    values = [[c.value or "" for c in r] for r in sheet.iter_rows()]
    assert values == expected and len(values) == len(shown(window)) + 1
    assert values[0][0] == "Responsible unit" and "Deadline" not in values[0]
    note = values[0].index("Progress report")
    assert [r[note] for r in values[1:]].count("=SUM(A1:A9)\n第二行") == 1  # text, no formula
    assert sheet.cell(1, 1).font.bold and sheet.cell(2, 1).border.left.style == "thin"
    assert sheet.freeze_panes == "A2" and sheet.print_title_rows == "$1:$1"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.auto_filter.ref == f"A1:{chr(ord('A') + len(values[0]) - 1)}{len(values)}"
    assert sheet.title == "自治区公安厅"


def test_an_unfiltered_list_is_named_all_assignments(
    qtbot, window: MainWindow, offered: list[str]
) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: bool(window.model.rowCount()))
    window.filters.overdue.setChecked(True)
    qtbot.waitUntil(lambda: window.filters.describe() == "Overdue")
    window.filters.overdue.setChecked(False)
    assert window.filters.describe() == "All assignments"


def test_the_printed_list_repeats_its_header_on_every_page(
    qtbot, window: MainWindow, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    for row in services.overview.assignments():
        services.progress.record(row.id, Change(note="推进中。" * 120))  # long: several pages
    window.rows.reload()
    qtbot.waitUntil(lambda: bool(window.model.rowCount()))
    previews: list[QPrintPreviewDialog] = []
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: previews.append(self) or 0)
    window.actions_.print_list.trigger()
    [preview] = previews
    assert preview.pdf_printer.docName() == "All_assignments_2021-07-01"  # (safe_file_name)
    pages = PdfReader(io.BytesIO(preview.pdf_pages.pdf)).pages
    assert len(pages) >= 2
    assert all(page.mediabox.width > page.mediabox.height for page in pages)  # A4 landscape
    for page in pages:
        text = "".join(page.extract_text().split())  # (a header may wrap in its cell)
        assert all(header in text for header in ("No.", "Responsibleunit", "Progressreport"))
