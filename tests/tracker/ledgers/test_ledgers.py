"""Rounds, ledger export, and the safe import of returned ledgers (preview, apply, undo)."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from sqlalchemy.orm import Session

from tests.tracker.conftest import sample_document, source
from tracker.errors import InvalidInputError, NotFoundError, StaleEditError, UserError
from tracker.ledgers import ledger_compare, ledger_snapshot
from tracker.progress.overview import AssignmentFilter
from tracker.progress.progress_service import Change
from tracker.records import AssignmentRow
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status

ROUND = "2021年第2季度"
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "ledger"


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def _export(services: Services, unit: str, out: Path) -> Path:
    [path] = services.ledger_export.export_units(ROUND, out, units=[unit])
    return path


def _edit(path: Path, edits: dict[str, object], target: Path | None = None) -> Path:
    """Change cells as a unit would in Excel: by column header and measure code."""
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    header_row = next(r for r in range(1, 10) if ws.cell(r, 1).value == "序号")
    columns = {ws.cell(header_row, c).value: c for c in range(1, ws.max_column + 1)}
    for spec, value in edits.items():
        code, header = spec.split("/")
        row = next(
            r
            for r in range(header_row + 1, ws.max_row + 1)
            if str(ws.cell(r, columns["措施编号"]).value) == code
        )
        ws.cell(row, columns[header]).value = value
    out = target or path.with_name("returned_" + path.name)
    wb.save(out)
    return out


def test_rounds_are_named_once_and_found_by_name(office: Services) -> None:
    rounds = RoundService(office.store)
    with pytest.raises(InvalidInputError, match="already exists"):
        rounds.create(ROUND, date(2021, 6, 30))
    rounds.create("2021年第3季度", date(2021, 9, 30))
    assert [(r.name, r.as_of) for r in rounds.list()] == [
        (ROUND, date(2021, 6, 30)),
        ("2021年第3季度", date(2021, 9, 30)),
    ]
    with office.store.reading() as session:
        assert rounds.find(session, None).name == "2021年第3季度"
        with pytest.raises(NotFoundError, match="no round named"):
            rounds.find(session, "2020年")


def test_export_every_unit_and_the_master(office: Services, tmp_path: Path) -> None:
    exporter = office.ledger_export
    outcome = exporter.export_each_unit(ROUND, tmp_path)
    assert sorted(p.name for p in outcome.written) == sorted(
        f"{u}_{ROUND}_工作台账.xlsx"
        for u in ["自治区市场监管厅", "自治区公安厅", "宁夏税务局", "自治区政府办公厅"]
    )
    # 各市、县（区） has no member yet: nobody to send its ledger to (issue 16)
    assert outcome.memberless == ["各市、县（区）"]
    assert not (tmp_path / f"各市、县（区）_{ROUND}_工作台账.xlsx").exists()
    police = openpyxl.load_workbook(tmp_path / f"自治区公安厅_{ROUND}_工作台账.xlsx")
    ws = police.worksheets[0]
    codes = [ws.cell(r, 2).value for r in range(4, ws.max_row + 1)]
    assert codes == ["1", "2"]
    master = exporter.export_master(ROUND, tmp_path)
    book = openpyxl.load_workbook(master)
    assert book.sheetnames[0] == "汇总"
    assert [r.exports for r in RoundService(office.store).list()] == [5]


def test_returned_ledger_preview_apply_and_undo(office: Services, tmp_path: Path) -> None:
    sent = _export(office, "自治区公安厅", tmp_path)
    back = _edit(
        sent,
        {
            "1/完成状态": "正在推进",
            "1/完成进度(%)": "60%",
            "1/进展情况": "已完成系统对接\n下一步推广",
            "2/完成状态": "已办结",
            "2/存在问题": "无",
        },
    )
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert (preview.unit, preview.round_name, preview.keys_found) == ("自治区公安厅", ROUND, True)
    assert [(c.code, c.label, c.old, c.new) for c in preview.changed] == [
        ("1", "完成状态", "未启动", "推进中"),
        ("1", "完成进度(%)", None, 60),
        ("1", "进展情况", "", "已完成系统对接\n下一步推广"),
        ("2", "完成状态", "未启动", "已完成"),
        ("2", "完成进度(%)", None, 100),  # done means 100 %: the unit typed no percent
        ("2", "存在问题", "", "无"),
    ]
    assert (preview.unchanged, preview.rejected, preview.conflicts) == (0, [], [])
    # measure 1 (due 2021-06-30, no 未按期完成原因) is not overdue on the round's day, 06-30
    assert preview.warnings == []
    assert preview.contacts == []
    assert {r.status for r in office.overview.assignments()} == {
        Status.NOT_STARTED,
        Status.STANDING,
    }

    result = importer.apply([back], expected=[preview])
    assert (result.applied, result.skipped, result.changes) == ([back.name], [], 6)
    rows = {(r.code, r.unit): r for r in office.overview.assignments()}
    first = rows[("1", "自治区公安厅")]
    assert (first.status, first.percent, first.note) == (
        Status.IN_PROGRESS,
        60,
        "已完成系统对接\n下一步推广",
    )
    history = office.progress.history(first.id)
    assert [(h.source, h.round) for h in history] == [
        ("导入 措施.txt", None),
        (f"台账 {back.name}", ROUND),
    ]

    # The same file again is refused, the database unchanged.
    [again] = importer.preview([back])
    assert again.error is not None and "already imported" in str(again.error)

    assert importer.undo_last() == [back.name]
    rows = {(r.code, r.unit): r for r in office.overview.assignments()}
    assert (rows[("1", "自治区公安厅")].status, rows[("1", "自治区公安厅")].percent) == (
        Status.NOT_STARTED,
        None,
    )
    assert rows[("2", "自治区公安厅")].status is Status.NOT_STARTED
    assert [h.source for h in office.progress.history(first.id)] == [
        "导入 措施.txt",
        f"台账 {back.name}",
        "撤销导入",
    ]
    with pytest.raises(InvalidInputError, match="no ledger import to undo"):
        importer.undo_last()


def test_a_conflict_is_reported_and_the_file_skipped(office: Services, tmp_path: Path) -> None:
    sent = _export(office, "自治区公安厅", tmp_path)
    office.progress.record_by_code("1", "自治区公安厅", Change(note="办公室电话核实：已上线"))
    back = _edit(sent, {"1/进展情况": "单位填报：试运行", "2/完成状态": "推进中"})
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert [(c.code, c.field, c.exported, c.office, c.returned) for c in preview.conflicts] == [
        ("1", "progress", "", "办公室电话核实：已上线", "单位填报：试运行"),
    ]
    result = importer.apply([back])
    assert result.applied == [] and [(f, str(r)) for f, r in result.skipped] == [
        (back.name, "1 conflict")
    ]
    assert {(r.code, r.unit): r.note for r in office.overview.assignments()}[
        ("1", "自治区公安厅")
    ] == "办公室电话核实：已上线"


def test_another_units_rows_and_tick_off_are_rejected(office: Services, tmp_path: Path) -> None:
    police = _export(office, "自治区公安厅", tmp_path)
    back = _edit(police, {"1/责任单位": "自治区市场监管厅", "2/完成状态": "已销号"})
    [preview] = office.ledger_import.preview([back])
    assert sorted((r.sheet, r.cell, str(r.reason)) for r in preview.rejected) == [
        (
            "台账",
            "G4",
            "this row belongs to 自治区市场监管厅; the ledger was exported for 自治区公安厅",
        ),
        ("台账", "J5", "a unit cannot tick off (已销号) its own measure; only the office can"),
    ]
    assert not preview.applicable


def test_keys_lost_rows_are_matched_by_code_and_unit(office: Services, tmp_path: Path) -> None:
    sent = _export(office, "宁夏税务局", tmp_path)
    wb = openpyxl.load_workbook(sent)
    for name in wb.sheetnames:
        if wb[name].sheet_state != "visible":
            del wb[name]
    stripped = tmp_path / "pasted.xlsx"
    wb.save(stripped)
    back = _edit(stripped, {"2/完成状态": "推进中"})
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert preview.keys_found is False
    assert (preview.unit, preview.needs_unit, preview.unit_suggestions) == (
        None,
        True,
        ["宁夏税务局"],
    )
    assert str(preview.skip_reason) == (
        "the hidden sheet is gone: choose the unit this file is from (suggested: 宁夏税务局)"
    )
    [preview] = importer.preview([back], units={back: "宁夏税务局"})
    assert (preview.unit, preview.needs_unit) == ("宁夏税务局", False)
    assert [(c.code, c.unit, c.new) for c in preview.changed] == [("2", "宁夏税务局", "推进中")]
    assert importer.apply([back], units={back: "宁夏税务局"}).applied == [back.name]


def _bad_files(folder: Path, good: Path) -> list[Path]:
    """One file of every kind the importer must refuse, each named as a clerk would receive it."""
    not_excel = folder / "报表.xlsx"
    not_excel.write_text("这不是表格", encoding="utf-8")
    truncated = folder / "损坏.xlsx"
    truncated.write_bytes(good.read_bytes()[:2000])
    password = folder / "加密.xlsx"
    shutil.copy(FIXTURES / "password.xlsx", password)
    bomb = folder / "炸弹.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    laughs = folder / "实体.xlsx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(laughs, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]>' + data[38:]
            dst.writestr(item, data)
    huge = folder / "巨大.xlsx"
    with huge.open("wb") as f:
        f.truncate(80 * 1024 * 1024)
    other = folder / "工资表.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["姓名", "部门", "工资"])
    wb.save(other)
    return [not_excel, truncated, password, bomb, laughs, huge, other, folder / "缺失.xlsx"]


def test_bad_files_leave_the_database_byte_for_byte_unchanged(
    office: Services, tmp_path: Path
) -> None:
    if office.store.engine.dialect.name != "sqlite":
        pytest.skip("byte comparison needs the SQLite file")
    db_file = Path(str(office.store.engine.url.database))
    good = _export(office, "自治区公安厅", tmp_path)
    bad_dir = tmp_path / "bad"
    bad_dir.mkdir()
    bad = _bad_files(bad_dir, good)
    office.store.engine.dispose()
    before = db_file.read_bytes()
    importer = office.ledger_import
    previews = importer.preview(bad)
    errors = {p.file: str(p.error or "") for p in previews}
    assert all(errors.values()), errors
    assert "password-protected" in errors["加密.xlsx"]
    assert "zip bomb" in errors["炸弹.xlsx"]
    assert "XML bomb" in errors["实体.xlsx"]
    assert "50 MB" in errors["巨大.xlsx"]
    assert "ledger header" in errors["工资表.xlsx"]
    assert "no such file" in errors["缺失.xlsx"]
    result = importer.apply(bad)
    assert result.applied == [] and len(result.skipped) == len(bad)
    office.store.engine.dispose()
    assert db_file.read_bytes() == before


def test_folder_import_reads_every_spreadsheet(office: Services, tmp_path: Path) -> None:
    out = tmp_path / "sent"
    office.ledger_export.export_units(ROUND, out)
    back = tmp_path / "back"
    back.mkdir()
    for path in out.iterdir():
        shutil.copy(path, back / path.name)
    (back / "~$lock.xlsx").write_bytes(b"lock")
    previews = office.ledger_import.preview([back])
    assert len(previews) == 4  # the four units; 各市、县（区） has no member, so no file
    assert all(p.applicable and not p.changed for p in previews)


@pytest.mark.needs_shared
def test_every_units_ledger_round_trips_for_both_seeds(
    services: Services, seed_000: Path, seed_003: Path, tmp_path: Path
) -> None:
    for seed in (seed_000, seed_003):
        services.documents.import_file(seed)
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    outcome = services.ledger_export.export_each_unit(ROUND, tmp_path)
    written = outcome.written
    # 45 named units; the 5 collectives have no member yet, so no file (issue 16)
    assert len(written) == 45
    assert outcome.memberless == [
        "各市、县（区）",
        "自治区有关部门",
        "自治区相关部门",
        "自治区市场监管领域相关部门",
        "自治区政府相关部门",
    ]
    previews = services.ledger_import.preview([tmp_path])
    assert len(previews) == 45
    assert [
        (p.file, p.error, p.rejected, p.conflicts, p.changed)
        for p in previews
        if not p.applicable or p.changed
    ] == []
    # 490 tasks less the collectives' 166: 各市、县（区） 68 + 37, 自治区相关部门 22 + 24,
    # 自治区政府相关部门 13, 自治区有关部门 1, 自治区市场监管领域相关部门 1
    assert sum(p.unchanged for p in previews) == 324
    named = {u.name for u in services.units.list() if not u.memberless}
    assert {p.unit for p in previews} == named
    assert [p.file for p in previews if p.ignored or p.kept] == []
    resaved = tmp_path / "resaved"
    resaved.mkdir()
    for path in sorted(written, key=lambda p: -p.stat().st_size)[:3]:  # as Excel re-saves
        openpyxl.load_workbook(path).save(resaved / path.name)
    again = services.ledger_import.preview([resaved])
    assert [(p.ignored, p.kept, p.rejected, p.changed) for p in again] == [([], [], [], [])] * 3


def test_two_files_changing_the_same_field_are_not_both_applied(
    office: Services, tmp_path: Path
) -> None:
    sent = _export(office, "自治区公安厅", tmp_path)
    first = _edit(sent, {"1/进展情况": "甲稿"}, tmp_path / "a.xlsx")
    second = _edit(sent, {"1/进展情况": "乙稿"}, tmp_path / "b.xlsx")
    result = office.ledger_import.apply([first, second])
    assert result.applied == ["a.xlsx"]
    assert [(f, str(r)) for f, r in result.skipped] == [
        ("b.xlsx", "changes the same fields as a.xlsx; import it on its own")
    ]
    notes = {(r.code, r.unit): r.note for r in office.overview.assignments()}
    assert notes[("1", "自治区公安厅")] == "甲稿"


def test_conflicts_settled_by_the_clerk(office: Services, tmp_path: Path) -> None:
    sent = _export(office, "自治区公安厅", tmp_path)
    office.progress.record_by_code("1", "自治区公安厅", Change(note="办公室核实"))
    office.progress.record_by_code("2", "自治区公安厅", Change(note="办公室备注"))
    back = _edit(sent, {"1/进展情况": "单位：已上线", "2/进展情况": "单位：推进中"})
    importer = office.ledger_import
    [preview] = importer.preview([back])
    ids = {c.code: c.assignment_id for c in preview.conflicts}
    result = importer.apply(
        [back], resolutions={(ids["1"], "progress"): "unit", (ids["2"], "progress"): "office"}
    )
    assert result.applied == [back.name] and result.changes == 1
    notes = {(r.code, r.unit): r.note for r in office.overview.assignments()}
    assert (notes[("1", "自治区公安厅")], notes[("2", "自治区公安厅")]) == (
        "单位：已上线",
        "办公室备注",
    )


def test_preview_reports_progress_and_can_stop(office: Services, tmp_path: Path) -> None:
    office.ledger_export.export_units(ROUND, tmp_path)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2

    previews = office.ledger_import.preview([tmp_path], progress=progress)
    assert len(previews) == 2
    assert seen == [(0, 4), (1, 4), (2, 4)]


def test_an_unwritable_folder_is_a_user_error(office: Services, tmp_path: Path) -> None:
    blocker = tmp_path / "不是文件夹"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="cannot create the folder"):
        office.ledger_export.export_master(ROUND, blocker / "台账")


def test_filter_by_round(office: Services, tmp_path: Path) -> None:
    sent = _export(office, "自治区公安厅", tmp_path)
    office.ledger_import.apply([_edit(sent, {"2/完成状态": "推进中"})])
    rows = office.overview.assignments(AssignmentFilter(round=ROUND))
    assert [(r.code, r.unit) for r in rows] == [("2", "自治区公安厅")]
    with pytest.raises(NotFoundError):
        office.overview.assignments(AssignmentFilter(round="不存在"))


def _police_rows(office: Services) -> dict[str, AssignmentRow]:
    return {r.code: r for r in office.overview.assignments() if r.unit == "自治区公安厅"}


def test_apply_writes_each_change_as_record_would(office: Services, tmp_path: Path) -> None:
    """New values, one history entry per assignment (old → new), the version raised by one."""
    sent = _export(office, "自治区公安厅", tmp_path)
    before = _police_rows(office)
    back = _edit(sent, {"1/完成进度(%)": 40, "1/下步计划": "推广", "2/完成状态": "推进中"})
    result = office.ledger_import.apply([back])
    assert (result.applied, result.changes) == ([back.name], 3)
    after = _police_rows(office)
    first, second = after["1"], after["2"]
    assert (first.status, first.percent) == (Status.NOT_STARTED, 40)
    assert second.status is Status.IN_PROGRESS
    assert [after[c].version - before[c].version for c in ("1", "2")] == [1, 1]
    [entry] = [h for h in office.progress.history(first.id) if h.source == f"台账 {back.name}"]
    assert (entry.old_percent, entry.new_percent, entry.new_next_steps, entry.round) == (
        None,
        40,
        "推广",
        ROUND,
    )
    assert (entry.old_status, entry.new_status, entry.changed_by) == ("未启动", "未启动", "测试员")


def test_two_files_changing_one_assignment_apply_in_turn(office: Services, tmp_path: Path) -> None:
    sent = _export(office, "自治区公安厅", tmp_path)
    before = _police_rows(office)["1"]
    first = _edit(sent, {"1/进展情况": "甲稿"}, tmp_path / "a.xlsx")
    second = _edit(sent, {"1/完成状态": "推进中"}, tmp_path / "b.xlsx")
    result = office.ledger_import.apply([first, second])
    assert result.applied == ["a.xlsx", "b.xlsx"]
    after = _police_rows(office)["1"]
    assert (after.note, after.status) == ("甲稿", Status.IN_PROGRESS)
    assert after.version == before.version + 2
    entries = office.progress.history(after.id)[-2:]
    assert [(e.source, e.old_note, e.new_note, e.old_status, e.new_status) for e in entries] == [
        ("台账 a.xlsx", "", "甲稿", "未启动", "未启动"),
        ("台账 b.xlsx", "甲稿", "甲稿", "未启动", "推进中"),
    ]


def test_a_row_saved_by_someone_else_stops_the_apply(
    office: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The version read with the office's values no longer matches: nothing is written."""
    sent = _export(office, "自治区公安厅", tmp_path)
    back = _edit(sent, {"1/进展情况": "甲稿", "2/进展情况": "乙稿"})
    importer = office.ledger_import
    [preview] = importer.preview([back])
    before = _police_rows(office)
    stale_id = before["2"].id
    read_current = ledger_snapshot.current_assignments

    def stale(session: Session) -> list[Any]:
        rows = read_current(session)
        for row in rows:
            if row["assignment_id"] == stale_id:
                row["version"] -= 1
        return rows

    monkeypatch.setattr(ledger_snapshot, "current_assignments", stale)
    with pytest.raises(StaleEditError, match="another user saved this assignment first"):
        importer.apply([back], expected=[preview])
    assert {c: (r.note, r.version) for c, r in _police_rows(office).items()} == {
        c: ("", r.version) for c, r in before.items()
    }
    with pytest.raises(InvalidInputError, match="no ledger import to undo"):
        importer.undo_last()


