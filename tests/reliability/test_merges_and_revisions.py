"""Unit merges and document revisions keep every value (issue 10, item 5).

A revision that renumbers measures moves each unit's progress with the measure's
text, not its number; a merge of two units assigned the same measure keeps the
more advanced progress, both notes and both histories.
"""

from __future__ import annotations

import pytest

from importers.policy import SourceInfo
from importers.policy.parser import parse_text
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status

_TITLE = "自治区人民政府办公厅关于印发重点工作任务分工的通知"
_SUBJECTS = [
    "建立重大项目审批绿色通道",
    "推行企业投资项目承诺制",
    "压缩工程建设项目审批时限",
    "完善政府采购投诉处理机制",
    "开展涉企收费专项清理",
    "推进不动产登记一窗受理",
    "规范行政执法自由裁量权",
    "健全营商环境监测评价体系",
]
_UNITS = ["自治区发展改革委", "自治区财政厅", "自治区自然资源厅", "自治区司法厅"]


def _units_of(subject: str) -> list[str]:
    """A measure's units follow its text (wherever it is numbered): two of the four."""
    first = sum(map(ord, subject)) % 3
    return _UNITS[first : first + 2]


def _document(subjects: list[str]) -> str:
    lines = [_TITLE, "宁政办发〔2021〕30号", "一、重点任务"]
    for number, subject in enumerate(subjects, start=1):
        units = "、".join(_units_of(subject))
        lines.append(
            f"{number}. {subject}，确保按期见效。（责任单位：{units}。完成时限：2021年12月底）"
        )
    return "\n".join(lines)


def _progress(services: Services) -> dict[tuple[str, str], tuple[str, str, int | None, str]]:
    """(measure title, unit) → (code, status, percent, note), for every assignment in force."""
    return {
        (r.title, r.unit): (r.code, r.status.value, r.percent, r.note)
        for r in services.overview.assignments()
    }


def test_a_measure_inserted_in_the_middle_moves_no_progress_onto_a_neighbour(
    services: Services,
) -> None:
    first = parse_text(_document(_SUBJECTS))
    services.documents.import_parsed(first, SourceInfo("任务.txt", "1" * 64, 100))
    fifth = next(r for r in services.overview.assignments() if r.code == "5")
    sixth = next(r for r in services.overview.assignments() if r.code == "6")
    services.progress.record_by_code(
        "5", fifth.unit, Change(status=Status("推进中"), percent=40, note="已完成清理摸底")
    )
    services.progress.record_by_code(
        "6", sixth.unit, Change(status=Status("已完成"), percent=100, note="一窗受理全面运行")
    )
    before = _progress(services)

    inserted = [*_SUBJECTS[:2], "清理规范中介服务事项", *_SUBJECTS[2:]]
    revised = parse_text(_document(inserted))
    revised_source = SourceInfo("任务（修订）.txt", "2" * 64, 100)
    plan = services.documents.plan(revised, revised_source)
    assert plan.state == "revision"
    moves = [(c.old_code, c.code, c.kind, c.moved_units) for c in plan.changes]
    assert moves[0] == (None, "3", "added", ())
    assert ("5", "6", "renumbered", (fifth.unit,)) in moves
    assert ("6", "7", "renumbered", (sixth.unit,)) in moves
    six = next(c for c in plan.changes if c.code == "6")
    assert six.details[0] == "measure 5 → 6: 1 unit's progress moves"
    assert _progress(services) == before  # planning writes nothing
    pending = services.documents.import_parsed(revised, revised_source)
    assert pending.state == "revision_pending"
    assert _progress(services) == before  # nor does an import not accepted

    applied = services.documents.import_parsed(revised, revised_source, accept_revision=True)
    assert applied.state == "revised"
    after = _progress(services)
    title5 = f"{_SUBJECTS[4]}，确保按期见效"
    title6 = f"{_SUBJECTS[5]}，确保按期见效"
    assert after[(title5, fifth.unit)] == ("6", "推进中", 40, "已完成清理摸底")
    assert after[(title6, sixth.unit)] == ("7", "已完成", 100, "一窗受理全面运行")
    # every other assignment kept its values under its text; the new measure starts afresh
    for (title, unit), (code, status, percent, note) in before.items():
        assert after[(title, unit)][1:] == (status, percent, note)
        assert int(after[(title, unit)][0]) == int(code) + (int(code) >= 3)
    new_rows = [v for (title, _u), v in after.items() if title.startswith("清理规范中介服务事项")]
    assert {v[0] for v in new_rows} == {"3"}
    # the history stayed with the assignment
    sixth_now = next(r for r in services.overview.assignments() if r.title == title6)
    assert [h.new_status for h in services.progress.history(sixth_now.id)] == ["未启动", "已完成"]


