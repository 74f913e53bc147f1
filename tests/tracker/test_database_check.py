"""Settings → test a database before switching to it: what is there, or why it cannot be reached."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.revisions import HEAD
from tracker.db_errors import StorageError
from tracker.services import Services
from tracker.sharing import check_database


def test_a_database_of_this_application(db_url: str) -> None:
    Services.open(db_url, create=True).close()
    answer = str(check_database(db_url))
    assert answer.startswith("Connected to ")
    assert answer.endswith(f": a database of this application (schema {HEAD}).")


def test_a_file_not_there_yet_is_created_on_opening(tmp_path: Path) -> None:
    target = tmp_path / "新库.sqlite3"
    assert str(check_database(str(target))) == (
        f"{target} does not exist yet: a new, empty database will be created there."
    )
    assert not target.exists()


def test_an_empty_and_a_foreign_database(tmp_path: Path) -> None:
    empty = tmp_path / "空.sqlite3"
    sqlite3.connect(empty).close()
    assert str(check_database(str(empty))) == (
        f"Connected to {empty}: it is empty and will be set up when opened."
    )
    foreign = tmp_path / "别的.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
        conn.execute("CREATE TABLE u (y)")
    assert str(check_database(str(foreign))) == (
        f"Connected to {foreign}, but it holds other tables (2) and none of this "
        "application's: choose another database."
    )


def test_a_server_out_of_reach_is_a_user_error_naming_it() -> None:
    url = "postgresql+psycopg://clerk:secret@127.0.0.1:9/督办"
    with pytest.raises(StorageError) as caught:
        check_database(url)
    assert "127.0.0.1:9" in caught.value.message
    assert "secret" not in caught.value.message


def test_garbage_is_a_user_error(tmp_path: Path) -> None:
    garbage = tmp_path / "坏.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StorageError) as caught:
        check_database(str(garbage))
    assert str(garbage) in caught.value.message
