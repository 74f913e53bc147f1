"""0012 gives assignments 佐证材料 and 未按期完成原因 (and their history) without losing a row."""

from __future__ import annotations

from sqlalchemy import text

from db import migrate
from db.engine import make_engine
from tests.db.test_migration_keeps_rows import _ROWS


def test_upgrading_0011_to_0012_keeps_the_rows_and_gives_them_empty_texts(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0011")
    with engine.begin() as conn:
        for statement in _ROWS:
            conn.execute(text(statement))
    migrate.upgrade(engine, "0012")
    with engine.connect() as conn:
        assignments = conn.execute(
            text("SELECT id, status, note, evidence, delay_reason FROM assignments")
        ).all()
        history = conn.execute(
            text(
                "SELECT assignment_id, new_note, old_evidence, new_evidence, new_delay_reason "
                "FROM progress_history"
            )
        ).all()
    assert [tuple(a) for a in assignments] == [(1, "推进中", "已部署", "", "")]
    assert [tuple(h) for h in history] == [(1, "已部署", None, None, None)]
    engine.dispose()
