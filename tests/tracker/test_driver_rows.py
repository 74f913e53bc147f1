"""``execute_many``: one statement for many rows through the driver, as SQLAlchemy would run it."""

from __future__ import annotations

from datetime import datetime
from typing import cast

import pytest
from sqlalchemy import Table, bindparam, insert, select, update

from db.models import Round
from tracker.driver_rows import execute_many
from tracker.services import Services

_ROUNDS = cast(Table, Round.__table__)


def test_rows_are_written_and_read_back_as_sqlalchemy_writes_them(services: Services) -> None:
    made = datetime(2021, 6, 30, 17, 45, 12, 345678)
    rows = [
        {"id": 7, "name": "第一轮", "as_of": made.date(), "created_at": made},
        {"id": 8, "name": "第二轮", "as_of": made.date(), "created_at": made},
        {"id": 9, "name": "第三轮", "as_of": datetime(2021, 9, 30).date(), "created_at": made},
    ]
    with services.store.transaction() as session:
        assert execute_many(session.connection(), insert(_ROUNDS), rows) == 3
        renamed = (
            update(_ROUNDS).where(_ROUNDS.c.id == bindparam("_id")).values(name=bindparam("new"))
        )
        changed = [{"_id": 8, "new": "第二轮（补）"}, {"_id": 10, "new": "无此轮"}]
        assert execute_many(session.connection(), renamed, changed) == 1  # rows matched
    with services.store.reading() as session:
        stored = session.execute(
            select(Round.id, Round.name, Round.as_of, Round.created_at).order_by(Round.id)
        ).all()
    assert [tuple(r) for r in stored] == [
        (7, "第一轮", made.date(), made),
        (8, "第二轮（补）", made.date(), made),
        (9, "第三轮", datetime(2021, 9, 30).date(), made),
    ]


def test_no_rows_run_nothing(services: Services) -> None:
    with services.store.transaction() as session:
        assert execute_many(session.connection(), insert(_ROUNDS), []) == 0


def test_a_parameter_missing_from_the_rows_is_a_bug_said_at_once(services: Services) -> None:
    renamed = update(_ROUNDS).where(_ROUNDS.c.id == 1).values(name=bindparam("new"))
    with services.store.transaction() as session, pytest.raises(ValueError, match="id_1"):
        execute_many(session.connection(), renamed, [{"new": "x"}])
