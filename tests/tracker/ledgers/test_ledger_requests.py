"""申请延期 read from a returned ledger as requests, and 未按期完成原因 asked of overdue rows."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tests.tracker.conftest import sample_document, source
from tests.tracker.ledgers.test_ledgers import ROUND, _edit, _export
from tracker.ledgers.ledger_records import ExtensionRequest
from tracker.ledgers.ledger_requests import OverdueDay, overdue_day
from tracker.ledgers.unit_wording import in_unit_words
from tracker.rounds.round_service import RoundService
from tracker.services import Services
from tracker.store import Clock

POLICE = "自治区公安厅"
OVERDUE = "due 2021年6月30日 and not done: 未按期完成原因 is empty"


@pytest.fixture
def office(services: Services) -> Services:
    """Today is 2021-07-01, and so is the round's as-of day: measure 1 (due 2021-06-30) is
    overdue, measure 2 (7-10) is not."""
    services.documents.import_parsed(sample_document(), source())
    RoundService(services.store).create(ROUND, date(2021, 7, 1))
    return services


def test_an_overdue_row_not_done_without_a_reason_is_warned(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(_export(office, POLICE, tmp_path), {"2/进展情况": "已起草"})
    [preview] = office.ledger_import.preview([back])
    assert [(w.cell, w.code, w.unit, str(w.reason)) for w in preview.warnings] == [
        ("O4", "1", POLICE, OVERDUE)
    ]
    # as the clerk reads it: the date as the ledger writes it (was 2021-06-30已到期且未完成)
    assert (
        in_unit_words(preview.warnings[0].reason)
        == "已于2021年6月30日到期且未完成：未按期完成原因未填写"
    )
    assert preview.applicable  # a warning does not keep the file out


def test_overdue_is_judged_on_the_rounds_day_not_the_import_day(
    services: Services, tmp_path: Path
) -> None:
    """A round as of 2021-06-30, measure 1's own deadline: the round counts it not overdue,
    so its return imported on 2021-07-01 owes no 未按期完成原因."""
    services.documents.import_parsed(sample_document(), source())
    services.rounds.create("2021年6月", date(2021, 6, 30))
    [sent] = services.ledger_export.export_units("2021年6月", tmp_path, units=[POLICE])
    back = _edit(sent, {"2/进展情况": "已起草"})
    [preview] = services.ledger_import.preview([back])
    assert (preview.round_name, preview.warnings) == ("2021年6月", [])
    services.rounds.create("2021年7月", date(2021, 7, 1))  # the next day: overdue then
    [preview] = services.ledger_import.preview([back], round_name="2021年7月")
    assert [(w.cell, str(w.reason)) for w in preview.warnings] == [("O4", OVERDUE)]


def test_the_deadline_in_force_on_the_rounds_day_is_the_one_judged(
    office: Services, tmp_path: Path
) -> None:
    """Measure 1 extended to 2021-09-30 by an approval decided on 2021-07-05, after the round's
    day: the round still judges it by 2021-06-30, overdue; a round as of 2021-07-05 by the
    new deadline, not overdue."""
    back = _edit(_export(office, POLICE, tmp_path), {"2/进展情况": "已起草"})
    ids = {r.code: r.id for r in office.overview.assignments() if r.unit == POLICE}
    office.store.clock = Clock(date(2021, 7, 5))
    asked = office.extensions.request(ids["1"], date(2021, 9, 30), "系统改造")
    office.extensions.approve(asked.id)
    [preview] = office.ledger_import.preview([back], round_name=ROUND)
    assert [(w.cell, str(w.reason)) for w in preview.warnings] == [("O4", OVERDUE)]
    office.rounds.create("2021年7月5日", date(2021, 7, 5))
    [preview] = office.ledger_import.preview([back], round_name="2021年7月5日")
    assert preview.warnings == []


def test_without_a_round_the_day_is_today_with_todays_deadlines(office: Services) -> None:
    with office.store.reading() as session:
        assert overdue_day(session, None, date(2021, 7, 1)) == OverdueDay(date(2021, 7, 1))
        assert overdue_day(session, date(2021, 6, 30), date(2021, 7, 1)) == OverdueDay(
            date(2021, 6, 30)
        )


@pytest.mark.parametrize(
    "edits",
    [{"1/未按期完成原因": "等待上级批复"}, {"1/完成状态": "已完成"}],
    ids=["with a reason", "done"],
)
def test_a_reason_or_done_needs_no_warning(
    office: Services, tmp_path: Path, edits: dict[str, object]
) -> None:
    back = _edit(_export(office, POLICE, tmp_path), edits)
    [preview] = office.ledger_import.preview([back])
    assert preview.warnings == []


def test_a_requested_extension_is_read_for_the_office_to_decide(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(
        _export(office, POLICE, tmp_path),
        {
            "1/申请延期至": date(2021, 9, 30),
            "1/延期理由": "系统改造需要三个月",
            "1/未按期完成原因": "系统改造",
            "2/申请延期至": "2021-07-05",
        },
    )
    [preview] = office.ledger_import.preview([back])
    ids = {r.code: r.id for r in office.overview.assignments() if r.unit == POLICE}
    assert preview.requests == [
        ExtensionRequest(
            ids["1"],
            "1",
            POLICE,
            date(2021, 6, 30),
            date(2021, 9, 30),
            "系统改造需要三个月",
            "台账",
            "Q4",
            "2021年6月底",  # as the ledger prints it
        ),
        ExtensionRequest(
            ids["2"],
            "2",
            POLICE,
            date(2021, 7, 10),
            date(2021, 7, 5),
            "",
            "台账",
            "Q5",
            "2021年7月10日",
        ),
    ]
    assert [(w.cell, str(w.reason)) for w in preview.warnings] == [
        ("Q5", "the extension asked for (2021年7月5日) is not after the deadline 2021年7月10日"),
        ("R5", "an extension to 2021年7月5日 is asked without a 延期理由"),
    ]
    assert preview.to_json()["extension_requests"] == [
        {
            "code": "1",
            "unit": POLICE,
            "deadline": "2021-06-30",
            "requested": "2021-09-30",
            "reason": "系统改造需要三个月",
            "cell": "台账!Q4",
        },
        {
            "code": "2",
            "unit": POLICE,
            "deadline": "2021-07-10",
            "requested": "2021-07-05",
            "reason": "",
            "cell": "台账!Q5",
        },
    ]
    result = office.ledger_import.apply([back], apply_valid=True)
    assert result.applied == [back.name]
    # the same requests (the preview adds the deadline's words for the clerk to read)
    assert result.requests == [replace(r, deadline_text="") for r in preview.requests]


def test_a_requested_date_that_is_no_date_is_rejected_with_its_cell(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(_export(office, POLICE, tmp_path), {"2/申请延期至": "下个月"})
    [preview] = office.ledger_import.preview([back])
    assert [(r.cell, str(r.reason)) for r in preview.rejected] == [
        ("Q5", '申请延期至 "下个月" is not a date; write it as 2021-12-31 or 2021年12月31日')
    ]
    assert preview.requests == []


def test_evidence_and_the_reason_are_kept_with_history_and_undone(
    office: Services, tmp_path: Path
) -> None:
    back = _edit(
        _export(office, POLICE, tmp_path),
        {"1/佐证材料": "会议纪要（2021-06-20）", "1/未按期完成原因": "等待上级批复"},
    )
    importer = office.ledger_import
    [preview] = importer.preview([back])
    assert [(c.code, c.label, c.old, c.new) for c in preview.changed] == [
        ("1", "佐证材料", "", "会议纪要（2021-06-20）"),
        ("1", "未按期完成原因", "", "等待上级批复"),
    ]
    assert preview.warnings == []
    result = importer.apply([back], expected=[preview])
    assert result.changes == 2
    [police_1] = [r for r in office.overview.assignments() if (r.code, r.unit) == ("1", POLICE)]
    with office.store.reading() as session:
        from db.models import Assignment, ProgressEntry

        stored = session.get_one(Assignment, police_1.id)
        assert (stored.evidence, stored.delay_reason) == ("会议纪要（2021-06-20）", "等待上级批复")
        entry = (
            session.query(ProgressEntry)
            .filter_by(assignment_id=police_1.id)
            .order_by(ProgressEntry.id.desc())
            .first()
        )
        assert entry is not None
        assert (entry.old_evidence, entry.new_evidence) == ("", "会议纪要（2021-06-20）")
        assert (entry.old_delay_reason, entry.new_delay_reason) == ("", "等待上级批复")
    again = _export(office, POLICE, tmp_path / "again")  # the next round's ledger shows them
    import openpyxl

    ws = openpyxl.load_workbook(again).worksheets[0]
    assert (ws["O4"].value, ws["P4"].value) == ("等待上级批复", "会议纪要（2021-06-20）")
    importer.undo_last()
    with office.store.reading() as session:
        stored = session.get_one(Assignment, police_1.id)
        assert (stored.evidence, stored.delay_reason) == ("", "")
