"""Realistic data at office scale and far beyond, written with bulk inserts.

Documents are copies of the seed documents' measures (so texts, units and
deadlines look real); ``scale`` 1 is the office (2 documents, ~430 assignments
per document pair), and the number of document copies grows with it.  History
gets ``rounds`` entries per assignment.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from db.models import Assignment, Document, Measure, ProgressEntry, Round, Task, Unit
from importers.policy import parse_file
from tracker.documents.document_writer import measure_values
from tracker.statuses import Status
from tracker.store import Store

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
STATUSES = [Status.NOT_STARTED, Status.IN_PROGRESS, Status.DONE, Status.TICKED_OFF]


def generate(db: Path | str, assignments: int, rounds: int = 12, seed: int = 7) -> Store:
    """A database with about ``assignments`` assignments and ``rounds`` history entries each."""
    rng = random.Random(seed)
    parsed = [parse_file(p)[0] for p in sorted(SEEDS.glob("*.txt"))]
    store = Store.open(db, user="bench", create=True)
    now = datetime(2021, 12, 1)
    with store.transaction() as session:
        names = sorted({u for doc in parsed for m in doc.measures for u in m.units})
        session.execute(
            insert(Unit),
            [
                {
                    "id": i + 1,
                    "name": n,
                    "kind": "部门",
                    "contact_person": "",
                    "phone": "",
                    "needs_review": False,
                    "created_at": now,
                }
                for i, n in enumerate(names)
            ],
        )
        unit_id = {n: i + 1 for i, n in enumerate(names)}
        session.execute(
            insert(Round),
            [
                {
                    "id": r + 1,
                    "name": f"第{r + 1}轮",
                    "as_of": date(2021, 1, 1) + timedelta(days=30 * r),
                    "created_at": now,
                }
                for r in range(rounds)
            ],
        )
        docs, measures, tasks, links, history = [], [], [], [], []
        doc_id = measure_id = assignment_id = 0
        while assignment_id < assignments:
            for source in parsed:
                doc_id += 1
                docs.append(
                    {
                        "id": doc_id,
                        "title": f"{source.title}（第{doc_id}号）",
                        "short_title": f"营商环境措施{doc_id}",
                        "doc_number": f"宁政发〔2021〕{doc_id}号",
                        "issuer": source.issuer,
                        "issued_on": source.issued_on,
                        "source_name": f"doc{doc_id}.txt",
                        "source_sha256": f"{doc_id:064d}",
                        "imported_at": now,
                        "revision": 1,
                    }
                )
                for position, m in enumerate(source.measures, start=1):
                    measure_id += 1
                    measures.append(
                        {
                            "id": measure_id,
                            "document_id": doc_id,
                            "code": m.code,
                            "position": position,
                            **measure_values(m),
                        }
                    )
                    tasks.append(  # one task per measure, its id the measure's
                        {
                            "id": measure_id,
                            "measure_id": measure_id,
                            "seq": 1,
                            "code": m.code,
                            "text": m.text,
                            "deadline": m.deadline,
                            "deadline_text": m.deadline_text,
                            "standing": m.standing,
                            "withdrawn": False,
                        }
                    )
                    for u in m.units:
                        assignment_id += 1
                        status = rng.choice(STATUSES)
                        links.append(
                            {
                                "id": assignment_id,
                                "measure_id": measure_id,
                                "task_id": measure_id,
                                "unit_id": unit_id[u],
                                "role": "牵头" if u in m.lead_units else "责任",
                                "status": status.value,
                                "percent": None,
                                "note": f"第{assignment_id}项进展",
                                "problems": "",
                                "next_steps": "",
                                "active": True,
                                "updated_by": "bench",
                                "updated_at": now,
                                "version": 1,
                            }
                        )
                        for r in range(rounds):
                            history.append(
                                {
                                    "assignment_id": assignment_id,
                                    "changed_at": now,
                                    "changed_by": "bench",
                                    "source": "bench",
                                    "round_id": r + 1,
                                    "old_status": "未启动",
                                    "new_status": status.value,
                                    "old_note": "",
                                    "new_note": f"第{r + 1}轮",
                                }
                            )
                if assignment_id >= assignments:
                    break
        # An office writes a round's changes for every unit, then the next round's:
        # the history's rows lie round by round, not assignment by assignment.
        history.sort(key=lambda entry: entry["round_id"])
        session.execute(insert(Document), docs)
        session.execute(insert(Measure), measures)
        session.execute(insert(Task), tasks)
        session.execute(insert(Assignment), links)
        for start in range(0, len(history), 50_000):
            session.execute(insert(ProgressEntry), history[start : start + 50_000])
    return store
