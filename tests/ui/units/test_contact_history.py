"""The units directory shows a unit's contact history: who, when, from which ledger."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from sqlalchemy import select

from db.models import Unit
from tracker.services import Services
from tracker.units.unit_contacts import set_contact
from ui.units.contact_history import ContactHistoryDialog, history_model
from ui.units.units_dialog import UnitsDialog

pytestmark = pytest.mark.qt_log_level_fail("WARNING")

TAX = "宁夏税务局"


def _rows(dialog: ContactHistoryDialog) -> list[list[str]]:
    model = dialog.model
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_the_history_model_passes_qts_model_tester(qtmodeltester, services: Services) -> None:  # type: ignore[no-untyped-def]
    services.units.update_contact(TAX, "李强", "")
    model = history_model()
    model.set_records(services.units.contact_history(TAX))
    qtmodeltester.check(model)
    assert model.rowCount() == 1


def test_the_directory_shows_who_changed_a_contact_when_and_from_which_ledger(
    qtbot,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    services.units.update_contact(TAX, "李强", "0951-5555555")
    now = services.store.clock.now()
    with services.store.transaction() as session:
        unit = session.scalars(select(Unit).where(Unit.name == TAX)).one()
        set_contact(
            session, unit, "phone", "0951-6666666",
            source="台账 宁夏税务局_2021Q3.xlsx", user="王芳", now=now,
        )  # fmt: skip
    dialog = UnitsDialog(services.units, services.groups)
    qtbot.addWidget(dialog)
    assert not dialog.history_button.isEnabled()
    dialog.select(TAX)
    assert dialog.history_button.isEnabled()
    shown: list[ContactHistoryDialog] = []

    def look(self: ContactHistoryDialog) -> int:
        shown.append(self)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(ContactHistoryDialog, "exec", look)
    dialog.history_button.click()
    [history] = shown
    assert history.windowTitle() == f"Contact history of {TAX}"
    first, _, last = (c.changed_at.strftime("%Y-%m-%d %H:%M") for c in history.history)
    assert _rows(history) == [
        [last, "Phone", "0951-5555555", "0951-6666666", "王芳", "ledger 宁夏税务局_2021Q3.xlsx"],
        [first, "Phone", "—", "0951-5555555", "测试员", "typed by a clerk"],
        [first, "Contact person", "—", "李强", "测试员", "typed by a clerk"],
    ]


def test_a_unit_never_changed_says_so(qtbot, services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = ContactHistoryDialog(TAX, services.units.contact_history(TAX))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    [label] = dialog.findChildren(QLabel)
    assert label.text() == "The contact of this unit was never changed."
