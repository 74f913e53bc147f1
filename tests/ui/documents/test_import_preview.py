"""The policy-document import preview: units mapped or created, unchanged files, revisions,
unreadable files — nothing is written before the clerk confirms."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QDialog, QFileDialog

from importers.messages import QT_TRANSLATE_NOOP, Message
from importers.policy import ParsedDocument, ParseWarning, SourceInfo
from tests.tracker.conftest import sample_document, source
from tests.ui.conftest import make_window
from tests.ui.ledgers.test_window_ledgers import drop
from tests.ui.test_translations import chinese  # noqa: F401 - a fixture
from tracker.services import Services
from ui.documents.import_flow import ImportOutcomeDialog
from ui.documents.import_preview import ImportPreviewDialog
from ui.documents.import_preview_models import UnitsModel
from ui.window.main_window import MainWindow

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

Answer = Callable[[ImportPreviewDialog], int]


def near_document() -> ParsedDocument:
    """A second document: measure 2 names 自治区公安局, close to the known 自治区公安厅,
    and measure 4 a unit nobody knows."""
    doc = sample_document("宁政办〔2021〕10号")
    doc.measures[1].units = ["自治区公安局", "宁夏税务局"]
    doc.measures[1].lead_units = ["自治区公安局"]
    doc.measures[3].units = ["自治区营商环境办"]
    doc.measures[3].lead_units = ["自治区营商环境办"]
    doc.warnings.append(
        ParseWarning(12, Message(QT_TRANSLATE_NOOP("messages", "no deadline found"), {}))
    )
    return doc


class Conversation:
    """Stands in for the clerk: chooses the file, answers the preview, reads the outcome."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.previews: list[ImportPreviewDialog] = []
        self.outcomes: list[ImportOutcomeDialog] = []
        self.answer: Answer = lambda _dialog: QDialog.DialogCode.Accepted
        self.testers: list[QAbstractItemModelTester] = []
        monkeypatch.setattr(ImportPreviewDialog, "exec", lambda dialog: self._preview(dialog))
        monkeypatch.setattr(ImportOutcomeDialog, "exec", lambda dialog: self._outcome(dialog))

    def _preview(self, dialog: ImportPreviewDialog) -> int:
        self.previews.append(dialog)
        fatal = QAbstractItemModelTester.FailureReportingMode.Fatal
        self.testers += [
            QAbstractItemModelTester(dialog.measures, fatal),
            QAbstractItemModelTester(dialog.units, fatal),
        ]
        return int(self.answer(dialog))

    def _outcome(self, dialog: ImportOutcomeDialog) -> int:
        self.outcomes.append(dialog)
        return int(QDialog.DialogCode.Accepted)

    def parsed(self, doc: ParsedDocument, src: SourceInfo) -> None:
        """The next file read is ``doc`` (a hand-built document instead of a real file)."""
        self.monkeypatch.setattr(
            "tracker.documents.document_service.parse_policy_file", lambda _path: (doc, src)
        )

    def choose(self, path: Path) -> None:
        fake = staticmethod(lambda *_args: (str(path), ""))
        self.monkeypatch.setattr(QFileDialog, "getOpenFileName", fake)