def _counting_compares(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    calls: list[int] = []
    compare = ledger_compare.compare_row

    def counted(*args: Any) -> None:
        calls.append(1)
        compare(*args)

    monkeypatch.setattr(ledger_compare, "compare_row", counted)
    return calls


def test_apply_reuses_the_preview_when_nothing_changed(
    office: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = _export(office, "自治区公安厅", tmp_path)
    back = _edit(sent, {"1/进展情况": "甲稿"})
    calls = _counting_compares(monkeypatch)
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert len(calls) == 2  # the police's two rows
    result = importer.apply([back], expected=[preview])
    assert (result.applied, result.changes, len(calls)) == ([back.name], 1, 2)


def test_apply_compares_again_after_any_change_in_the_database(
    office: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = _export(office, "自治区公安厅", tmp_path)
    back = _edit(sent, {"1/进展情况": "甲稿"})
    calls = _counting_compares(monkeypatch)
    importer = office.ledger_import
    [preview] = importer.preview([back])
    office.progress.record_by_code("1", "自治区市场监管厅", Change(note="别的单位"))
    result = importer.apply([back], expected=[preview])
    assert (result.applied, len(calls)) == ([back.name], 4)
    second = _edit(sent, {"2/进展情况": "乙稿"}, tmp_path / "second.xlsx")
    [preview] = importer.preview([second])
    office.progress.record_by_code("2", "自治区公安厅", Change(note="办公室改过"))
    with pytest.raises(InvalidInputError, match="changed since the preview"):
        importer.apply([second], expected=[preview])


def test_apply_compares_again_after_a_new_alias(
    office: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent = _export(office, "自治区公安厅", tmp_path)
    back = _edit(sent, {"1/进展情况": "甲稿"})
    calls = _counting_compares(monkeypatch)
    importer = office.ledger_import
    [preview] = importer.preview([back])
    office.units.add_alias("自治区公安厅", "公安厅")
    assert importer.apply([back], expected=[preview]).applied == [back.name]
    assert len(calls) == 4


def test_ledger_rows_leave_out_a_measure_withdrawn_while_they_are_read(tmp_path: Path) -> None:
    """On SQLite each read sees the database as it is then (another clerk may commit)."""
    import sqlite3

    from sqlalchemy import event

    from tests.tracker.conftest import sample_document, source
    from tracker.ledgers.ledger_export import ledger_rows

    path = tmp_path / "共享.sqlite3"
    services = Services.open(path, create=True)
    try:
        services.documents.import_parsed(sample_document(), source())
        engine = services.store.engine

        def withdraw_after_the_assignments(_conn, _cursor, statement, *_rest) -> None:  # type: ignore[no-untyped-def]
            if statement.lstrip().startswith("SELECT assignments."):
                other = sqlite3.connect(path)
                with other:
                    other.execute("UPDATE measures SET withdrawn = 1 WHERE code = '2'")
                other.close()

        event.listen(engine, "after_cursor_execute", withdraw_after_the_assignments)
        with services.store.reading() as session:
            rows = ledger_rows(session)
        event.remove(engine, "after_cursor_execute", withdraw_after_the_assignments)
        assert [(r.measure.code, r.unit.name) for r in rows] == [
            ("1", "自治区市场监管厅"),
            ("1", "自治区公安厅"),
            ("1", "各市、县（区）"),
            ("4", "自治区政府办公厅"),
        ]
    finally:
        services.close()
