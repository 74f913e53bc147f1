"""导出… on the findings tab: the findings it shows, as an .xlsx.

The same writer as the assignment list's export (``importers.table_xlsx``: a header
row frozen and filtered, columns as wide as their text, landscape on paper), every
column of the tab in its order, the rows its filters show.  The file is offered as
``督查整改_<单位>_<未销号>_<日期>.xlsx`` in the folder lists were last exported to.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ui.assignments.list_output import ask_xlsx_path
from ui.inspections.finding_model import FindingTableModel
from ui.messages import user_errors, warn

translate = QCoreApplication.translate


def finding_cells(model: FindingTableModel) -> list[list[str]]:
    """The headers, then each row's texts as the tab shows them."""
    columns = range(model.columnCount())
    return [
        model.headers(),
        *([str(model.index(r, c).data() or "") for c in columns] for r in range(model.rowCount())),
    ]


def findings_title(unit: str | None, open_only: bool) -> str:
    """``督查整改``, then the unit and ``未销号`` when the tab is filtered so."""
    return "_".join(["督查整改", *([unit] if unit else []), *(["未销号"] if open_only else [])])


def export_findings(
    parent: QWidget, model: FindingTableModel, title: str, today: date
) -> Path | None:
    """Ask where, then write the findings shown; where they went, or None."""
    if not model.rowCount():
        warn(parent, translate("FindingsExport", "No finding is shown: nothing to export."))
        return None
    caption = translate("FindingsExport", "Export the findings to Excel")
    path = ask_xlsx_path(parent, caption, title, today)
    if path is None:
        return None
    from importers.table_xlsx import write_table
    from tracker.errors import UserError
    from tracker.ledgers.export_errors import write_failure

    with user_errors(parent):
        try:
            write_table(path, finding_cells(model), title)
        except OSError as exc:
            raise UserError.from_message(write_failure(path, exc)) from None
        return path
    return None
