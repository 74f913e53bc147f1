"""Documents (issue 10, item 6): one copy per file even when imported twice at once, deletion
with a backup first and a confirmation of what goes, texts without measures refused, measure
numbers of any length."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Document, Measure, ProgressEntry, Unit
from tests.tracker.conftest import TODAY, sample_document, source
from tracker.backups.backup_service import BackupService
from tracker.cli.cli_main import main
from tracker.documents import document_service
from tracker.errors import InvalidInputError
from tracker.progress.progress_service import Change
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock

PROSE = "关于做好假期值班工作的通知\n各单位：\n请大家注意安全，按时值班，做好记录。\n特此通知。\n"


def _counts(services: Services) -> tuple[int, ...]:
    with services.store.reading() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Document, Measure, Unit, ProgressEntry)
        )


# -- a text without measures -------------------------------------------------------------
def test_a_text_without_measures_is_refused_and_nothing_is_written(
    services: Services, tmp_path: Path
) -> None:
    file = tmp_path / "值班通知.txt"
    file.write_text(PROSE, encoding="utf-8")
    with pytest.raises(InvalidInputError) as refused:
        services.documents.import_file(file)
    assert refused.value.message == ("no measures found in 值班通知.txt — is this a task document?")
    from importers.policy.parser import parse_text

    parsed = parse_text(PROSE)
    with pytest.raises(InvalidInputError, match=r"no measures found in 通知\.txt"):
        services.documents.plan(parsed, source("通知.txt"))
    with pytest.raises(InvalidInputError, match=r"no measures found in 通知\.txt"):
        services.documents.import_parsed(parsed, source("通知.txt"))
    assert _counts(services) == (0, 0, 0, 0)


def test_the_cli_refuses_a_text_without_measures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "值班通知.txt"
    file.write_text(PROSE, encoding="utf-8")
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "init"]) == 0
    capsys.readouterr()
    for command in ("parse-doc", "import-doc"):
        args = ["--db", db, command, str(file)] if command == "import-doc" else [command, str(file)]
        assert main(args) == 2
        out, err = capsys.readouterr()
        assert (out, err) == (
            "",
            "tracker-cli: error: no measures found in 值班通知.txt — is this a task document?\n",
        )
    assert main(["--db", db, "documents", "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"


# -- measure numbers of any length -------------------------------------------------------
def test_a_document_of_1200_measures_is_imported_whole(services: Services, tmp_path: Path) -> None:
    lines = [
        "自治区人民政府办公厅关于印发重点任务清单的通知",
        "宁政办发〔2021〕2号",
        "一、重点任务",
    ]
    lines += [
        f"{n}. 落实第{n}项重点任务。（责任单位：自治区财政厅。完成时限：2021年12月底）"
        for n in range(1, 1201)
    ]
    file = tmp_path / "任务清单.txt"
    file.write_text("\n".join(lines), encoding="utf-8")
    outcome = services.documents.import_file(file)
    assert (outcome.state, outcome.measures, outcome.assignments) == ("created", 1200, 1200)
    assert outcome.document_id is not None
    codes = [m.code for m in services.overview.measures(outcome.document_id)]
    assert codes == [str(n) for n in range(1, 1201)]


# -- the same file imported twice at once -------------------------------------------------
def test_an_import_that_loses_the_race_answers_already_imported(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The other import commits between this one's check and its write: the database's
    unique index refuses the copy, the import rolls back whole and answers "unchanged"."""
    first = services.documents.import_parsed(sample_document(), source())
    before = _counts(services)
    real = document_service.stored_versions
    calls: list[int] = []

    def stale_once(*args: object) -> tuple[Document | None, Document | None]:
        calls.append(1)
        if len(calls) == 1:
            return None, None  # what it saw before the other import committed
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(document_service, "stored_versions", stale_once)
    again = services.documents.import_parsed(
        sample_document("宁政办〔2021〕99号"), source(), unit_mapping={}
    )
    assert (again.state, again.document_id, again.measures) == ("unchanged", first.document_id, 4)
    assert _counts(services) == before
    assert len(calls) == 2


def test_two_imports_of_one_file_at_once_store_one_copy(services: Services, db_url: str) -> None:
    other = Services.open(db_url, clock=Clock(TODAY), user="另一位")
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}
    errors: list[BaseException] = []

    def run(name: str, opened: Services) -> None:
        try:
            barrier.wait()
            outcomes[name] = opened.documents.import_parsed(sample_document(), source()).state
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=(name, opened))
        for name, opened in (("a", services), ("b", other))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    other.close()
    assert errors == []
    assert sorted(outcomes.values()) == ["created", "unchanged"]
    assert [d.measures for d in services.documents.list()] == [4]
    assert len(services.overview.assignments()) == 6


