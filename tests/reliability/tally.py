"""The reliability suite's figures: cases tried, handled, data lost — from a real run.

    .venv/bin/python -m tests.reliability.tally            # run, print the figures
    .venv/bin/python -m tests.reliability.tally --write    # … and put them in README.md

Any further arguments go to pytest (``-k kill``…).  Set ``TRACKER_TEST_PG_URL``
to count the PostgreSQL cases too; without it they are counted as skipped.

What is counted, kept simple so it can be checked by hand:

- *tried*: every test case that ran (passed, failed or errored; skipped ones are
  listed apart) — one parametrized case is one case;
- *handled*: the cases that passed (the fault was met with the exact outcome the
  case asserts, and the database was as expected);
- *data lost*: the failed cases whose failing statement compares the database's
  state or contents (``before``/``after``, a digest, the file's bytes, the
  history, ``integrity_check``): the database was not what it had to be.  It
  must be 0;
- *other failures*: any other failed or errored case (a wrong message, a crash).

The exit status is 0 only when nothing failed.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
README = HERE / "README.md"
START, END = "<!-- tally:start -->", "<!-- tally:end -->"
# Words of a statement that compares the database's state or contents.
STATE_WORDS = re.compile(
    r"\b(before|after|state|snapshot|digest|read_bytes|history|integrity|bytes)\b"
)


@dataclass(frozen=True)
class Case:
    file: str
    name: str
    outcome: str  # "handled", "data lost", "failed", "skipped"


def _outcome(case: ET.Element) -> str:
    for child in case:
        if child.tag == "skipped":
            return "skipped"
        if child.tag in ("failure", "error"):
            failing = [
                line
                for line in (child.text or "").splitlines()
                if line.startswith(">") and "assert" in line
            ]
            if child.tag == "failure" and any(STATE_WORDS.search(line) for line in failing):
                return "data lost"
            return "failed"
    return "handled"


def _readable(name: str) -> str:
    """pytest writes a parameter's Chinese as ``\\u672b…``: shown as the characters again."""
    if name.isascii() and "\\u" in name:
        return name.encode("ascii").decode("unicode_escape")
    return name


def read_cases(junit: Path) -> list[Case]:
    cases = []
    for case in ET.parse(junit).getroot().iter("testcase"):
        module = case.get("classname", "").split(".")
        file = next((m for m in module if m.startswith("test_")), ".".join(module))
        cases.append(Case(f"{file}.py", _readable(case.get("name", "?")), _outcome(case)))
    return cases


def render(cases: list[Case], pytest_args: list[str], postgres: bool) -> str:
    """The figures as Markdown: totals, one line per file, then every case."""
    totals = Counter(c.outcome for c in cases)
    tried = len(cases) - totals["skipped"]
    lines = [
        f"Run: `pytest tests/reliability{''.join(' ' + a for a in pytest_args)}`",
        f"PostgreSQL: {'yes' if postgres else 'no (TRACKER_TEST_PG_URL not set)'}",
        "",
        "| cases tried | handled | data lost | other failures | skipped |",
        "|---:|---:|---:|---:|---:|",
        f"| {tried} | {totals['handled']} | {totals['data lost']} | {totals['failed']} "
        f"| {totals['skipped']} |",
        "",
        "| file | tried | handled | data lost | other failures | skipped |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for file in sorted({c.file for c in cases}):
        mine = Counter(c.outcome for c in cases if c.file == file)
        lines.append(
            f"| `{file}` | {sum(mine.values()) - mine['skipped']} | {mine['handled']} "
            f"| {mine['data lost']} | {mine['failed']} | {mine['skipped']} |"
        )
    lines += ["", "<details><summary>Every case and its outcome</summary>", ""]
    lines += [f"- `{c.file}::{c.name}` — {c.outcome}" for c in cases]
    lines += ["", "</details>"]
    return "\n".join(lines)


def write_readme(figures: str) -> None:
    text = README.read_text(encoding="utf-8")
    head, _, rest = text.partition(START)
    _, _, tail = rest.partition(END)
    README.write_text(f"{head}{START}\n{figures}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update the figures in README.md")
    args, pytest_args = parser.parse_known_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        junit = Path(folder) / "reliability.xml"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                str(HERE.relative_to(ROOT)),
                f"--ignore={(HERE / 'test_tally.py').relative_to(ROOT)}",  # the tally's own test
                f"--junitxml={junit}",
                *pytest_args,
            ],
            cwd=ROOT,
            check=False,
        )
        cases = read_cases(junit)
    figures = render(cases, pytest_args, bool(os.environ.get("TRACKER_TEST_PG_URL")))
    print(figures)
    if args.write:
        write_readme(figures)
    return 0 if all(c.outcome in ("handled", "skipped") for c in cases) else 1


if __name__ == "__main__":
    sys.exit(main())