@pytest.fixture
def clerk(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Conversation:
    talk = Conversation(monkeypatch)
    talk.choose(tmp_path / "措施（二）.txt")
    return talk


def units_table(dialog: ImportPreviewDialog) -> list[tuple[str, str, str]]:
    model = dialog.units
    return [
        tuple(model.index(r, c).data() for c in range(model.columnCount()))  # type: ignore[misc]
        for r in range(model.rowCount())
    ]


def assignments(services: Services, number: str) -> list[tuple[str, str]]:
    return [(r.code, r.unit) for r in services.overview.assignments() if number in r.doc_label]


def test_a_new_unit_mapped_to_its_suggestion_becomes_an_alias(
    window: MainWindow, services: Services, clerk: Conversation
) -> None:
    clerk.parsed(near_document(), source("措施（二）.txt", "b" * 64))

    def choose_suggestion(dialog: ImportPreviewDialog) -> int:
        combo = dialog.unit_combo("自治区公安局")
        assert [combo.itemText(i) for i in range(3)] == [
            "Create as a new unit",
            "自治区公安厅 (suggested)",
            "",  # the separator before every other known unit
        ]
        combo.setCurrentIndex(1)
        return QDialog.DialogCode.Accepted

    clerk.answer = choose_suggestion
    window.actions_.import_document.trigger()

    [preview] = clerk.previews
    assert preview.counts.text() == "2 parts, 1 section, 4 measures, 6 units named (2 new)."
    assert preview.unassigned.text() == "Measures without a responsible unit: 3"
    assert units_table(preview) == [  # the new ones first, to be decided
        ("自治区公安局", "New — similar to 自治区公安厅", "自治区公安厅"),
        ("自治区营商环境办", "New", "Create as a new unit"),
        ("自治区市场监管厅", "Known unit", "自治区市场监管厅"),
        ("自治区公安厅", "Known unit", "自治区公安厅"),
        ("各市、县（区）", "Known unit", "各市、县（区）"),
        ("宁夏税务局", "Known unit", "宁夏税务局"),
    ]
    assert preview.unit_mapping() == {"自治区公安局": "自治区公安厅"}
    warnings = [preview.warnings.item(i).text() for i in range(preview.warnings.count())]
    assert warnings == ["Line 12: no deadline found"]
    measures = preview.measures
    assert [measures.index(1, c).data() for c in range(4)] == [
        "2",
        "推广企业开办零费用",
        "自治区公安局、宁夏税务局",
        "2021年7月10日",
    ]
    assert measures.index(2, 2).data() == "(no unit named)"

    assert assignments(services, "10号") == [
        ("1", "自治区市场监管厅"),
        ("1", "自治区公安厅"),
        ("1", "各市、县（区）"),
        ("2", "自治区公安厅"),
        ("2", "宁夏税务局"),
        ("4", "自治区营商环境办"),
    ]
    units = {u.name: u for u in services.units.list()}
    assert units["自治区公安厅"].aliases == ("自治区公安局",)
    assert "自治区公安局" not in units
    assert units["自治区营商环境办"].needs_review
    [outcome] = clerk.outcomes
    assert outcome.summary.text() == "措施（二）.txt was imported."
    assert "• 自治区营商环境办" in outcome.details.toPlainText().splitlines()
    assert ("4", "自治区营商环境办") in [(r.code, r.unit) for r in window.model.rows()]


def test_new_units_are_created_by_default(
    window: MainWindow, services: Services, clerk: Conversation
) -> None:
    clerk.parsed(near_document(), source("措施（二）.txt", "b" * 64))
    window.actions_.import_document.trigger()

    assert clerk.previews[0].unit_mapping() == {}
    assert ("2", "自治区公安局") in assignments(services, "10号")
    units = {u.name: u for u in services.units.list()}
    assert units["自治区公安局"].needs_review
    assert units["自治区公安厅"].aliases == ()


def test_choosing_any_known_unit_or_back_to_create(services: Services, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc, src = near_document(), source("x.txt", "c" * 64)
    plan = services.documents.plan(doc, src)
    known = [u.name for u in services.units.list()]
    dialog = ImportPreviewDialog(doc, src, plan, known)
    qtbot.addWidget(dialog)
    assert dialog.issued_on.text() == "2021年5月19日"  # as the document writes it (was 2021-05-19)
    combo = dialog.unit_combo("自治区营商环境办")
    names = [combo.itemData(i) for i in range(combo.count())]
    assert names[0] == ""  # create
    assert set(names[2:]) == set(known)  # (after the separator) every known unit
    combo.setCurrentIndex(combo.findData("自治区政府办公厅"))
    assert dialog.unit_mapping() == {"自治区营商环境办": "自治区政府办公厅"}
    combo.setCurrentIndex(0)
    assert dialog.unit_mapping() == {}
    index = dialog.units.index(2, UnitsModel.TARGET)  # a known unit is not editable
    assert not dialog.units.setData(index, "自治区公安厅")
    assert not dialog.units.setData(combo_index(dialog, "自治区公安局"), "没有这个单位")


def combo_index(dialog: ImportPreviewDialog, name: str):  # type: ignore[no-untyped-def]
    [row] = [r for r in dialog.units.new_rows() if dialog.units.unit(r).name == name]
    return dialog.units.index(row, UnitsModel.TARGET)


def test_an_unchanged_file_offers_only_close(
    window: MainWindow, services: Services, clerk: Conversation
) -> None:
    clerk.parsed(sample_document(), source())  # the very file the database was filled from
    clerk.answer = lambda _dialog: QDialog.DialogCode.Rejected  # Close
    window.actions_.import_document.trigger()

    [preview] = clerk.previews
    assert preview.plan.state == "unchanged"
    assert preview.state.text() == (
        "措施.txt was imported before; importing it again would change nothing."
    )
    assert preview.confirm is None
    assert [b.text() for b in preview.buttons.buttons()] == ["Close"]
    assert clerk.outcomes == []
    assert len(services.documents.list()) == 1


def test_a_revision_lists_its_changes_in_chinese_and_applies_them(
    chinese: None,  # noqa: F811
    window: MainWindow,
    services: Services,
    clerk: Conversation,
) -> None:
    revised = sample_document()
    revised.measures[1] = dataclasses.replace(
        revised.measures[1], title="推广企业开办零成本", deadline_text="2021年9月底"
    )
    revised.measures[1].deadline = revised.measures[1].deadline.replace(month=9, day=30)  # type: ignore[union-attr]
    revised.measures[3].units = ["自治区政府办公厅", "宁夏税务局"]
    clerk.parsed(revised, source("措施（修订）.txt", "d" * 64))
    window.actions_.import_document.trigger()

    [preview] = clerk.previews
    changes = [preview.changes.item(i).text() for i in range(preview.changes.count())]
    assert changes == [
        "• 2 修改  标题：推广企业开办零费用 → 推广企业开办零成本; "
        "完成时限：2021-07-10 → 2021-09-30",
        "• 4 修改  责任单位：增加[宁夏税务局]",
    ]
    assert preview.state.text() == (
        "这是已存文件宁政办〔2021〕9号的修订版本。接受修订将应用下列改动，已登记的进展全部保留。"
    )
    assert preview.tabs.currentWidget() is preview.changes
    assert preview.confirm is not None and preview.confirm.text() == "接受修订"
    [outcome] = clerk.outcomes
    assert outcome.summary.text() == "已应用修订，已登记的进展全部保留。"
    assert ("4", "宁夏税务局") in assignments(services, "9号")
    assert len(services.documents.list()) == 1


def test_an_unreadable_file_is_a_message_and_nothing_is_imported(
    window: MainWindow,
    services: Services,
    clerk: Conversation,
    tmp_path: Path,
    messages: list[tuple[str, str]],
) -> None:
    garbage = tmp_path / "乱码.txt"
    garbage.write_bytes(bytes(range(256)) * 8)
    clerk.choose(garbage)
    window.actions_.import_document.trigger()
    assert messages == [("warning", "乱码.txt: is neither UTF-8 nor GB18030 text")]
    assert clerk.previews == [] and clerk.outcomes == []
    assert len(services.documents.list()) == 1


def test_cancelling_the_preview_imports_nothing(
    window: MainWindow, services: Services, clerk: Conversation
) -> None:
    clerk.parsed(near_document(), source("措施（二）.txt", "b" * 64))
    clerk.answer = lambda _dialog: QDialog.DialogCode.Rejected
    window.actions_.import_document.trigger()
    assert len(clerk.previews) == 1 and clerk.outcomes == []
    assert len(services.documents.list()) == 1
    assert "自治区营商环境办" not in {u.name for u in services.units.list()}


def test_a_dropped_document_is_previewed_first(
    qtbot,  # type: ignore[no-untyped-def]
    empty_services: Services,
    private_settings: QSettings,
    tmp_path: Path,
    clerk: Conversation,
) -> None:
    window = make_window(qtbot, empty_services, private_settings, tmp_path)
    dropped = tmp_path / "措施.docx"
    dropped.write_bytes(b"")  # (read by the patched parser)
    clerk.parsed(sample_document(), source())
    assert drop(window, [dropped])
    [preview] = clerk.previews
    assert preview.plan.state == "new"
    assert window.pages.currentWidget() is window.splitter
    assert len(window.model.rows()) == 6
