"""``tracker-cli`` on a Chinese Windows console (cp936): never a crash, JSON always UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT

FIXTURE = REPO_ROOT / "tests" / "fixtures" / "policy" / "cn_numbered_cooperate.txt"
OUTSIDE_GBK = "\U0001f4cc𠀀"  # a pin and a CJK Extension B character: neither is in cp936


def _document_with_rare_characters(tmp_path: Path) -> Path:
    text = FIXTURE.read_text(encoding="utf-8")
    changed = text.replace("深化要素市场化配置改革", f"深化要素市场化配置改革{OUTSIDE_GBK}", 1)
    assert changed != text
    path = tmp_path / "文件.txt"
    path.write_text(changed, encoding="utf-8")
    return path


def _cli(*args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONIOENCODING": "cp936"}
    return subprocess.run(
        [sys.executable, "-m", "tracker.cli.cli_main", *args],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
    )


def test_json_is_utf8_whatever_the_console_code_page(tmp_path: Path) -> None:
    done = _cli("parse-doc", str(_document_with_rare_characters(tmp_path)), "--json")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    data = json.loads(done.stdout.decode("utf-8"))
    assert data["measures"][0]["title"].startswith(f"深化要素市场化配置改革{OUTSIDE_GBK}")


def test_text_output_replaces_what_the_console_cannot_show(tmp_path: Path) -> None:
    done = _cli("parse-doc", str(_document_with_rare_characters(tmp_path)))
    assert done.returncode == 0, done.stderr.decode("cp936", "replace")
    shown = done.stdout.decode("cp936")
    assert "深化要素市场化配置改革??" in shown
