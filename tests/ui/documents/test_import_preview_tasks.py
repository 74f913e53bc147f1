"""The import preview shows a measure's sub-tasks (分工) and marks collectives (issue 16)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester

from importers.policy import parse_text
from tracker.records import PlannedUnit
from ui.documents.import_preview_models import MeasuresModel, UnitsModel

TEXT = (
    "一、任务\n"
    "1.推进甲。建设甲平台（省发展改革委牵头，省财政厅、各有关部门配合）。"
    "2025年底前完成乙（省科技厅负责）。\n"
    "2.推进丙。做丙。（省教育厅负责）"
)


def test_sub_tasks_in_the_units_column(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = MeasuresModel(parse_text(TEXT).measures)
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    units = model.index(0, MeasuresModel.UNITS)
    assert model.data(units) == "省发展改革委、省财政厅、各有关部门、省科技厅 (2 sub-tasks)"
    assert model.data(units, Qt.ItemDataRole.ToolTipRole) == (
        "1-1  lead: 省发展改革委  with: 省财政厅、各有关部门    建设甲平台\n"
        "1-2  lead: 省科技厅  with: —  2025年底前  2025年底前完成乙"
    )
    single = model.index(1, MeasuresModel.UNITS)
    assert model.data(single) == "省教育厅"
    assert model.data(single, Qt.ItemDataRole.ToolTipRole) == (
        "2  lead: 省教育厅  with: —    推进丙。做丙"
    )


def test_collectives_are_marked(qtbot) -> None:  # type: ignore[no-untyped-def]
    model = UnitsModel(
        [PlannedUnit("各有关部门", None, ()), PlannedUnit("省财政厅", None, ())], ["省教育厅"]
    )
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    assert [model.data(model.index(row, UnitsModel.STATE)) for row in range(2)] == [
        "New collective (集体): give it members later",
        "New",
    ]
