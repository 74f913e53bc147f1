"""Statuses that mean what they say, and the contacts a unit sends back (issue 12, 5–6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pytest

from importers.reports.model import Table
from tests.tracker.conftest import sample_document, source
from tests.tracker.ledgers.test_ledgers import ROUND, _edit, _export
from tracker.progress.progress_service import Change
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock

POLICE = "自治区公安厅"


@pytest.fixture
def office(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 6, 30))
    return services


def _police(office: Services) -> dict[str, tuple[Status, int | None]]:
    return {
        r.code: (r.status, r.percent) for r in office.overview.assignments() if r.unit == POLICE
    }


def test_hand_typed_chixu_tuijin_is_in_progress(office: Services, tmp_path: Path) -> None:
    back = _edit(_export(office, POLICE, tmp_path), {"1/完成状态": "持续推进"})
    [preview] = office.ledger_import.preview([back])
    assert [(c.code, c.label, c.old, c.new) for c in preview.changed] == [
        ("1", "完成状态", "未启动", "推进中")
    ]


def test_standing_is_refused_for_a_measure_with_a_deadline(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(_export(office, POLICE, tmp_path), {"1/完成状态": "长期坚持"})
    [preview] = office.ledger_import.preview([back])
    assert [(r.cell, str(r.reason)) for r in preview.rejected] == [
        (
            "J4",
            "长期坚持 is only for a measure without a fixed deadline; this one is due 2021-06-30",
        )
    ]
    assert preview.changed == []


def test_done_sets_100_unless_the_unit_typed_less(office: Services, tmp_path: Path) -> None:
    office.progress.record_by_code("2", POLICE, Change(status=Status.IN_PROGRESS, percent=40))
    back = _edit(
        _export(office, POLICE, tmp_path),
        {"1/完成状态": "已完成", "1/完成进度(%)": "60", "2/完成状态": "已完成"},
    )
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert [(c.code, c.label, c.old, c.new) for c in preview.changed] == [
        ("1", "完成状态", "未启动", "已完成"),
        ("1", "完成进度(%)", None, 60),
        ("2", "完成状态", "推进中", "已完成"),
        ("2", "完成进度(%)", 40, 100),
    ]
    assert [(w.cell, w.code, str(w.reason)) for w in preview.warnings] == [
        ("K4", "1", "the status 已完成 does not agree with 60%")
    ]
    assert importer.apply([back], expected=[preview]).changes == 4
    assert _police(office) == {"1": (Status.DONE, 60), "2": (Status.DONE, 100)}


def test_a_percent_contradicting_the_status_is_a_warning(office: Services, tmp_path: Path) -> None:
    back = _edit(
        _export(office, POLICE, tmp_path),
        {"1/完成进度(%)": "80", "2/完成状态": "推进中", "2/完成进度(%)": "100"},
    )
    [preview] = office.ledger_import.preview([back])
    # (measure 1, due 2021-06-30, is not overdue for the round as of that day: no 未按期完成原因)
    assert [(w.cell, str(w.reason)) for w in preview.warnings] == [
        ("K4", "the status 未启动 does not agree with 80%"),
        ("K5", "the status 推进中 does not agree with 100%"),
    ]
    assert preview.applicable  # warnings do not keep the file out
    assert preview.to_json()["warnings"] == [
        {"sheet": "台账", "cell": "K4", "code": "1", "unit": POLICE,
         "reason": "the status 未启动 does not agree with 80%"},
        {"sheet": "台账", "cell": "K5", "code": "2", "unit": POLICE,
         "reason": "the status 推进中 does not agree with 100%"},
    ]  # fmt: skip


def test_the_window_done_is_100_percent_too(office: Services) -> None:
    office.progress.record_by_code("1", POLICE, Change(status=Status.DONE))
    office.progress.record_by_code("2", POLICE, Change(status=Status.DONE, percent=90))
    assert _police(office) == {"1": (Status.DONE, 100), "2": (Status.DONE, 90)}


def test_returned_contacts_update_the_directory_with_history(
    office: Services, tmp_path: Path
) -> None:
    office.units.update_contact(POLICE, "李四", "0951-5000000")
    sent = _export(office, POLICE, tmp_path)
    back = _edit(
        sent,
        {
            "1/联系人": "张三",
            "1/联系电话": "09515012345",
            "2/联系人": "张三",
            "2/联系电话": "0951-5000000",  # as sent: not a change
        },
    )
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert [(c.unit, c.label, c.old, c.new, c.cell) for c in preview.contacts] == [
        (POLICE, "联系人", "李四", "张三", "S4"),
        (POLICE, "联系电话", "0951-5000000", "09515012345", "T4"),
    ]
    assert preview.changed == [] and preview.applicable
    result = importer.apply([back], expected=[preview])
    assert (result.applied, result.changes, result.contacts) == ([back.name], 0, 2)
    [unit] = [u for u in office.units.list() if u.name == POLICE]
    assert (unit.contact_person, unit.phone) == ("张三", "09515012345")
    history = office.units.contact_history(POLICE)
    assert [(h.field, h.old, h.new, h.source) for h in history] == [
        ("contact", "", "李四", "手工"),
        ("phone", "", "0951-5000000", "手工"),
        ("contact", "李四", "张三", f"台账 {back.name}"),
        ("phone", "0951-5000000", "09515012345", f"台账 {back.name}"),
    ]
    assert importer.undo_last() == [back.name]
    [unit] = [u for u in office.units.list() if u.name == POLICE]
    assert (unit.contact_person, unit.phone) == ("李四", "0951-5000000")
    assert [h.source for h in office.units.contact_history(POLICE)][-2:] == ["撤销导入"] * 2


def test_the_next_ledger_and_the_chaser_carry_the_returned_contact(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(
        _export(office, POLICE, tmp_path), {"1/联系人": "张三", "1/联系电话": "09515012345"}
    )
    importer = office.ledger_import
    importer.apply([back], expected=importer.preview([back]))
    again = _export(office, POLICE, tmp_path / "next")
    ws = openpyxl.load_workbook(again).worksheets[0]
    assert (ws["S5"].value, ws["T5"].value, ws["T5"].number_format) == ("张三", "09515012345", "@")
    office.store.clock = Clock(date(2021, 7, 5))  # measure 1 overdue, 2 due soon
    receipt = office.reports.chaser(POLICE).blocks[-1]
    assert isinstance(receipt, Table)
    assert receipt.rows[:2] == (("经办人", "张三"), ("联系电话", "09515012345"))
