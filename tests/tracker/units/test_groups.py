"""Groups: ordered members, presets, and a group's tasks answered member by member."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import openpyxl
import pytest

from tests.tracker.conftest import TODAY, sample_document, source
from tracker.errors import InvalidInputError, NotFoundError
from tracker.progress.progress_service import Change
from tracker.progress.quick_look import quick_summary
from tracker.records import AssignmentRow
from tracker.services import Services
from tracker.statuses import Derived, Status
from tracker.store import Clock
from tracker.units.group_presets import load_presets
from tracker.units.group_rollup import GroupState, group_tallies

GROUP = "各市、县（区）"
CITIES = ("银川市", "石嘴山市", "吴忠市", "固原市", "中卫市")


@pytest.fixture
def loaded(services: Services) -> Services:
    services.documents.import_parsed(sample_document(), source())
    return services


def _rows(services: Services, code: str = "1") -> list[AssignmentRow]:
    return [r for r in services.overview.assignments() if r.code == code]


def _history(services: Services, row: AssignmentRow) -> list[tuple[object, ...]]:
    return [
        (h.source, h.old_status, h.new_status, h.new_percent, h.new_note)
        for h in services.progress.history(row.id)
    ]


def test_members_in_order_added_removed_and_no_cycles(loaded: Services) -> None:
    groups = loaded.groups
    assert groups.set_members(GROUP, ["宁夏税务局", "自治区公安厅", "公安厅"], create=False) == (
        "宁夏税务局",
        "自治区公安厅",
    )
    assert groups.add_members(GROUP, ["银川市", "自治区公安厅"], create=True) == (
        "宁夏税务局",
        "自治区公安厅",
        "银川市",
    )
    assert groups.remove_members(GROUP, ["宁夏税务局"]) == ("自治区公安厅", "银川市")
    assert groups.members(GROUP) == ("自治区公安厅", "银川市")
    with pytest.raises(InvalidInputError, match="cannot contain itself"):
        groups.set_members(GROUP, [GROUP])
    groups.set_members("银川市", ["兴庆区", "金凤区"], create=True)
    with pytest.raises(InvalidInputError, match="cannot contain itself"):
        groups.set_members("兴庆区", [GROUP])
    with pytest.raises(NotFoundError, match="did you mean"):
        groups.add_members(GROUP, ["自治区公安"])
    with pytest.raises(InvalidInputError, match="not a member"):
        groups.remove_members(GROUP, ["宁夏税务局"])
    info = groups.group(GROUP)
    assert (info.members, info.nested, info.members_report_directly) == (
        ("自治区公安厅", "银川市"),
        (("银川市", ("兴庆区", "金凤区")),),
        False,
    )
    assert [g.name for g in groups.groups()] == [GROUP, "银川市"]


def test_the_shipped_preset_is_ningxias_five_cities() -> None:
    [preset] = load_presets()
    assert (preset.group, preset.members, preset.optional) == (GROUP, CITIES, ("宁东基地管委会",))


def test_presets_are_read_from_editable_files(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        json.dumps({"title": "两县", "group": "各县", "members": ["永宁县", "贺兰县"]}), "utf-8"
    )
    (tmp_path / "b.json").write_text("{not json", "utf-8")
    (tmp_path / "c.json").write_text(json.dumps({"title": "空", "members": []}), "utf-8")
    assert [(p.title, p.group, p.members) for p in load_presets(tmp_path)] == [
        ("两县", "各县", ("永宁县", "贺兰县"))
    ]


def test_a_groups_task_is_answered_by_each_member(loaded: Services) -> None:
    loaded.groups.set_members(GROUP, CITIES[:3], create=True)
    rows = _rows(loaded)
    assert [(r.unit, r.role, r.status, r.state) for r in rows] == [
        ("自治区市场监管厅", "牵头", Status.NOT_STARTED, Derived.OVERDUE),
        ("自治区公安厅", "责任", Status.NOT_STARTED, Derived.OVERDUE),
        ("银川市", "责任", Status.NOT_STARTED, Derived.OVERDUE),
        ("石嘴山市", "责任", Status.NOT_STARTED, Derived.OVERDUE),
        ("吴忠市", "责任", Status.NOT_STARTED, Derived.OVERDUE),
    ]
    assert _history(loaded, rows[2]) == [
        (f"{GROUP}的成员分担（2021-07-01分解）", None, "未启动", None, "")
    ]
    [task] = loaded.groups.tasks(GROUP)
    assert (task.code, task.state.status, task.state.percent, task.state.overdue) == (
        "1",
        Status.NOT_STARTED,
        0,
        True,
    )
    with pytest.raises(InvalidInputError, match="through its members"):
        loaded.progress.record(task.assignment_id, Change(status=Status.DONE))
    with pytest.raises(NotFoundError, match="through its members: 银川市、石嘴山市、吴忠市"):
        loaded.progress.record_by_code("1", GROUP, Change(status=Status.DONE))


def test_the_group_is_done_only_when_every_member_is(loaded: Services) -> None:
    loaded.groups.set_members(GROUP, CITIES[:3], create=True)
    shares = {r.unit: r for r in _rows(loaded) if r.unit in CITIES}
    loaded.progress.record(shares["银川市"].id, Change(status=Status.DONE, percent=100))
    loaded.progress.record(shares["石嘴山市"].id, Change(status=Status.IN_PROGRESS, percent=50))
    [task] = loaded.groups.tasks(GROUP)
    assert (task.state.status, task.state.percent, task.state.overdue, task.state.finished) == (
        Status.IN_PROGRESS,
        50,
        True,
        1,
    )
    loaded.progress.record(shares["石嘴山市"].id, Change(status=Status.DONE))
    loaded.progress.record(shares["吴忠市"].id, Change(status=Status.IN_PROGRESS, percent=80))
    [task] = loaded.groups.tasks(GROUP)
    assert (task.state.status, task.state.percent, task.state.finished) == (
        Status.IN_PROGRESS,
        93,
        2,
    )
    loaded.progress.tick_off(shares["吴忠市"].id)
    [task] = loaded.groups.tasks(GROUP)
    assert (task.state.status, task.state.percent, task.state.overdue, task.state.finished) == (
        Status.DONE,
        100,
        False,
        3,
    )


def test_progress_from_before_the_members_is_kept_and_copied(loaded: Services) -> None:
    [group_row] = [r for r in _rows(loaded) if r.unit == GROUP]
    loaded.progress.record(
        group_row.id, Change(status=Status.IN_PROGRESS, percent=30, note="已部署")
    )
    loaded.groups.set_members(GROUP, ["银川市"], create=True)
    [share] = [r for r in _rows(loaded) if r.unit == "银川市"]
    assert (share.status, share.percent, share.note) == (Status.IN_PROGRESS, 30, "已部署")
    assert _history(loaded, share) == [
        (f"{GROUP}的成员分担（2021-07-01分解）", None, "未启动", None, ""),
        (f"沿用{GROUP}分解前的进展", "未启动", "推进中", 30, "已部署"),
    ]
    assert _history(loaded, group_row)[-1] == (
        "分解到成员：银川市",
        "推进中",
        "推进中",
        30,
        "已部署",
    )


def test_a_member_added_later_and_one_taken_out(loaded: Services) -> None:
    loaded.groups.set_members(GROUP, ["银川市", "吴忠市"], create=True)
    wuzhong = next(r for r in _rows(loaded) if r.unit == "吴忠市")
    loaded.progress.record(wuzhong.id, Change(status=Status.IN_PROGRESS, note="推进中"))
    loaded.groups.remove_members(GROUP, ["吴忠市"])
    assert [r.unit for r in _rows(loaded)] == ["自治区市场监管厅", "自治区公安厅", "银川市"]
    assert _history(loaded, wuzhong)[-1] == (f"退出{GROUP}", "推进中", "推进中", None, "推进中")
    loaded.groups.add_members(GROUP, ["中卫市", "吴忠市"], create=True)
    assert [r.unit for r in _rows(loaded)][2:] == ["银川市", "吴忠市", "中卫市"]
    back = next(r for r in _rows(loaded) if r.unit == "吴忠市")
    assert (back.id, back.status, back.note) == (wuzhong.id, Status.IN_PROGRESS, "推进中")
    assert _history(loaded, back)[-1] == (f"重新加入{GROUP}", "推进中", "推进中", None, "推进中")
    loaded.groups.set_members(GROUP, [])
    assert [(r.unit, r.status) for r in _rows(loaded)] == [
        ("自治区市场监管厅", Status.NOT_STARTED),
        ("自治区公安厅", Status.NOT_STARTED),
        (GROUP, Status.NOT_STARTED),
    ]


def test_a_member_named_by_the_document_itself_keeps_its_own_row(loaded: Services) -> None:
    loaded.groups.set_members(GROUP, ["自治区公安厅", "银川市"], create=True)
    assert [(r.unit, r.role) for r in _rows(loaded)] == [
        ("自治区市场监管厅", "牵头"),
        ("自治区公安厅", "责任"),
        ("银川市", "责任"),
    ]


def test_nested_members_report_through_their_city_or_directly(loaded: Services) -> None:
    loaded.groups.set_members("银川市", ["兴庆区", "金凤区"], create=True)
    loaded.groups.set_members(GROUP, ["银川市", "吴忠市"], create=True)
    assert [r.unit for r in _rows(loaded)][2:] == ["银川市", "吴忠市"]
    loaded.groups.set_members_report_directly(GROUP, True)
    assert [r.unit for r in _rows(loaded)][2:] == ["吴忠市", "兴庆区", "金凤区"]
    counties = [r for r in _rows(loaded) if r.unit in ("兴庆区", "金凤区")]
    for row in counties:
        loaded.progress.record(row.id, Change(status=Status.DONE))
    [task] = loaded.groups.tasks(GROUP)
    assert (task.state.status, task.state.percent, task.state.finished) == (
        Status.IN_PROGRESS,
        50,
        1,
    )
    loaded.groups.set_members_report_directly(GROUP, False)
    assert [(r.unit, r.status) for r in _rows(loaded)][2:] == [
        ("银川市", Status.NOT_STARTED),
        ("吴忠市", Status.NOT_STARTED),
    ]


def test_a_new_document_for_the_group_goes_to_its_members(services: Services) -> None:
    services.groups.set_members(GROUP, CITIES[:2], create=True)
    services.documents.import_parsed(sample_document(), source())
    assert [r.unit for r in _rows(services)] == [
        "自治区市场监管厅",
        "自治区公安厅",
        "银川市",
        "石嘴山市",
    ]
    shares = [r for r in _rows(services) if r.unit in CITIES]
    assert [_history(services, r) for r in shares] == [
        [(f"{GROUP}的成员分担（2021-07-01分解）", None, "未启动", None, "")]
    ] * 2


def test_merging_a_member_keeps_its_place_in_the_group(loaded: Services) -> None:
    loaded.groups.set_members(GROUP, ["银川市", "吴忠市"], create=True)
    loaded.units.merge("吴忠市", "自治区公安厅")
    assert loaded.groups.members(GROUP) == ("银川市", "自治区公安厅")
    assert [r.unit for r in _rows(loaded)] == ["自治区市场监管厅", "自治区公安厅", "银川市"]


def test_the_group_command_and_status_json(
    db_url: str, run: Callable[..., tuple[int, str, str]]
) -> None:
    services = Services.open(db_url, clock=Clock(TODAY), user="测试员", create=True)
    services.documents.import_parsed(sample_document(), source())
    services.close()
    db = ("--db", db_url, "--today", "2021-07-01")
    code, _, err = run(*db, "group", GROUP, "--add", "银川市")
    assert (code, err) == (2, "tracker-cli: error: unknown unit '银川市'\n")
    code, out, _ = run(*db, "group", GROUP, "--add", "银川市", "吴忠市", "石嘴山市", "--create")
    assert (code, out) == (
        0,
        f"{GROUP}: 3 members\n  1. 银川市\n  2. 吴忠市\n  3. 石嘴山市\n"
        "  1 task, 0 done by every member, 1 overdue\n",
    )
    code, out, _ = run(*db, "group", GROUP, "--remove", "吴忠市", "--json")
    assert json.loads(out) == {
        "name": GROUP,
        "members": ["银川市", "石嘴山市"],
        "members_report_directly": False,
        "nested": {},
        "tasks": 1,
        "done": 0,
        "overdue": 1,
        "without_ledger": None,
    }
    code, out, _ = run(*db, "status", "--json")
    status = json.loads(out)
    assert [(u["unit"], u["group"], u["assigned"]) for u in status["units"]] == [
        ("自治区公安厅", None, 2),
        ("宁夏税务局", None, 1),
        ("石嘴山市", GROUP, 1),
        ("自治区市场监管厅", None, 1),
        ("自治区政府办公厅", None, 1),
        ("银川市", GROUP, 1),
    ]
    assert status["groups"] == [
        {
            "name": GROUP,
            "members": ["石嘴山市", "银川市"],
            "tasks": 1,
            "done": 0,
            "overdue": 1,
            "shares": 2,
        }
    ]


def test_members_inherit_the_role_and_the_office_marks_one_lead(loaded: Services) -> None:
    loaded.groups.set_members(GROUP, CITIES[:3], create=True)
    loaded.groups.set_lead(GROUP, "1", "石嘴山市")
    assert [(r.unit, r.role) for r in _rows(loaded)] == [
        ("自治区市场监管厅", "牵头"),
        ("石嘴山市", "牵头"),
        ("自治区公安厅", "责任"),
        ("银川市", "责任"),
        ("吴忠市", "责任"),
    ]
    with pytest.raises(InvalidInputError, match="not a member"):
        loaded.groups.set_lead(GROUP, "1", "宁夏税务局")
    with pytest.raises(InvalidInputError, match="no members' shares of 2"):
        loaded.groups.set_lead(GROUP, "2", "银川市")
    loaded.groups.set_lead(GROUP, "1", None)
    assert [r.role for r in _rows(loaded) if r.unit in CITIES] == ["责任"] * 3


def test_a_filter_by_the_group_includes_its_members_and_chasers_go_to_them(
    loaded: Services,
) -> None:
    from tracker.progress.overview import AssignmentFilter

    loaded.groups.set_members(GROUP, CITIES[:2], create=True)
    found = loaded.overview.assignments(AssignmentFilter(unit=GROUP))
    assert [(r.code, r.unit) for r in found] == [("1", "银川市"), ("1", "石嘴山市")]
    with pytest.raises(InvalidInputError) as raised:
        loaded.reports.chaser(GROUP)
    assert str(raised.value) == (
        f"{GROUP} answers through its members; chase each of them: 银川市、石嘴山市"
    )
    chaser = loaded.reports.chaser("银川市")
    assert chaser.blocks[0].text == "银川市："  # type: ignore[union-attr]


def test_the_windows_roll_up_counts_a_city_whose_counties_answer_directly(
    loaded: Services,
) -> None:
    """The window rolls a group up from the rows it holds; with the counties answering
    directly, 银川市's own part is no row, yet it counts under the group as the database
    counts it: its three counties rolled up, as one share."""
    counties = ("兴庆区", "金凤区", "西夏区")
    loaded.groups.set_members("银川市", counties, create=True)
    loaded.groups.set_members(GROUP, ["银川市", "吴忠市"], create=True, report_directly=True)
    shares = {r.unit: r for r in _rows(loaded) if r.group is not None}
    assert [(u, r.group, r.outer_group) for u, r in shares.items()] == [
        ("吴忠市", GROUP, None),
        ("兴庆区", "银川市", GROUP),
        ("金凤区", "银川市", GROUP),
        ("西夏区", "银川市", GROUP),
    ]
    loaded.progress.record(shares["兴庆区"].id, Change(status=Status.DONE))
    loaded.progress.record(shares["金凤区"].id, Change(status=Status.IN_PROGRESS, percent=40))
    loaded.progress.record(shares["吴忠市"].id, Change(status=Status.IN_PROGRESS, percent=50))
    window = group_tallies(loaded.overview.assignments())
    [task] = loaded.groups.tasks(GROUP)
    assert (
        window[(task.measure_id, task.code, GROUP)]
        == task.state
        == GroupState(Status.IN_PROGRESS, 48, True, 2, 0, 2)
    )
    assert window[(task.measure_id, task.code, "银川市")] == GroupState(
        Status.IN_PROGRESS, 47, True, 3, 1, 2
    )
    loaded.groups.set_members_report_directly(GROUP, False)
    window = group_tallies(loaded.overview.assignments())
    [task] = loaded.groups.tasks(GROUP)
    assert window == {(task.measure_id, task.code, GROUP): task.state}
    assert task.state == GroupState(Status.IN_PROGRESS, 25, True, 2, 0, 2)


def test_the_master_counts_a_city_whose_counties_answer_directly_under_the_group(
    loaded: Services, tmp_path: Path
) -> None:
    loaded.groups.set_members("银川市", ("兴庆区", "金凤区", "西夏区"), create=True)
    loaded.groups.set_members(GROUP, ["银川市", "吴忠市"], create=True, report_directly=True)
    shares = {r.unit: r.id for r in _rows(loaded) if r.group is not None}
    loaded.progress.record(shares["兴庆区"], Change(status=Status.DONE))
    loaded.progress.record(shares["吴忠市"], Change(status=Status.DONE))
    loaded.rounds.create("2021年7月", date(2021, 7, 1))
    book = openpyxl.load_workbook(loaded.ledger_export.export_master("2021年7月", tmp_path))
    headings = [
        str(sheet.cell(r, 1).value)
        for sheet in book.worksheets[1:]
        if sheet.sheet_state == "visible"
        for r in range(4, sheet.max_row + 1)
        if "个）·" in str(sheet.cell(r, 1).value)
    ]
    [task] = loaded.groups.tasks(GROUP)
    assert (task.state.members, task.state.finished, task.state.overdue_members) == (2, 1, 1)
    assert headings == [f"{GROUP}（2个）· 1/2 完成 · 1 逾期", "银川市（3个）· 1/3 完成 · 2 逾期"]


def test_status_json_counts_a_city_whose_counties_answer_directly_in_the_group_above(
    db_url: str, run: Callable[..., tuple[int, str, str]]
) -> None:
    """各市、县（区）'s totals: 银川市 is one of its three members, done only when its three
    counties are; the counties' shares count in it too, each once (5 shares: 吴忠市,
    石嘴山市 and the counties); 银川市's own totals are its counties'.  The quick read
    (all documents, SQLite) and the services' (one document) count the same."""
    services = Services.open(db_url, clock=Clock(TODAY), user="测试员", create=True)
    services.documents.import_parsed(sample_document(), source())
    services.groups.set_members("银川市", ("兴庆区", "金凤区", "西夏区"), create=True)
    services.groups.set_members(
        GROUP, ["银川市", "吴忠市", "石嘴山市"], create=True, report_directly=True
    )
    shares = {r.unit: r.id for r in _rows(services) if r.group is not None}
    for unit in ("兴庆区", "吴忠市", "石嘴山市"):
        services.progress.record(shares[unit], Change(status=Status.DONE))
    services.close()
    db = ("--db", db_url, "--today", "2021-07-01")

    def groups(*more: str) -> list[tuple[object, ...]]:
        code, out, err = run(*db, "status", "--json", *more)
        assert (code, err) == (0, "")
        return [tuple(g.values()) for g in json.loads(out)["groups"]]

    county_late = [
        (GROUP, ["吴忠市", "石嘴山市", "银川市"], 1, 0, 1, 5),
        ("银川市", ["兴庆区", "西夏区", "金凤区"], 1, 0, 1, 3),
    ]
    assert groups() == groups("--doc", "宁政办〔2021〕9号") == county_late
    if db_url.startswith("sqlite"):  # the quick read answered, not the services after it
        quick = quick_summary(db_url, TODAY)
        assert quick is not None
        assert [(g.name, g.done, g.shares) for g in quick.groups] == [
            (GROUP, 0, 5),
            ("银川市", 0, 3),
        ]
    _, out, _ = run(*db, "group", GROUP, "--list", "--json")
    assert {k: v for k, v in json.loads(out).items() if k in ("tasks", "done", "overdue")} == {
        "tasks": 1,
        "done": 0,
        "overdue": 1,
    }
    services = Services.open(db_url, clock=Clock(TODAY), user="测试员")
    services.rounds.create("2021年7月", date(2021, 7, 1))
    for unit in ("金凤区", "西夏区"):
        services.progress.record(shares[unit], Change(status=Status.DONE))
    services.close()
    all_done = [
        (GROUP, ["吴忠市", "石嘴山市", "银川市"], 1, 1, 0, 5),
        ("银川市", ["兴庆区", "西夏区", "金凤区"], 1, 1, 0, 3),
    ]
    assert groups() == groups("--doc", "宁政办〔2021〕9号") == all_done
    assert groups("--round", "2021年7月") == all_done  # as of the round (today): the same


