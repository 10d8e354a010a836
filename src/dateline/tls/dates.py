"""Date statistics and date ranking shared by the timeline methods.

The news-tls date features count, for every day mentioned in the collection, the sentences and
documents that mention it, split by whether the mention is before or after the publication date.

>>> from datetime import date
>>> from dateline.model import Article, Document, Mention, Sentence
>>> art = Article("a", date(2020, 1, 1), "x")
>>> s = Sentence("a", 0, "On Tuesday.", (Mention("Tuesday", 3, 10, "2019-12-31", "day"),))
>>> stats = date_statistics([Document(art, (s,))])
>>> stats[date(2019, 12, 31)]["sents_before"]
1
>>> rank_by_count({date(2020, 1, 2): 3, date(2020, 1, 1): 3, date(2020, 1, 5): 7})
[datetime.date(2020, 1, 5), datetime.date(2020, 1, 1), datetime.date(2020, 1, 2)]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

import numpy as np

from dateline.model import Document
from dateline.tls.common import sentence_date

# news-tls's feature order (its ``docs_published`` column is never filled in there: always 0,
# so it is left out here).
DATEWISE_FEATURES: tuple[str, ...] = (
    "sents_total",
    "sents_before",
    "sents_after",
    "docs_total",
    "docs_before",
    "docs_after",
)


def date_statistics(
    documents: Sequence[Document], first_only: bool = True
) -> dict[date, dict[str, int]]:
    """Per mentioned day: sentence and document counts (total / before / same day / after)."""
    stats: dict[date, dict[str, int]] = {}

    def row(d: date) -> dict[str, int]:
        r = stats.get(d)
        if r is None:
            r = dict.fromkeys(
                ("sents_total", "sents_before", "sents_same_day", "sents_after",
                 "docs_total", "docs_before", "docs_same_day", "docs_after"), 0)
            stats[d] = r
        return r

    for doc in documents:
        pub = doc.article.published
        seen: set[date] = set()
        for s in doc.sentences:
            d = sentence_date(s, first_only)
            if d is None:
                continue
            r = row(d)
            rel = "before" if d < pub else "after" if d > pub else "same_day"
            r["sents_total"] += 1
            r[f"sents_{rel}"] += 1
            seen.add(d)
        for d in seen:
            r = stats[d]
            rel = "before" if d < pub else "after" if d > pub else "same_day"
            r["docs_total"] += 1
            r[f"docs_{rel}"] += 1
    return stats


def feature_matrix(
    stats: Mapping[date, Mapping[str, int]], names: Sequence[str] = DATEWISE_FEATURES
) -> tuple[list[date], np.ndarray]:
    """Dates in ascending order and their features, each column L2-normalised over the dates."""
    dates = sorted(stats)
    X = np.array([[float(stats[d][n]) for n in names] for d in dates], dtype=float).reshape(
        len(dates), len(names)
    )
    norms = np.sqrt((X**2).sum(axis=0))
    norms[norms == 0] = 1.0
    return dates, X / norms


def pub_distance(published: Sequence[date]):
    """A function: days from a date to the nearest of ``published`` (0 when none is given).

    >>> pub_distance([date(2020, 1, 1)])(date(2019, 12, 29))
    3
    """
    import bisect

    ords = sorted({p.toordinal() for p in published})

    def dist(d: date) -> int:
        if not ords:
            return 0
        o = d.toordinal()
        i = bisect.bisect_left(ords, o)
        near = [abs(ords[j] - o) for j in (i - 1, i) if 0 <= j < len(ords)]
        return min(near)

    return dist


def rank_by_score(
    dates: Sequence[date], scores: Sequence[float], published: Sequence[date] = ()
) -> list[date]:
    """Dates by descending score; ties: nearer to a publication date first, then earlier."""
    dist = pub_distance(published)
    order = sorted(range(len(dates)), key=lambda i: (-float(scores[i]), dist(dates[i]), dates[i]))
    return [dates[i] for i in order]


def rank_by_count(counts: Mapping[date, int], published: Sequence[date] = ()) -> list[date]:
    """Dates by descending count; ties: nearer to a publication date first, then earlier."""
    dist = pub_distance(published)
    return sorted(counts, key=lambda d: (-counts[d], dist(d), d))
