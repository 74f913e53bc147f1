"""The README's apt line is the one CI installs: what a fresh Debian needs is stated once, tested."""

from __future__ import annotations

import re

from tests.conftest import REPO_ROOT


def _readme_packages() -> list[str]:
    lines = re.findall(r"^`sudo apt install ([^`]+)`$", (REPO_ROOT / "README.md").read_text(), re.M)
    assert len(lines) == 1, "the README states one apt line"
    return lines[0].split()


def _ci_packages() -> list[str]:
    text = (REPO_ROOT / ".ci" / "run").read_text()
    lines = re.findall(r'^APT_PACKAGES="([^"]+)"$', text, re.M)
    assert len(lines) == 1, ".ci/run names its packages once"
    assert "apt-get install -y -qq $APT_PACKAGES postgresql" in text
    return lines[0].split()


def test_ci_installs_the_readmes_apt_line_word_for_word() -> None:
    assert _ci_packages() == _readme_packages()


def test_the_line_holds_what_the_tests_skip_without() -> None:
    """Each package some test names in its skip reason (tests/tools.py), and the report fonts."""
    packages = set(_readme_packages())
    assert {
        "python3-venv",
        "poppler-utils",
        "libreoffice-writer-nogui",
        "libreoffice-calc-nogui",
        "python3-uno",
        "nsis",
        "fonts-wqy-zenhei",
        "fonts-arphic-uming",
    } <= packages
