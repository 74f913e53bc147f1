"""A clerk reviews documents the importer was not written for (issue 16 item 6): the
import preview of ``tests/importers/policy/unseen`` shows sub-tasks and collectives, a
correction reaches the plan, and a warning from a Word table's row leads to that row."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from importers.policy import parse_file
from tracker.services import Services
from ui.documents.import_preview import ImportPreviewDialog
from ui.documents.task_review_model import TasksModel

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

UNSEEN = Path(__file__).resolve().parents[2] / "importers" / "policy" / "unseen"


def preview(services: Services, path: Path) -> ImportPreviewDialog:
    parsed, info = parse_file(path)
    plan = services.documents.plan(parsed, info)
    return ImportPreviewDialog(
        parsed, info, plan, [], replan=lambda doc: services.documents.plan(doc, info)
    )


def column(dialog: ImportPreviewDialog, index: int) -> list[str]:
    model = dialog.review.tasks
    return [model.index(row, index).data() for row in range(model.rowCount())]


def test_sub_tasks_and_collectives_of_an_unseen_document(
    empty_services: Services,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    dialog = preview(empty_services, UNSEEN / "h_jiangxi_minying_jingji.txt")
    qtbot.addWidget(dialog)
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Measures (12)",
        "Tasks (15)",
        "Units (18, 18 new)",
    ]
    codes = column(dialog, TasksModel.CODE)
    assert codes[:7] == ["1-1", "1-2", "2", "3", "4", "5-1", "5-2"]
    assert codes[-3:] == ["11-1", "11-2", "12"]
    others = column(dialog, TasksModel.OTHERS)
    assert others[1] == "各设区市人民政府 (collective)"
    assert others[-1] == "省直有关单位 (collective)"
    # 3 and 4 stood on one line of the document: both name it.
    assert column(dialog, TasksModel.LINE)[3:5] == ["12", "12"]
    # The clerk reads 11 as one task: merged, the plan counts one task fewer.
    review = dialog.review
    review.view.selectRow(codes.index("11-1"))
    review.merge_button.click()
    assert dialog.tabs.tabText(1) == "Tasks (14)"
    [merged] = dialog.document().measures[10].tasks
    assert merged.lead_units == ["省工商联", "省政务服务办"]  # each part's lead kept
    # …and makes 省政务服务办 a supporting unit of it: 省工商联 alone leads.
    [row] = [
        r for r in range(review.units.count()) if "省政务服务办" in review.units.item(r).text()
    ]
    review.units.setCurrentRow(row)
    assert review.role_button.text() == "Make supporting"
    review.role_button.click()
    [task] = dialog.document().measures[10].tasks
    assert task.lead_units == ["省工商联"]
    assert task.units == [
        "省工商联",
        "省政务服务办",
        "省发展改革委",
        "省工业和信息化厅",
        "各设区市人民政府",
    ]


def test_a_warning_on_a_word_table_row_leads_to_that_rows_task(
    empty_services: Services,
    qtbot,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    document = docx.Document()
    document.add_paragraph("关于推进三项工作的分工方案")
    rows = [
        ("序号", "重点任务", "牵头单位", "配合单位", "完成时限"),
        ("1", "推进甲", "市财政局", "/", "2024年6月底前"),
        ("2", "推进乙", "市教育局", "各区县人民政府", "尽快"),
        ("3", "推进丙", "市民政局", "/", "长期坚持"),
    ]
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for cells, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    path = tmp_path / "分工方案.docx"
    document.save(str(path))
    dialog = preview(empty_services, path)
    qtbot.addWidget(dialog)
    # Each row of the table is its own line (the header is line 2).
    assert column(dialog, TasksModel.LINE) == ["3", "4", "5"]
    [item] = [dialog.warnings.item(i) for i in range(dialog.warnings.count())]
    assert item.text() == "Line 4: measure 2: cannot read deadline '尽快'"
    dialog.warnings.itemActivated.emit(item)
    assert dialog.tabs.currentWidget() is dialog.review
    assert dialog.review.current() == (1, 0)
