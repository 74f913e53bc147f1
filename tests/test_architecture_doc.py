"""``docs/architecture.md`` (and the README's pointers) name only what exists.

A newcomer reads the architecture first and looks for each piece where it says; a
path or a name left behind by a move sends them nowhere.  So every name the two
documents put in backticks is checked against the source tree:

- a path with a folder in it (``tracker/documents/``, ``ui/window/row_loader.py``,
  ``resources/guide/使用说明.md``) must exist, relative to the repository's root;
- a bare file name (``row_loader.py``) must exist in the folder named last before it
  (by a path like the ones above), or in one of that folder's parents: the document
  says where to look, the file must be there;
- a bare folder name (``guide/``, ``db/``) likewise, and it is then the folder named last;
- a class of the project's, named as such (``RowLoader``) or with a member
  (``Store.transaction``), must be defined (``class RowLoader``) with that member (a
  method, a class attribute, a field, or ``self.member`` set in a method); a word
  spelled like a class name (two capitals, not Qt's ``Q…``) that is not one fails too,
  unless listed in ``NOT_THE_PROJECTS``;
- a dotted name starting with one of the project's packages (``tracker.store.Store``,
  ``ui.messages.translated``, ``importers.policy.parse_file``) must import: its longest
  importable prefix is imported and the rest are attributes of it;
- a relative Markdown link (``[packaging.md](packaging.md)``) must reach a file.

The architecture's fenced blocks are read too (the layer drawing, the package tree);
the README's are shell commands on a clerk's files, and are not.  Names that
are not the repository's, such as the ``备份/`` folder made next to a database, are
listed in ``NOT_IN_THE_REPOSITORY`` with the reason.
"""

from __future__ import annotations

import ast
import functools
import importlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCUMENTS = {"docs/architecture.md": True, "README.md": False}
"""Each document, and whether its fenced blocks name the repository's files."""
PACKAGES = ("tracker", "ui", "db", "importers", "bench", "tests")

NOT_IN_THE_REPOSITORY = {
    "备份/": "the backups' folder, made next to the database file",
    ".venv/": "made by dev.py on first use",
    "wheelhouse/": "filled by dev.py wheelhouse",
}

NOT_THE_PROJECTS = {"PySide6", "LibreOffice", "PostgreSQL", "TrueType", "PyInstaller"}
"""Names spelled like a class that belong to other programs."""

SPAN = re.compile(r"`([^`]+)`")
FENCE = re.compile(r"^```")
PATH = re.compile(r"^[\w.-]+(/[\w.-]+)*/?$")
FILE_SUFFIXES = (".py", ".md", ".ts", ".qm", ".qss", ".nsi", ".spec", ".toml", ".lock", ".yml")
DOTTED = re.compile(rf"^(?:{'|'.join(PACKAGES)})(?:\.\w+)+$")
CLASS = re.compile(r"^(?!Q[A-Z])([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)(?:\.(\w+))?$")
LINK = re.compile(r"\]\(([^)#:\s]+)(?:#[^)]*)?\)")


def tokens(document: str, *, read_fenced: bool = True) -> Iterator[tuple[int, str]]:
    """Each backticked word of the document (and each word of its fenced blocks, if
    ``read_fenced``), with its line number, in reading order."""
    fenced = False
    for number, line in enumerate(document.splitlines(), start=1):
        if FENCE.match(line.strip()):
            fenced = not fenced
            continue
        if fenced and not read_fenced:
            continue
        spans = [line] if fenced else SPAN.findall(line)
        for span in spans:
            for word in span.split():
                yield number, word.strip(",;:()").removesuffix("()")


def looks_like_a_path(word: str) -> bool:
    if not PATH.match(word) or word.startswith("."):
        return word in NOT_IN_THE_REPOSITORY
    return "/" in word or word.endswith(FILE_SUFFIXES)