def test_a_measure_merged_away_is_withdrawn_with_its_number_kept_free(services: Services) -> None:
    services.documents.import_parsed(
        parse_text(_document(_SUBJECTS)), SourceInfo("任务.txt", "1" * 64, 100)
    )
    eighth = next(r for r in services.overview.assignments() if r.code == "8")
    services.progress.record_by_code("8", eighth.unit, Change(percent=30))
    # measure 2 dropped: 3…8 become 2…7, and a brand-new text takes number 8
    shorter = [_SUBJECTS[0], *_SUBJECTS[2:], "强化督查问责"]
    revised = parse_text(_document(shorter))
    outcome = services.documents.import_parsed(
        revised, SourceInfo("任务2.txt", "3" * 64, 100), accept_revision=True
    )
    assert [(c.kind, c.old_code, c.code) for c in outcome.changes if c.kind != "renumbered"] == [
        ("added", None, "8"),
        ("removed", None, "2"),
    ]
    rows = services.overview.assignments()
    moved = next(r for r in rows if r.title.startswith(_SUBJECTS[7]) and r.unit == eighth.unit)
    assert (moved.code, moved.percent) == ("7", 30)
    assert sorted({r.code for r in rows}, key=int) == [str(n) for n in range(1, 9)]
    with services.store.reading() as session:
        from sqlalchemy import select

        from db.models import Measure

        withdrawn = session.execute(
            select(Measure.code, Measure.title).where(Measure.withdrawn.is_(True))
        ).all()
    assert [(code.split("~")[0], title) for code, title in withdrawn] == [
        ("2", f"{_SUBJECTS[1]}，确保按期见效")
    ]


# -- merging units -------------------------------------------------------------------------
def _merge_fixture(services: Services) -> None:
    """自治区公安厅 and 宁夏税务局 both have measure 2, with different progress."""
    from tests.tracker.conftest import sample_document, source

    services.documents.import_parsed(sample_document(), source())
    record = services.progress.record_by_code
    record("1", "自治区公安厅", Change(status=Status("推进中"), percent=50, note="公安在办"))
    record("2", "自治区公安厅", Change(status=Status("已完成"), note="公安已办结"))
    record(
        "2",
        "宁夏税务局",
        Change(status=Status("推进中"), percent=60, note="税务推进中", problems="缺资金"),
    )


def test_a_merge_keeps_the_more_advanced_progress_both_notes_and_both_histories(
    services: Services,
) -> None:
    _merge_fixture(services)
    plan = services.units.plan_merge("自治区公安厅", "宁夏税务局")
    assert services.overview.assignments()[3].unit == "自治区公安厅"  # planning wrote nothing
    [collision] = plan.collisions
    assert (plan.moved, collision.code, collision.choice) == (1, "2", "merged")
    assert (collision.source.status, collision.source.note) == ("已完成", "公安已办结")
    assert (collision.target.status, collision.target.percent) == ("推进中", 60)

    done = services.units.merge("自治区公安厅", "宁夏税务局")
    assert done == plan
    rows = {(r.code, r.unit): r for r in services.overview.assignments()}
    merged = rows[("2", "宁夏税务局")]
    assert (merged.status.value, merged.percent, merged.role) == (
        "已完成",
        100,
        "牵头",
    )  # done is 100 %
    assert merged.note == "【自治区公安厅】公安已办结\n【宁夏税务局】税务推进中"
    moved = rows[("1", "宁夏税务局")]
    assert (moved.status.value, moved.percent, moved.note) == ("推进中", 50, "公安在办")
    assert not any(unit == "自治区公安厅" for _code, unit in rows)
    history = services.progress.history(merged.id)
    assert sorted((h.source, h.new_status, h.new_note) for h in history[:-1]) == [
        ("导入 措施.txt", "未启动", ""),
        ("导入 措施.txt", "未启动", ""),
        ("手工", "已完成", "公安已办结"),
        ("手工", "推进中", "税务推进中"),
    ]
    last = history[-1]
    assert (last.source, last.old_status, last.new_status, last.old_note, last.new_note) == (
        "合并单位 自治区公安厅 → 宁夏税务局",
        "推进中",
        "已完成",
        "税务推进中",
        "【自治区公安厅】公安已办结\n【宁夏税务局】税务推进中",
    )
    with services.store.reading() as session:
        from sqlalchemy import select

        from db.models import Assignment

        problems = session.scalar(select(Assignment.problems).where(Assignment.id == merged.id))
    assert problems == "缺资金"


