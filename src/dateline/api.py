"""The Python API, mirroring the CLI verbs.

>>> from dateline import api
>>> tl = api.timeline(api.read(["tests/data/seeds"]), dates=4)   # doctest: +SKIP
>>> print(api.render(tl, "markdown"))                              # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path

from dateline.model import Article, Document, Timeline
from dateline.pipeline import analyze
from dateline.tls.common import article_matches, query_terms, required_query_terms

DEFAULT_METHOD = "learned-ranking"


def read(paths: Sequence[str | Path], input_format: str | None = None, report=None) -> Iterator[Article]:
    """Stream articles from files or folders (see :func:`dateline.corpus.read`)."""
    from dateline.corpus import read as _read

    return _read(paths, input_format=input_format, report=report)


def matches(article: Article, query: str | None) -> bool:
    """Whether the article's title or text is about ``query``: it mentions a query term and every
    name in the query, case-insensitively at the start of a word ("iran" finds "Iranian", "Bush"
    is not in "ambush"; see :func:`dateline.tls.common.matches_query`)."""
    return article_matches(article, query_terms(query), required_query_terms(query))


def select(
    articles: Iterable[Article],
    *,
    query: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Iterator[Article]:
    """Articles about ``query`` (see :func:`matches`) that can speak of the period: published on
    or after ``start`` (an article cannot report what had not happened yet); ``end`` is left to the
    method since later articles often look back on it."""
    terms = query_terms(query)
    names = required_query_terms(query)
    for a in articles:
        if start is not None and a.published < start:
            continue
        if article_matches(a, terms, names):
            yield a


def timeline(
    items: Iterable[Article | Document],
    *,
    method: str = DEFAULT_METHOD,
    dates: int = 10,
    per_date: int = 1,
    query: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> Timeline:
    """Build a timeline from articles (analysed here) or already-analysed documents."""
    from dateline.tls.base import get_method

    docs = [it if isinstance(it, Document) else analyze(it) for it in items]
    return get_method(method).build(
        docs,
        dates=dates,
        per_date=per_date,
        query=query,
        keywords=query_terms(query),
        start=start,
        end=end,
    )


def render(tl: Timeline, fmt: str = "text") -> str:
    """Write a timeline as text (tilse), json, markdown, html, timelinejs or pretty."""
    from dateline.render import render as _render

    return _render(tl, fmt)
