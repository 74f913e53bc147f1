"""No import cycle among the project's modules (``tracker``, ``db``, ``importers``, ``ui``).

The graph is read from the sources with ``ast``, so nothing is imported to build it.
Every ``import`` statement counts, wherever it stands:

- at module level, of course;
- under ``if TYPE_CHECKING:`` too: such an import runs only for mypy, but the two
  modules still know each other's names, cannot be understood or moved apart, and
  a cycle there is exactly how a module comes to depend on the one that uses it
  (the old main window's mixins each imported ``MainWindow`` back this way);
- inside a function too: the project imports heavy modules late for start-up time
  (``ui.app``, the window's ``build``, the CLI's commands), never to break a cycle;
  an import moved into a function still runs, and hiding a cycle there is the usual
  way of papering over one.  Counting them keeps that door shut.

A module's package ``__init__`` is not an edge of its own (Python runs it first, but
a package re-exporting its modules is not a cycle of design); importing the
package itself (``from importers.ledger import read_ledger``) is.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("tracker", "db", "importers", "ui")
SKIPPED = ("db/migrations/versions",)
"""Alembic's revision files: loaded by Alembic from their folder, never imported."""


def project_modules() -> dict[str, Path]:
    """Every module's dotted name and its file."""
    modules: dict[str, Path] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            relative = path.relative_to(ROOT)
            if any(relative.as_posix().startswith(skipped) for skipped in SKIPPED):
                continue
            parts = list(relative.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = path
    return modules


def imported_names(module: str, path: Path) -> Iterator[str]:
    """What each import statement of the module names, as absolute dotted names:
    ``from a.b import c`` gives ``a.b.c``, a module ``c`` or a name in ``a.b`` (which
    ``import_graph`` tells apart)."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            yield from (f"{base}.{alias.name}" for alias in node.names)


def import_graph() -> dict[str, set[str]]:
    """Each module and the project's modules it imports."""
    modules = project_modules()

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        targets = {owner(name) for name in imported_names(module, path)}
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a path back to its start) per strongly connected group of modules:
    fixing it may leave another in the group, which the next run names."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(start: str) -> None:  # Tarjan's algorithm, without recursion
        work = [(start, iter(sorted(graph[start])))]
        order[start] = low[start] = len(order)
        stack.append(start)
        while work:
            module, targets = work[-1]
            for target in targets:
                if target not in order:
                    order[target] = low[target] = len(order)
                    stack.append(target)
                    work.append((target, iter(sorted(graph[target]))))
                    break
                if target in stack:
                    low[module] = min(low[module], order[target])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[module])
                if low[module] == order[module]:
                    group = stack[stack.index(module) :]
                    del stack[stack.index(module) :]
                    if len(group) > 1:
                        found.append(cycle_through(graph, set(group)))

    for module in sorted(graph):
        if module not in order:
            visit(module)
    return found


def cycle_through(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest way from the group's first module back to it, inside the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for module in frontier:
            for target in sorted(graph[module] & group):
                if target == start:
                    return [*paths[module], start]
                if target not in paths:
                    paths[target] = [*paths[module], target]
                    following.append(target)
        frontier = following
    raise AssertionError(f"no cycle through {start}")  # (a strongly connected group has one)


def test_the_graph_sees_every_kind_of_import() -> None:
    graph = import_graph()
    assert "ui.window.main_window" in graph["ui.app"]  # module level
    assert "tracker.services" in graph["ui.window.main_window"]  # under TYPE_CHECKING
    assert "ui.window.row_loader" in graph["ui.window.main_window"]  # inside a function
    assert "importers.ledger.layout" in graph["importers.ledger.writer"]  # from a package
    assert not [m for m in graph if m.startswith("db.migrations.versions")]  # (not imported)


def test_a_cycle_is_found_and_named() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(graph) == [["a", "b", "c", "a"]]


def test_no_module_imports_one_that_imports_it_back() -> None:
    found = cycles(import_graph())
    assert not found, "import cycles: " + "; ".join(" → ".join(c) for c in found)
