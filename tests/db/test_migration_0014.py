"""Migration 0014: a database with measures, assignments and history gets one task per
measure, every assignment moved onto it, the history untouched."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from db import migrate
from db.engine import make_engine

AT = datetime(2021, 7, 1, 9, 0)


def _fill(conn) -> None:  # type: ignore[no-untyped-def]
    conn.execute(
        text(
            "INSERT INTO documents (id, title, short_title, source_name, source_sha256, "
            "imported_at, revision) VALUES (1, '文件', '文件', '措施.txt', :sha, :at, 1)"
        ),
        {"sha": "a" * 64, "at": AT},
    )
    for mid, code, deadline, standing, withdrawn in (
        (1, "1", date(2021, 6, 30), False, False),
        (2, "2", None, True, False),
        (3, "3", None, False, True),
    ):
        conn.execute(
            text(
                "INSERT INTO measures (id, document_id, code, position, title, text, deadline, "
                "deadline_text, standing, withdrawn) VALUES (:id, 1, :code, :id, :title, :text, "
                ":deadline, :dtext, :standing, :withdrawn)"
            ),
            {
                "id": mid,
                "code": code,
                "title": f"措施{code}",
                "text": f"措施{code}的全文。",
                "deadline": deadline,
                "dtext": "2021年6月底" if deadline else None,
                "standing": standing,
                "withdrawn": withdrawn,
            },
        )
    for uid, name in ((1, "自治区发展改革委"), (2, "自治区财政厅")):
        conn.execute(
            text(
                "INSERT INTO units (id, name, kind, contact_person, phone, needs_review, "
                "created_at, members_report_directly) VALUES (:id, :name, '部门', '', '', "
                "false, :at, false)"
            ),
            {"id": uid, "name": name, "at": AT},
        )
    for aid, mid, uid, status in ((1, 1, 1, "推进中"), (2, 1, 2, "未启动"), (3, 2, 1, "长期坚持")):
        conn.execute(
            text(
                "INSERT INTO assignments (id, measure_id, unit_id, role, status, percent, note, "
                "active, updated_by, updated_at, version, problems, next_steps, fanned_out) "
                "VALUES (:id, :mid, :uid, '牵头', :status, 40, '已部署', true, '测试员', :at, 2, "
                "'', '', false)"
            ),
            {"id": aid, "mid": mid, "uid": uid, "status": status, "at": AT},
        )
        conn.execute(
            text(
                "INSERT INTO progress_history (assignment_id, changed_at, changed_by, source, "
                "old_status, new_status, new_note) VALUES (:id, :at, '测试员', '手工', '未启动', "
                ":status, '已部署')"
            ),
            {"id": aid, "at": AT, "status": status},
        )


def test_every_measure_gets_one_task_holding_its_assignments(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0013")
    with engine.begin() as conn:
        _fill(conn)
    migrate.upgrade(engine)
    with engine.connect() as conn:
        tasks = conn.execute(
            text(
                "SELECT id, measure_id, seq, code, text, deadline, deadline_text, standing, withdrawn "
                "FROM tasks ORDER BY id"
            )
        ).all()
        assignments = conn.execute(
            text("SELECT id, measure_id, task_id, unit_id, status FROM assignments ORDER BY id")
        ).all()
        history = conn.execute(
            text("SELECT assignment_id, new_status FROM progress_history ORDER BY id")
        ).all()
    plain = [(*t[:5], t[5] and str(t[5]), t[6], bool(t[7]), bool(t[8])) for t in tasks]
    assert plain == [
        (1, 1, 1, "1", "措施1的全文。", "2021-06-30", "2021年6月底", False, False),
        (2, 2, 1, "2", "措施2的全文。", None, None, True, False),
        (3, 3, 1, "3", "措施3的全文。", None, None, False, True),
    ]
    assert [tuple(a) for a in assignments] == [
        (1, 1, 1, 1, "推进中"),
        (2, 1, 1, 2, "未启动"),
        (3, 2, 2, 1, "长期坚持"),
    ]
    assert [tuple(h) for h in history] == [(1, "推进中"), (2, "未启动"), (3, "长期坚持")]
    with engine.begin() as conn:  # a second task of measure 1, numbered by the database
        new_id = conn.execute(
            text(
                "INSERT INTO tasks (measure_id, seq, code, text, standing, withdrawn) "
                "VALUES (1, 2, '1-2', '分工二', false, false) RETURNING id"
            )
        ).scalar_one()
        conn.execute(
            text(
                "INSERT INTO assignments (id, measure_id, task_id, unit_id, role, status, note, "
                "active, updated_by, updated_at, version, problems, next_steps, fanned_out) "
                "VALUES (4, 1, :task, 1, '牵头', '未启动', '', true, '测试员', :at, 1, '', '', false)"
            ),
            {"task": new_id, "at": AT},
        )
    assert new_id == 4
    with pytest.raises(IntegrityError), engine.begin() as conn:  # (task, unit) is unique
        conn.execute(
            text(
                "INSERT INTO assignments (id, measure_id, task_id, unit_id, role, status, note, "
                "active, updated_by, updated_at, version, problems, next_steps, fanned_out) "
                "VALUES (5, 1, 1, 1, '牵头', '未启动', '', true, '测试员', :at, 1, '', '', false)"
            ),
            {"at": AT},
        )
    engine.dispose()
