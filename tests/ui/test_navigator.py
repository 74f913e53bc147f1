"""The navigator's model: Qt's model tester, the outline taken from rows, unit counts."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from tests.ui.factories import make_row
from tracker.records import DocumentInfo, UnitInfo
from ui.filter_bar import Scope
from ui.navigator import TARGET_ROLE, DocumentTarget, NavigatorModel, outline_of

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

DOC = DocumentInfo(
    1,
    "关于印发若干措施的通知",
    "若干措施",
    "宁政办〔2021〕9号",
    None,
    date(2021, 5, 19),
    "a.txt",
    1,
    3,
)


def unit(name: str, assigned: int, open_: int, overdue: int, review: bool = False) -> UnitInfo:
    return UnitInfo(1, name, "部门", (), "", "", review, assigned, open_, overdue)


def test_the_outline_keeps_document_order_and_skips_repeats() -> None:
    base = make_row(0)
    rows = [
        dataclasses.replace(base, part="一", section="甲"),
        dataclasses.replace(base, part="一", section="乙"),
        dataclasses.replace(base, part="一", section="甲"),
        dataclasses.replace(base, part="二", section=None),
        dataclasses.replace(base, part=None, section=None),
    ]
    assert outline_of(rows) == {1: {"一": ["甲", "乙"], "二": []}}


def test_the_navigator_model_passes_qts_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = NavigatorModel()
    qtmodeltester.check(model)
    model.set_documents([DOC], {1: {"一": ["甲", "乙"], "二": []}})
    model.set_units([unit("自治区财政厅", 3, 2, 1), unit("宁夏税务局", 2, 2, 0, review=True)])
    model.set_units([unit("自治区财政厅", 3, 1, 0), unit("没有分工的单位", 0, 0, 0)])
    model.set_documents([], {})

    model.set_documents([DOC], {1: {"一": ["甲"]}})
    document = model.documents_root.child(0, 0)
    assert document.data(TARGET_ROLE) == DocumentTarget(1)
    assert document.toolTip() == "关于印发若干措施的通知"
    assert document.child(0, 0).child(0, 0).data(TARGET_ROLE) == Scope(1, "一", "甲")
    assert model.units_root.rowCount() == 1  # a unit with nothing assigned is not listed
