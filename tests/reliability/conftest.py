"""Fault and bad-input cases: each asserts the exact outcome and that nothing was lost.

The fixtures are the tracker tests' own (a fresh database with services over it, on
SQLite and on PostgreSQL where ``TRACKER_TEST_PG_URL`` is set).
"""

from tests.tracker.conftest import services

__all__ = ["services"]
