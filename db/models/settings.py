"""The office's settings kept in the database: one row per key.

What each key means, its type and default are declared in
``tracker/database_settings.py``; the table only stores the text.
"""

from __future__ import annotations

from sqlalchemy import (
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from db.models.base import Base


class Setting(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
