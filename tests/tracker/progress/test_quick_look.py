"""The quick first read with ``sqlite3`` answers exactly what the services answer."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from tests.tracker.conftest import TODAY, sample_document, source
from tracker.database_settings import DUE_SOON_DAYS
from tracker.progress import quick_look as quick_look_module
from tracker.progress.history_entries import Provenance
from tracker.progress.overview import AssignmentFilter
from tracker.progress.progress_service import Change
from tracker.progress.quick_look import quick_assignments, quick_look, quick_summary
from tracker.services import Services
from tracker.statuses import Status
from tracker.store import Clock


@pytest.fixture
def office(tmp_path: Path) -> Iterator[tuple[Services, Path]]:
    """Two documents, one revised (a measure withdrawn), a unit taken off, progress made."""
    path = tmp_path / "督办 台账.sqlite3"
    services = Services.open(path, clock=Clock(TODAY), user="测试员", create=True)
    first = sample_document("宁政办〔2021〕9号")
    services.documents.import_parsed(first, source())
    services.documents.import_parsed(sample_document("宁政办〔2021〕10号"), source(sha="b" * 64))
    revised = replace(first, measures=[m for m in first.measures if m.code != "2"])
    services.documents.import_parsed(revised, source(sha="c" * 64), accept_revision=True)
    services.progress.unassign("1", "自治区公安厅", doc="宁政办〔2021〕9号")
    rows = services.overview.assignments()
    services.progress.record(
        rows[0].id,
        Change(status=Status.IN_PROGRESS, percent=40, note="已完成方案"),
        source=Provenance("手工", None),
    )
    services.progress.tick_off(rows[-1].id)
    services.settings.set(DUE_SOON_DAYS, 9)
    yield services, path
    services.close()


def test_the_same_documents_outline_and_first_rows(office: tuple[Services, Path]) -> None:
    services, path = office
    found = quick_look(str(path), TODAY)
    assert found is not None
    documents = services.documents.list()
    assert found.documents == documents
    assert [d.measures for d in found.documents] == [3, 4]  # measure 2 withdrawn by the revision
    assert found.outline == services.documents.outline()
    expected = services.overview.assignments(AssignmentFilter(document=str(documents[0].id)))
    assert found.rows == expected
    assert [(r.code, r.unit, r.status.value, r.state.value) for r in found.rows] == [
        (r.code, r.unit, r.status.value, r.state.value) for r in expected
    ]
    assert ("1", "自治区公安厅") not in [(r.code, r.unit) for r in found.rows]  # taken off
    assert found.rows[0].percent == 40 and found.rows[0].note == "已完成方案"


def test_the_due_soon_setting_and_the_day_decide_the_state(office: tuple[Services, Path]) -> None:
    _services, path = office
    early = quick_look(str(path), TODAY.replace(month=6, day=1))
    today = quick_look(str(path), TODAY)
    assert early is not None and today is not None
    assert [r.state.value for r in early.rows] != [r.state.value for r in today.rows]
    on_time = Services.open(path, clock=Clock(TODAY.replace(month=6, day=1)))
    try:
        doc = str(early.documents[0].id)
        assert early.rows == on_time.overview.assignments(AssignmentFilter(document=doc))
    finally:
        on_time.close()


def test_a_url_and_the_environment_name_the_same_file(
    office: tuple[Services, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _services, path = office
    by_url = quick_look(f"sqlite:///{path.as_posix()}", TODAY)
    assert by_url is not None and len(by_url.rows) == 3
    monkeypatch.setenv("TRACKER_DB", str(path))
    from_env = quick_look(None, TODAY)
    assert from_env is not None and from_env.rows == by_url.rows


def test_what_it_leaves_to_the_ordinary_way(tmp_path: Path) -> None:
    missing = tmp_path / "没有.sqlite3"
    assert quick_look(str(missing)) is None
    assert not missing.exists()  # never created here
    assert quick_look("postgresql+psycopg://u:p@localhost/tracker") is None
    assert quick_look(f"sqlite:///{(tmp_path / 'x.sqlite3').as_posix()}?mode=ro") is None
    garbage = tmp_path / "坏的.sqlite3"
    garbage.write_bytes(b"not a database at all" * 100)
    assert quick_look(str(garbage)) is None
    empty = tmp_path / "空.sqlite3"
    Services.open(empty, create=True).close()
    assert quick_look(str(empty)) is None  # no document: the first-run page
    old = tmp_path / "旧.sqlite3"
    Services.open(old, create=True).close()
    connection = sqlite3.connect(old)
    with connection:
        connection.execute("UPDATE alembic_version SET version_num = '0002'")
    connection.close()
    before = old.read_bytes()
    assert quick_look(str(old)) is None  # to be upgraded (with a backup) first
    assert old.read_bytes() == before


def test_a_file_name_with_url_characters_is_the_file_the_services_open(tmp_path: Path) -> None:
    """SQLAlchemy decodes %xx in a URL and reads ? as options: both read the same file."""
    odd = tmp_path / "台账 100%25 第?期#1.sqlite3"
    services = Services.open(odd, clock=Clock(TODAY), create=True)
    try:
        services.documents.import_parsed(sample_document(), source())
        assert services.store.engine.url.database == str(odd.resolve())
        found = quick_look(str(odd), TODAY)
        assert found is not None
        assert found.rows == services.overview.assignments(
            AssignmentFilter(document=str(found.documents[0].id))
        )
    finally:
        services.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [odd.name]  # no second file made


def test_it_reads_through_a_read_only_connection(
    office: tuple[Services, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _services, path = office
    opened: list[str] = []
    real_connect = sqlite3.connect

    def connect(database: str, *args: object, **kwargs: object) -> sqlite3.Connection:
        opened.append(str(database))
        return real_connect(database, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sqlite3, "connect", connect)
    assert quick_look(str(path), TODAY) is not None
    assert opened == [f"{path.resolve().as_uri()}?mode=ro"]


def test_it_does_not_import_sqlalchemy(office: tuple[Services, Path]) -> None:
    _services, path = office
    code = (
        "import sys; from tracker.progress.quick_look import quick_look; "
        f"found = quick_look({str(path)!r}); "
        "assert found is not None and found.rows; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'db.models')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.stdout.strip() == "[]"


def test_every_row_and_the_totals_are_the_services(office: tuple[Services, Path]) -> None:
    services, path = office
    rows = quick_assignments(str(path), TODAY)
    assert rows is not None and len(rows) == 9
    assert rows == services.overview.assignments()
    summary = quick_summary(str(path), TODAY)
    assert summary == services.overview.summary()
    assert summary is not None and (summary.measures, summary.assignments) == (7, 9)


def test_the_command_line_leaves_a_network_drive_to_the_services(
    office: tuple[Services, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _services, path = office
    monkeypatch.setattr(quick_look_module, "on_network_drive", lambda _path: True)
    assert quick_assignments(str(path), TODAY) is None  # the services warn of it
    assert quick_summary(str(path), TODAY) is None
    assert quick_look(str(path), TODAY) is not None  # the window's preview only reads


@pytest.mark.parametrize(
    "command",
    [["status", "--json"], ["measures", "--json"], ["measures", "--overdue", "--status", "推进中"]],
)
def test_status_and_measures_answer_without_sqlalchemy(
    office: tuple[Services, Path], command: list[str]
) -> None:
    """The same output as through the services, with neither SQLAlchemy nor the models."""
    _services, path = office
    argv = ["--db", str(path), "--today", TODAY.isoformat(), *command]
    code = (
        "import sys; from tracker.cli.cli_main import main; "
        f"main({argv!r}); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'db.models'))); "
        "import tracker.progress.quick_look as q; "
        "q.quick_summary = q.quick_assignments = lambda *args: None; "
        f"main({argv!r})"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[3],
    )
    lines = done.stdout.splitlines()
    split = lines.index("[]")  # nothing of SQLAlchemy imported for the quick answer
    quick, through_services = lines[:split], lines[split + 1 :]
    assert quick and quick == through_services
