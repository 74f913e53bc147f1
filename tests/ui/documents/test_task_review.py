"""The clerk corrects the sub-tasks in the import preview; the import gets the corrections
(issue 16 item 6): a split, a merge, a role change, a unit removed and one added, an undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog

from importers.policy import ParsedDocument, SourceInfo, parse_text
from tests.tracker.conftest import source
from tests.ui.documents.test_import_preview import Conversation
from tracker.documents.document_service import DocumentService
from tracker.records import ImportOutcome
from tracker.services import Services
from ui.documents.import_preview import ImportPreviewDialog
from ui.documents.task_review import SplitTaskDialog, TaskReview
from ui.documents.task_review_model import TasksModel
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

TEXT = (
    "关于推进甲乙丙的实施方案\n"
    "一、任务\n"
    "1.推进甲。建设甲平台（自治区发展改革委牵头，自治区财政厅、各有关部门配合）。"
    "2025年底前完成乙（自治区科技厅负责）。\n"
    "2.推进丙。做丙，2024年6月底前建成丁。"
    "2026年底前完成戊（自治区教育厅负责，自治区民政厅配合）\n"
)
Task = tuple[str, list[str], list[str], date | None]


def table(model: TasksModel) -> list[list[str]]:
    return [
        [model.index(row, column).data() for column in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def tasks(document: ParsedDocument) -> dict[str, list[Task]]:
    return {
        m.code: [(t.text, t.lead_units, t.units, t.deadline) for t in m.tasks]
        for m in document.measures
    }


def units_shown(review: TaskReview) -> list[str]:
    return [review.units.item(row).text() for row in range(review.units.count())]


def pick_unit(review: TaskReview, name: str) -> None:
    [row] = [r for r in range(review.units.count()) if review.units.item(r).text().startswith(name)]
    review.units.setCurrentRow(row)


def split_at_second_sentence(dialog: SplitTaskDialog) -> int:
    """The clerk splits after "…建成丁。": 教育厅 keeps the first part, 民政厅 the second."""
    assert [dialog.points.itemText(i) for i in range(dialog.points.count())] == [
        "after “推进丙。”",
        "after “做丙，2024年6月底前建成丁。”",
    ]
    dialog.points.setCurrentIndex(1)
    dialog.set_part_unit(SplitTaskDialog.FIRST, "自治区民政厅", False)
    dialog.set_part_unit(SplitTaskDialog.SECOND, "自治区教育厅", False)
    return QDialog.DialogCode.Accepted


def test_split_merge_and_role_change_reach_the_import(
    window: MainWindow,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    clerk = Conversation(monkeypatch)
    clerk.choose(tmp_path / "方案.txt")
    clerk.parsed(parse_text(TEXT), source("方案.txt", "d" * 64))
    imported: list[ParsedDocument] = []
    real_import = DocumentService.import_parsed

    def spy(
        self: DocumentService, doc: ParsedDocument, src: SourceInfo, **kw: Any
    ) -> ImportOutcome:
        imported.append(doc)
        return real_import(self, doc, src, **kw)

    monkeypatch.setattr(DocumentService, "import_parsed", spy)
    monkeypatch.setattr(SplitTaskDialog, "exec", split_at_second_sentence)

    def correct(dialog: ImportPreviewDialog) -> int:
        review = dialog.review
        clerk.testers.append(
            QAbstractItemModelTester(
                review.tasks, QAbstractItemModelTester.FailureReportingMode.Fatal
            )
        )
        assert dialog.tabs.tabText(1) == "Tasks (3)"
        assert table(review.tasks) == [
            [
                "1-1",
                "自治区发展改革委",
                "自治区财政厅、各有关部门 (collective)",
                "",
                "3",
                "建设甲平台",
            ],
            ["1-2", "自治区科技厅", "", "2025年底前", "3", "2025年底前完成乙"],
            [
                "2",
                "自治区教育厅",
                "自治区民政厅",
                "2026年底前",
                "4",
                "推进丙。做丙，2024年6月底前建成丁。2026年底前完成戊",
            ],
        ]
        review.view.selectRow(2)
        review.split_button.click()
        assert review.current() == (1, 1)  # the second part is selected
        review.view.selectRow(0)
        assert review.merge_button.isEnabled()
        review.merge_button.click()
        assert units_shown(review) == [
            "自治区发展改革委 — lead",
            "自治区科技厅 — lead",
            "自治区财政厅 — supporting",
            "各有关部门 (collective) — supporting",
        ]
        pick_unit(review, "自治区科技厅")
        assert review.role_button.text() == "Make supporting"
        review.role_button.click()
        pick_unit(review, "各有关部门")
        review.remove_button.click()
        review.new_unit.setText("自治区审计厅")  # a typing slip, taken back
        review.add_button.click()
        assert units_shown(review)[-1] == "自治区审计厅 — supporting"
        review.undo_button.click()
        review.new_unit.setText("自治区公安厅")
        review.as_lead.setChecked(True)
        review.add_button.click()
        assert units_shown(review) == [
            "自治区发展改革委 — lead",
            "自治区公安厅 — lead",
            "自治区科技厅 — supporting",
            "自治区财政厅 — supporting",
        ]
        assert dialog.tabs.tabText(1) == "Tasks (3)"
        assert [u.name for u in dialog.plan.units] == [
            "自治区发展改革委",
            "自治区公安厅",
            "自治区科技厅",
            "自治区财政厅",
            "自治区教育厅",
            "自治区民政厅",
        ]  # 各有关部门 is no longer named
        assert dialog.measures.index(0, 2).data() == (
            "自治区发展改革委、自治区公安厅、自治区科技厅、自治区财政厅"
        )
        return QDialog.DialogCode.Accepted

    clerk.answer = correct
    window.actions_.import_document.trigger()

    [document] = imported
    assert tasks(document) == {
        "1": [
            (
                "建设甲平台。2025年底前完成乙",
                ["自治区发展改革委", "自治区公安厅"],
                ["自治区发展改革委", "自治区公安厅", "自治区科技厅", "自治区财政厅"],
                date(2025, 12, 31),
            )
        ],
        "2": [
            (
                "推进丙。做丙，2024年6月底前建成丁",
                ["自治区教育厅"],
                ["自治区教育厅"],
                date(2024, 6, 30),
            ),
            ("2026年底前完成戊", ["自治区民政厅"], ["自治区民政厅"], date(2026, 12, 31)),
        ],
    }
    stored = [(r.code, r.unit) for r in services.overview.assignments() if "甲乙丙" in r.doc_label]
    assert sorted(stored) == [
        ("1", "自治区公安厅"),
        ("1", "自治区发展改革委"),
        ("1", "自治区科技厅"),
        ("1", "自治区财政厅"),
        ("2-1", "自治区教育厅"),  # each sub-task stored with its own units
        ("2-2", "自治区民政厅"),
    ]


def test_a_refused_correction_is_explained(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    review = TaskReview(parse_text(TEXT), ["自治区财政厅"])
    qtbot.addWidget(review)
    said: list[str] = []
    monkeypatch.setattr(
        "ui.documents.task_review.QMessageBox.warning", lambda _p, _t, text: said.append(text)
    )
    review.new_unit.setText("自治区财政厅")
    review.add_button.click()
    assert said == ["task 1-1 already names 自治区财政厅"]
    assert len(review.history) == 1 and not review.undo_button.isEnabled()
    review.view.selectRow(1)
    assert not review.merge_button.isEnabled()  # the last task of its measure
    assert review.units.item(0).data(Qt.ItemDataRole.DisplayRole) == "自治区科技厅 — lead"


def test_a_warning_leads_to_its_task(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = parse_text(TEXT + "3.推进己。做己。\n")
    src = source("方案.txt", "e" * 64)
    dialog = ImportPreviewDialog(doc, src, services.documents.plan(doc, src), [])
    qtbot.addWidget(dialog)
    [item] = [dialog.warnings.item(i) for i in range(dialog.warnings.count())]
    assert item.text() == "Line 5: measure 3 names no responsible unit"
    dialog.warnings.itemActivated.emit(item)
    assert dialog.tabs.currentWidget() is dialog.review
    assert dialog.review.current() == (2, 0)
    assert dialog.review.tasks.index(3, TasksModel.LEADS).data() == "(no unit named)"
