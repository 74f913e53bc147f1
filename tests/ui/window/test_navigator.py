"""The navigator's model: Qt's model tester, the documents' outline, unit counts."""

from __future__ import annotations

from datetime import date

import pytest

from tracker.records import DocumentInfo, OutlineDocument, OutlineHeading, UnitInfo
from ui.window.filter_bar import Scope
from ui.window.navigator import (
    TARGET_ROLE,
    DocumentTarget,
    Navigator,
    NavigatorModel,
    outline_by_id,
)

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


def outline(*parts: tuple[str, list[str]]) -> dict[int, OutlineDocument]:
    headings = []
    for number, (title, sections) in enumerate(parts, start=1):
        children = tuple(
            OutlineHeading(100 * number + i, i, name, ()) for i, name in enumerate(sections, 1)
        )
        headings.append(OutlineHeading(number, number, title, children))
    return outline_by_id([OutlineDocument(1, "宁政办〔2021〕9号", DOC.title, tuple(headings))])


def test_the_navigator_model_passes_qts_model_tester(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = NavigatorModel()
    qtmodeltester.check(model)
    model.set_documents([DOC], outline(("一", ["甲", "乙"]), ("二", [])))
    model.set_units([unit("自治区财政厅", 3, 2, 1), unit("宁夏税务局", 2, 2, 0, review=True)])
    model.set_units([unit("自治区财政厅", 3, 1, 0), unit("没有分工的单位", 0, 0, 0)])
    model.set_documents([], {})

    model.set_documents([DOC], outline(("一", ["甲"])))
    document = model.documents_root.child(0, 0)
    assert document.data(TARGET_ROLE) == DocumentTarget(1)
    assert document.toolTip() == "关于印发若干措施的通知"
    section = document.child(0, 0).child(0, 0).data(TARGET_ROLE)
    assert section == Scope(1, "一", "甲")
    assert section.heading_id == 101  # the database filters by heading
    assert model.units_root.rowCount() == 1  # a unit with nothing assigned is not listed


@pytest.mark.qt_log_ignore("propagateSizeHints")  # (shown offscreen)
def test_the_chosen_unit_stays_in_view_when_its_counts_move_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    """销号 on the chosen unit's last overdue task: the refill re-sorted it to the list's
    end, highlighted but scrolled out of sight."""
    navigator = Navigator()
    qtbot.addWidget(navigator)
    navigator.resize(240, 200)
    navigator.show()
    others = [unit(f"单位{n:02d}", 5, 5, 1) for n in range(30)]
    navigator.set_units([unit("自治区公安厅", 5, 5, 3), *others])
    units = navigator.nav_model.units_root
    assert units.child(0, 0).text() == "自治区公安厅"  # the most overdue first
    navigator.setCurrentIndex(units.child(0, 0).index())
    navigator.set_units([unit("自治区公安厅", 5, 4, 0), *others])
    current = navigator.currentIndex()
    assert (current.data(), current.row()) == ("自治区公安厅", 30)  # last now
    assert navigator.viewport().rect().contains(navigator.visualRect(current))
