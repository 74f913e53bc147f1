"""An upgrade that rebuilds a referenced table on SQLite keeps the rows referring to it.

SQLite changes a table by copying it and dropping the old one; with foreign keys on,
that drop failed (0010 rebuilds ``units``, which assignments refer to) or deleted an
assignment's history.  ``db.migrate.upgrade`` runs with them off and checks them after.
"""

from __future__ import annotations

from sqlalchemy import text

from db import migrate
from db.engine import make_engine

_ROWS = (
    "INSERT INTO documents (id, title, short_title, source_name, source_sha256, imported_at, "
    "revision) VALUES (1, '文件', '文件', '措施.txt', 'a', '2021-07-01 09:00:00', 1)",
    "INSERT INTO measures (id, document_id, code, position, title, text, standing, withdrawn) "
    "VALUES (1, 1, '1', 1, '措施', '措施。', false, false)",
    "INSERT INTO units (id, name, kind, contact_person, phone, needs_review, created_at) "
    "VALUES (1, '自治区财政厅', '部门', '', '', false, '2021-07-01 09:00:00')",
    "INSERT INTO assignments (id, measure_id, unit_id, role, status, note, active, updated_by, "
    "updated_at, version, problems, next_steps) VALUES (1, 1, 1, '牵头', '推进中', '已部署', "
    "true, '测试员', '2021-07-01 09:00:00', 2, '', '')",
    "INSERT INTO progress_history (assignment_id, changed_at, changed_by, source, old_status, "
    "new_status, new_note) VALUES (1, '2021-07-01 09:00:00', '测试员', '手工', '未启动', "
    "'推进中', '已部署')",
)


def test_upgrading_0009_to_0010_keeps_assignments_and_their_history(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0009")
    with engine.begin() as conn:
        for statement in _ROWS:
            conn.execute(text(statement))
    migrate.upgrade(engine, "0010")
    with engine.connect() as conn:
        assignments = conn.execute(text("SELECT id, unit_id, status FROM assignments")).all()
        history = conn.execute(text("SELECT assignment_id, new_note FROM progress_history")).all()
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1  # on again
    assert [tuple(a) for a in assignments] == [(1, 1, "推进中")]
    assert [tuple(h) for h in history] == [(1, "已部署")]
    engine.dispose()


def test_upgrading_0010_to_0011_keeps_assignments_and_gives_them_the_measures_deadline(
    db_url: str,
) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0010")
    with engine.begin() as conn:
        for statement in _ROWS:
            conn.execute(text(statement))
    migrate.upgrade(engine, "0011")
    with engine.begin() as conn:
        assignments = conn.execute(text("SELECT id, status, deadline FROM assignments")).all()
        conn.execute(
            text(
                "INSERT INTO extension_requests (assignment_id, requested_deadline, reason, "
                "source, requested_at, requested_by, state, decided_by, decision_note) VALUES "
                "(1, '2021-12-31', '资金未到位', '手工', '2021-07-02 09:00:00', '测试员', "
                "'待审批', '', '')"
            )
        )
        requests = conn.execute(
            text("SELECT assignment_id, requested_deadline, state FROM extension_requests")
        ).all()
    assert [tuple(a) for a in assignments] == [(1, "推进中", None)]
    assert [(a, str(d), s) for a, d, s in requests] == [(1, "2021-12-31", "待审批")]
    engine.dispose()
