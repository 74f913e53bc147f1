"""The adversarial ledger corpus (``tests/reliability/adversarial.py``), every entry through
the ledger import service the window uses (preview, then apply) and through
``tracker-cli import-ledger``.

A refused or rejected file: the exact message naming the file (and sheet and cell), every
table of the database row-identical afterwards on both paths, the CLI's exit 2 with one
line on stderr and no traceback.  A file that is taken: exactly the expected values on
exactly the expected assignments, every other assignment as it was — by the CLI, then,
after an undo, by the service again.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability.adversarial import (
    LEDGERS,
    POLICE,
    Applied,
    Expected,
    NeedsUnit,
    Refused,
    Rejected,
    ledger_corpus,
)
from tests.tracker.conftest import TODAY
from tracker.services import Services

from .office_state import assignment_values, dump, prepared_office

Cli = Callable[..., tuple[int, str, str]]


@pytest.fixture
def office(services: Services) -> Services:
    return prepared_office(services)


def _check_preview(services: Services, path: Path, expected: Expected) -> None:
    [preview] = services.ledger_import.preview([path])
    assert preview.file == path.name
    if isinstance(expected, Refused):
        assert str(preview.error) == expected.message
        return
    assert preview.error is None
    rejected = tuple((r.sheet, r.cell, str(r.reason)) for r in preview.rejected)
    if isinstance(expected, Rejected):
        assert rejected == expected.cells
        assert str(preview.skip_reason) == (
            "1 rejected row" if len(rejected) == 1 else f"{len(rejected)} rejected rows"
        )
    elif isinstance(expected, NeedsUnit):
        assert preview.needs_unit
        assert rejected == expected.rejected
        assert str(preview.skip_reason) == expected.skip
    else:
        assert rejected == ()
        assert preview.ignored == []  # (no locked cell judged against another row's key)
        assert preview.applicable, preview.skip_reason


def _refusal(path: Path, expected: Expected) -> str:
    """The one line ``tracker-cli`` prints on stderr for a file it does not import."""
    if isinstance(expected, Refused):
        reason = expected.message
        return (
            reason if reason.startswith(f"{path.name}:") else f"{path.name}: not imported: {reason}"
        )
    if isinstance(expected, Rejected):
        count = len(expected.cells)
        rows = "1 rejected row" if count == 1 else f"{count} rejected rows"
        return f"{path.name}: not imported: {rows}"
    assert isinstance(expected, NeedsUnit)
    return f"{path.name}: not imported: {expected.skip}"


def _run_cli(db_url: str, capsys: pytest.CaptureFixture[str], path: Path) -> tuple[int, str, str]:
    from tracker.cli import cli_main

    capsys.readouterr()
    code = cli_main.main(
        [
            "--db",
            db_url,
            "--today",
            TODAY.isoformat(),
            "--user",
            "对抗测试",
            "import-ledger",
            str(path),
        ]
    )
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", list(LEDGERS))
def test_each_adversarial_ledger_through_the_service_and_the_cli(
    office: Services,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    name: str,
) -> None:
    corpus = ledger_corpus(tmp_path_factory)
    if name not in corpus:
        pytest.skip("needs LibreOffice Calc (libreoffice-calc-nogui)")
    path, expected = corpus[name], LEDGERS[name].expected
    before = dump(office)
    values_before = assignment_values(office)
    _check_preview(office, path, expected)
    if not isinstance(expected, Applied):
        result = office.ledger_import.apply([path])
        assert result.applied == []
        assert [file for file, _ in result.skipped] == [path.name]
        assert dump(office) == before
        code, out, err = _run_cli(db_url, capsys, path)
        assert (code, err) == (2, f"tracker-cli: error: {_refusal(path, expected)}\n")
        assert "Traceback" not in out
        assert dump(office) == before
        return
    code, out, err = _run_cli(db_url, capsys, path)
    assert (code, err) == (0, "")
    assert "applied 1 file" in out
    expected_values = {**values_before, **expected.values}
    assert assignment_values(office) == expected_values
    assert office.ledger_import.undo_last() == [path.name]
    assert assignment_values(office) == values_before
    result = office.ledger_import.apply([path])
    assert (result.applied, result.skipped) == ([path.name], [])
    assert assignment_values(office) == expected_values


def test_the_same_file_twice_is_taken_once_and_its_copy_is_refused(
    office: Services,
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
) -> None:
    path = ledger_corpus(tmp_path_factory)["rows_sorted"]
    copy = tmp_path / "副本.xlsx"
    copy.write_bytes(path.read_bytes())
    previews = office.ledger_import.preview([path, path, path.parent])
    assert [p.file for p in previews] == [path.name]
    code, _, err = _run_cli(db_url, capsys, path)
    assert (code, err) == (0, "")
    before = dump(office)
    [again] = office.ledger_import.preview([copy])
    assert str(again.error).startswith("this file was already imported on ")
    code, _, err = _run_cli(db_url, capsys, copy)
    assert code == 2 and err.count("\n") == 1
    assert err.startswith(
        "tracker-cli: error: 副本.xlsx: not imported: this file was already imported on "
    )
    assert dump(office) == before
    assert values_of(office, "1") == "一号措施进展"


def values_of(office: Services, code: str) -> object:
    return assignment_values(office)[(code, POLICE, "note")]
