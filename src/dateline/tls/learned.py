"""``learned-datewise``: datewise with a richer learned date ranker and cross-date redundancy control.

What it changes against :mod:`dateline.tls.datewise` (each measured in docs/benchmarks.md):

* every day-level mention dates a sentence (not only the sentence's first time expression);
* the date ranker is a linear scorer, trained to maximise top-l date F1 directly, over scale-free features (log counts relative to the
  collection's busiest day): mention counts by article relation (before/same day/after the
  publication date), documents and distinct sources mentioning the day, mentions in article leads,
  mentions in sentences carrying a keyword, articles published on the day and the day after;
* candidates for a day are the sentences mentioning it plus undated lead sentences of articles
  published that day or the next, summarised with the centroid optimiser;
* a sentence too similar to one already placed on another date is not used again.

Parameters come from ``tls/params/learned-datewise.json`` (trained on all of Timeline17 by
``benchmarks/train_params.py``); without them it falls back to mention counts.

>>> from datetime import date
>>> from dateline.model import Article, Document, Mention, Sentence
>>> art = Article("a1", date(2020, 1, 1), "x")
>>> s = Sentence("a1", 0, "Protesters stormed the embassy on Tuesday.",
...              (Mention("Tuesday", 34, 41, "2019-12-31", "day"),))
>>> LearnedDatewise().build([Document(art, (s,))], dates=1).dates
(datetime.date(2019, 12, 31),)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import numpy as np

from dateline.model import Document, Entry, Sentence, Timeline
from dateline.tls.base import Task
from dateline.tls.common import (
    in_range,
    make_quote,
    may_quote,
    normalise_keywords,
    query_terms,
    select_documents,
)
from dateline.tls.dates import DATE_FEATURES, rank_by_score
from dateline.tls.dates import date_features as all_date_features
from dateline.tls.params import load_params
from dateline.tls.summarize import centroid_opt, fit_tfidf

PARAMS_VERSION = 1

#: learned-datewise's date features: :data:`~dateline.tls.dates.DATE_FEATURES` without
#: ``explicit_sents`` and ``keyword_docs`` (added for learned-ranking).
FEATURES: tuple[str, ...] = tuple(f for f in DATE_FEATURES if f not in ("explicit_sents", "keyword_docs"))
_COLUMNS = [DATE_FEATURES.index(f) for f in FEATURES]


def date_features(
    documents: Sequence[Document], keywords: Sequence[str] = (), lead: int = 5
) -> tuple[list[date], np.ndarray]:
    """Candidate days (mentioned or publication days, ascending) and their :data:`FEATURES` rows
    (the columns of :func:`dateline.tls.dates.date_features`)."""
    dates, X = all_date_features(documents, keywords, lead)
    return dates, X[:, _COLUMNS]


def _top_l_f1(
    w: np.ndarray, items: Sequence[tuple[np.ndarray, np.ndarray, int]], primary: int | None = None
) -> float:
    """Mean top-``l`` date F1 of the days ranked by ``X @ w`` (after column ``primary``, if given)."""
    p = r = 0.0
    for X, y, n_ref in items:
        keys = [np.arange(len(y)), -(X @ w)]
        if primary is not None:
            keys.append(-X[:, primary])
        order = np.lexsort(keys)[:n_ref]
        hits = float(y[order].sum())
        p += hits / max(len(order), 1)
        r += hits / n_ref
    p, r = p / len(items), r / len(items)
    return 2 * p * r / (p + r) if p + r else 0.0


STEPS: tuple[float, ...] = (-0.5, -0.25, -0.1, 0.1, 0.25, 0.5, 1.0)


def fit_ranker(
    items: Sequence[tuple[np.ndarray, np.ndarray, int]], rounds: int = 3
) -> tuple[np.ndarray, float]:
    """Weights maximising mean top-``l`` date F1 over ``(features, is_reference, l)`` items.

    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]])
    >>> w, f1 = fit_ranker([(X, np.array([0.0, 1.0, 0.0]), 1)])
    >>> int(np.argmax(X @ w)), f1
    (1, 1.0)
    """
    nf = items[0][0].shape[1]
    eye = np.eye(nf)
    best = max(range(nf), key=lambda j: (_top_l_f1(eye[j], items), -j))
    w = eye[best].copy()
    cur = _top_l_f1(w, items)
    for _ in range(rounds):
        improved = False
        for j in range(nf):
            for step in STEPS:
                w2 = w.copy()
                w2[j] += step
                v = _top_l_f1(w2, items)
                if v > cur + 1e-9:
                    w, cur, improved = w2, v, True
        if not improved:
            break
    return w, cur


def fit_lexicographic_ranker(
    items: Sequence[tuple[np.ndarray, np.ndarray, int]], rounds: int = 3
) -> tuple[int, np.ndarray, float]:
    """``(primary, weights, date F1)``: days ranked by one feature, ties broken by a linear ranker.

    ``weights`` are :func:`fit_ranker`'s, fitted on the ``(features, is_reference, l)`` items to
    rank every day; ``primary`` is the feature that, with ``weights`` ordering the days that share
    its value, gives the best mean top-``l`` date F1 over the items (ties: the lower index). A
    date count is a small integer on most days, so such ties are common. The linear ranker alone
    fits the training topics better but ranks held-out ones worse: its weights on the many
    (strongly correlated) counts overrule the primary count where it should decide
    (docs/benchmarks.md, round 12). The returned F1 is the lexicographic order's.

    >>> a = (np.array([[1.0, 0.0], [1.0, 1.0], [0.5, 0.0]]), np.array([0.0, 1.0, 0.0]), 1)
    >>> b = (np.array([[1.0, 0.2], [0.2, 1.0]]), np.array([1.0, 0.0]), 1)
    >>> primary, w, f1 = fit_lexicographic_ranker([a, b])  # feature 1 breaks a's tie
    >>> primary, f1
    (0, 1.0)
    """
    w, _ = fit_ranker(items, rounds)
    scores = [_top_l_f1(w, items, primary=j) for j in range(len(w))]
    primary = max(range(len(w)), key=lambda j: (scores[j], -j))
    return primary, w, scores[primary]


class LearnedDatewise:
    """See the module docstring. ``max_sim`` bounds similarity within a date, ``cross_sim`` across dates."""

    name = "learned-datewise"

    def __init__(
        self,
        params: dict[str, Any] | None = None,
        clip_sents: int = 5,
        pub_end: int = 2,
        max_sim: float = 0.5,
        cross_sim: float = 0.5,
        use_pub_sents: bool = True,
    ) -> None:
        self.params = params if params is not None else load_params(self.name)
        self.clip_sents = clip_sents
        self.pub_end = pub_end
        self.max_sim = max_sim
        self.cross_sim = cross_sim
        self.use_pub_sents = use_pub_sents

    def fit(self, tasks: Sequence[Task]) -> "LearnedDatewise":
        """Learn the date-ranking weights by coordinate ascent on top-``l`` date F1.

        ``l`` is each task's reference length; the search starts from the best single feature
        and tries fixed steps on one weight at a time (a direct, deterministic listwise ranker).
        """
        items = []
        for t in tasks:
            docs = select_documents(t.documents, start=t.start, end=t.end)
            dates, X = date_features(docs, normalise_keywords(t.keywords))
            keep = [i for i, d in enumerate(dates) if in_range(d, t.start, t.end)]
            ref = set(t.reference.dates)
            if keep and ref:
                y = np.array([1.0 if dates[i] in ref else 0.0 for i in keep])
                items.append((X[keep], y, len(ref)))
        if not items:
            raise ValueError("learned-datewise: no training task has candidate dates")
        weights, value = fit_ranker(items)
        self.params = {
            "version": PARAMS_VERSION,
            "method": self.name,
            "objective": "mean top-l date F1 (coordinate ascent)",
            "features": list(FEATURES),
            "coef": [round(float(c), 6) for c in weights],
            "train_date_f1": round(value, 4),
            "trained_on": sorted({t.topic for t in tasks}),
        }
        return self

    def rank_dates(self, documents: Sequence[Document], keywords: Sequence[str] = ()) -> list[date]:
        """Candidate days, most important first (ties: nearer a publication day, then earlier)."""
        dates, X = date_features(documents, keywords)
        if not dates:
            return []
        if self.params:
            col = {f: i for i, f in enumerate(FEATURES)}
            w = np.zeros(len(FEATURES))
            for f, c in zip(self.params["features"], self.params["coef"]):
                w[col[f]] = c
            scores = X @ w
        else:
            scores = X[:, FEATURES.index("sents_total")]
        return rank_by_score(dates, scores, [d.published for d in documents])

    def build(
        self,
        documents: Sequence[Document],
        *,
        dates: int = 10,
        per_date: int = 1,
        query: str | None = None,
        keywords: Sequence[str] = (),
        start: date | None = None,
        end: date | None = None,
    ) -> Timeline:
        """A timeline of at most ``dates`` days with at most ``per_date`` sentences each."""
        docs = select_documents(documents, query=query, start=start, end=end)
        kws = normalise_keywords(keywords) or query_terms(query)
        if dates <= 0 or per_date <= 0 or not docs:
            return Timeline((), query=query, method=self.name)
        refs: list[tuple[Document, Sentence]] = [(d, s) for d in docs for s in d.sentences]
        _, X = fit_tfidf([s.text for _, s in refs])
        allowed = np.array([may_quote(d, s, kws) for d, s in refs], dtype=bool)
        by_day: dict[date, list[int]] = defaultdict(list)
        i = 0
        for d in docs:
            p = d.article.published
            for j, s in enumerate(d.sentences):
                days = s.days
                for day in days:
                    by_day[day].append(i)
                if not days and self.use_pub_sents and j <= self.clip_sents:
                    for k in range(self.pub_end):
                        by_day[p - timedelta(days=k)].append(i)
                i += 1
        used = np.zeros(X.shape[0], dtype=bool)
        blocked = np.zeros(X.shape[0], dtype=bool)
        entries: list[Entry] = []
        for day in self.rank_dates(docs, kws):
            if len(entries) >= dates:
                break
            if not in_range(day, start, end) or day not in by_day:
                continue
            cand = np.asarray(sorted(set(by_day[day])))
            ok = allowed[cand] & ~blocked[cand]
            chosen = centroid_opt(X[cand], per_date, allowed=ok, max_sim=self.max_sim)
            if not chosen:
                continue
            rows = cand[chosen]
            used[rows] = True
            if self.cross_sim < 1.0:
                sims = np.asarray((X @ X[rows].T).max(axis=1).todense()).ravel()
                blocked |= sims > self.cross_sim
            entries.append(Entry(day, tuple(make_quote(*refs[r]) for r in rows)))
        return Timeline(tuple(entries), query=query, method=self.name)
