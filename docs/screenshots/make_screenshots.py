"""Re-make the screenshots in this folder, as a clerk would see the window (Chinese, 1600×960).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python docs/screenshots/make_screenshots.py

Name screenshots (``import_preview.png …``) to re-make only those.

Uses the real seed documents from ../shared/seeds when they are there (the demo
document otherwise), with progress filled in deterministically and the date
fixed to 2021-09-01, so the pictures only change when the window does.
Needs the compiled translation (``pyside6-lrelease``, run by ``dev.py app``).
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QSettings, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from tracker.progress.progress_service import Change  # noqa: E402
from tracker.services import Services  # noqa: E402
from tracker.statuses import Status  # noqa: E402
from tracker.store import Clock  # noqa: E402
from ui.app import install_translation  # noqa: E402
from ui.demo import demo_document  # noqa: E402
from ui.documents.import_preview import ImportPreviewDialog  # noqa: E402
from ui.ledgers.ledger_import_dialog import LedgerImportDialog  # noqa: E402
from ui.window.main_window import MainWindow  # noqa: E402

OUT = Path(__file__).resolve().parent
SEEDS = ROOT.parent / "shared" / "seeds"
TODAY = date(2021, 9, 1)
NOTES = [
    "已制定实施方案，正在推进",
    "已完成系统升级改造",
    "已印发配套文件",
    "正在征求相关部门意见",
    "已上线试运行，群众反响良好",
    "已组织专题培训",
]


def fill(path: Path) -> None:
    services = Services.open(path, clock=Clock(TODAY), user="张明", create=True)
    seeds = sorted(SEEDS.glob("00[03]_*.txt")) if SEEDS.is_dir() else []
    for seed in seeds:
        services.documents.import_file(seed)
    if not seeds:
        from importers.policy.parser import SourceInfo

        services.documents.import_parsed(demo_document(TODAY), SourceInfo("演示.txt", "0" * 64, 0))
    rng = random.Random(7)
    for row in services.overview.assignments():
        roll = rng.random()
        note = rng.choice(NOTES)
        if roll < 0.35:
            percent = rng.choice([20, 40, 50, 60, 80])
            change = Change(status=Status.IN_PROGRESS, percent=percent, note=note)
            services.progress.record(row.id, change, source="2021年第2季度台账")
        elif roll < 0.5:
            services.progress.record(row.id, Change(status=Status.DONE, percent=100, note=note))
            if rng.random() < 0.5:
                services.progress.tick_off(row.id)
    services.close()


ROUND = "2021年第3季度"


def edit_ledger(path: Path, edits: dict[tuple[str, str], object], target: Path) -> Path:
    """Change cells as a unit would in Excel: (measure code, column header) → value."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "序号")
    columns = {ws.cell(header_row, c).value: c for c in range(1, ws.max_column + 1)}
    for (code, header), value in edits.items():
        row = next(
            r
            for r in range(header_row + 1, ws.max_row + 1)
            if str(ws.cell(r, columns["措施编号"]).value) == code
        )
        ws.cell(row, columns[header]).value = value
    wb.save(target)
    return target


def returned_ledgers(path: Path, folder: Path) -> list[Path]:
    """A round, three units' ledgers sent out and returned: changes, a conflict, a reject."""
    services = Services.open(path, clock=Clock(TODAY), user="张明", create=True)
    services.rounds.create(ROUND, date(2021, 9, 30))
    rows = [r for r in services.overview.assignments() if r.status is Status.NOT_STARTED]
    units = sorted({r.unit for r in rows}, key=lambda u: -sum(1 for r in rows if r.unit == u))[:3]
    exporter = services.ledger_export
    sent = exporter.export_units(ROUND, folder / "sent", units=units)
    back = folder / "returned"
    back.mkdir()
    mine = {u: [r for r in rows if r.unit == u] for u in units}
    first, second, third = units
    # The office noted something on the second unit's first measure after sending it out.
    services.progress.record(mine[second][0].id, Change(note="办公室电话核实：系统已部署"))
    services.close()
    return [
        edit_ledger(
            sent[0],
            {
                (mine[first][0].code, "完成状态"): "推进中",
                (mine[first][0].code, "完成进度(%)"): 60,
                (mine[first][0].code, "进展情况"): "已完成方案制定，正在组织实施",
                (mine[first][1].code, "完成状态"): "已完成",
                (mine[first][1].code, "进展情况"): "已印发实施细则",
            },
            back / sent[0].name,
        ),
        edit_ledger(
            sent[1],
            {
                (mine[second][0].code, "进展情况"): "系统已上线试运行",
                (mine[second][1].code, "完成进度(%)"): 40,
            },
            back / sent[1].name,
        ),
        edit_ledger(sent[2], {(mine[third][0].code, "完成状态"): "已销号"}, back / sent[2].name),
    ]


