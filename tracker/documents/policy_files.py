"""A policy document file read for the services, with the refusals a clerk is told.

Kept free of the database (and of SQLAlchemy): ``tracker-cli parse-doc`` and the
window's import preview read a file before anything is opened or written.
"""

from __future__ import annotations

from pathlib import Path

from importers.messages import QT_TRANSLATE_NOOP
from importers.policy import ParsedDocument, SourceInfo
from importers.policy.errors import PolicyReadError
from tracker.errors import InvalidInputError, UserError


def parse_policy_file(path: Path) -> tuple[ParsedDocument, SourceInfo]:
    """Parse a policy document, turning a missing or unreadable file into a UserError."""
    if not path.is_file():
        raise UserError(QT_TRANSLATE_NOOP("messages", "no such file: {path}"), path=path)
    try:
        from importers.policy.parser import parse_file

        parsed, source = parse_file(path)
    except PolicyReadError as exc:
        raise UserError.from_message(exc.as_message()) from None
    refuse_without_measures(parsed, path.name)
    return parsed, source


def refuse_without_measures(doc: ParsedDocument, file_name: str) -> None:
    """A text without a single measure is not a task document: refused before any write."""
    if doc.holds_no_tasks:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP(
                "messages",
                "{file} holds no assigned tasks: no responsibility bracket such as （…负责） "
                "and no task table — if the tasks are in an attachment, import that file",
            ),
            file=file_name,
        )
    if not doc.measures:
        raise InvalidInputError(
            QT_TRANSLATE_NOOP("messages", "no measures found in {file} — is this a task document?"),
            file=file_name,
        )
