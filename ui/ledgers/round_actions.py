"""The window's round conversations: a round's 报送情况 page and the chasers for many units.

Both are reached from the rounds dialog, the navigator's rounds and the menus; each
gets the services it needs from the window's ``Services``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from tracker.services import Services


def show_round_status(parent: QWidget, services: Services, round_name: str | None = None) -> None:
    """The round's page (the latest round without a name); its "chase" opens the chasers."""
    from ui.ledgers.round_status_dialog import RoundStatusDialog

    rounds = [r.name for r in services.rounds.list()]
    dialog = RoundStatusDialog(
        services.round_status,
        rounds,
        round_name,
        lambda name, units: show_chasers(dialog, services, name, units),
        parent,
    )
    dialog.exec()


def show_chasers(
    parent: QWidget,
    services: Services,
    round_name: str | None = None,
    units: list[str] | None = None,
) -> None:
    """Chasers for several units: ``units`` ticked, ``round_name`` chosen."""
    from ui.reports.chaser_batch_dialog import ChaserBatchDialog

    rounds = [r.name for r in services.rounds.list()]
    names = [u.name for u in services.units.list() if u.assigned and not u.memberless]
    dialog = ChaserBatchDialog(
        services.chasers, services.round_status, names, rounds, services.today(), parent
    )
    if round_name is not None and dialog.round.findData(round_name) >= 0:
        dialog.round.setCurrentIndex(dialog.round.findData(round_name))
    dialog.check(units or [])
    dialog.exec()