def test_a_clerk_may_keep_one_units_values_for_a_collision(services: Services) -> None:
    _merge_fixture(services)
    measure_id = services.units.plan_merge("自治区公安厅", "宁夏税务局").collisions[0].measure_id
    done = services.units.merge("自治区公安厅", "宁夏税务局", {measure_id: "target"})
    assert done.collisions[0].choice == "target"
    merged = next(
        r for r in services.overview.assignments() if (r.code, r.unit) == ("2", "宁夏税务局")
    )
    assert (merged.status.value, merged.percent, merged.note) == ("推进中", 60, "税务推进中")


def test_merge_units_prints_each_collision(
    services: Services, capsys: pytest.CaptureFixture[str], db_url: str
) -> None:
    from tracker.cli.cli_main import main

    _merge_fixture(services)
    services.close()
    assert main(["--db", db_url, "merge-units", "自治区公安厅", "宁夏税务局"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "merged 自治区公安厅 into 宁夏税务局: 1 assignment moved, 1 measure assigned to both",
        "  宁政办〔2021〕9号 2 推广企业开办零费用",
        "    自治区公安厅: 已完成 100% 进展「公安已办结」",
        "    宁夏税务局: 推进中 60% 进展「税务推进中」 问题「缺资金」",
        "    kept (merged): 已完成 100% 进展「【自治区公安厅】公安已办结 / 【宁夏税务局】税务推进中」"
        " 问题「缺资金」",
    ]


def test_a_measure_split_in_two_keeps_its_progress_on_the_closer_half(
    services: Services,
) -> None:
    whole = "开展涉企收费专项清理并整治中介服务乱收费"
    subjects = [*_SUBJECTS[:4], whole, *_SUBJECTS[5:]]
    services.documents.import_parsed(
        parse_text(_document(subjects)), SourceInfo("任务.txt", "1" * 64, 100)
    )
    fifth = next(r for r in services.overview.assignments() if r.code == "5")
    services.progress.record_by_code("5", fifth.unit, Change(percent=70, note="清理过半"))
    halves = [*_SUBJECTS[:4], "开展涉企收费专项清理", "整治中介服务乱收费", *_SUBJECTS[5:]]
    revised = parse_text(_document(halves))
    plan = services.documents.plan(revised, SourceInfo("任务3.txt", "4" * 64, 100))
    assert [(c.kind, c.old_code, c.code) for c in plan.changes][:2] == [
        ("changed", None, "5"),
        ("added", None, "6"),
    ]
    services.documents.import_parsed(
        revised, SourceInfo("任务3.txt", "4" * 64, 100), accept_revision=True
    )
    rows = services.overview.assignments()
    kept = [(r.code, r.percent, r.note) for r in rows if r.percent is not None]
    assert kept == [("5", 70, "清理过半")]
    assert {r.code for r in rows} == {str(n) for n in range(1, 10)}


def test_a_merge_keeps_which_unit_each_sent_and_returned_ledger_belonged_to(
    services: Services,
) -> None:
    """The merged-away unit's ledger exports and applied returns were left to the
    database's ON DELETE SET NULL: the record of whom a file went to, or came from, lost."""
    from datetime import date, datetime

    from sqlalchemy import select

    from db.models import ImportBatch, LedgerExport, Round, Unit

    _merge_fixture(services)
    now = datetime(2021, 7, 1, 9, 0)
    with services.store.transaction() as session:
        police = session.scalar(select(Unit.id).where(Unit.name == "自治区公安厅"))
        tax = session.scalar(select(Unit.id).where(Unit.name == "宁夏税务局"))
        round_ = Round(name="2021年第3季度", as_of=date(2021, 7, 1), created_at=now)
        session.add(round_)
        session.flush()
        for unit_id, name in ((police, "公安厅.xlsx"), (tax, "税务局.xlsx")):
            session.add(
                LedgerExport(
                    round_id=round_.id,
                    kind="unit",
                    unit_id=unit_id,
                    file_name=name,
                    exported_at=now,
                    exported_by="测试员",
                    rows=2,
                )
            )
            session.add(
                ImportBatch(
                    round_id=round_.id,
                    unit_id=unit_id,
                    file_name=name,
                    sha256="0" * 64,
                    imported_at=now,
                    imported_by="测试员",
                    changes=1,
                )
            )
    services.units.merge("自治区公安厅", "宁夏税务局")
    with services.store.reading() as session:
        exports = session.execute(
            select(LedgerExport.file_name, LedgerExport.unit_id).order_by(LedgerExport.file_name)
        ).all()
        batches = session.execute(
            select(ImportBatch.file_name, ImportBatch.unit_id).order_by(ImportBatch.file_name)
        ).all()
    assert [tuple(r) for r in exports] == [("公安厅.xlsx", tax), ("税务局.xlsx", tax)]
    assert [tuple(r) for r in batches] == [("公安厅.xlsx", tax), ("税务局.xlsx", tax)]
