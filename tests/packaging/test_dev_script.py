"""``dev.py``'s own rules: which locked packages another machine needs, the Python check."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO_ROOT


@pytest.fixture(scope="module")
def dev() -> ModuleType:
    spec = importlib.util.spec_from_file_location("dev_script", REPO_ROOT / "dev.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _environment(dev: ModuleType, platform: str, python: str) -> dict[str, str]:
    return {
        **dev.PLATFORMS[platform][1],
        "python_version": python,
        "python_full_version": f"{python}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
    }


def test_a_windows_wheelhouse_gets_the_windows_only_packages(dev: ModuleType) -> None:
    windows = dev.locked_requirements(_environment(dev, "win_amd64", "3.11"))
    linux = dev.locked_requirements(_environment(dev, "linux", "3.11"))
    names = {line.split("==")[0] for line in windows}
    only_windows = sorted({line.split("==")[0] for line in set(windows) - set(linux)})
    assert only_windows == ["colorama", "pefile", "pywin32-ctypes", "tzdata"]
    assert {"pyside6-essentials", "sqlalchemy", "psycopg", "openpyxl", "setuptools"} <= names
    assert all("==" in line and ";" not in line for line in windows)


def test_every_locked_requirement_is_pinned_with_a_hash(dev: ModuleType) -> None:
    text = dev.LOCK.read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n") if b and b[0] not in " #"]
    assert blocks and all("==" in b for b in blocks)
    assert text.count("--hash=sha256:") >= len(blocks)


def test_an_old_python_is_told_the_minimum(tmp_path: object) -> None:
    probe = (
        "import sys, runpy\n"
        "sys.version_info = (3, 9, 0, 'final', 0)\n"
        f"sys.argv = ['dev.py', 'app']\n"
        f"runpy.run_path({str(REPO_ROOT / 'dev.py')!r}, run_name='__main__')\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.returncode == 1
    assert "needs Python 3.11 or newer" in done.stderr
    assert done.stdout == ""


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands for the old Python")
def test_a_venv_of_a_wrong_python_is_recognised(
    dev: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(dev, "PY", tmp_path / "missing" / "python")
    assert dev.venv_python_ok() is False
    old = tmp_path / "python3.9"
    old.write_text("#!/bin/sh\nexit 3\n")
    old.chmod(0o755)
    monkeypatch.setattr(dev, "PY", old)
    assert dev.venv_python_ok() is False
    monkeypatch.setattr(dev, "PY", Path(sys.executable))
    assert dev.venv_python_ok() is True
