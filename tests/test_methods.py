"""Every registered timeline method honours the contract; learned-datewise and clust specifics."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import numpy as np
import pytest
from scipy import sparse

from dateline.model import Article, Document, Entry, Mention, Quote, Sentence, Timeline
from dateline.tls.base import Task, get_method, method_names
from dateline.tls.clust import Clust, markov_clusters
from dateline.tls.learned import FEATURES, LearnedDatewise, date_features, fit_ranker

_DAY = re.compile(r"\[(\d{4}-\d\d-\d\d)\]")
PARAMS = Path(__file__).resolve().parents[1] / "src" / "dateline" / "tls" / "params"


def _doc(aid: str, published: str, *sentences: str, source: str = "wire") -> Document:
    sents = [Sentence(aid, i, t, tuple(Mention(m.group(0), m.start(), m.end(), m.group(1), "day")
                                      for m in _DAY.finditer(t)))
             for i, t in enumerate(sentences)]
    return Document(Article(aid, date.fromisoformat(published), " ".join(sentences),
                            title=aid, source=source), tuple(sents))


@pytest.fixture
def docs() -> list[Document]:
    return [
        _doc("a1", "2020-01-01", "Militiamen stormed the embassy on [2019-12-31].",
             "Airstrikes hit militia bases on [2019-12-29]."),
        _doc("a2", "2019-12-31", "Protesters stormed the embassy in Baghdad.",
             "The airstrikes on [2019-12-29] killed 25 militia fighters.",
             "A rocket attack on [2019-12-27] killed a contractor."),
        _doc("a3", "2019-12-30", "The rocket attack of [2019-12-27] was blamed on the militia.",
             "Airstrikes on [2019-12-29] answered the rocket attack.", source="other"),
        _doc("a4", "2019-12-28", "Rocket attack on [2019-12-27] kills contractor near Kirkuk."),
    ]


@pytest.mark.parametrize("name", method_names())
def test_contract(name: str, docs: list[Document]) -> None:
    m = get_method(name)
    assert m.name == name
    assert m.fit([]) is m if name == "clust" else True
    tl = m.build(docs, dates=2, per_date=1)
    assert isinstance(tl, Timeline) and tl.method == name
    assert 1 <= len(tl) <= 2
    ids = {d.id for d in docs}
    for e in tl.entries:
        assert len(e.sentences) == 1
        assert all(q.article_id in ids and q.published is not None for q in e.sentences)
    assert m.build(list(reversed(docs)), dates=2, per_date=1) == tl  # deterministic
    assert m.build([], dates=2).entries == ()
    late = m.build(docs, dates=5, per_date=1, start=date(2019, 12, 30))
    assert all(d >= date(2019, 12, 30) for d in late.dates)


def test_learned_datewise_uses_every_day_mention(docs: list[Document]) -> None:
    dates, X = date_features(docs)
    assert X.shape == (len(dates), len(FEATURES))
    assert X.max() <= 1.0 + 1e-9 and X.min() >= 0.0
    row = X[dates.index(date(2019, 12, 29))]
    assert row[FEATURES.index("docs_total")] > 0
    tl = LearnedDatewise(params={}).build(docs, dates=3, per_date=1)
    assert set(tl.dates) == {date(2019, 12, 27), date(2019, 12, 29), date(2019, 12, 31)}


def test_learned_datewise_fit_and_cross_date_redundancy(docs: list[Document]) -> None:
    ref = Timeline((Entry(date(2019, 12, 27), (Quote("rocket", "r"),)),
                    Entry(date(2019, 12, 31), (Quote("embassy", "r"),))))
    m = LearnedDatewise(params={}).fit([Task("t", tuple(docs), ref)])
    assert m.params["features"] == list(FEATURES) and m.params["train_date_f1"] == 1.0
    assert set(m.build(docs, dates=2, per_date=1).dates) == {date(2019, 12, 27), date(2019, 12, 31)}
    dup = [_doc("x", "2020-01-02", "Troops left Baghdad on [2020-01-01] and [2020-01-02]."),
           _doc("y", "2020-01-03", "Troops left Baghdad on [2020-01-01] and [2020-01-02].")]
    tl = LearnedDatewise(params={}, cross_sim=0.5).build(dup, dates=2, per_date=1)
    assert len(tl) == 1  # the only sentence cannot serve both days


def test_fit_ranker_finds_a_separating_weight() -> None:
    X = np.array([[3.0, 0.0], [1.0, 1.0], [2.0, 0.0], [0.0, 0.5]])
    y = np.array([0.0, 1.0, 0.0, 1.0])
    w, f1 = fit_ranker([(X, y, 2)])
    order = np.argsort(-(X @ w), kind="stable")[:2]
    assert set(order.tolist()) == {1, 3} and f1 == 1.0


def test_shipped_params_are_small_and_versioned() -> None:
    for name in ("datewise", "learned-datewise"):
        p = PARAMS / f"{name}.json"
        assert p.stat().st_size < 4096
        params = json.loads(p.read_text())
        assert params["version"] == 1 and params["method"] == name
        assert len(params["coef"]) == len(params["features"])
        assert get_method(name).params == params


def test_markov_clusters_split_components() -> None:
    S = sparse.csr_matrix(np.array([[0, .9, .8, 0, 0], [.9, 0, .7, 0, 0], [.8, .7, 0, 0, 0],
                                    [0, 0, 0, 0, .9], [0, 0, 0, .9, 0]]))
    assert markov_clusters(S) == [[0, 1, 2], [3, 4]]
    assert markov_clusters(sparse.csr_matrix((3, 3))) == [[0], [1], [2]]


def test_clust_one_date_per_cluster(docs: list[Document]) -> None:
    tl = Clust().build(docs, dates=4, per_date=2, keywords=["rocket", "embassy", "airstrike"])
    assert len(set(tl.dates)) == len(tl.dates) >= 1
    for e in tl.entries:
        assert all(any(k in q.text.lower() for k in ("rocket", "embassy", "airstrike"))
                   for q in e.sentences)


def test_clust_quotes_as_news_tls_unless_quote_rules_are_asked_for() -> None:
    text = "Tue Dec 31, 2019 9:40 am EST (Reuters) - Militiamen besieged the embassy in Baghdad."
    art = Article("w", date(2019, 12, 31), text, source="wire")
    docs = [Document(art, (Sentence("w", 0, text),))]
    faithful = Clust().build(docs, dates=1, per_date=1, keywords=["embassy"])
    ruled = Clust(quote_rules=True).build(docs, dates=1, per_date=1, keywords=["embassy"])
    assert [q.text for e in faithful.entries for q in e.sentences] == [text]
    assert [q.text for e in ruled.entries for q in e.sentences] == [
        "Militiamen besieged the embassy in Baghdad."]
