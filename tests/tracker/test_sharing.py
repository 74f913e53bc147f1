"""An SQLite file on a network drive: no WAL, and a warning pointing to the server option."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

import db.engine
import db.network_drive
from tracker.cli.cli_main import main
from tracker.services import Services
from tracker.sharing import network_drive_warning


@pytest.fixture
def network_share(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A folder the drive check takes for a network share."""
    share = tmp_path / "共享"
    share.mkdir()

    def on_share(path: Path) -> bool:
        return share in path.parents

    monkeypatch.setattr(db.engine, "on_network_drive", on_share)
    monkeypatch.setattr(db.network_drive, "on_network_drive", on_share)
    return share


def _journal(services: Services) -> str:
    with services.store.engine.connect() as conn:
        return str(conn.execute(text("PRAGMA journal_mode")).scalar())


def test_a_file_on_a_share_keeps_the_rollback_journal_and_is_warned(network_share: Path) -> None:
    services = Services.open(network_share / "台账.sqlite3", create=True)
    try:
        assert _journal(services) == "delete"
        warning = network_drive_warning(services.store)
        assert warning is not None
        assert str(warning).startswith(
            f"The database {network_share / '台账.sqlite3'} is on a network drive."
        )
    finally:
        services.close()


def test_a_local_file_uses_wal_and_is_not_warned(network_share: Path) -> None:
    services = Services.open(network_share.parent / "本地.sqlite3", create=True)
    try:
        assert _journal(services) == "wal"
        assert network_drive_warning(services.store) is None
    finally:
        services.close()


def test_the_cli_warns_on_stderr_and_still_answers(
    network_share: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = str(network_share / "台账.sqlite3")
    assert main(["--db", database, "init"]) == 0
    capsys.readouterr()
    assert main(["--db", database, "units"]) == 0
    err = capsys.readouterr().err
    assert err.startswith("tracker-cli: warning: The database ")
    assert "PostgreSQL server" in err
