"""导出当前列表到 Excel and 打印当前列表: the filtered view, as the clerk sees it.

Both take the table's visible columns in the clerk's order and every row the
filters show (``AssignmentTable.shown_list``).  The export writes an .xlsx
(``importers.table_xlsx``), offered as ``<筛选/文档>_<日期>.xlsx`` in the folder
lists were last exported to; the print lays the same table out as a landscape A4
report (the header row repeated on every page, every line drawn) and opens the
print preview (``ui.reports.pdf_preview``).  Everything but taking the rows (a list
copy) runs on a worker thread behind a progress dialog with Cancel, so a list of
100,000 rows never holds the window still.  The worker runs with the cycle collector
paused (``tracker.memory``): its hundreds of thousands of new objects set off a full
collection, which holds Python's lock while it walks every object alive — the window's
rows too — and the window stood still for 0.31 s at 100,000 rows (none with it paused;
``tests/ui/assignments/test_list_output_big.py`` beats a timer through it).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from importers.reports.model import Align, Column, ReportDocument, Table
from importers.text_clean import safe_file_name
from tracker.memory import collector_paused
from ui.assignments import assignment_model as columns
from ui.assignments.assignment_table import AssignmentTable
from ui.assignments.shown_list import Cancelled, ShownList, cell_texts, release
from ui.messages import warn
from ui.settings.folders import save_file
from ui.workers import Reporter, run_with_progress

translate = QCoreApplication.translate
LEFT_ALIGNED = (columns.TITLE, columns.NOTE, columns.DOCUMENT, columns.UNIT)
"""The columns of running text, printed flush left; the rest are centred."""
PRINT_FONT_SIZE = 9.0


def list_file_name(title: str, today: date, suffix: str) -> str:
    """``<筛选/文档>_<日期><suffix>``, e.g. ``优化营商环境_逾期_2021-10-08.xlsx``."""
    return safe_file_name(f"{title}_{today:%Y-%m-%d}") + suffix


def ask_xlsx_path(parent: QWidget, caption: str, title: str, today: date) -> Path | None:
    """Where to save a list as .xlsx: offered as ``<title>_<日期>.xlsx`` in the folder lists
    were last exported to, the suffix added when the clerk typed a name without it."""
    path = save_file(
        parent,
        "exports",
        caption,
        list_file_name(title, today, ".xlsx"),
        translate("ListOutput", "Excel workbooks (*.xlsx)"),
    )
    if path is not None and path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    return path


def _nothing_shown(parent: QWidget, table: AssignmentTable) -> bool:
    if table.assignments.rowCount():
        return False
    warn(parent, translate("ListOutput", "The list is empty: nothing to export or print."))
    return True


def export_list(parent: QWidget, table: AssignmentTable, title: str, today: date) -> Path | None:
    """Ask where, then write the shown list as an .xlsx; where it went, or None.

    The rows are made text and written on a worker thread behind a progress dialog
    with Cancel; a cancelled export leaves no file (``write_table`` writes beside the
    target and moves into place only when done and not cancelled).
    """
    if _nothing_shown(parent, table):
        return None
    path = ask_xlsx_path(parent, translate("ListOutput", "Export the list to Excel"), title, today)
    if path is None:
        return None
    shown = table.shown_list()  # plain records: the text is made on the worker

    def work(reporter: Reporter) -> Path | None:
        from tracker.errors import UserError
        from tracker.ledgers.export_errors import write_failure

        try:
            with collector_paused():  # see the module's docstring
                return path if _write_workbook(shown, path, title, reporter) else None
        except OSError as exc:
            raise UserError.from_message(write_failure(path, exc)) from None

    outcome = run_with_progress(
        parent, translate("ListOutput", "Writing {0}…").format(path.name), work
    )
    return outcome.value if outcome.ok and not outcome.cancelled else None


def _write_workbook(shown: ShownList, path: Path, title: str, reporter: Reporter) -> bool:
    """On the worker: the list made text and written; False if the clerk cancelled.  Its
    rows are freed here, a slice at a time, before the collector is back on."""
    from importers.table_xlsx import write_table

    try:
        cells = cell_texts(shown, reporter)
    except Cancelled:
        return False
    try:
        return write_table(path, cells, title, keep_going=reporter)
    finally:
        release(cells)


def report_of(
    cells: list[list[str]], visible: list[int], title: str, today: date
) -> ReportDocument:
    """The shown list as a landscape report: a title, the date and count, one table
    (``cells``: the headers first; ``visible``: their model columns)."""
    from importers.table_xlsx import column_widths

    widths = column_widths(cells)  # as wide as their text, within bounds, as in the workbook
    table_columns = tuple(
        Column(header, float(width), _align(column))
        for header, width, column in zip(cells[0], widths, visible, strict=True)
    )
    n = len(cells) - 1
    subtitle = (
        translate("ListOutput", "As of {0}, %n assignment", None, n)
        if n == 1
        else translate("ListOutput", "As of {0}, %n assignments", None, n)
    ).format(f"{today:%Y-%m-%d}")
    return ReportDocument(
        title=title,
        subtitle=(subtitle,),
        blocks=[Table(table_columns, tuple(tuple(r) for r in cells[1:]), PRINT_FONT_SIZE)],
        landscape=True,
        kind="list",
    )


def _align(column: int) -> Align:
    return "left" if column in LEFT_ALIGNED else "center"


def print_list(parent: QWidget, table: AssignmentTable, title: str, today: date) -> bool:
    """Lay the shown list out and open its print preview; False if nothing was shown or
    the clerk cancelled.  The rows are made text and laid out on a worker thread."""
    if _nothing_shown(parent, table):
        return False
    shown = table.shown_list()

    def work(reporter: Reporter) -> bytes | None:
        from importers.reports.fonts import ReportFontError
        from importers.reports.pdf import LayoutStopped, pdf_bytes
        from tracker.errors import UserError

        def laid_out() -> bytes | None:  # (its objects are freed before the collector is on)
            try:
                cells = cell_texts(shown, reporter)
                report = report_of(cells, shown.columns, title, today)
                release(cells)
                return pdf_bytes(report, keep_going=lambda pages: reporter(pages, 0))
            except (Cancelled, LayoutStopped):
                return None

        try:
            with collector_paused():  # see the module's docstring
                return laid_out()
        except ReportFontError as exc:
            raise UserError.from_message(exc.as_message()) from None

    outcome = run_with_progress(parent, translate("ListOutput", "Laying out the pages…"), work)
    if not outcome.ok or outcome.cancelled or outcome.value is None:
        return False
    from ui.reports.pdf_preview import preview_dialog

    preview = preview_dialog(outcome.value, parent, list_file_name(title, today, ".pdf"))
    preview.exec()
    return True
