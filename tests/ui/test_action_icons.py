"""The main actions' icons (issue 18 item 6): drawn by the project, shipped as PNGs, shown."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QToolBar

from ui.action_icons import ACTION_ICONS, action_icon
from ui.resources import resource_path
from ui.window.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _renderer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "render_icons", ROOT / "packaging" / "render_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_toolbar_action_has_an_icon(window: MainWindow) -> None:
    [toolbar] = window.findChildren(QToolBar)
    actions = [a for a in toolbar.actions() if not a.isSeparator()]
    assert [a.objectName() or a.text() for a in actions if a.icon().isNull()] == []
    main = window.actions_
    for wanted in (
        main.import_document,
        main.export_ledgers,
        main.import_ledgers,
        main.print_report,
        main.undo,
        main.redo,
        main.tick_off,
        main.set_status,
    ):
        assert wanted in actions, wanted.text()
        assert wanted.icon().availableSizes() == [QSize(24, 24), QSize(48, 48)], wanted.text()


def test_the_main_actions_show_their_drawn_icons(window: MainWindow) -> None:
    for name in ACTION_ICONS:
        icon = getattr(window.actions_, name).icon()
        assert icon.availableSizes() == [QSize(24, 24), QSize(48, 48)], name
        drawn = QImage(str(resource_path("icons", "actions", f"{name}@2x.png")))
        shown = icon.pixmap(QSize(48, 48)).toImage().convertToFormat(drawn.format())
        assert shown == drawn, name


def test_every_drawing_is_rendered_and_the_pngs_are_up_to_date(qapp) -> None:  # type: ignore[no-untyped-def]
    render_icons = _renderer()
    drawings = sorted(p.stem for p in render_icons.DRAWINGS.glob("*.svg"))
    assert drawings == sorted(ACTION_ICONS)
    fresh = render_icons.renderings()
    committed = sorted(p.name for p in render_icons.RENDERED.glob("*.png"))
    assert committed == sorted(p.name for p in fresh)
    for path, image in fresh.items():
        stored = QImage(str(path)).convertToFormat(image.format())
        assert stored.size() == image.size(), path.name
        assert stored == image, f"{path.name}: run packaging/render_icons.py"


def test_a_name_without_a_drawing_has_no_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    assert action_icon("no_such_action").isNull()
    assert action_icon("undo").availableSizes() == [QSize(24, 24), QSize(48, 48)]


def test_the_licence_of_the_drawings_is_noted() -> None:
    licence = resource_path("icons", "ICONS-LICENCE.md").read_text(encoding="utf-8")
    assert "CC0 1.0" in licence
    assert "this\nproject's own work" in licence
