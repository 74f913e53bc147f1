"""Pairing a revision's measures with the stored ones by what they say."""

from __future__ import annotations

from tracker.documents import measure_matching
from tracker.documents.measure_matching import MeasureText, match_measures, normalised, similarity


def _m(code: str, text: str) -> MeasureText:
    return MeasureText(code, text.split("。")[0], text)


OLD = [
    _m("1", "建立重大项目审批绿色通道。（责任单位：自治区发展改革委）"),
    _m("2", "推行企业投资项目承诺制。（责任单位：自治区财政厅）"),
    _m("3", "压缩工程建设项目审批时限。（责任单位：自治区住房城乡建设厅）"),
]


def test_an_inserted_measure_shifts_the_numbers_but_not_the_pairs() -> None:
    new = [
        OLD[0],
        _m("2", "清理规范中介服务事项。"),
        *(_m(str(int(m.code) + 1), m.text) for m in OLD[1:]),
    ]
    assert match_measures(OLD, new) == {0: 0, 2: 1, 3: 2}


def test_a_reworded_measure_still_pairs_and_an_unrelated_one_does_not() -> None:
    new = [
        _m("1", "建立重大项目审批绿色通道， 实行专人帮办。（责任单位：自治区发展改革委）"),
        _m("2", "开展涉企收费专项清理。（责任单位：自治区市场监管厅）"),
    ]
    assert match_measures(OLD, new) == {0: 0}
    assert similarity(new[0], OLD[0]) > measure_matching.THRESHOLD
    assert similarity(new[1], OLD[1]) < measure_matching.THRESHOLD


def test_the_number_breaks_a_tie_between_identical_texts() -> None:
    same = "加强组织领导。"
    old = [_m("1", same), _m("2", same)]
    assert match_measures(old, [_m("2", same)]) == {0: 1}
    assert match_measures(old, [_m("1", same), _m("2", same)]) == {0: 0, 1: 1}


def test_spacing_punctuation_and_width_do_not_count() -> None:
    assert normalised("推进（一）企业 开办，全程网办。") == normalised("推进(一)企业开办,全程网办")


def test_a_big_rewrite_compares_only_nearby_measures(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(measure_matching, "ALL_PAIRS", 4)
    monkeypatch.setattr(measure_matching, "WINDOW", 1)
    subjects = ["审批绿色通道", "投资承诺制度", "不动产登记", "政府采购投诉", "涉企收费清理"]
    old = [_m(str(n), f"{s}。") for n, s in enumerate(subjects, 1)]
    new = [_m(str(n), f"{s}，确保见效。") for n, s in enumerate(subjects, 1)]
    assert match_measures(old, list(reversed(new))) == {2: 2}  # only the middle is near its twin
    assert match_measures(old, new) == {n: n for n in range(5)}
