"""All services over one open database — what the CLI and the main window hold.

Every service is built here once (``Services.over``); widgets receive only the
service they need (``services.progress``, ``services.backups``…), never the
``store`` or its engine: what the window needs to know of the database itself
(today's date, where it is, a warning about a network drive) it asks here.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING

from importers.messages import Message
from tracker.backups.backup_service import BackupService
from tracker.documents.document_service import DocumentService
from tracker.extensions.extension_service import ExtensionService
from tracker.inspections.inspection_service import InspectionService
from tracker.progress.overview import OverviewService
from tracker.progress.progress_service import ProgressService
from tracker.reports.bulletins import BulletinService
from tracker.rounds.round_service import RoundService
from tracker.settings_service import SettingsService
from tracker.sharing import network_drive_warning
from tracker.store import Clock, Store
from tracker.units.groups import GroupService
from tracker.units.unit_service import UnitService

if TYPE_CHECKING:
    from tracker.assessment.score_service import AssessmentService
    from tracker.ledgers.ledger_export import LedgerExporter
    from tracker.ledgers.ledger_import import LedgerImporter
    from tracker.reports.chasers import ChaserService
    from tracker.reports.report_service import ReportService
    from tracker.rounds.round_status import RoundStatusService


class Services:
    """Every service over one ``store``, each built once.

    The ledger export and import and the reports load openpyxl, python-calamine and the
    report formats (170–340 ms each): they are built on first use, so the window and
    the CLI's other commands start without them.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = SettingsService(store)
        self.documents = DocumentService(store)
        self.units = UnitService(store)
        self.progress = ProgressService(store, self.units, self.documents)
        self.groups = GroupService(store, self.units, self.progress)
        self.rounds = RoundService(store)
        self.overview = OverviewService(store, self.documents, self.units, self.rounds)
        self.bulletins = BulletinService(store)
        self.backups = BackupService(store)
        self.inspections = InspectionService(store, self.units, self.documents)
        self.extensions = ExtensionService(store, self.progress, self.units, self.rounds)

    @cached_property
    def ledger_export(self) -> LedgerExporter:
        from tracker.ledgers.ledger_export import LedgerExporter

        return LedgerExporter(self.store, self.rounds, self.units)

    @cached_property
    def ledger_import(self) -> LedgerImporter:
        from tracker.ledgers.ledger_import import LedgerImporter

        return LedgerImporter(self.store, self.rounds, self.progress, self.inspections)

    @cached_property
    def assessment(self) -> AssessmentService:
        from tracker.assessment.score_service import AssessmentService

        return AssessmentService(self.store, self.rounds, self.units)

    @cached_property
    def reports(self) -> ReportService:
        from tracker.reports.report_service import ReportService

        return ReportService(
            self.store,
            documents=self.documents,
            units=self.units,
            rounds=self.rounds,
            overview=self.overview,
            bulletins=self.bulletins,
            inspections=self.inspections,
            chasers=self.chasers,
            assessment=self.assessment,
        )

    @cached_property
    def round_status(self) -> RoundStatusService:
        from tracker.rounds.round_status import RoundStatusService

        return RoundStatusService(self.store, self.rounds, self.documents)

    @cached_property
    def chasers(self) -> ChaserService:
        from tracker.reports.chasers import ChaserService

        return ChaserService(
            self.store, self.units, self.overview, self.round_status, self.inspections
        )

    @classmethod
    def open(
        cls,
        target: str | os.PathLike[str] | None = None,
        *,
        clock: Clock | None = None,
        user: str | None = None,
        create: bool = False,
    ) -> Services:
        """The services over the database at ``target``; ``create`` starts a new one.

        Without ``create`` a missing file or an empty database is a user error
        (see ``Store.open``).
        """
        return cls.over(Store.open(target, clock=clock, user=user, create=create))

    @classmethod
    def over(cls, store: Store) -> Services:
        return cls(store)

    def today(self) -> date:
        """Today, as the database's clock says (fixed by ``--today``)."""
        return self.store.clock.today()

    def database_location(self) -> str:
        """The database as the clerk is shown it: its file, or its server without password."""
        return self.store.where

    def network_drive_warning(self) -> Message | None:
        """The warning for an SQLite file on a network share; None for anything else."""
        return network_drive_warning(self.store)

    def close(self) -> None:
        self.store.close()


@contextmanager
def opened_services(args: argparse.Namespace) -> Iterator[Services]:
    """The services over ``tracker-cli``'s ``--db``/``--today``/``--user``, closed afterwards."""
    services = Services.open(args.db, clock=Clock(args.today), user=args.user)
    warning = services.network_drive_warning()
    if warning is not None:
        print(f"tracker-cli: warning: {warning}", file=sys.stderr)
    try:
        yield services
    finally:
        services.close()
