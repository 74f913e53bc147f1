"""A request typed by the office for a measure split into sub-tasks: each sub-task is
offered under its own code with its own deadline (3-1 is not 3-2)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from importers.policy import ParsedTask
from tests.tracker.conftest import sample_document, source
from tracker.services import Services

POLICE = "自治区公安厅"


def test_each_sub_task_is_offered_with_its_own_deadline(services: Services) -> None:
    doc = sample_document()
    doc.measures[0] = replace(
        doc.measures[0],
        tasks=[
            ParsedTask("推进企业开办全程网办", [POLICE], [POLICE], deadline=date(2021, 6, 30)),
            ParsedTask("各市县落实", [POLICE], [POLICE], deadline=date(2021, 9, 30)),
        ],
    )
    services.documents.import_parsed(doc, source())
    offered = [(t.code, t.deadline) for t in services.extensions.tasks_of(POLICE)]
    assert offered == [
        ("1-1", date(2021, 6, 30)),
        ("1-2", date(2021, 9, 30)),
        ("2", date(2021, 7, 10)),
    ]
