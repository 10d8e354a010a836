"""Sentence vectors and centroid-based extractive summarisation (vectorised, deterministic).

:func:`centroid_opt` is the news-tls "CentroidOpt" summariser: greedily add the sentence that
makes the summary's (summed) TF-IDF vector closest to the candidates' centroid, skipping
sentences that fail a filter or are too similar to one already chosen. Here it is computed with
a few sparse matrix products instead of a Python loop per candidate.

>>> import numpy as np
>>> from scipy import sparse
>>> X = sparse.csr_matrix(np.array([[1.0, 0, 0], [0.6, 0.8, 0], [0, 0, 1.0]]))
>>> centroid_opt(X, k=2)
[0, 2]
>>> knee_point([1.0, 0.9, 0.2, 0.1, 0.05])
2
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer


def fit_tfidf(texts: Sequence[str]) -> tuple[TfidfVectorizer | None, sparse.csr_matrix]:
    """Fit an English TF-IDF model on ``texts`` and return it with their L2-normalised rows.

    Returns ``(None, empty matrix)`` when the texts hold no word at all.
    """
    vec = TfidfVectorizer(stop_words="english", lowercase=True, dtype=np.float64)
    try:
        X = vec.fit_transform(texts)
    except ValueError:  # empty vocabulary
        return None, sparse.csr_matrix((len(texts), 0))
    return vec, sparse.csr_matrix(X)


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.sqrt(v @ v))
    return v / n if n > 0 else v


def centroid_opt(
    X: sparse.csr_matrix,
    k: int,
    *,
    allowed: np.ndarray | None = None,
    max_sim: float = 0.9999,
    centroid: np.ndarray | None = None,
    prior: np.ndarray | None = None,
    prior_weight: float = 0.0,
    given: Sequence[int] = (),
) -> list[int]:
    """Indices of up to ``k`` rows of ``X`` forming a summary close to the centroid.

    ``X`` holds L2-normalised sentence vectors (one row per candidate). ``allowed`` masks the
    rows that may be chosen (the centroid is still computed over all rows, as in news-tls).
    A row whose cosine with an already chosen row exceeds ``max_sim`` is skipped. ``centroid``
    overrides the mean direction; ``prior`` adds ``prior_weight * prior[i]`` to every row's
    score (used by learned sentence scoring). ``given``: rows already in the summary (they
    open the returned list and count towards ``k``). Ties go to the lower index.

    >>> X = sparse.csr_matrix(np.array([[1.0, 0, 0], [0.6, 0.8, 0], [0, 0, 1.0]]))
    >>> centroid_opt(X, k=2, given=[1])
    [1, 2]
    """
    n = X.shape[0]
    if n == 0 or k <= 0 or X.shape[1] == 0:
        return []
    ok = np.ones(n, dtype=bool) if allowed is None else np.asarray(allowed, dtype=bool).copy()
    c = _unit(np.asarray(X.sum(axis=0)).ravel()) if centroid is None else _unit(centroid)
    base = np.asarray(X @ c).ravel()
    sq = np.asarray(X.multiply(X).sum(axis=1)).ravel()
    ok &= sq > 0
    bonus = prior_weight * np.asarray(prior, dtype=float) if prior is not None else 0.0
    s = np.zeros(X.shape[1])
    s_c = 0.0
    s_n2 = 0.0
    max_seen = np.full(n, -np.inf)
    chosen: list[int] = []

    def add(i: int) -> None:
        nonlocal s, s_c, s_n2, max_seen
        chosen.append(i)
        ok[i] = False
        xi = X.getrow(i)
        s = s + xi.toarray().ravel()
        s_c = float(s @ c)
        s_n2 = float(s @ s)
        max_seen = np.maximum(max_seen, np.asarray(X @ xi.T.toarray()).ravel() / np.sqrt(
            np.maximum(sq, 1e-12) * max(sq[i], 1e-12)))

    for i in given:
        add(int(i))
    while len(chosen) < k:
        cand = ok & (max_seen <= max_sim)
        if not cand.any():
            break
        if chosen:
            sx = np.asarray(X @ s).ravel()
            denom = np.sqrt(np.maximum(s_n2 + 2 * sx + sq, 1e-12))
            score = (s_c + base) / denom
        else:
            score = base / np.sqrt(np.maximum(sq, 1e-12))
        score = score + bonus
        score = np.where(cand, score, -np.inf)
        add(int(np.argmax(score)))
    return chosen


def knee_point(values: Sequence[float]) -> int:
    """Index of the point of a sorted curve farthest from the chord joining its ends.

    (The "knee" used by news-tls to cut candidate sentences by similarity.)
    """
    n = len(values)
    if n < 3:
        return 0
    y = np.asarray(values, dtype=float)
    pts = np.column_stack([np.arange(n, dtype=float), y])
    line = pts[-1] - pts[0]
    norm = float(np.sqrt(line @ line))
    if norm == 0:
        return 0
    line = line / norm
    rel = pts - pts[0]
    proj = np.outer(rel @ line, line)
    dist = np.sqrt(((rel - proj) ** 2).sum(axis=1))
    return int(np.argmax(dist))
