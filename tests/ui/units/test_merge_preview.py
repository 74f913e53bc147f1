"""The merge preview: each measure both units have, both values, and the clerk's choice."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog

from tests.tracker.conftest import sample_document, source
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from ui.units.merge_preview import MergePreviewDialog
from ui.units.units_dialog import UnitsDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")


def test_the_clerk_keeps_one_units_values_for_a_collision(
    qtbot,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    services.documents.import_parsed(sample_document(), source())
    services.progress.record_by_code("2", "自治区公安厅", Change(status=Status("已完成")))
    services.progress.record_by_code(
        "2", "宁夏税务局", Change(status=Status("推进中"), percent=60, note="税务推进中")
    )
    dialog = UnitsDialog(services.units, services.groups)
    qtbot.addWidget(dialog)
    dialog.select("自治区公安厅")
    shown: list[list[str]] = []

    def keep_the_target(preview: MergePreviewDialog) -> int:
        assert preview.table.rowCount() == 1
        shown.append([preview.table.item(0, c).text() for c in range(4)])
        assert preview.combos[0].currentData() == "merged"  # the default: the rule
        assert preview.combos[0].toolTip() == "Kept:\n已完成  100%\n税务推进中"  # one text alone
        preview.combos[0].setCurrentIndex(2)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *_a: ("宁夏税务局", True)))
    monkeypatch.setattr(MergePreviewDialog, "exec", keep_the_target)
    dialog.merge_button.click()
    assert shown == [
        ["宁政办〔2021〕9号", "2 推广企业开办零费用", "已完成  100%", "推进中  60%\n税务推进中"]
    ]
    row = next(
        r for r in services.overview.assignments() if (r.code, r.unit) == ("2", "宁夏税务局")
    )
    assert (row.status.value, row.percent, row.note) == ("推进中", 60, "税务推进中")
    assert dialog.changed


def test_a_revisions_change_list_says_where_progress_moves() -> None:
    from tracker.records import FieldDiff, MeasureChange
    from ui.documents.import_preview_models import change_line

    moved = MeasureChange(
        "6", "renumbered", ("measure 5 → 6: 1 unit's progress moves",), (), "5", ("自治区财政厅",)
    )
    assert change_line(moved) == (
        "• 6 renumbered  measure 5 → 6: 1 unit's progress moves (自治区财政厅)"
    )
    changed = MeasureChange("7", "changed", (), (FieldDiff("text", "旧", "新"),), "6", ())
    assert change_line(changed) == (
        "• 7 changed  measure 6 → 7: 0 units' progress moves; text changed"
    )
    added = MeasureChange("3", "added", ("清理规范中介服务事项",))
    assert change_line(added) == "• 3 added  清理规范中介服务事项"
