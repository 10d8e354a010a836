"""``clust``: the news-tls Clust method (Markov clustering of articles, one date per cluster).

1. Articles are TF-IDF vectors (title + text); articles published within ``max_days`` of each
   other are linked with their cosine similarity and the graph is clustered with Markov
   clustering (:func:`markov_clusters`: expansion 2, inflation 2, self loops 1, pruning 0.001).
2. A cluster's date is the day its sentences mention most (a sentence is dated by its first time
   expression, when that is day-level), else its earliest publication day.
3. Clusters are ranked by size (ties: mention count of their date, then date) and each is
   summarised from its articles' first ``clip_sents`` sentences with the centroid optimiser and
   the keyword filter; one cluster per date, until ``dates`` dates or ``dates * per_date``
   sentences are reached.

Like news-tls, it quotes any lead sentence that names a keyword, as split; ``quote_rules=True``
adds dateline's quote rules (as in :class:`~dateline.tls.datewise.Datewise`).

>>> import numpy as np
>>> from scipy import sparse
>>> S = sparse.csr_matrix(np.array([[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0.]]))
>>> markov_clusters(S)
[[0, 1], [2, 3]]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from dateline.model import Document, Entry, Timeline
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
from dateline.tls.summarize import centroid_opt, fit_tfidf


def markov_clusters(
    S: sparse.spmatrix,
    inflation: float = 2.0,
    loop: float = 1.0,
    prune: float = 1e-3,
    iterations: int = 100,
) -> list[list[int]]:
    """Markov clustering (van Dongen) of a similarity graph; clusters as sorted index lists.

    Clusters come largest first, ties by their first index. Every node is in exactly one cluster.
    """
    n = S.shape[0]
    if n == 0:
        return []
    M = sparse.csc_matrix(S, dtype=float) + loop * sparse.identity(n, format="csc")
    M = normalize(M, norm="l1", axis=0)
    for _ in range(iterations):
        prev = M
        M = M @ M
        M = M.power(inflation)
        M = normalize(M, norm="l1", axis=0)
        M.data[M.data < prune] = 0.0
        M.eliminate_zeros()
        M = normalize(M, norm="l1", axis=0)
        if (abs(M - prev)).max() < 1e-9:
            break
    M = sparse.csr_matrix(M)
    seen: set[int] = set()
    clusters: list[list[int]] = []
    for i in range(n):
        if M[i, i] > 0:
            members = sorted(int(j) for j in M.getrow(i).indices if j not in seen)
            if members:
                clusters.append(members)
                seen.update(members)
    rest = [i for i in range(n) if i not in seen]  # nodes attracted by no attractor row
    clusters.extend([i] for i in rest)
    clusters.sort(key=lambda c: (-len(c), c[0]))
    return clusters


class Clust:
    """The news-tls Clust method; see the module docstring. It has nothing to train.

    ``quote_rules``: apply dateline's quote rules (off in news-tls).
    """

    name = "clust"

    def __init__(
        self, max_days: int = 1, clip_sents: int = 5, max_sim: float = 0.9999, quote_rules: bool = False
    ) -> None:
        self.max_days = max_days
        self.quote_rules = quote_rules
        self.clip_sents = clip_sents
        self.max_sim = max_sim

    def fit(self, tasks: Sequence[Task]) -> "Clust":
        """Unsupervised: returns ``self``."""
        return self

    def _graph(self, docs: Sequence[Document]) -> sparse.csr_matrix:
        vec = TfidfVectorizer(stop_words="english", lowercase=True)
        texts = [f"{d.article.title or ''} {d.article.text}" for d in docs]
        try:
            X = vec.fit_transform(texts)
        except ValueError:
            return sparse.csr_matrix((len(docs), len(docs)))
        days = np.array([d.published.toordinal() for d in docs])
        rows, cols, vals = [], [], []
        for day in np.unique(days):
            a = np.flatnonzero(days == day)
            b = np.flatnonzero((days >= day) & (days <= day + self.max_days))
            sims = (X[a] @ X[b].T).toarray()
            for ii, i in enumerate(a):
                for jj, j in enumerate(b):
                    if i != j and sims[ii, jj] > 0 and (days[j] > day or j > i):
                        rows += [i, j]
                        cols += [j, i]
                        vals += [sims[ii, jj]] * 2
        return sparse.csr_matrix((vals, (rows, cols)), shape=(len(docs), len(docs)))

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
        """A timeline of at most ``dates`` cluster dates with at most ``per_date`` sentences each."""
        docs = select_documents(documents, query=query, start=start, end=end)
        kws = normalise_keywords(keywords) or query_terms(query)
        if dates <= 0 or per_date <= 0 or not docs:
            return Timeline((), query=query, method=self.name)
        counts: Counter[date] = Counter()
        for d in docs:
            for s in d.sentences:
                sd = sentence_date(s)
                if sd is not None:
                    counts[sd] += 1
        clusters = []
        for members in markov_clusters(self._graph(docs)):
            mentioned: Counter[date] = Counter()
            for i in members:
                for s in docs[i].sentences:
                    sd = sentence_date(s)
                    if sd is not None:
                        mentioned[sd] += 1
            if mentioned:
                day = min(mentioned, key=lambda d: (-mentioned[d], d))
            else:
                day = min(docs[i].published for i in members)
            clusters.append((members, day, counts.get(day, 0)))
        clusters.sort(key=lambda c: (-len(c[0]), -c[2], c[1], c[0][0]))

        lead = [(d, s) for d in docs for s in d.sentences[: self.clip_sents]]
        _, X = fit_tfidf([s.text for _, s in lead])
        allowed = np.array([may_quote(d, s, kws, self.quote_rules) for d, s in lead], dtype=bool)
        row_of: dict[tuple[str, int], int] = {
            (d.id, s.index): r for r, (d, s) in enumerate(lead)
        }
        entries: dict[date, Entry] = {}
        n_sents = 0
        for members, day, _ in clusters:
            if day in entries or not in_range(day, start, end):
                continue
            cand = [row_of[(docs[i].id, s.index)] for i in members
                    for s in docs[i].sentences[: self.clip_sents]]
            if not cand:
                continue
            idx = np.asarray(cand)
            chosen = centroid_opt(X[idx], per_date, allowed=allowed[idx], max_sim=self.max_sim)
            if not chosen:
                continue
            entries[day] = Entry(day, tuple(make_quote(*lead[cand[c]], clean=self.quote_rules)
                                            for c in chosen))
            n_sents += len(chosen)
            if n_sents >= dates * per_date or len(entries) >= dates:
                break
        return Timeline(tuple(entries.values()), query=query, method=self.name)
