"""The services bundle: every service built once, the database's facts asked of it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from tracker.services import Services
from tracker.store import Store

ROOT = Path(__file__).resolve().parents[2]


def test_each_service_is_built_once_over_the_one_store(services: Services) -> None:
    bundled = [
        services.settings,
        services.documents,
        services.units,
        services.progress,
        services.overview,
        services.rounds,
        services.ledger_export,
        services.ledger_import,
        services.reports,
        services.bulletins,
        services.backups,
    ]
    assert all(service.store is services.store for service in bundled)
    assert len({id(service) for service in bundled}) == 11
    assert services.ledger_import is services.ledger_import
    assert services.reports is services.reports
    assert services.ledger_export is services.ledger_export


def test_the_database_facts_the_window_shows(services: Services) -> None:
    assert services.today().isoformat() == "2021-07-01"
    assert services.database_location() == services.store.where
    assert services.network_drive_warning() is None


def test_database_location_is_the_file(tmp_path: Path) -> None:
    file = tmp_path / "台账.sqlite3"
    opened = Services.over(Store.open(file, create=True))
    try:
        assert opened.database_location() == str(file)
    finally:
        opened.close()


def test_the_bundle_loads_no_ledger_or_report_library_until_used() -> None:
    code = (
        "import sys, tracker.services; "
        "print(sorted(m for m in ('openpyxl', 'python_calamine', 'reportlab', 'docx') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def services_built_in(path: Path) -> list[str]:
    """Each place ``path`` builds a service it does not define (``UnitService(store)``…)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    defined = {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    return [
        f"{path.relative_to(ROOT).as_posix()}:{node.lineno}: {node.func.id}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id.endswith(SERVICE_SUFFIXES)
        and node.func.id not in defined
    ]


SERVICE_SUFFIXES = ("Service", "LedgerExporter", "LedgerImporter")
BUILDER = ROOT / "tracker" / "services.py"


def test_no_service_builds_another_they_are_given_by_services() -> None:
    built = [
        place
        for path in sorted((ROOT / "tracker").rglob("*.py"))
        if path != BUILDER
        for place in services_built_in(path)
    ]
    assert built == []
