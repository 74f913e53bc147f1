"""Every text a clerk can see on a widget and its children, and the Latin words among them.

Used by the all-Chinese walk (``tests/ui/window/test_all_chinese.py``): labels,
buttons, group and window titles, tab texts, tooltips, placeholders, combo items,
table and tree headers, the first rows of every view, menus and toolbars.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

ALLOWED = frozenset(
    {
        "pdf",
        "excel",
        "word",
        "wps",
        "url",
        "sqlite",
        "postgresql",
        "csv",
        "xlsx",
        "xls",
        "ods",
        "docx",
        "doc",
        "txt",
        "rtf",
        "odt",
        "ctrl",
        "shift",
        "alt",
        "esc",
        "del",
        "tab",
        "enter",
        "oa",
        "xlsm",
        "db",
        "kb",
        "mb",
        "gb",
        "english",
    }
)
"""Latin words a Chinese office window may show: formats, products, keys, sizes, and the
name of the other language in the language choice."""

URL = re.compile(r"\w[\w+.-]*://[^\s，。；：“”（）()]*")
"""A database URL given as an example."""
PATH = re.compile(r"(?:[A-Za-z]:)?[\w.~-]*[/\\][^\s，。；：“”（）()]*")
"""A file or folder path (the database's location, a log folder): not wording."""
SHORTCUT = re.compile(r"\b(?:Ctrl|Shift|Alt)\+\S+")
WORD = re.compile(r"[A-Za-z]{2,}")
ROWS_LOOKED_AT = 30


def latin_words(text: str, data_words: frozenset[str] = frozenset()) -> list[str]:
    """The Latin words of ``text`` outside paths, shortcuts, accelerators and ``ALLOWED``,
    and not among ``data_words`` (those of the documents and files the clerk brought:
    "APP", a file's name — the clerk's data, not the window's wording)."""
    text = PATH.sub(" ", URL.sub(" ", SHORTCUT.sub(" ", text.replace("&&", "&"))))
    text = re.sub(r"\(&\w\)|&(?=\w)", " ", text)  # 文件(&F), &File
    return [
        word
        for word in WORD.findall(text)
        if word.lower() not in ALLOWED and word not in data_words
    ]


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    try:
        return model.columnCount(parent)
    except TypeError:  # a list model: PySide makes its columnCount private
        return 1


def _model_texts(model: QAbstractItemModel, parent: QModelIndex, depth: int) -> Iterator[str]:
    display, tooltip = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
    for row in range(min(model.rowCount(parent), ROWS_LOOKED_AT)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (display, tooltip):
                value = index.data(role)
                if isinstance(value, str):
                    yield value
            if column == 0 and depth < 3 and model.rowCount(index) > 0:
                yield from _model_texts(model, index, depth + 1)


def _view_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for section in range(_columns(model, QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(section, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield value
    yield from _model_texts(model, QModelIndex(), 0)


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        if action.menu() is not None:
            yield from _menu_texts(action.menu())


def _own_texts(widget: QWidget) -> Iterator[str]:
    yield widget.toolTip()
    yield widget.statusTip()
    yield widget.whatsThis()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox):
        yield widget.title()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
        if widget.lineEdit() is not None:
            yield widget.lineEdit().placeholderText()
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield widget.placeholderText()
    elif isinstance(widget, QTabWidget):
        for tab in range(widget.count()):
            yield widget.tabText(tab)
            yield widget.tabToolTip(tab)
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        yield from _view_texts(widget)
    elif isinstance(widget, QMenu):
        yield from _menu_texts(widget)


def visible_texts(top: QWidget) -> list[str]:
    """Every non-empty text of ``top`` and its child widgets (and its menu bar's menus)."""
    texts: list[str] = []
    for widget in [top, *top.findChildren(QWidget)]:
        texts.extend(t for t in _own_texts(widget) if t)
    if isinstance(top, QMainWindow):
        for action in top.menuBar().actions():
            if action.menu() is not None:
                texts.extend(t for t in _menu_texts(action.menu()) if t)
    return texts


def english_left(top: QWidget, data_words: frozenset[str] = frozenset()) -> list[str]:
    """The texts of ``top`` holding a Latin word that is not allowed (each once)."""
    return sorted({text for text in visible_texts(top) if latin_words(text, data_words)})
