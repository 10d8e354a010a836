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

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

import numpy as np

from dateline.model import Document, Sentence
from dateline.tls.common import mentions_any, sentence_date

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
    dates: Sequence[date],
    scores: Sequence[float],
    published: Sequence[date] = (),
    then: Sequence[float] | None = None,
) -> list[date]:
    """Dates by descending score; ties: by descending ``then`` (when given), nearer to a
    publication date first, then earlier.

    >>> days = [date(2020, 1, 1), date(2020, 1, 2), date(2020, 1, 3)]
    >>> rank_by_score(days, [1.0, 2.0, 1.0], then=[0.0, 0.0, 5.0])
    [datetime.date(2020, 1, 2), datetime.date(2020, 1, 3), datetime.date(2020, 1, 1)]
    """
    dist = pub_distance(published)
    second = then if then is not None else [0.0] * len(dates)
    order = sorted(range(len(dates)),
                   key=lambda i: (-float(scores[i]), -float(second[i]), dist(dates[i]), dates[i]))
    return [dates[i] for i in order]


def rank_by_count(counts: Mapping[date, int], published: Sequence[date] = ()) -> list[date]:
    """Dates by descending count; ties: nearer to a publication date first, then earlier."""
    dist = pub_distance(published)
    return sorted(counts, key=lambda d: (-counts[d], dist(d), d))


# --- learned date ranking features (learned-datewise, learned-ranking) ---------------------------

DATE_FEATURES: tuple[str, ...] = (
    "sents_total",
    "sents_before",
    "sents_same_day",
    "sents_after",
    "docs_total",
    "sources",
    "lead_sents",
    "keyword_sents",
    "published",
    "published_next",
    "first_mentions",
    "explicit_sents",
    # articles in which a sentence naming a keyword mentions the day: in an archive that is not
    # all about the query (a person's story among everything else), the count that says the
    # day matters for it (docs/benchmarks.md, round 9)
    "keyword_docs",
)

_EXPLICIT = re.compile(
    r"\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.IGNORECASE
)


def is_explicit(mention_text: str) -> bool:
    """Whether a time expression names its date ("March 3", "3/4") rather than implying it.

    >>> is_explicit("March 3"), is_explicit("Tuesday"), is_explicit("on 20 April")
    (True, False, True)
    """
    return bool(_EXPLICIT.search(mention_text))


_NO_DAYS: tuple[tuple[date, ...], frozenset[date], frozenset[date]] = ((), frozenset(), frozenset())


def sentence_days(s: Sentence) -> tuple[tuple[date, ...], frozenset[date], frozenset[date]]:
    """``(days, explicit, at_start)`` of a sentence in one pass over its mentions.

    ``days`` is :attr:`Sentence.days`; ``explicit`` the days named explicitly
    (:func:`is_explicit`); ``at_start`` the days of mentions starting within 25 characters.

    >>> from dateline.model import Mention
    >>> s = Sentence("a", 0, "On Tuesday, after the March 3 vote, ...",
    ...              (Mention("Tuesday", 3, 10, "2020-03-10"), Mention("March 3", 22, 29, "2020-03-03")))
    >>> days, explicit, start = sentence_days(s)
    >>> [d.day for d in days], sorted(d.day for d in explicit), sorted(d.day for d in start)
    ([10, 3], [3], [3, 10])
    """
    if not s.mentions:
        return _NO_DAYS
    days: list[date] = []
    explicit: set[date] = set()
    start: set[date] = set()
    for m in s.mentions:
        d = m.day
        if d is None:
            continue
        if d not in days:
            days.append(d)
        if is_explicit(m.text):
            explicit.add(d)
        if m.start <= 25:
            start.add(d)
    return tuple(days), frozenset(explicit), frozenset(start)


def date_features(
    documents: Sequence[Document], keywords: Sequence[str] = (), lead: int = 5
) -> tuple[list[date], np.ndarray]:
    """Candidate days (mentioned or publication days, ascending) and their :data:`DATE_FEATURES`.

    Each raw count ``c`` becomes ``log1p(c) / log1p(max c over days)`` so that the features mean
    the same on a collection of 50 or 5,000 articles, over a week or a decade. Without
    ``keywords`` every sentence is on the story (as :func:`~dateline.tls.common.mentions_any`
    has it), so the keyword counts are the counts of all sentences and articles, and a ranker
    trained with keywords ranks such a collection as it would one whose every sentence names one.
    """
    names = DATE_FEATURES
    col = {f: i for i, f in enumerate(names)}
    raw: dict[date, np.ndarray] = defaultdict(lambda: np.zeros(len(names)))
    src: dict[date, set[str]] = defaultdict(set)
    for doc in documents:
        pub = doc.article.published
        raw[pub][col["published"]] += 1
        raw[pub - timedelta(days=1)][col["published_next"]] += 1
        seen: set[date] = set()
        seen_kw: set[date] = set()
        for s in doc.sentences:
            if not s.mentions:
                continue
            days, explicit, _ = sentence_days(s)
            if not days:
                continue
            has_kw = mentions_any(s.text, keywords)
            if has_kw:
                seen_kw.update(days)
            for d in days:
                r = raw[d]
                r[col["sents_total"]] += 1
                r[col["sents_before" if d < pub else "sents_after" if d > pub else "sents_same_day"]] += 1
                if s.index < lead:
                    r[col["lead_sents"]] += 1
                if has_kw:
                    r[col["keyword_sents"]] += 1
                if d == days[0]:
                    r[col["first_mentions"]] += 1
                if d in explicit:
                    r[col["explicit_sents"]] += 1
                seen.add(d)
        for d in seen:
            raw[d][col["docs_total"]] += 1
            src[d].add(doc.article.source or doc.article.id)
        for d in seen_kw:
            raw[d][col["keyword_docs"]] += 1
    for d, ss in src.items():
        raw[d][col["sources"]] = float(len(ss))
    dates = sorted(d for d, r in raw.items() if r[col["sents_total"]] > 0 or r[col["published"]] > 0)
    if not dates:
        return [], np.zeros((0, len(names)))
    X = np.log1p(np.vstack([raw[d] for d in dates]))
    top = X.max(axis=0)
    top[top == 0] = 1.0
    return dates, X / top
