"""Schema migrations: from empty, from the previous revision, backups, newer databases."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from db import migrate
from db.engine import make_engine
from db.models import Base
from tracker.errors import UserError
from tracker.store import Store


def test_the_known_revisions_are_alembics_scripts() -> None:
    """``db.migrate`` lists the revisions so that opening a database needs no Alembic import."""
    script = ScriptDirectory(str(migrate.MIGRATIONS))
    assert tuple(r.revision for r in reversed(list(script.walk_revisions()))) == migrate.REVISIONS
    assert script.get_current_head() == migrate.HEAD


def test_upgrade_from_empty_creates_every_table(db_url: str) -> None:
    engine = make_engine(db_url)
    assert migrate.upgrade(engine) is None  # nothing to back up in an empty database
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_migrations_match_the_models(db_url: str) -> None:
    """The newest migration produces exactly the schema the models describe."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = make_engine(db_url)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    assert diff == []


def test_every_revision_upgrades_from_its_predecessor(db_url: str) -> None:
    script = ScriptDirectory(str(migrate.MIGRATIONS))
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    engine = make_engine(db_url)
    for revision in revisions:
        migrate.upgrade(engine, revision)
        assert migrate.current_revision(engine) == revision
    engine.dispose()


def test_sqlite_is_tuned(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{(tmp_path / 'a.sqlite3').as_posix()}")
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    engine.dispose()


def test_older_database_is_backed_up_before_upgrade(tmp_path: Path) -> None:
    script = ScriptDirectory(str(migrate.MIGRATIONS))
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    db_file = tmp_path / "office.sqlite3"
    engine = make_engine(f"sqlite:///{db_file.as_posix()}")
    migrate.upgrade(engine, revisions[-2])
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO settings (key, value) VALUES ('office', '协调办')"))
    backup = migrate.upgrade(engine)
    engine.dispose()
    assert backup is not None and backup.exists()
    with sqlite3.connect(backup) as copy:
        assert copy.execute("SELECT value FROM settings").fetchall() == [("协调办",)]
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (revisions[-2],)
        ]


def test_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    db_file = tmp_path / "newer.sqlite3"
    Store.open(db_file, create=True).close()
    with sqlite3.connect(db_file) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_from_the_future'")
    before = db_file.read_bytes()
    with pytest.raises(UserError, match="newer version"):
        Store.open(db_file)
    assert db_file.read_bytes() == before
