"""Migration 0004: one document per file, also in a database that already holds copies."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from db import migrate
from db.engine import make_engine

_INSERT = text(
    "INSERT INTO documents (id, title, short_title, source_name, source_sha256, imported_at, "
    "revision) VALUES (:id, :title, :title, :name, :sha, :at, 1)"
)


def test_copies_already_stored_are_all_kept_and_the_oldest_keeps_the_hash(db_url: str) -> None:
    engine = make_engine(db_url)
    migrate.upgrade(engine, "0003")
    at = datetime(2021, 7, 1, 9, 0)
    with engine.begin() as conn:
        for doc_id, sha in ((1, "a" * 64), (2, "b" * 64), (3, "a" * 64), (4, "a" * 64)):
            conn.execute(
                _INSERT,
                {"id": doc_id, "title": f"文件{doc_id}", "name": "措施.txt", "sha": sha, "at": at},
            )
        conn.execute(
            text(
                "INSERT INTO measures (id, document_id, code, position, title, text, standing, "
                "withdrawn) VALUES (1, 3, '1', 1, '措施', '措施。', false, false)"
            )
        )
    migrate.upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT id, source_sha256 FROM documents ORDER BY id")).all()
        measures = conn.execute(text("SELECT document_id FROM measures")).scalars().all()
    assert rows == [
        (1, "a" * 64),
        (2, "b" * 64),
        (3, ("dup3-" + "a" * 64)[:64]),
        (4, ("dup4-" + "a" * 64)[:64]),
    ]
    assert measures == [3]  # the copy's measures stay with it
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(
            _INSERT, {"id": 5, "title": "又一份", "name": "措施.txt", "sha": "b" * 64, "at": at}
        )
    engine.dispose()
