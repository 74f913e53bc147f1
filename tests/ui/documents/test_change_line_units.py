"""A revision's change of units, as the preview's 变更 tab words it: only the side that
changed (责任单位：增加[市医保局]), never an empty 去掉[] beside it."""

from __future__ import annotations

from tests.ui.test_translations import chinese  # noqa: F401 - a fixture
from tracker.records import FieldDiff, MeasureChange
from ui.documents.import_preview_models import change_line


def units(removed: str, added: str) -> MeasureChange:
    return MeasureChange("1", "changed", fields=(FieldDiff("units", removed, added),))


def test_only_the_units_added_or_removed_are_named(chinese: None) -> None:  # noqa: F811
    assert [
        change_line(units("", "市医保局")),
        change_line(units("市人社局", "")),
        change_line(units("市人社局", "市医保局、市财政局")),
    ] == [
        "• 1 修改  责任单位：增加[市医保局]",
        "• 1 修改  责任单位：去掉[市人社局]",
        "• 1 修改  责任单位：增加[市医保局、市财政局]，去掉[市人社局]",
    ]