def test_the_bulletins_group_line_counts_a_citys_counties_once_under_the_group_above(
    loaded: Services,
) -> None:
    """The bulletin ranks the answering units (the counties, not 银川市); 各市、县（区）'s
    aggregate line counts their shares with 吴忠市's and 石嘴山市's, 银川市's line its
    counties' alone."""
    loaded.groups.set_members("银川市", ("兴庆区", "金凤区", "西夏区"), create=True)
    loaded.groups.set_members(
        GROUP, ["银川市", "吴忠市", "石嘴山市"], create=True, report_directly=True
    )
    shares = {r.unit: r.id for r in _rows(loaded) if r.group is not None}
    for unit in ("兴庆区", "吴忠市"):
        loaded.progress.record(shares[unit], Change(status=Status.DONE))
    loaded.rounds.create("2021年7月", date(2021, 7, 1))
    data = loaded.reports.bulletin_data("2021年7月")
    ranked = [u.unit for u in data.units]
    assert [u for u in ranked if u in (GROUP, "银川市", "兴庆区", "吴忠市")] == ["兴庆区", "吴忠市"]
    assert [(g.unit, g.now.assigned, g.now.finished, g.now.overdue) for g in data.groups] == [
        (GROUP, 5, 2, 3),
        ("银川市", 3, 1, 2),
    ]
