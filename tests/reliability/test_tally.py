"""The tally counts a run's cases as the README says: tried, handled, data lost, other."""

from __future__ import annotations

from pathlib import Path

from tests.reliability.tally import Case, read_cases, render

JUNIT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest">
<testcase classname="tests.reliability.test_a" name="test_ok[sqlite]" time="0.1"/>
<testcase classname="tests.reliability.test_a" name="test_lost[sqlite]" time="0.1">
<failure message="AssertionError">office = x

&gt;       assert _snapshot(office) == before
E       AssertionError</failure></testcase>
<testcase classname="tests.reliability.test_b" name="test_message" time="0.1">
<failure message="AssertionError">&gt;       assert "zip bomb" in message
E       AssertionError</failure></testcase>
<testcase classname="tests.reliability.test_b" name="test_crash" time="0.1">
<error message="fixture failed">&gt;       assert state == after
E   OSError</error></testcase>
<testcase classname="tests.reliability.test_b" name="test_file[\\u5de5\\u8d44.xlsx]" time="0"/>
<testcase classname="tests.reliability.test_b" name="test_pg[postgresql]" time="0">
<skipped message="TRACKER_TEST_PG_URL not set"/></testcase>
</testsuite></testsuites>
"""


def test_cases_are_classified_by_outcome_and_failing_statement(tmp_path: Path) -> None:
    junit = tmp_path / "run.xml"
    junit.write_text(JUNIT, encoding="utf-8")
    assert read_cases(junit) == [
        Case("test_a.py", "test_ok[sqlite]", "handled"),
        Case("test_a.py", "test_lost[sqlite]", "data lost"),
        Case("test_b.py", "test_message", "failed"),
        Case("test_b.py", "test_crash", "failed"),  # an error is not a state comparison
        Case("test_b.py", "test_file[工资.xlsx]", "handled"),
        Case("test_b.py", "test_pg[postgresql]", "skipped"),
    ]


def test_the_figures_count_tried_handled_lost_and_skipped(tmp_path: Path) -> None:
    junit = tmp_path / "run.xml"
    junit.write_text(JUNIT, encoding="utf-8")
    figures = render(read_cases(junit), ["-k", "kill"], postgres=False).splitlines()
    assert figures[0] == "Run: `pytest tests/reliability -k kill`"
    assert figures[1] == "PostgreSQL: no (TRACKER_TEST_PG_URL not set)"
    assert figures[5] == "| 5 | 2 | 1 | 2 | 1 |"
    assert "| `test_a.py` | 2 | 1 | 1 | 0 | 0 |" in figures
    assert "| `test_b.py` | 3 | 1 | 0 | 2 | 1 |" in figures
    assert "- `test_a.py::test_lost[sqlite]` — data lost" in figures
