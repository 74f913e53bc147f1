"""Text a clerk types or pastes with characters no one sees: a NUL copied out of a PDF, a
bell (``$'\\a'``) on the command line.  Saved without them, whatever the database —
PostgreSQL refused the whole save with a traceback, and a Word report of the note failed."""

from __future__ import annotations

import pytest

from tests.reliability.office_state import assignment_values, prepared_office
from tests.tracker.conftest import TODAY
from tracker.progress.progress_service import Change
from tracker.services import Services

POLICE = "自治区公安厅"


def _assignment(services: Services, code: str) -> int:
    [row] = [r for r in services.overview.assignments() if (r.code, r.unit) == (code, POLICE)]
    return row.id


def test_a_pasted_nul_is_not_saved_and_nothing_else_is_lost(services: Services) -> None:
    """The window's path: its progress edits call ``ProgressService.record``."""
    office = prepared_office(services)
    assignment = _assignment(office, "1")
    office.progress.record(
        assignment, Change(note="已完成\x00系统\x07改造\n下一步推广", problems="\x00")
    )
    values = assignment_values(office)
    assert (values[("1", POLICE, "note")], values[("1", POLICE, "problems")]) == (
        "已完成系统改造\n下一步推广",
        "",
    )
    assert [h.new_note for h in office.progress.history(assignment)][-1] == (
        "已完成系统改造\n下一步推广"
    )


def test_a_bell_typed_on_the_command_line_is_not_saved(
    services: Services, db_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tracker.cli import cli_main

    office = prepared_office(services)
    code = cli_main.main(
        [
            "--db",
            db_url,
            "--today",
            TODAY.isoformat(),
            "progress",
            "1",
            POLICE,
            "--note",
            "已推进\x07",
        ]
    )
    assert (code, capsys.readouterr().err) == (0, "")
    assert assignment_values(office)[("1", POLICE, "note")] == "已推进"
