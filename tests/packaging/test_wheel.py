"""What a clerk gets from ``pip install .``: the code, the migrations and the resources.

The wheel is built once (no network: the build backend comes from the project's
own environment) and read as a zip; one check runs the installed layout alone —
the wheel unpacked, the source tree out of reach — and asks the translation it
finds for a Chinese string.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

TRANSLATION = "resources/translations/tracker_zh_CN"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--quiet", "-w", str(out), str(REPO_ROOT)],
        check=True, capture_output=True, cwd=build,
    )  # fmt: skip
    (built,) = out.glob("measure_tracker-*.whl")
    return built


def test_wheel_carries_translations_migrations_and_every_package(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"{TRANSLATION}.qm",
        f"{TRANSLATION}.ts",
        "resources/__init__.py",
        "db/migrations/env.py",
        "db/migrations/script.py.mako",
        "db/migrations/versions/0001_initial_schema.py",
        "ui/app.py",
        "tracker/cli/cli_main.py",
        "importers/policy/parser.py",
    }
    assert expected <= names
    shipped = zipfile.ZipFile(wheel).read(f"{TRANSLATION}.qm")
    assert shipped == (REPO_ROOT / f"{TRANSLATION}.qm").read_bytes()


def test_the_installed_layout_finds_its_chinese_translation(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "import ui.app, ui.resources\n"
        "app = QApplication([])\n"
        "assert ui.app.install_translation(app, 'zh_CN')\n"
        "print(ui.resources.resources_root())\n"
        "print(QCoreApplication.translate('WindowActions', '&File'))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-P", "-c", probe],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    root, file_menu = done.stdout.splitlines()
    assert Path(root) == site / "resources"
    assert file_menu == "文件(&F)"
