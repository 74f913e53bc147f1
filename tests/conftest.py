"""Fixtures shared by every test package.

Qt runs offscreen; each database test gets a fresh database (SQLite in a temp
folder, and PostgreSQL as well where ``TRACKER_TEST_PG_URL`` is set).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED = REPO_ROOT.parent / "shared"


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    del config
    if SHARED.is_dir():
        return
    if os.environ.get("TRACKER_REQUIRE_SHARED"):
        # CI must read the real documents: their absence is a failure there, not a skip.
        raise pytest.UsageError(f"TRACKER_REQUIRE_SHARED is set but {SHARED} does not exist")
    skip = pytest.mark.skip(reason=f"{SHARED} not found (seeds and corpus live there)")
    for item in items:
        if "needs_shared" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} not found")
    return SHARED


@pytest.fixture(scope="session")
def seed_000(shared_dir: Path) -> Path:
    return shared_dir / "seeds" / "000_ddced08bac396bed.txt"


@pytest.fixture(scope="session")
def seed_003(shared_dir: Path) -> Path:
    return shared_dir / "seeds" / "003_8cea6384a45f48e5.txt"


@pytest.fixture(scope="session", autouse=True)
def _server_backups_in_temp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """A server database's backups (``tracker.backups.backup_service``) go to a temp folder, never the user's."""
    os.environ["TRACKER_BACKUP_DIR"] = str(tmp_path_factory.mktemp("server-backups"))


PG_URL = os.environ.get("TRACKER_TEST_PG_URL")
DB_BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def _reset_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()


@pytest.fixture(params=DB_BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database: an SQLite file, and PostgreSQL where configured."""
    if request.param == "sqlite":
        return f"sqlite:///{(tmp_path / '督办台账.sqlite3').as_posix()}"
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("TRACKER_TEST_PG_URL must be set in CI")
        pytest.skip("TRACKER_TEST_PG_URL not set")
    _reset_postgres(PG_URL)
    return PG_URL
