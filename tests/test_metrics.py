"""Timeline metrics (tilse semantics) on small timelines worked out by hand."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.evaluate.metrics import METRICS, score, summaries
from dateline.model import Entry, Quote, Timeline


def tl(*blocks: tuple[date, list[str]]) -> Timeline:
    return Timeline(tuple(Entry(d, tuple(Quote(s, "a") for s in ss)) for d, ss in blocks))


D = lambda day: date(2020, 1, day)  # noqa: E731

REF = tl((D(1), ["oil spill"]), (D(5), ["relief sealed"]))
PRED = tl((D(2), ["oil spill"]), (D(5), ["relief capped"]))


def approx(x: float) -> object:
    return pytest.approx(x, abs=1e-12)


@pytest.fixture(scope="module")
def scores() -> dict:
    return score(PRED, [REF])


def test_keys_in_order(scores):
    assert list(scores) == list(METRICS)
    assert list(scores)[:4] == ["concat", "agreement", "align_m1", "date_f1"]


def test_concat(scores):
    # tokens: pred oil spill relief cap; ref oil spill relief seal
    c = scores["concat"]
    assert c["rouge_1"] == {"precision": approx(0.75), "recall": approx(0.75), "f_score": approx(0.75)}
    assert c["rouge_2"]["precision"] == approx(2 / 3) and c["rouge_2"]["recall"] == approx(2 / 3)


def test_agreement(scores):
    # only 2020-01-05 is shared: 1 hit ("relief"); 2+2 predicted and 2+2 reference tokens
    a = scores["agreement"]
    assert a["rouge_1"]["precision"] == approx(0.25) and a["rouge_1"]["recall"] == approx(0.25)
    assert a["rouge_2"] == {"precision": 0.0, "recall": 0.0, "f_score": 0.0}


def test_align_m1(scores):
    # 01-02 -> 01-01 (same words, weight 1/2): 2 hits x 1/2; 01-05 -> 01-05: 1 hit
    m = scores["align_m1"]
    assert m["rouge_1"]["precision"] == approx(0.5) and m["rouge_1"]["recall"] == approx(0.5)
    assert m["rouge_2"]["precision"] == approx(0.25) and m["rouge_2"]["recall"] == approx(0.25)


def test_one_to_one_variants_agree_here(scores):
    for key in ("align_plus_1to1", "align_1to1"):
        assert scores[key]["rouge_1"]["precision"] == approx(0.5)
        assert scores[key]["rouge_1"]["recall"] == approx(0.5)


def test_date_f1(scores):
    assert scores["date_f1"] == {"precision": 0.5, "recall": 0.5, "f_score": 0.5}


def test_m1_ties_go_to_the_earliest_reference_date():
    # the approximate F1 works on raw tokens: "Spills" matches neither reference, so both
    # reference dates (two days away) cost the same; ROUGE, stemmed, matches only 01-01
    pred = tl((D(3), ["Spills"]))
    ref = tl((D(1), ["spill"]), (D(5), ["gas"]))
    s = score(pred, [ref], metrics=("align_m1",))
    assert s["align_m1"]["rouge_1"]["precision"] == approx(1 / 3)


def test_m1_is_many_to_one_but_1to1_is_not():
    pred = tl((D(1), ["oil spill"]), (D(2), ["oil spill"]))
    ref = tl((D(1), ["oil spill"]))
    s = score(pred, [ref])
    # m:1: both predicted dates use the one reference date (weights 1 and 1/2)
    assert s["align_m1"]["rouge_1"]["precision"] == approx((2 + 1) / 4)
    # 1:1: the second predicted date stays unmatched and only adds to the denominator
    assert s["align_plus_1to1"]["rouge_1"]["precision"] == approx(2 / 4)


def test_several_references_count_the_prediction_once_per_reference():
    s = score(tl((D(1), ["oil spill"])), [tl((D(1), ["oil spill"])), tl((D(1), ["gas leak"]))])
    assert s["concat"]["rouge_1"]["precision"] == approx(2 / 4)
    assert s["concat"]["rouge_1"]["recall"] == approx(2 / 4)


def test_empty_prediction_scores_zero_instead_of_failing():
    s = score(Timeline(), [REF])
    for key in METRICS:
        flat = [s[key]] if key == "date_f1" else list(s[key].values())
        assert all(v == {"precision": 0.0, "recall": 0.0, "f_score": 0.0} for v in flat), key


def test_repeated_date_keeps_the_later_block():
    pred = tl((D(1), ["oil spill"]), (D(1), ["gas leak"]))
    assert summaries(pred) == {D(1): ["gas leak"]}
    s = score(pred, [tl((D(1), ["gas leak"]))], metrics=("concat",))
    assert s["concat"]["rouge_1"]["precision"] == 1.0


def test_mapping_input_and_bad_arguments():
    s = score({D(1): ["oil spill"]}, [{D(1): ["oil spill"]}], metrics=("concat", "date_f1"))
    assert list(s) == ["concat", "date_f1"]
    assert s["concat"]["rouge_2"]["f_score"] == 1.0
    with pytest.raises(ValueError):
        score(PRED, [])
    with pytest.raises(ValueError):
        score(PRED, [REF], metrics=("rouge_l",))
