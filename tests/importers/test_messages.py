"""Messages for the user: English for the CLI, a marked template for the window to translate."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from importers.ledger.errors import LedgerReadError
from importers.messages import QT_TRANSLATE_NOOP, Message
from tracker.errors import NotFoundError, UserError

ROOT = Path(__file__).resolve().parents[2]


def test_a_message_reads_as_english_and_keeps_its_parts() -> None:
    message = Message("unknown unit {unit!r}", {"unit": "火星局"})
    assert str(message) == "unknown unit '火星局'"
    assert f"error: {message}" == "error: unknown unit '火星局'"
    assert message == Message("unknown unit {unit!r}", {"unit": "火星局"})
    assert len({message, Message("unknown unit {unit!r}", {"unit": "火星局"})}) == 1
    assert str(Message("a {brace} without parameters")) == "a {brace} without parameters"
    nested = Message(
        "{file}: {problem}", {"file": "a.xlsx", "problem": Message("the file is empty")}
    )
    assert str(nested) == "a.xlsx: the file is empty"


def test_errors_carry_their_message() -> None:
    error = NotFoundError("unknown unit {unit!r}", unit="火星局")
    assert error.message == str(error) == "unknown unit '火星局'"
    assert (error.template, dict(error.params)) == ("unknown unit {unit!r}", {"unit": "火星局"})
    assert error.as_message() == Message("unknown unit {unit!r}", {"unit": "火星局"})
    with pytest.raises(UserError, match="火星局"):
        raise error

    unreadable = LedgerReadError("a.xlsx", "the file is damaged ({reason})", reason="CRC")
    assert unreadable.message == "the file is damaged (CRC)"  # the problem, as before
    assert str(unreadable) == str(unreadable.as_message()) == "a.xlsx: the file is damaged (CRC)"
    passed_on = UserError.from_message(unreadable.as_message())
    assert passed_on.message == "a.xlsx: the file is damaged (CRC)"
    assert passed_on.params["problem"] == unreadable.problem
    assert QT_TRANSLATE_NOOP("messages", "x") == "x"


# -- every template is marked for translation ----------------------------------------------
TEMPLATE_ARG = {
    # the callable → the position of its template argument
    "Message": 0,
    "MessageError": 0,
    "UserError": 0,
    "NotFoundError": 0,
    "AmbiguousError": 0,
    "StaleEditError": 0,
    "InvalidInputError": 0,
    "ReportFontError": 0,
    "MetaFormatError": 0,
    "CellValueError": 0,
    "FileError": 1,
    "LedgerReadError": 1,
    "PolicyReadError": 1,
    "DatabaseSetting": 3,  # its label
}


def _is_marked(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "QT_TRANSLATE_NOOP"
        and len(node.args) == 2
        and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args)
        and node.args[0].value == "messages"  # type: ignore[attr-defined]
    )


def _marked_names(tree: ast.AST) -> set[str]:
    """Names assigned a marked template (``PASSWORD_PROTECTED = QT_TRANSLATE_NOOP(…)``)."""
    return {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and _is_marked(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }


def _unmarked(path: Path, tree: ast.AST, marked_names: set[str]) -> list[str]:
    """Template arguments that are neither a QT_TRANSLATE_NOOP("messages", "…") literal nor
    a name bound to one (or an existing message's ``template``, a setting's ``label``)."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
            continue
        position = TEMPLATE_ARG.get(node.func.id)
        if position is None or len(node.args) <= position:
            continue
        arg = node.args[position]
        if isinstance(arg, ast.Starred):
            continue
        ok = (
            _is_marked(arg)
            or (isinstance(arg, ast.Name) and (arg.id in marked_names or arg.id == "template"))
            or (isinstance(arg, ast.Attribute) and arg.attr == "template")
            or (isinstance(arg, ast.Attribute) and arg.attr == "label")  # a DatabaseSetting's
        )
        if not ok:
            found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {ast.unparse(arg)[:60]}")
    return found


def test_every_message_template_is_marked_for_translation() -> None:
    """An f-string or an unmarked literal would reach the Chinese window in English."""
    files = [p for folder in ("tracker", "importers", "ui") for p in (ROOT / folder).rglob("*.py")]
    trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in sorted(files)}
    marked = set().union(*(_marked_names(tree) for tree in trees.values()))
    assert [line for path, tree in trees.items() for line in _unmarked(path, tree, marked)] == []
