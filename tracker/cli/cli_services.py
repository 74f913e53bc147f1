"""The services as ``tracker-cli``'s commands open them, imported only when one runs.

Every command module registers its arguments at start-up; importing the
services there (SQLAlchemy, the models, openpyxl…) made even ``parse-doc`` or
``--help`` pay for them.  A command that needs the database opens it through
this function, which imports them then.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tracker.services import Services


@contextmanager
def opened_services(args: argparse.Namespace) -> Iterator[Services]:
    """The services over ``--db``/``--today``/``--user`` (see ``tracker.services``)."""
    from tracker.services import opened_services as opened

    with opened(args) as services:
        yield services
