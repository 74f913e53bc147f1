"""Undoing one given apply (the window's undo history): versions reported, an apply
undone already is nothing to do, a later import still in force is named."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.tracker.ledgers.test_ledgers import _edit, _export, office  # noqa: F401 (fixture)
from tracker.errors import InvalidInputError
from tracker.services import Services
from tracker.statuses import Status


def _returned(services: Services, unit: str, tmp_path: Path, percent: int, code: str = "1") -> Path:
    sent = _export(services, unit, tmp_path)
    return _edit(sent, {f"{code}/完成状态": "推进中", f"{code}/完成进度(%)": percent})


def test_an_apply_is_undone_by_its_batches_with_the_versions_after(
    office: Services,  # noqa: F811
    tmp_path: Path,
) -> None:
    importer = office.ledger_import
    back = _returned(office, "自治区公安厅", tmp_path / "a", 60)
    result = importer.apply([back])
    row = next(
        r for r in office.overview.assignments() if (r.code, r.unit) == ("1", "自治区公安厅")
    )
    assert result.applied == [back.name] and len(result.batches) == 1
    assert result.versions[row.id] == row.version and (row.status, row.percent) == (
        Status.IN_PROGRESS,
        60,
    )
    undone = importer.undo_apply(result.batches)
    after = next(r for r in office.overview.assignments() if r.id == row.id)
    assert undone.files == [back.name] and undone.versions == {row.id: after.version}
    assert after.version == row.version + 1 and after.status is Status.NOT_STARTED
    assert importer.undo_apply(result.batches).files == []  # undone already: nothing to do


def test_an_earlier_apply_waits_for_the_later_one(
    office: Services,  # noqa: F811
    tmp_path: Path,
) -> None:
    importer = office.ledger_import
    first = importer.apply([_returned(office, "自治区公安厅", tmp_path / "a", 60)])
    later = _returned(office, "宁夏税务局", tmp_path / "b", 30, "2")
    importer.apply([later])
    with pytest.raises(InvalidInputError, match=rf"later ledger import \({later.name}\)"):
        importer.undo_apply(first.batches)
    assert importer.undo_last() == [later.name]
    assert importer.undo_apply(first.batches).files == [first.applied[0]]
