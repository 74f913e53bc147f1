"""Texts for the user that the window translates: an English template and its parameters.

Below ``ui/`` there is no Qt, yet what the services and importers tell the user (a
``UserError``, a rejected cell's reason, a parse warning) is shown in the Chinese
window.  Such a text is a :class:`Message`: an English ``str.format`` template and the
values for its fields.  ``str()`` gives the English (the CLI prints it, its JSON
carries it); the window looks the template up in the ``"messages"`` context of the
translation and fills the fields in (``ui.messages.translated``).

Templates are written where they are used, wrapped in ``QT_TRANSLATE_NOOP("messages",
"…")``: pyside6-lupdate recognizes that name in Python files and extracts the string
into ``resources/translations/tracker_zh_CN.ts``.  So a template must be a plain
literal (no f-string, no ``%``), its fields named (``"unknown unit {unit}"``), and a
parameter that is a word chosen by the code rather than user data is itself a
``Message`` (translated in turn), never English text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

CONTEXT = "messages"
"""The translation context every template is extracted into."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for pyside6-lupdate (which knows this name); returns it unchanged."""
    return text


@dataclass(frozen=True)
class Message:
    """A text for the user: ``template`` (English, ``str.format`` fields) and ``params``.

    A message without parameters is shown as written (its template is not formatted),
    so plain text that happens to hold a brace never breaks.
    """

    template: str
    params: Mapping[str, object] = field(default_factory=dict)

    def __str__(self) -> str:
        return self.template.format(**self.params) if self.params else self.template

    def __hash__(self) -> int:
        return hash((self.template, frozenset(self.params.items())))


class MessageError(Exception):
    """An exception whose text is a :class:`Message`.

    ``message`` is the English text (what the CLI prints); ``template`` and
    ``params`` are the parts the window translates; ``as_message()`` the whole.
    """

    def __init__(self, template: str, /, **params: Any) -> None:
        self.template = template
        self.params: Mapping[str, object] = params
        self.message = str(Message(template, params))
        super().__init__(self.message)

    def as_message(self) -> Message:
        return Message(self.template, self.params)

    def __str__(self) -> str:
        return str(self.as_message())


class FileError(MessageError):
    """A file that cannot be read: ``message`` says what is wrong (English), without the
    file's name; ``str()`` and ``as_message()`` name the file too (``"a.xlsx: …"``)."""

    def __init__(self, file_name: str, template: str, /, **params: Any) -> None:
        super().__init__(template, **params)
        self.file_name = file_name

    @property
    def problem(self) -> Message:
        """What is wrong with the file, without its name."""
        return Message(self.template, self.params)

    def as_message(self) -> Message:
        return Message(
            QT_TRANSLATE_NOOP("messages", "{file}: {problem}"),
            {"file": self.file_name, "problem": self.problem},
        )
