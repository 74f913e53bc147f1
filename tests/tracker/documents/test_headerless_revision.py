"""A document read without 文号 or title (a plan's body, kept without its notice: the
stored title is its file's name) revised and saved under another name is a revision of
the stored one — its changes listed first, the progress recorded kept — never a second
document with every task twice.  Another headerless document stays a document of its own."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from importers.policy import ParsedDocument
from tests.tracker.conftest import sample_document, source
from tracker.documents.document_service import parse_policy_file
from tracker.documents.stored_versions import stored_versions
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status

QINGDAO = "04_qingdao-qingzhengbanzi_rengongzhineng_2024-21.txt"
SHANDONG = "03_shandong-luzhengbanzi_shuzishandong_2019-45.txt"


def test_a_headerless_plan_saved_again_under_another_name_is_a_revision(
    services: Services, shared_dir: Path, tmp_path: Path
) -> None:
    first = tmp_path / "人工智能行动计划.txt"
    first.write_text((shared_dir / "corpus" / QINGDAO).read_text("utf-8"), "utf-8")
    services.documents.import_file(first)
    [share] = [
        r for r in services.overview.assignments() if (r.code, r.unit) == ("2.1.1", "市大数据局")
    ]
    services.progress.record(share.id, Change(status=Status.IN_PROGRESS, percent=30, note="一期"))
    revised = tmp_path / "人工智能行动计划（修改稿）.txt"
    revised.write_text(
        first.read_text("utf-8")
        .replace("加强绿色能源供给", "加强绿色电力供给")
        .replace(
            "市大数据局、市发展改革委、市通信管理局，青岛",
            "市大数据局、市科技局、市通信管理局，青岛",
        ),
        "utf-8",
    )
    parsed, source = parse_policy_file(revised)
    assert (parsed.doc_number, parsed.title) == (None, None)
    plan = services.documents.plan(parsed, source)
    assert plan.stored == "人工智能行动计划"  # (the preview names the document it revises)
    assert (plan.state, [(c.code, c.kind, c.details) for c in plan.changes]) == (
        "revision",
        [("2.1.1", "changed", ("text changed", "units: +[市科技局] -[市发展改革委]"))],
    )
    outcome = services.documents.import_file(revised, accept_revision=True)
    assert (outcome.state, outcome.measures, outcome.assignments) == ("revised", 30, 96)
    assert [(d.short_title, d.revision) for d in services.documents.list()] == [
        ("人工智能行动计划（修改稿）", 2)
    ]
    rows = [r for r in services.overview.assignments() if r.code == "2.1.1"]
    assert [(r.unit, r.status, r.percent) for r in rows] == [
        ("市工业和信息化局", Status.NOT_STARTED, None),
        ("市大数据局", Status.IN_PROGRESS, 30),
        ("市通信管理局", Status.NOT_STARTED, None),
        ("青岛海洋科技中心", Status.NOT_STARTED, None),
        ("市科技局", Status.NOT_STARTED, None),
    ]
    other = services.documents.import_file(shared_dir / "corpus" / SHANDONG)
    assert (other.state, len(services.documents.list())) == ("created", 2)


def _headerless(titles: list[str]) -> ParsedDocument:
    """A document without 文号 or title whose measures carry ``titles``."""
    [model, *_] = sample_document().measures
    measures = [
        replace(model, code=str(n), title=title, text=f"{title}。（责任单位：自治区市场监管厅）")
        for n, title in enumerate(titles, 1)
    ]
    return replace(sample_document(), doc_number=None, title=None, measures=measures)


def test_of_two_headerless_documents_a_revision_revises_the_one_sharing_most_titles(
    services: Services,
) -> None:
    """Stored A (共享, 甲一…甲三) and B (共享, 乙一…乙三) share one title: two documents.  A
    new one sharing 2 titles with A and 3 with B revises B, though A was stored first."""
    first = services.documents.import_parsed(
        _headerless(["共享事项", "甲一", "甲二", "甲三"]), source("甲.txt", "1" * 64)
    )
    second = services.documents.import_parsed(
        _headerless(["共享事项", "乙一", "乙二", "乙三"]), source("乙.txt", "2" * 64)
    )
    assert (first.state, second.state) == ("created", "created")
    revised = _headerless(["共享事项", "甲一", "乙一", "乙二"])
    with services.store.reading() as session:
        same, earlier = stored_versions(session, revised, source("丙.txt", "3" * 64))
        assert (same, earlier and earlier.id) == (None, second.document_id)