# -- deleting a document -------------------------------------------------------------------
def test_deleting_a_document_lists_what_goes_backs_up_first_and_keeps_the_others(
    services: Services,
) -> None:
    kept = services.documents.import_parsed(sample_document("宁政办〔2021〕1号"), source())
    gone = services.documents.import_parsed(
        sample_document("宁政办〔2021〕2号"), source("第二份.txt", "c" * 64)
    )
    services.progress.record_by_code(
        "1", "自治区公安厅", Change(status=Status("推进中")), doc="宁政办〔2021〕2号"
    )
    assert gone.document_id is not None
    deletion = services.documents.deletion("宁政办〔2021〕2号")
    assert (deletion.id, deletion.label, deletion.measures, deletion.assignments) == (
        gone.document_id,
        "宁政办〔2021〕2号",
        4,
        6,
    )
    assert (deletion.history, deletion.ledger_exports) == (7, 0)
    backups = BackupService(services.store)
    before = [b for b in backups.list_backups() if b.reason == "document-delete"]
    assert services.documents.delete(gone.document_id) == deletion
    after = [b for b in backups.list_backups() if b.reason == "document-delete"]
    assert len(after) == len(before) + 1
    assert [d.id for d in services.documents.list()] == [kept.document_id]
    rows = services.overview.assignments()
    assert {r.doc_label for r in rows} == {"宁政办〔2021〕1号"} and len(rows) == 6
    assert _counts(services) == (1, 4, 5, 6)  # units stay: other documents may name them
    # the file can be imported again afterwards
    again = services.documents.import_parsed(
        sample_document("宁政办〔2021〕2号"), source("第二份.txt", "c" * 64)
    )
    assert again.state == "created"


def test_delete_doc_cli_is_a_dry_run_without_yes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "init"]) == 0
    services = Services.open(db, clock=Clock(TODAY), user="测试员")
    services.documents.import_parsed(sample_document(), source())
    services.close()
    capsys.readouterr()
    assert main(["--db", db, "delete-doc", "宁政办〔2021〕9号"]) == 0
    out = capsys.readouterr().out
    assert out == (
        "宁政办〔2021〕9号  自治区人民政府办公厅关于印发优化营商环境若干措施的通知\n"
        "  4 measures, 6 assignments, 6 history entries, 0 ledger exports\n"
        "Nothing was deleted. Run again with --yes to delete the document.\n"
    )
    assert main(["--db", db, "documents", "--json"]) == 0
    assert capsys.readouterr().out != "[]\n"
    assert main(["--db", db, "delete-doc", "宁政办〔2021〕9号", "--yes"]) == 0
    assert capsys.readouterr().out.endswith("deleted (a backup was made first)\n")
    assert main(["--db", db, "documents", "--json"]) == 0
    assert capsys.readouterr().out == "[]\n"
    assert main(["--db", db, "delete-doc", "宁政办〔2021〕9号"]) == 2
    assert "no document matches" in capsys.readouterr().err


def test_a_revision_accepted_meanwhile_by_another_clerk_is_not_written_over(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two clerks accepting a revision of the same document at once each wrote theirs over
    the other's (the change list one had confirmed no longer what was stored)."""
    import tracker.documents.document_service as documents_module
    from tracker.errors import StaleEditError

    services.documents.import_parsed(sample_document(), source())
    revised = sample_document()
    revised.measures[1].title = "推广企业开办零费用（修订）"
    real_diff = documents_module.diff
    calls: list[int] = []

    def diff_while_another_clerk_accepts(*args, **kwargs):  # type: ignore[no-untyped-def]
        changes = real_diff(*args, **kwargs)
        if not calls:  # the other clerk's revision commits between our read and our write
            calls.append(1)
            with services.store.engine.begin() as other:
                other.execute(Document.__table__.update().values(revision=Document.revision + 1))
        return changes

    monkeypatch.setattr(documents_module, "diff", diff_while_another_clerk_accepts)
    with pytest.raises(StaleEditError) as raised:
        services.documents.import_parsed(revised, source(sha="b" * 64), accept_revision=True)
    assert raised.value.message == (
        "The document 宁政办〔2021〕9号 was revised by someone else meanwhile; nothing was "
        "changed. Import the file again to see its changes against the new version."
    )
    with services.store.reading() as session:
        rows = session.execute(select(Document.revision, Document.source_sha256)).all()
        titles = set(session.scalars(select(Measure.title)))
    assert [tuple(r) for r in rows] == [(2, "a" * 64)]
    assert "推广企业开办零费用（修订）" not in titles
