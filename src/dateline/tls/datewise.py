"""``datewise``: the news-tls Datewise method (Gholipour Ghalandari & Ifrim, ACL 2020).

1. Rank the days mentioned in the collection: a linear regression over day-level mention
   features (:data:`~dateline.tls.dates.DATEWISE_FEATURES`, columns L2-normalised per collection)
   when trained parameters are available, else by the number of sentences dated to the day.
2. Candidates for a day: sentences dated to it (the sentence's first time expression is that
   day) plus undated lead sentences (index <= ``clip_sents``) of articles published on that day
   or the ``pub_end - 1`` days after; both sets are cut to those close to a joint "date vector"
   (a knee-point threshold on TF-IDF cosine).
3. Summarise each day with the summary-centroid optimiser (:func:`~dateline.tls.summarize.centroid_opt`),
   keeping only sentences that contain a keyword; days with no admissible sentence are skipped.

Like news-tls, it quotes any candidate that names a keyword, as split. ``quote_rules=True`` adds
dateline's quote rules (:func:`~dateline.tls.common.quotable`: no reader comments, fragments,
questions, page furniture; :func:`~dateline.tls.common.make_quote`: no glued wire headers or
captions), which the default method always applies: the reproduction stays faithful, and the
rules' own gain is measured apart (docs/benchmarks.md).

>>> from datetime import date
>>> from dateline.model import Article, Document, Mention, Sentence
>>> art = Article("a1", date(2020, 1, 1), "x", title="Embassy", source="wire")
>>> s = Sentence("a1", 0, "Protesters stormed the embassy on Tuesday.",
...              (Mention("Tuesday", 34, 41, "2019-12-31", "day"),))
>>> tl = Datewise(ranker="mentions").build([Document(art, (s,))], dates=1, per_date=1)
>>> tl.entries[0].date, tl.entries[0].sentences[0].article_id
(datetime.date(2019, 12, 31), 'a1')
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
    sentence_date,
)
from dateline.tls.dates import (
    DATEWISE_FEATURES,
    date_statistics,
    feature_matrix,
    rank_by_count,
    rank_by_score,
)
from dateline.tls.params import load_params
from dateline.tls.summarize import centroid_opt, fit_tfidf, knee_point

PARAMS_VERSION = 1


class Datewise:
    """The news-tls Datewise method; see the module docstring.

    ``ranker``: ``"supervised"`` (needs :meth:`fit` or shipped parameters), ``"mentions"``, or
    ``"auto"`` (supervised when parameters exist). ``max_sim`` is the redundancy cut between
    sentences of one date (news-tls: 0.9999, i.e. only near-duplicates are dropped).
    ``quote_rules``: apply dateline's quote rules (see the module docstring; off in news-tls).
    """

    name = "datewise"

    def __init__(
        self,
        ranker: str = "auto",
        params: dict[str, Any] | None = None,
        clip_sents: int = 5,
        pub_end: int = 2,
        max_sim: float = 0.9999,
        first_mention_only: bool = True,
        quote_rules: bool = False,
    ) -> None:
        if ranker not in ("auto", "supervised", "mentions"):
            raise ValueError(f"unknown ranker {ranker!r}: use auto, supervised or mentions")
        self.ranker = ranker
        self.params = params if params is not None else (
            load_params("datewise") if ranker != "mentions" else None
        )
        self.clip_sents = clip_sents
        self.pub_end = pub_end
        self.max_sim = max_sim
        self.first_mention_only = first_mention_only
        self.quote_rules = quote_rules

    # ------------------------------------------------------------------ training
    def fit(self, tasks: Sequence[Task]) -> "Datewise":
        """Fit the date-ranking regression: target 1 for reference dates, 0 for other mentioned days."""
        from sklearn.linear_model import LinearRegression

        Xs, ys = [], []
        for t in tasks:
            docs = select_documents(t.documents, start=t.start, end=t.end)
            stats = date_statistics(docs, self.first_mention_only)
            if not stats:
                continue
            dates, X = feature_matrix(stats)
            ref = set(t.reference.dates)
            Xs.append(X)
            ys.append(np.array([1.0 if d in ref else 0.0 for d in dates]))
        if not Xs:
            raise ValueError("no training task has any dated sentence")
        model = LinearRegression().fit(np.vstack(Xs), np.concatenate(ys))
        self.params = {
            "version": PARAMS_VERSION,
            "method": self.name,
            "features": list(DATEWISE_FEATURES),
            "coef": [round(float(c), 6) for c in model.coef_],
            "intercept": round(float(model.intercept_), 6),
            "trained_on": sorted({t.topic for t in tasks}),
        }
        if self.ranker == "mentions":
            self.ranker = "supervised"
        return self

    # ------------------------------------------------------------------ ranking
    def rank_dates(self, documents: Sequence[Document]) -> list[date]:
        """All mentioned days, most important first."""
        stats = date_statistics(documents, self.first_mention_only)
        if not stats:
            return []
        pubs = [d.published for d in documents]
        use_model = self.ranker == "supervised" or (self.ranker == "auto" and self.params)
        if use_model:
            if not self.params:
                raise ValueError("datewise: supervised ranking needs fit() or shipped parameters")
            names = self.params["features"]
            dates, X = feature_matrix(stats, names)
            scores = X @ np.asarray(self.params["coef"], dtype=float)
            return rank_by_score(dates, scores, pubs)
        return rank_by_count({d: r["sents_total"] for d, r in stats.items()}, pubs)

    # ------------------------------------------------------------------ building
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
        allowed = np.array([may_quote(d, s, kws, self.quote_rules) for d, s in refs], dtype=bool)

        ment: dict[date, list[int]] = defaultdict(list)
        pub: dict[date, list[int]] = defaultdict(list)
        i = 0
        for d in docs:
            p = d.article.published
            for j, s in enumerate(d.sentences):
                sd = sentence_date(s, self.first_mention_only)
                if sd is not None:
                    ment[sd].append(i)
                elif j <= self.clip_sents:
                    for k in range(self.pub_end):
                        pub[p - timedelta(days=k)].append(i)
                i += 1

        entries: list[Entry] = []
        for day in self.rank_dates(docs):
            if len(entries) >= dates:
                break
            if not in_range(day, start, end):
                continue
            cand = self._candidates(X, ment.get(day, []), pub.get(day, []))
            if not cand:
                continue
            idx = np.asarray(cand)
            chosen = centroid_opt(X[idx], per_date, allowed=allowed[idx], max_sim=self.max_sim)
            if chosen:
                quotes = tuple(make_quote(*refs[cand[c]], clean=self.quote_rules) for c in chosen)
                entries.append(Entry(day, quotes))
        return Timeline(tuple(entries), query=query, method=self.name)

    @staticmethod
    def _candidates(X, ment: list[int], pub: list[int]) -> list[int]:
        """news-tls's PM-Mean candidate cut: keep sentences close to the joint date vector."""
        if not ment or not pub:
            return list(ment or pub)
        Xm, Xp = X[np.asarray(ment)], X[np.asarray(pub)]
        cm = np.asarray(Xm.sum(axis=0)).ravel()
        cp = np.asarray(Xp.sum(axis=0)).ravel()
        cd = np.where((cm != 0) & (cp != 0), cp / len(pub) + cm / len(ment), 0.0)
        norm = float(np.sqrt(cd @ cd))
        if norm == 0:
            sims_m = np.zeros(len(ment))
            sims_p = np.zeros(len(pub))
        else:
            sims_m = np.asarray(Xm @ cd).ravel() / norm
            sims_p = np.asarray(Xp @ cd).ravel() / norm
        all_sims = np.concatenate([sims_m, sims_p])
        cut = knee_point(sorted(all_sims.tolist(), reverse=True))
        # news-tls indexes the *unsorted* similarities with the knee position; kept for fidelity.
        thresh = all_sims[cut]
        keep = [i for i, v in zip(ment, sims_m) if v > 0 and v > thresh]
        keep += [i for i, v in zip(pub, sims_p) if v > 0 and v > thresh]
        return keep or list(ment) + list(pub)
