"""All services over one open database — what the CLI and the main window hold.

Widgets should receive only the service they need (``services.progress``…),
not this whole bundle.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tracker.documents.document_service import DocumentService
from tracker.progress.overview import OverviewService
from tracker.progress.progress_service import ProgressService
from tracker.sharing import network_drive_warning
from tracker.store import Clock, Store
from tracker.units.unit_service import UnitService


@dataclass
class Services:
    store: Store
    documents: DocumentService
    units: UnitService
    progress: ProgressService
    overview: OverviewService

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
        return cls(
            store=store,
            documents=DocumentService(store),
            units=UnitService(store),
            progress=ProgressService(store),
            overview=OverviewService(store),
        )

    def close(self) -> None:
        self.store.close()


@contextmanager
def opened_services(args: argparse.Namespace) -> Iterator[Services]:
    """The services over ``tracker-cli``'s ``--db``/``--today``/``--user``, closed afterwards."""
    services = Services.open(args.db, clock=Clock(args.today), user=args.user)
    warning = network_drive_warning(services.store)
    if warning is not None:
        print(f"tracker-cli: warning: {warning}", file=sys.stderr)
    try:
        yield services
    finally:
        services.close()
