"""The adversarial policy documents (``tests/reliability/adversarial.py``), each through the
reading and import the window uses (``parse_policy_file``, ``plan``, ``import_parsed``) and
through ``tracker-cli import-doc``.

A refused file: the exact message naming the file, every table row-identical afterwards,
the CLI's exit 2 with one line on stderr.  A file taken (whatever its encoding, a NUL or
a bell inside, ten megabytes long): exactly its measures imported, no control character
stored (PostgreSQL refuses a NUL, Word a bell).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Measure
from tests.reliability.adversarial import DOCUMENTS, Imported, Refused
from tests.reliability.office_state import dump
from tests.tracker.conftest import TODAY
from tracker.documents.policy_files import parse_policy_file
from tracker.errors import UserError
from tracker.services import Services

SLOW = {"ten_megabytes"}
"""Read once, on SQLite: ten seconds of parsing, the same whatever the database."""


def _measures(services: Services) -> tuple[int, list[str]]:
    with services.store.reading() as session:
        count = session.scalar(select(func.count()).select_from(Measure)) or 0
        texts = list(session.scalars(select(Measure.text)))
    return count, [t for t in texts if any(ord(c) < 32 and c not in "\t\n\r" for c in t)]


def _cli(db_url: str, capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    from tracker.cli import cli_main

    capsys.readouterr()
    code = cli_main.main(["--db", db_url, "--today", TODAY.isoformat(), "import-doc", str(path)])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_each_adversarial_document_through_the_window_path_and_the_cli(
    services: Services,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    name: str,
) -> None:
    if name in SLOW and not db_url.startswith("sqlite"):
        pytest.skip("read once, on SQLite")
    make, expected = DOCUMENTS[name]
    path = make(tmp_path)
    before = dump(services)
    if isinstance(expected, Refused):
        with pytest.raises(UserError) as refused:
            parsed, source = parse_policy_file(path)
            services.documents.plan(parsed, source)
            services.documents.import_parsed(parsed, source)
        assert str(refused.value) == expected.message
        assert dump(services) == before
        code, out, err = _cli(db_url, capsys, path)
        assert (code, out, err) == (2, "", f"tracker-cli: error: {expected.message}\n")
        assert dump(services) == before
        return
    assert isinstance(expected, Imported)
    parsed, source = parse_policy_file(path)
    assert services.documents.plan(parsed, source).state == "new"
    assert services.documents.import_parsed(parsed, source).measures == expected.measures
    assert _measures(services) == (expected.measures, [])
    services.documents.delete(services.documents.list()[0].id)
    code, out, err = _cli(db_url, capsys, path)
    assert (code, err) == (0, "")
    assert out.startswith(f"created: {expected.measures} measures")
    assert _measures(services) == (expected.measures, [])
