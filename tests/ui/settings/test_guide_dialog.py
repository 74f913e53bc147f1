"""帮助 → 使用说明 shows the shipped guide, its headings and its screenshots, offline."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from pytestqt.qtbot import QtBot

from ui.resources import resource_path
from ui.settings.guide_dialog import GUIDE, GuideDialog


def test_guide_is_rendered_with_its_sections_and_images(qtbot: QtBot) -> None:
    dialog = GuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for heading in (
        "督办台账 使用说明",
        "一、安装",
        "四、调度轮次与工作台账",
        "七、备份与恢复",
        "八、多人共用一个数据库",
    ):
        assert heading in text
    document = dialog.browser.document()
    image = document.resource(
        QTextDocument.ResourceType.ImageResource,
        dialog.browser.source().resolved("images/main_window.png"),
    )
    assert image is not None and not image.isNull()


def test_every_image_the_guide_names_is_shipped() -> None:
    guide = resource_path(*GUIDE)
    import re

    names = re.findall(r"\]\((images/[^)]+)\)", guide.read_text(encoding="utf-8"))
    assert len(names) == 8  # with the 考核得分 tab (scores.png)
    for name in names:
        assert (guide.parent / name).is_file(), name


def test_help_menu_opens_one_guide_window_and_about_names_version_database_and_log(
    window, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    import tracker

    window.actions_.guide.trigger()
    window.actions_.guide.trigger()
    guides = window.findChildren(GuideDialog)
    assert len(guides) == 1 and guides[0].isVisible()

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", staticmethod(lambda _p, _t, text: said.append(text)))
    window.actions_.about.trigger()
    (text,) = said
    database = window.services.store.engine.url.database
    assert tracker.__version__ in text and database in text
    from ui.crash import default_log_path

    assert str(default_log_path().parent) in text
