"""导出当前列表到 Excel and 打印当前列表: the filtered view, as the clerk sees it.

Both take the table's visible columns in the clerk's order and every row the
filters show (``AssignmentTable.shown_table``).  The export writes an .xlsx
(``importers.table_xlsx``), offered as ``<筛选/文档>_<日期>.xlsx`` in the folder
lists were last exported to; the print lays the same table out as a landscape A4
report (the header row repeated on every page, every line drawn) and opens the
print preview (``ui.reports.pdf_preview``).  The slow part of each runs on a
worker thread behind a progress dialog.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from importers.reports.model import Align, Column, ReportDocument, Table
from importers.text_clean import safe_file_name
from ui.assignments import assignment_model as columns
from ui.assignments.assignment_table import AssignmentTable
from ui.messages import warn
from ui.settings.folders import save_file
from ui.workers import run_with_progress

translate = QCoreApplication.translate
LEFT_ALIGNED = (columns.TITLE, columns.NOTE, columns.DOCUMENT, columns.UNIT)
"""The columns of running text, printed flush left; the rest are centred."""
PRINT_FONT_SIZE = 9.0


def list_file_name(title: str, today: date, suffix: str) -> str:
    """``<筛选/文档>_<日期><suffix>``, e.g. ``优化营商环境_逾期_2021-10-08.xlsx``."""
    return safe_file_name(f"{title}_{today:%Y-%m-%d}") + suffix


def _nothing_shown(parent: QWidget, table: AssignmentTable) -> bool:
    if table.assignments.rowCount():
        return False
    warn(parent, translate("ListOutput", "The list is empty: nothing to export or print."))
    return True


def export_list(parent: QWidget, table: AssignmentTable, title: str, today: date) -> Path | None:
    """Ask where, then write the shown list as an .xlsx; where it went, or None."""
    if _nothing_shown(parent, table):
        return None
    path = save_file(
        parent,
        "exports",
        translate("ListOutput", "Export the list to Excel"),
        list_file_name(title, today, ".xlsx"),
        translate("ListOutput", "Excel workbooks (*.xlsx)"),
    )
    if path is None:
        return None
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    shown = table.shown_table()

    def work(_reporter: object) -> Path:
        from importers.table_xlsx import write_table
        from tracker.errors import UserError
        from tracker.ledgers.export_errors import write_failure

        try:
            write_table(path, shown, title)
        except OSError as exc:
            raise UserError.from_message(write_failure(path, exc)) from None
        return path

    outcome = run_with_progress(
        parent, translate("ListOutput", "Writing {0}…").format(path.name), work, cancellable=False
    )
    return outcome.value if outcome.ok else None


def list_report(table: AssignmentTable, title: str, today: date) -> ReportDocument:
    """The shown list as a landscape report: a title, the date and count, one table."""
    from importers.table_xlsx import column_widths

    shown = table.shown_table()
    widths = column_widths(shown)  # as wide as their text, within bounds, as in the workbook
    table_columns = tuple(
        Column(header, float(width), _align(column))
        for header, width, column in zip(shown[0], widths, table.visible_columns(), strict=True)
    )
    subtitle = translate("ListOutput", "As of {0}, {1} assignments").format(
        f"{today:%Y-%m-%d}", len(shown) - 1
    )
    return ReportDocument(
        title=title,
        subtitle=(subtitle,),
        blocks=[Table(table_columns, tuple(tuple(r) for r in shown[1:]), PRINT_FONT_SIZE)],
        landscape=True,
        kind="list",
    )


def _align(column: int) -> Align:
    return "left" if column in LEFT_ALIGNED else "center"


def print_list(parent: QWidget, table: AssignmentTable, title: str, today: date) -> bool:
    """Lay the shown list out and open its print preview; False if nothing was shown."""
    if _nothing_shown(parent, table):
        return False
    report = list_report(table, title, today)

    def work(_reporter: object) -> bytes:
        from importers.reports.fonts import ReportFontError
        from importers.reports.pdf import pdf_bytes
        from tracker.errors import UserError

        try:
            return pdf_bytes(report)
        except ReportFontError as exc:
            raise UserError.from_message(exc.as_message()) from None

    outcome = run_with_progress(
        parent, translate("ListOutput", "Laying out the pages…"), work, cancellable=False
    )
    if not outcome.ok or outcome.value is None:
        return False
    from ui.reports.pdf_preview import preview_dialog

    preview = preview_dialog(outcome.value, parent, list_file_name(title, today, ".pdf"))
    preview.exec()
    return True
