"""Unit names and file names without invisible characters: exact outputs."""

from __future__ import annotations

import pytest

from importers.policy.units import canonical_unit, split_units
from importers.text_clean import (
    MAX_FILE_NAME_BYTES,
    clean_unit_name,
    is_scratch_file,
    safe_file_name,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("自治区公安厅", "自治区公安厅"),
        ("\u202e厅安公区治自", "厅安公区治自"),  # shown reversed: the override goes, the text stays
        ("自治区\u202a公安厅\u202c", "自治区公安厅"),
        ("\u2066宁夏税务局\u2069\u200e\u200f\u061c", "宁夏税务局"),
        ("\ufeff自治区\u200b公安\u200c厅\u200d\u2060", "自治区公安厅"),
        ("自治区市场\n监管厅", "自治区市场监管厅"),  # Alt+Enter in a cell
        ("自治区市场\r\n\t监管厅", "自治区市场监管厅"),
        ("Bank of\nChina", "Bank of China"),
        ("中国银行\nBank", "中国银行 Bank"),
        ("  银川\x00市\x07\x1b政府\x7f\x9b ", "银川市政府"),
        ("银川市\x85政府", "银川市政府"),  # NEL, a C1 line break
        ("a\u2028b", "a b"),
        ("a \t  b", "a b"),
        ("\u200b\u202e\n", ""),
    ],
)
def test_clean_unit_name(raw: str, clean: str) -> None:
    assert clean_unit_name(raw) == clean


def test_policy_units_are_cleaned() -> None:
    assert split_units("自治区市场监管厅\u200b、\u202e公安厅，宁夏税务局\ufeff") == [
        "自治区市场监管厅",
        "自治区公安厅",
        "宁夏税务局",
    ]
    assert canonical_unit("自治区\u200b发改委\u202c") == "自治区发展改革委"


@pytest.mark.parametrize(
    ("raw", "name"),
    [
        ("自治区公安厅_2021年第2季度_工作台账.xlsx", "自治区公安厅_2021年第2季度_工作台账.xlsx"),
        ("台账\u202exslx.exe", "台账xslx.exe"),
        ('a<b>c:d"e/f\\g|h?i*j.xlsx', "a_b_c_d_e_f_g_h_i_j.xlsx"),
        ("市场 监管厅\t.xlsx", "市场_监管厅_.xlsx"),
        ("  单位. . .", "单位"),
        ("CON.xlsx", "_CON.xlsx"),
        ("con", "_con"),
        ("Com1_.xlsx", "Com1_.xlsx"),
        ("LPT9.tar.gz", "_LPT9.tar.gz"),
        ("NUL", "_NUL"),
        ("...", "台账"),
        ("\u200b", "台账"),
    ],
)
def test_safe_file_name(raw: str, name: str) -> None:
    assert safe_file_name(raw) == name


def test_a_long_name_is_cut_in_its_stem_keeping_the_extension() -> None:
    name = safe_file_name("很" * 100 + "_工作台账.xlsx")
    assert name == "很" * 58 + ".xlsx"
    assert len(name.encode()) <= MAX_FILE_NAME_BYTES
    assert safe_file_name("x" * 300) == "x" * MAX_FILE_NAME_BYTES


@pytest.mark.parametrize(
    ("name", "scratch"),
    [
        ("~$自治区公安厅_工作台账.xlsx", True),
        (".~lock.自治区公安厅_工作台账.xlsx#", True),
        (".ledger-k2j3h4.xlsx", True),
        ("._自治区公安厅_工作台账.xlsx", True),
        ("自治区公安厅_工作台账.xlsx", False),
        ("~自治区公安厅.xlsx", False),
    ],
)
def test_scratch_files(name: str, scratch: bool) -> None:
    assert is_scratch_file(name) is scratch
