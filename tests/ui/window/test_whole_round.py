"""A whole reporting round from the window alone, in Chinese (issue 12's "Done means").

The seed 宁政职转办〔2021〕1号's 36 ledgers go out through the export dialog (its four
collectives have no members: none to them, and the dialog says so), four come back
(``tests/whole_round.py`` tells who and what), the round's page lists the 32 units
not reported, the chasers for all of them are written in one go, the tax bureau's file
with two bad cells is taken without its bad rows and its 退回单 written, the extension it
asked for approved on the 延期申请 page, and the bulletin and the master's 汇总 agree.

Every dialog is the real one, run modally by the window's own menu commands and driven
by a clerk that waits for it (``Clerk``); only the message boxes, the one-line input
box and the operating system's file choosers are stood in for.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

from tests.tracker.cli.test_whole_round_cli import listed_codes, marked_cells, read_bulletin
from tests.ui.conftest import make_window
from tests.ui.window.test_all_chinese import chinese  # noqa: F401 (fixture)
from tests.ui.window.test_keyboard_round import REAL_EXEC, Clerk
from tests.whole_round import (
    AS_OF,
    CHASERS,
    COMMERCE,
    MARKET,
    MEMBERLESS,
    MEMBERLESS_NOTE,
    NOT_ON_TIME,
    NOT_REPORTED,
    OVERALL,
    POLICE,
    PUBLISHED_ON,
    REPORTING,
    RETURNED_FIGURES,
    RETURNED_ON,
    ROUND,
    SENT_ON,
    TAX,
    TAX_NOTICE,
    TOTALS,
    as_summary,
    bulletin_rows,
    fill_in,
    fixed_time,  # noqa: F401 (fixture)
    ledger_name,
    summary_sheet,
)
from tracker.services import Services
from tracker.store import Clock
from ui.extensions.extensions_dialog import ExtensionsDialog
from ui.ledgers.ledger_export_dialog import LedgerExportDialog
from ui.ledgers.ledger_import_dialog import LedgerImportDialog
from ui.ledgers.round_status_dialog import RoundStatusDialog
from ui.ledgers.rounds_dialog import RoundsDialog
from ui.reports.chaser_batch_dialog import ChaserBatchDialog
from ui.reports.report_preview import ReportDialog
from ui.window.main_window import MainWindow

pytestmark = [pytest.mark.needs_shared, pytest.mark.usefixtures("fixed_time", "chinese")]
LEFT = Qt.MouseButton.LeftButton


class Office:
    """The window on the clerk's desk: its menus, the message boxes it showed, the files
    the clerk would pick in the system's choosers, and the clerk at the dialogs."""

    def __init__(self, qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
        self.qtbot, self.window = qtbot, window
        self.told: list[str] = []
        self.asked: list[str] = []
        self.picked: dict[str, object] = {}
        self.clerk = Clerk()
        monkeypatch.setattr(QDialog, "exec", REAL_EXEC)

        def box(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
            self.told.append(text)
            return QMessageBox.StandardButton.Ok

        def question(_parent, _title, text, *_args, **_kwargs):  # type: ignore[no-untyped-def]
            self.asked.append(text)  # "Create a round now?" yes; "Open the folder?" close
            if "Open" in text or "打开" in text:
                return QMessageBox.StandardButton.Close
            return QMessageBox.StandardButton.Yes

        def chooser(kind: str) -> Callable[..., object]:
            return staticmethod(lambda *_args, **_kwargs: self.picked.pop(kind))

        for kind in ("information", "warning", "critical"):
            monkeypatch.setattr(QMessageBox, kind, staticmethod(box))
        monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
        for kind in ("getOpenFileNames", "getExistingDirectory", "getSaveFileName", "getText"):
            owner = QInputDialog if kind == "getText" else QFileDialog
            monkeypatch.setattr(owner, kind, chooser(kind))

    def on(self, kind: type[QWidget], does: Callable[[QWidget], None]) -> None:
        """When a ``kind`` dialog comes up, the clerk ``does`` something with it (the
        dialog is closed after, unless it closed itself)."""

        def then_close(dialog: QWidget) -> None:
            does(dialog)
            if isinstance(dialog, QDialog) and dialog.isVisible():
                dialog.reject()

        self.clerk.then(kind, then_close)

    def menu(self, action: str) -> None:
        """A menu command, run until the dialogs the clerk expects are done."""
        getattr(self.window.actions_, action).trigger()
        self.clerk.check()
        assert not self.clerk.steps, f"never came up: {self.clerk.steps}"

    def on_day(self, day: date) -> None:
        self.window.rows.services.store.clock = Clock(day)  # type: ignore[union-attr]


@pytest.fixture
def office(  # type: ignore[no-untyped-def]
    qtbot, empty_services: Services, seed_000: Path, private_settings, tmp_path: Path, monkeypatch
) -> Office:
    empty_services.store.clock = Clock(SENT_ON)
    empty_services.documents.import_file(seed_000)
    window = make_window(qtbot, empty_services, private_settings, tmp_path)
    window.show()
    qtbot.waitUntil(lambda: window.rows.index is not None)
    return Office(qtbot, window, monkeypatch)


def cells(dialog: QDialog, table: str, columns: tuple[int, ...]) -> list[list[str]]:
    """What a dialog's table shows, row by row."""
    view = getattr(dialog, table)
    model = view.model()
    return [[model.index(r, c).data() for c in columns] for r in range(model.rowCount())]


def test_a_whole_round_from_the_window(office: Office, tmp_path: Path) -> None:
    sent, back, notices = tmp_path / "sent", tmp_path / "back", tmp_path / "退回单"
    chasers, final = tmp_path / "催办", tmp_path / "final"

    # 1. Ledgers out on 25 December: no round yet, so one is made (as of 31 December,
    #    due back ten days later, 10 January), then every unit's ledger and the master.
    def new_round(dialog: QWidget) -> None:
        assert isinstance(dialog, RoundsDialog)
        dialog.name.setText(ROUND)
        dialog.as_of.setDate(AS_OF)
        assert dialog.deadline.date().toPython() == date(2022, 1, 10)
        office.qtbot.mouseClick(dialog.create_button, LEFT)
        assert dialog.created is not None and dialog.created.deadline == date(2022, 1, 10)

    def export_all(dialog: QWidget) -> None:
        assert isinstance(dialog, LedgerExportDialog)
        assert dialog.all_units.text() == "所有有分工的单位（36 个）"
        dialog.folder.setText(str(sent))
        office.qtbot.mouseClick(dialog.export_button, LEFT)

    office.on(RoundsDialog, new_round)
    office.on(LedgerExportDialog, export_all)
    office.menu("export_ledgers")
    assert len(list(sent.iterdir())) == 37  # 36 units and the master
    assert office.asked[-1] == (
        f"已将 37 份台账保存到 {sent}。\n\n以下集体尚无成员单位，未生成工作台账"
        f"（请在单位管理中添加成员）：{'、'.join(MEMBERLESS)}\n\n打开该文件夹吗？"
    )
    returned = fill_in(sent, back)

    # 2. The returns.  市场监管厅's goes in as it is.
    def apply(expected: str) -> Callable[[QWidget], None]:
        def press_apply(dialog: QWidget) -> None:
            assert isinstance(dialog, LedgerImportDialog)
            assert cells(dialog, "file_view", (1, 7)) == [[dialog.previews()[0].unit, expected]]
            office.qtbot.mouseClick(dialog.apply_button, LEFT)

        return press_apply

    office.on_day(RETURNED_ON[MARKET])
    office.picked["getOpenFileNames"] = ([str(returned[MARKET])], "")
    office.on(LedgerImportDialog, apply("可以导入"))
    office.menu("import_ledgers")
    assert office.told[-1] == "已导入 1 个文件，共 27 处修改。\n通讯录中2项联系方式已更新。"

    # 宁夏税务局's has two bad cells: not applied whole; its valid rows are, the two
    # rows stay as the office has them, and the 退回单 marks the two cells in red.
    def take_valid_rows(dialog: QWidget) -> None:
        assert isinstance(dialog, LedgerImportDialog)
        assert cells(dialog, "file_view", (3, 5, 7)) == [["8", "2", "请先改正被退回的单元格"]]
        assert not dialog.apply_button.isEnabled()
        assert cells(dialog, "reject_view", (0, 1, 2)) == [
            ["台账!J8", "完成状态", TAX_NOTICE[0][2]],
            ["台账!Q9", "申请延期至", TAX_NOTICE[1][2]],
        ]
        assert dialog.details.tabText(8) == "延期申请（1）"
        office.picked["getExistingDirectory"] = str(notices)
        office.qtbot.mouseClick(dialog.notice_button, LEFT)
        dialog.apply_valid.setChecked(True)
        assert cells(dialog, "file_view", (7,)) == [["可导入有效行；2处退回保持不变"]]
        office.qtbot.mouseClick(dialog.apply_button, LEFT)

    office.on_day(RETURNED_ON[TAX])
    office.picked["getOpenFileNames"] = ([str(returned[TAX])], "")
    office.on(LedgerImportDialog, take_valid_rows)
    office.menu("import_ledgers")
    notice = notices / f"{TAX}_{ROUND}_退回单.xlsx"
    assert office.told[-2:] == [
        f"退回单已生成：{notice}",
        "已导入 1 个文件，共 8 处修改。\n1项延期申请待审批（编辑 → 延期申请…）。",
    ]
    assert marked_cells(notice) == TAX_NOTICE
    assert listed_codes(notice) == ["42", "43"]

    # 公安厅 sent its ledger back unchanged: it has reported, with nothing new.
    office.picked["getOpenFileNames"] = ([str(returned[POLICE])], "")
    office.on(LedgerImportDialog, apply("无新内容：记为已报送"))
    office.menu("import_ledgers")
    assert office.told[-1] == "已导入 1 个文件，共 0 处修改。"

    # 商务厅's comes on 11 January, a day after the deadline.
    office.on_day(RETURNED_ON[COMMERCE])
    office.picked["getOpenFileNames"] = ([str(returned[COMMERCE])], "")
    office.on(LedgerImportDialog, apply("可以导入"))
    office.menu("import_ledgers")

    # 3. Who has not reported by the deadline, and the chasers for all of them at once.
    def chase_all(dialog: QWidget) -> None:
        assert isinstance(dialog, ChaserBatchDialog)
        assert dialog.checked() == NOT_REPORTED
        office.picked["getExistingDirectory"] = str(chasers)
        office.qtbot.mouseClick(dialog.save, LEFT)
        assert [p.name for p in dialog.written] == CHASERS

    def read_the_page(dialog: QWidget) -> None:
        assert isinstance(dialog, RoundStatusDialog)
        assert dialog.summary.text() == REPORTING
        for state, units in (
            ("未报送", [[u, "未报送", "2021-12-25 09:30", "", ""] for u in NOT_REPORTED]),
            ("逾期报送", [[COMMERCE, "逾期报送", "2021-12-25 09:30", "2022-01-11 09:30", "4"]]),
            (
                "按时报送",
                [
                    [MARKET, "按时报送", "2021-12-25 09:30", "2022-01-06 09:30", "27"],
                    [TAX, "按时报送", "2021-12-25 09:30", "2022-01-07 09:30", "8"],
                    [POLICE, "按时报送", "2021-12-25 09:30", "2022-01-07 09:30", "0"],
                ],
            ),
        ):
            dialog.state.setCurrentIndex(dialog.state.findData(state))
            assert cells(dialog, "table", (0, 1, 2, 3, 6)) == units
        assert len(NOT_REPORTED) == 32
        office.qtbot.mouseClick(dialog.chase_button, LEFT)

    office.on(RoundStatusDialog, read_the_page)
    office.on(ChaserBatchDialog, chase_all)
    office.menu("round_status")
    assert office.told[-1] == f"已保存33个文件到 {chasers}"
    assert sorted(p.name for p in chasers.iterdir()) == sorted(CHASERS)

    # The rounds list says the same in units (not files: the master, a unit's second file).
    def count_units(dialog: QWidget) -> None:
        assert isinstance(dialog, RoundsDialog)
        assert cells(dialog, "table", (0, 1, 2, 3, 4, 5)) == [
            [ROUND, "2021-12-31", "2022-01-10", "36", "4", "32"]  # no collective sent any
        ]

    office.on(RoundsDialog, count_units)
    office.menu("rounds")

    # 4. The extension 宁夏税务局 asked for, approved on the 延期申请 page.
    def approve(dialog: QWidget) -> None:
        assert isinstance(dialog, ExtensionsDialog)
        assert cells(dialog, "table", (0, 2, 3, 4, 5, 7)) == [
            ["41", TAX, "2021年6月底", "2022-03-31", "系统改造需跨部门联调", "待审批"]
        ]
        office.picked["getText"] = ("同意延期", True)
        office.qtbot.mouseClick(dialog.approve_button, LEFT)
        dialog.show_decided.setChecked(True)
        assert cells(dialog, "table", (3, 7, 8)) == [
            ["2022-03-31（原 2021年6月底）", "已批准", "2022-01-11 测试员：同意延期"]
        ]

    office.on(ExtensionsDialog, approve)
    office.menu("extensions")

    # 5. On 12 January the master ledger, then the bulletin: the same figures.
    def export_master(dialog: QWidget) -> None:
        assert isinstance(dialog, LedgerExportDialog)
        dialog.some_units.setChecked(True)  # no unit ticked: the master alone
        dialog.folder.setText(str(final))
        office.qtbot.mouseClick(dialog.export_button, LEFT)

    saved: list[str] = []
    bulletin = tmp_path / "通报.docx"

    def publish(dialog: QWidget) -> None:
        assert isinstance(dialog, ReportDialog)
        assert (dialog.kind.currentData(), dialog.round.currentData()) == ("bulletin", ROUND)
        dialog.saved.connect(saved.append)
        office.picked["getSaveFileName"] = (str(bulletin), "")
        office.qtbot.mouseClick(dialog.save_docx, LEFT)
        office.qtbot.waitUntil(lambda: bool(saved), timeout=30_000)
        office.picked["getSaveFileName"] = (str(bulletin.with_suffix(".pdf")), "")
        office.qtbot.mouseClick(dialog.save_pdf, LEFT)  # the same bulletin, for the printer
        office.qtbot.waitUntil(lambda: len(saved) == 2, timeout=30_000)

    office.on_day(PUBLISHED_ON)
    office.on(LedgerExportDialog, export_master)
    office.menu("export_ledgers")
    office.on(ReportDialog, publish)
    office.menu("print_report")

    summary = summary_sheet(final / f"总台账_{ROUND}.xlsx")
    for unit, figures in RETURNED_FIGURES.items():
        assert summary[unit] == figures
    assert summary["合计"] == TOTALS
    assert {unit: summary[unit] for unit in MEMBERLESS} == MEMBERLESS
    assert summary["报送情况"] == ("报送情况：" + REPORTING,)
    assert summary["集体"] == (MEMBERLESS_NOTE,)
    paragraphs, units_table = read_bulletin(bulletin)
    pdf_page = PdfReader(bulletin.with_suffix(".pdf")).pages[0].extract_text()
    assert paragraphs[1] == "第1期" and "第1期" in pdf_page.split()  # one issue, two formats
    assert [b.number for b in office.window.rows.services.bulletins.issued()] == [1]  # type: ignore[union-attr]
    assert OVERALL in paragraphs
    assert "报送情况：" + REPORTING in paragraphs
    assert MEMBERLESS_NOTE in paragraphs
    assert NOT_ON_TIME in paragraphs
    printed = bulletin_rows(units_table)
    assert printed == {  # the ranking: every unit of the 汇总 but the four collectives
        unit: as_summary(f)
        for unit, f in summary.items()
        if unit not in ("合计", "报送情况", "集体", *MEMBERLESS)
    }
    assert {unit: printed[unit] for unit in RETURNED_FIGURES} == {
        MARKET: (16, 6, 0, 1, "37.5%"),
        TAX: (10, 1, 0, 2, "10.0%"),  # measure 41 overdue on 31 December, extended later
        POLICE: (3, 0, 0, 1, "0.0%"),
        COMMERCE: (4, 1, 0, 0, "25.0%"),
    }
    assert ledger_name(MARKET) in {p.name for p in back.iterdir()}
