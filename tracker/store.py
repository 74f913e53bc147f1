"""The open database, shared by the services.

``Store.open`` upgrades the schema first (after a backup), so every service can
assume the current schema.  Services open one short session per unit of work
through ``Store.transaction`` — one user action, one transaction — and return
plain records, never ORM objects bound to a session.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from db import migrate
from db.engine import database_url, make_engine, make_session_factory, sqlite_path
from db.models import Setting
from importers.messages import QT_TRANSLATE_NOOP
from tracker.errors import UserError
from tracker.statuses import DEFAULT_DUE_SOON_DAYS


@dataclass(frozen=True)
class Clock:
    """Today's date, fixed for tests and for reports made as of a past day."""

    fixed: date | None = None

    def today(self) -> date:
        return self.fixed or date.today()

    def now(self) -> datetime:
        """The time changes are stamped with: on the fixed day, if there is one.

        ``--today`` replays an office's work as of a past day; its history must
        then carry that day too, or rounds as of that day would not see it.
        """
        current = datetime.now()
        if self.fixed is None:
            return current
        return datetime.combine(self.fixed, current.time())


def current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name on some Windows service accounts
        return os.environ.get("USERNAME", "?")


class Store:
    def __init__(self, engine: Engine, clock: Clock | None = None, user: str | None = None):
        self.engine = engine
        self.sessions: sessionmaker[Session] = make_session_factory(engine)
        self.clock = clock or Clock()
        self.user = user or current_user()
        self.backup: Path | None = None

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str] | None = None,
        *,
        clock: Clock | None = None,
        user: str | None = None,
    ) -> Store:
        """Open (and create or upgrade) the database at a path or URL."""
        url = database_url(target)
        engine = make_engine(url)
        try:
            backup = migrate.upgrade(engine)
        except migrate.DatabaseTooNewError as exc:
            engine.dispose()
            where = sqlite_path(url) or engine.url.render_as_string(hide_password=True)
            raise UserError(
                QT_TRANSLATE_NOOP(
                    "messages",
                    "The database {database} was made by a newer version of this application "
                    "(schema {schema}); please update the application.",
                ),
                database=where,
                schema=exc.args[0],
            ) from None
        store = cls(engine, clock, user)
        store.backup = backup
        return store

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed as a whole, or rolled back as a whole."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    # Settings are few and small: read them where needed.
    def setting(self, key: str, default: str) -> str:
        with self.reading() as session:
            value = session.scalar(select(Setting.value).where(Setting.key == key))
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as session:
            session.merge(Setting(key=key, value=value))

    @property
    def due_soon_days(self) -> int:
        try:
            return int(self.setting("due_soon_days", str(DEFAULT_DUE_SOON_DAYS)))
        except ValueError:
            return DEFAULT_DUE_SOON_DAYS
