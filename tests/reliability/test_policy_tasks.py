"""Policy documents read as tasks (issue 16): a bulletin holding no tasks is refused and nothing
is written; a document whose measures carry several brackets imports one sub-task per bracket,
each with its own units, leads and deadline; parse-doc --json lists every measure's tasks;
collectives go into the directory as kind 集体."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Assignment, Document, Measure, ProgressEntry, Task, Unit
from tracker.cli.cli_main import main
from tracker.errors import InvalidInputError
from tracker.services import Services

BULLETIN = "\n".join(
    [
        "关于表扬2023年度平安建设先进地区的通报",
        "各区、县级市人民政府：",
        "经考核，下列地区成绩突出，予以通报表扬：",
        "1.越秀区。平安建设综合考核第一名。",
        "2.海珠区。平安建设综合考核第二名。",
        "3.天河区。平安建设综合考核第三名。",
        "希望受到表扬的地区再接再厉。",
    ]
)

SEVERAL_BRACKETS = "\n".join(
    [
        "关于推进数字政府建设的实施方案",
        "一、重点任务",
        "1.推进政务服务。整合政务服务平台（省大数据局牵头，各有关部门、各区、县级市配合）。"
        "2024年6月底前建成电子印章系统（省公安厅负责，省大数据局配合）。",
        "2.完善协同办公。推广移动办公（省政府办公厅牵头，有关区、市政府配合）。",
    ]
)


def _counts(services: Services) -> tuple[int, ...]:
    with services.store.reading() as session:
        return tuple(
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Document, Measure, Unit, Assignment, ProgressEntry)
        )


def test_a_bulletin_holding_no_tasks_is_refused_and_nothing_is_written(
    services: Services, tmp_path: Path
) -> None:
    file = tmp_path / "表扬通报.txt"
    file.write_text(BULLETIN, encoding="utf-8")
    before = _counts(services)
    with pytest.raises(InvalidInputError) as refused:
        services.documents.import_file(file)
    assert refused.value.message == (
        "表扬通报.txt holds no assigned tasks: no responsibility bracket such as （…负责） "
        "and no task table — if the tasks are in an attachment, import that file"
    )
    assert _counts(services) == before


def test_several_brackets_import_as_sub_tasks(services: Services, tmp_path: Path) -> None:
    file = tmp_path / "数字政府.txt"
    file.write_text(SEVERAL_BRACKETS, encoding="utf-8")
    services.documents.import_file(file)
    with services.store.reading() as session:
        rows = session.execute(
            select(Task.code, Task.deadline, Unit.name, Unit.kind, Assignment.role)
            .join(Assignment, Assignment.task_id == Task.id)
            .join(Unit, Unit.id == Assignment.unit_id)
            .order_by(Task.code, Assignment.id)
        ).all()
    june = date(2024, 6, 30)
    assert [tuple(row) for row in rows] == [
        ("1-1", None, "省大数据局", "部门", "牵头"),  # (the measure's date is 1-2's)
        ("1-1", None, "各有关部门", "集体", "责任"),
        ("1-1", None, "各区、县级市", "集体", "责任"),
        ("1-2", june, "省公安厅", "部门", "牵头"),
        ("1-2", june, "省大数据局", "部门", "责任"),
        ("2", None, "省政府办公厅", "部门", "牵头"),
        ("2", None, "有关区、市政府", "集体", "责任"),
    ]


def test_parse_doc_json_lists_the_tasks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "数字政府.txt"
    file.write_text(SEVERAL_BRACKETS, encoding="utf-8")
    assert main(["parse-doc", str(file), "--json"]) == 0
    first, second = json.loads(capsys.readouterr().out)["measures"]
    assert first["lead_units"] == ["省大数据局"]
    assert first["units"] == ["省大数据局", "各有关部门", "各区、县级市", "省公安厅"]
    assert first["tasks"] == [
        {
            "text": "整合政务服务平台",
            "lead_units": ["省大数据局"],
            "units": ["省大数据局", "各有关部门", "各区、县级市"],
            "deadline": None,
            "deadline_text": None,
        },
        {
            "text": "2024年6月底前建成电子印章系统",
            "lead_units": ["省公安厅"],
            "units": ["省公安厅", "省大数据局"],
            "deadline": "2024-06-30",
            "deadline_text": "2024年6月底前",
        },
    ]
    assert [task["units"] for task in second["tasks"]] == [["省政府办公厅", "有关区、市政府"]]


def test_parse_doc_refuses_a_bulletin(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "表扬通报.txt"
    file.write_text(BULLETIN, encoding="utf-8")
    assert main(["parse-doc", str(file), "--json"]) == 2
    assert "holds no assigned tasks" in capsys.readouterr().err
