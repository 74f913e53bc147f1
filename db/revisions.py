"""The schema's revisions, oldest first (``tests/db`` checks them against Alembic's scripts).

Free of SQLAlchemy, so the quick first read (``tracker.progress.quick_look``) can check
a database is current before that library is imported.
"""

from __future__ import annotations

REVISIONS = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
)
HEAD = REVISIONS[-1]