def findings(name: str) -> list[str]:
    """What the document names that is not where it says, one line each."""
    document = (ROOT / name).read_text(encoding="utf-8")
    folder = Path(name).parent if "/" in name else Path(".")
    problems: list[str] = []
    last_folder = Path(".")
    for number, word in tokens(document, read_fenced=DOCUMENTS[name]):
        where = f"{name}:{number}: `{word}`"
        if CLASS.match(word):
            if word not in NOT_THE_PROJECTS and not defined(word):
                problems.append(f"{where} is not a class (or member) of the project")
        elif DOTTED.match(word):
            if not importable(word):
                problems.append(f"{where} cannot be imported")
        elif looks_like_a_path(word):
            if word in NOT_IN_THE_REPOSITORY:
                continue
            if "/" in word.rstrip("/"):
                path = Path(word.rstrip("/"))
                if not (ROOT / path).exists():
                    problems.append(f"{where} does not exist")
                    continue
                last_folder = path if word.endswith("/") else path.parent
            elif word.endswith("/"):
                found = found_from(last_folder, word)
                if found is None:
                    problems.append(f"{where} is neither in {last_folder.as_posix()}/ nor above it")
                    continue
                last_folder = found
            elif found_from(last_folder, word) is None:
                problems.append(f"{where} is neither in {last_folder.as_posix()}/ nor above it")
    for number, line in enumerate(document.splitlines(), start=1):
        for target in LINK.findall(line):
            if not (ROOT / folder / target).exists():
                problems.append(f"{name}:{number}: link ({target}) reaches no file")
    return problems


def found_from(folder: Path, name: str) -> Path | None:
    """The file (or folder) of that name in the folder or the nearest of its parents."""
    for candidate in (folder, *folder.parents):
        if (ROOT / candidate / name).exists():
            return candidate / name.rstrip("/")
    return None


@functools.cache
def project_classes() -> dict[str, set[str]]:
    """Each class defined in the project's packages and the members it defines."""
    classes: dict[str, set[str]] = {}
    for package in ("tracker", "ui", "db", "importers"):
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef):
                    classes.setdefault(node.name, set()).update(members(node))
    return classes


def members(node: ast.ClassDef) -> Iterator[str]:
    for item in node.body:
        if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
            yield item.name
        elif isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            yield item.target.id
        elif isinstance(item, ast.Assign):
            yield from (t.id for t in item.targets if isinstance(t, ast.Name))
    for inner in ast.walk(node):
        if (
            isinstance(inner, ast.Attribute)
            and isinstance(inner.ctx, ast.Store)
            and isinstance(inner.value, ast.Name)
            and inner.value.id == "self"
        ):
            yield inner.attr


def defined(word: str) -> bool:
    """Whether ``Class`` or ``Class.member`` is defined in the project."""
    name, _, member = word.partition(".")
    classes = project_classes()
    return name in classes and (not member or member in classes[name])


def importable(dotted: str) -> bool:
    """Whether the longest importable prefix imports and the rest are its attributes."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            thing: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(thing, attribute):
                return False
            thing = getattr(thing, attribute)
        return True
    return False


def test_the_check_reads_paths_names_and_folders() -> None:
    words = [word for _, word in tokens("a `tracker/store.py` b `ui.app` c\n```\nui/  x.py\n```")]
    assert words == ["tracker/store.py", "ui.app", "ui/", "x.py"]
    assert [word for _, word in tokens("`a/b.py`\n```\nc/d.py\n```", read_fenced=False)] == [
        "a/b.py"
    ]
    assert looks_like_a_path("tracker/")
    assert looks_like_a_path("row_loader.py")
    assert not looks_like_a_path("tracker-cli")
    assert not looks_like_a_path(".doc/.wps")
    assert importable("tracker.store.Store.transaction")
    assert not importable("tracker.store.Nothing")
    assert not importable("tracker.nowhere")
    assert found_from(Path("tracker/documents"), "store.py") == Path("tracker/store.py")
    assert found_from(Path("tracker"), "document_service.py") is None
    assert found_from(Path("resources/icons"), "guide/") == Path("resources/guide")
    assert found_from(Path("tracker/cli"), "db/") == Path("db")
    assert defined("Store.transaction")
    assert defined("Store.clock")  # (set in __init__)
    assert defined("RowLoader")
    assert not defined("Store.nothing")
    assert not defined("WindowLoading")
    assert CLASS.match("QMainWindow") is None


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_name_in_the_document_exists(name: str) -> None:
    problems = findings(name)
    assert not problems, "\n".join(problems)
