"""The tables, as typed SQLAlchemy 2 models, one module per area.

A document has a heading tree (parts, sections) and measures; a measure is
assigned to units; every change of an assignment's status, percent or note is
kept in ``progress_history`` so nothing a user typed or imported is lost.
Schema changes go through a new Alembic revision in ``db/migrations/versions``.

Every model is importable from here (``from db.models import Unit``), and
importing this package registers every table on ``Base.metadata`` (what Alembic
and the backups read).  A new table goes in the module of its area, or a new
module here, and is re-exported below.
"""

from __future__ import annotations

from db.models.assessment import ScorePublication, ScoreRemark, ScoreRuleSet
from db.models.base import NAMING, Base
from db.models.documents import (
    Assignment,
    Document,
    Heading,
    HeadingLead,
    Measure,
    Milestone,
    ProgressEntry,
    Task,
)
from db.models.extensions import ExtensionRequest
from db.models.inspections import Finding, FindingEntry, Inspection
from db.models.rounds import Bulletin, ChaserNumber, ImportBatch, LedgerExport, Round
from db.models.settings import Setting
from db.models.units import Unit, UnitAlias, UnitContactChange, UnitGroupMember

__all__ = [
    "NAMING",
    "Assignment",
    "Base",
    "Bulletin",
    "ChaserNumber",
    "Document",
    "ExtensionRequest",
    "Finding",
    "FindingEntry",
    "Heading",
    "HeadingLead",
    "ImportBatch",
    "Inspection",
    "LedgerExport",
    "Measure",
    "Milestone",
    "ProgressEntry",
    "Round",
    "ScorePublication",
    "ScoreRemark",
    "ScoreRuleSet",
    "Setting",
    "Task",
    "Unit",
    "UnitAlias",
    "UnitContactChange",
    "UnitGroupMember",
]