def import_preview(folder: Path, parent: QWidget) -> ImportPreviewDialog | None:
    """The preview of seed 003 over a database that holds seed 000 (so most units are known)."""
    from tracker.documents.document_service import parse_policy_file

    first, later = sorted(SEEDS.glob("000_*.txt")), sorted(SEEDS.glob("003_*.txt"))
    if not first or not later:
        return None
    services = Services.open(
        folder / "preview.sqlite3", clock=Clock(TODAY), user="张明", create=True
    )
    services.documents.import_file(first[0])
    parsed, source = parse_policy_file(later[0])
    plan = services.documents.plan(parsed, source)
    known = [u.name for u in services.units.list()]
    services.close()
    return ImportPreviewDialog(parsed, source, plan, known, parent)


Step = Callable[[], None]


def shoot(target: QWidget, name: str, prepare: Step, then: Step) -> None:
    prepare()
    if isinstance(target, MainWindow):
        target.selection.show_current_detail()
    QTimer.singleShot(600, lambda: (target.grab().save(str(OUT / name)), then()))


def main() -> None:
    app = QApplication(sys.argv)
    folder = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    install_translation(app, "zh_CN")
    fill(folder / "screens.sqlite3")
    ledgers = returned_ledgers(folder / "screens.sqlite3", folder)
    window = MainWindow(Services.open(folder / "screens.sqlite3", clock=Clock(TODAY), create=True))
    window.resize(1600, 960)
    window.show()
    empty = MainWindow(Services.open(folder / "empty.sqlite3", clock=Clock(TODAY), create=True))
    empty.resize(1200, 760)

    def overdue() -> None:
        window.filters.choose_unit("自治区市场监管厅")
        window.filters.overdue.setChecked(True)
        window.table.selectRow(0)

    def first_run() -> None:
        empty.show()

    def board() -> None:
        window.filters.reset()
        window.tabs.setCurrentWidget(window.board)
        window.board.table.selectionModel().clear()

    def dashboard() -> None:
        window.tabs.setCurrentWidget(window.dashboard)

    preview = LedgerImportDialog(window.services.ledger_import, ledgers, window)

    def ledger_preview() -> None:
        preview.resize(1200, 700)
        preview.load()
        preview.show()
        preview.file_view.selectRow(1)  # the file with a conflict

    document_preview = import_preview(folder, window)

    def policy_preview() -> None:
        assert document_preview is not None
        document_preview.resize(1100, 720)
        document_preview.show()
        suggested = [
            r
            for r in document_preview.units.new_rows()
            if document_preview.units.unit(r).suggestions
        ]
        if suggested:  # one new name mapped onto its suggestion, the others created
            document_preview.unit_combo(
                document_preview.units.unit(suggested[0]).name
            ).setCurrentIndex(1)

    def scores() -> None:
        window.tabs.setCurrentWidget(window.scores_tab.page)

    def back_to_table() -> None:
        window.tabs.setCurrentIndex(0)
        window.table.selectRow(3)

    steps = [
        (window, "main_window.png", back_to_table),
        (window, "main_window_overdue.png", overdue),
        (window, "progress_board.png", board),
        (window, "dashboard.png", dashboard),
        (window, "scores.png", scores),
        (preview, "ledger_import_preview.png", ledger_preview),
        (empty, "first_run.png", first_run),
    ]
    if document_preview is not None:
        steps.append((document_preview, "import_preview.png", policy_preview))
    wanted = set(sys.argv[1:])
    steps = [step for step in steps if not wanted or step[1] in wanted]

    def next_step() -> None:
        if not steps:
            app.quit()
            return
        target, name, prepare = steps.pop(0)
        shoot(target, name, prepare, next_step)

    QTimer.singleShot(300, next_step)
    app.exec()


if __name__ == "__main__":
    main()
